package dev.monotable.sample;

import dev.monotable.runtime.InvalidKeyException;
import dev.monotable.testing.LocalDynamoDb;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The sample shop: starts DynamoDB Local in this JVM, creates the AppData table from the generated
 * definition, writes a user and an order through the generated repositories, reads them back and
 * prints them with the raw item DynamoDB stored.
 */
public final class ShopApp {
  private ShopApp() {}

  public static void main(String[] args) {
    try (LocalDynamoDb dynamo = LocalDynamoDb.start(); DynamoDbClient client = dynamo.newClient()) {
      run(client, System.out);
    }
    // DynamoDB Local can leave a background job thread (not a daemon) sleeping after it stops;
    // the tour is over, so end the JVM rather than wait for it
    System.exit(0);
  }

  /** The whole tour, on any client. */
  static void run(DynamoDbClient client, PrintStream out) {
    AppDataTable table = AppDataTable.of(client);
    boolean created = table.createIfNotExists();
    out.println("Table " + table.tableName() + (created ? " created" : " already there")
        + " with indexes GSI1 and ByStatus");

    User ada = new User("ada", "ada@example.com", "Ada Lovelace", Instant.parse("2024-01-15T10:00:00Z"));
    table.users().put(ada);
    Order order = new Order("ada", "o-1001", Instant.parse("2024-05-01T09:30:00Z"), OrderStatus.PAID,
        new BigDecimal("42.50"),
        List.of(new OrderLine("BOOK-1", 1, new BigDecimal("30.00")),
            new OrderLine("PEN-7", 5, new BigDecimal("2.50"))));
    table.orders().put(order);

    table.orders().put(new Order("ada", "o-1002", Instant.parse("2024-06-12T16:05:00Z"), OrderStatus.SHIPPED,
        new BigDecimal("12.00"), List.of(new OrderLine("MUG-3", 1, new BigDecimal("12.00")))));

    out.println("Read user:  " + table.users().get("ada").orElseThrow());
    out.println("Read order: " + table.orders().get("ada", order.orderDate(), "o-1001").orElseThrow());

    Map<String, AttributeValue> raw = client.getItem(b -> b.tableName(table.tableName())
        .key(OrderKeys.primaryKey("ada", order.orderDate(), "o-1001"))).item();
    out.println("Stored order item:");
    new TreeMap<>(raw).forEach((name, value) -> out.println("  " + name + " = " + show(value)));

    out.println("ordersOfUser(ada), newest first: " + table.orders().ordersOfUser("ada").descending().list()
        .stream().map(Order::orderId).toList());
    out.println("ordersByStatus(PAID): " + table.orders().ordersByStatus(OrderStatus.PAID).list()
        .stream().map(Order::orderId).toList());
    AppDataTable.Customer customer = table.customer("ada");
    out.println("customer(ada): " + customer.user().map(User::name).orElse("?") + " with "
        + customer.orders().size() + " orders");

    try {
      table.users().get("ada#ORDER");
    } catch (InvalidKeyException refused) {
      out.println("Refused before sending: " + refused.getMessage());
    }
  }

  private static String show(AttributeValue value) {
    if (value.s() != null) {
      return "\"" + value.s() + "\"";
    }
    if (value.n() != null) {
      return value.n();
    }
    if (value.hasL()) {
      return "[" + value.l().size() + " lines]";
    }
    return value.toString();
  }
}
