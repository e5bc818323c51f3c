package dev.monotable.sample;

import java.util.function.Consumer;

/**
 * What the shop does with its orders' changes: "if the status changed, notify". Here, notifying is
 * writing a line; the stream consumer of {@link ShopApp} and the Lambda function
 * {@link OrderEventsHandler} both use it.
 */
public final class OrderEvents implements AppDataChangeHandler {
  private final Consumer<String> notifications;

  public OrderEvents(Consumer<String> notifications) {
    this.notifications = notifications;
  }

  @Override
  public void orderInserted(Order order) {
    notifications.accept("New order " + order.orderId() + " of " + order.userId() + ": " + order.total()
        + " (" + order.status() + ")");
  }

  @Override
  public void orderModified(Order before, Order after) {
    if (before.status() != after.status()) {
      notifications.accept("Order " + after.orderId() + " status " + before.status() + " -> " + after.status());
    }
  }

  @Override
  public void orderRemoved(Order before, boolean expired) {
    notifications.accept("Order deleted " + before.orderId() + (expired ? " (expired)" : ""));
  }
}
