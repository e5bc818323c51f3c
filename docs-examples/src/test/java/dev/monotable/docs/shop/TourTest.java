package dev.monotable.docs.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.monotable.testing.DynamoDbExtension;
import dev.monotable.testing.TestDynamoDb;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(DynamoDbExtension.class)
class TourTest {
  private final DynamoDbClient dynamoDbClient;
  private final String tableName;

  TourTest(DynamoDbClient client, TestDynamoDb dynamo) {
    this.dynamoDbClient = client;
    this.tableName = dynamo.uniqueTableName("AppData");
  }

  @Test
  void repositoriesAndKeys() {
    Instant orderDate = Instant.parse("2024-05-01T09:30:00Z");
    User user = new User("ada", "ada@example.com", "Ada Lovelace", Instant.parse("2024-01-15T10:00:00Z"));
    Order order = new Order("ada", "o-1001", orderDate, OrderStatus.PAID, new BigDecimal("42.5"),
        List.of(new OrderLine("BOOK-1", 1, new BigDecimal("42.5"))));

    // region tour
    AppDataTable table = AppDataTable.of(dynamoDbClient, tableName);   // or .of(client) for "AppData"
    table.createIfNotExists();                          // keys, GSIs, LSIs, stream; waits until active

    table.users().put(user);
    table.orders().put(order);
    Optional<Order> read = table.orders().get("ada", orderDate, "o-1001");   // pk fields, then sk fields
    // endregion
    assertEquals(Optional.of(order), read);
    // region keys
    OrderKeys.partitionKey("ada");                      // "USER#ada"
    OrderKeys.sortKey(orderDate, "o-1001");             // "ORDER#2024-05-01T09:30:00.000000000Z#o-1001"
    OrderKeys.primaryKey("ada", orderDate, "o-1001");   // Map<String, AttributeValue> {PK, SK}
    OrderKeys.gsi1Key("o-1001");                        // {GSI1PK: "ORDER#o-1001", GSI1SK: "ORDER"}
    // endregion
    assertEquals("USER#ada", OrderKeys.partitionKey("ada"));
    assertEquals("ORDER#2024-05-01T09:30:00.000000000Z#o-1001", OrderKeys.sortKey(orderDate, "o-1001"));
    assertEquals(Map.of("PK", AttributeValue.fromS("USER#ada"),
            "SK", AttributeValue.fromS("ORDER#2024-05-01T09:30:00.000000000Z#o-1001")),
        OrderKeys.primaryKey("ada", orderDate, "o-1001"));
    assertEquals(Map.of("GSI1PK", AttributeValue.fromS("ORDER#o-1001"), "GSI1SK", AttributeValue.fromS("ORDER")),
        OrderKeys.gsi1Key("o-1001"));
    // region deletes
    table.orders().delete("ada", orderDate, "o-1001");
    table.users().delete(user);
    // endregion
    assertEquals(Optional.empty(), table.orders().get("ada", orderDate, "o-1001"));
    assertEquals(Optional.empty(), table.users().get("ada"));
  }
}
