package dev.monotable.sample;

import dev.monotable.runtime.TableOptions;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The seed's two tables as they exist before Monotable ({@code Users} by {@code userId},
 * {@code Orders} by {@code userId} and a numeric {@code timestamp}): items a hand-written service
 * wrote are read through generated code, and generated writes keep the tables' shape.
 */
final class ExistingTables {
  private ExistingTables() {}

  static void tour(DynamoDbClient client, String prefix, TableOptions options, PrintStream out) {
    UsersTable users = UsersTable.of(client, prefix + "Users", options);
    OrdersTable orders = OrdersTable.of(client, prefix + "Orders", options);
    users.createIfNotExists();
    orders.createIfNotExists();

    // what a service written before Monotable stored: plain attributes, a number for the time, no type
    Instant placed = Instant.parse("2024-06-30T12:00:00Z");
    client.putItem(b -> b.tableName(orders.tableName()).item(Map.of(
        "userId", AttributeValue.fromS("grace"),
        "timestamp", AttributeValue.fromN(Long.toString(placed.toEpochMilli())),
        "status", AttributeValue.fromS("SHIPPED"),
        "total", AttributeValue.fromN("19.99"))));
    users.accounts().put(new Account("grace", "Grace Hopper", "grace@example.com"));
    orders.purchases().put(new Purchase("grace", placed.plus(Duration.ofDays(1)).toEpochMilli(), "PAID",
        new BigDecimal("5.00")));

    out.println("Existing table Users, plain key userId: " + users.accounts().get("grace").orElseThrow());
    long since = placed.minus(Duration.ofHours(1)).toEpochMilli();
    out.println("Existing table Orders, purchasesOfUser(grace) since " + since + " (a numeric range): "
        + orders.purchases().purchasesOfUser("grace").timestamp().atLeast(since).list());
  }
}
