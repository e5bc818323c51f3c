package dev.monotable.docs.shop;

import java.util.function.Consumer;

/** What the shop does with its orders' changes: a line for each new order and each change of status. */
// region handler
public final class OrderEvents implements AppDataChangeHandler {   // one default no-op per entity and event
  private final Consumer<String> notifications;

  public OrderEvents(Consumer<String> notifications) {
    this.notifications = notifications;
  }

  @Override
  public void orderInserted(Order order) {
    notifications.accept("New order " + order.orderId());
  }

  @Override
  public void orderModified(Order before, Order after) {
    if (before.status() != after.status()) {
      notifications.accept("Order " + after.orderId() + " status " + before.status() + " -> " + after.status());
    }
  }

  @Override
  public void orderRemoved(Order before, boolean expired) {   // expired: removed by time to live
    notifications.accept("Order " + before.orderId() + (expired ? " expired" : " deleted"));
  }
}
// endregion
