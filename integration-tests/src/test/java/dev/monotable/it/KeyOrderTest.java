package dev.monotable.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.monotable.it.shop.Order;
import dev.monotable.it.shop.OrderItem;
import dev.monotable.it.shop.OrderItemKeys;
import dev.monotable.it.shop.OrderKeys;
import dev.monotable.it.shop.OrderStatus;
import dev.monotable.it.shop.ShopTable;
import dev.monotable.testing.DynamoDbExtension;
import dev.monotable.testing.TestDynamoDb;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB itself returns a partition's items in the order of the values in their sort keys: the
 * encodings hold up where it matters, in a real query.
 */
@ExtendWith(DynamoDbExtension.class)
class KeyOrderTest {
  private final DynamoDbClient client;
  private final ShopTable shop;

  KeyOrderTest(DynamoDbClient client, TestDynamoDb dynamo) {
    this.client = client;
    this.shop = ShopTable.of(client, dynamo.uniqueTableName("Shop"));
    shop.createIfNotExists();
  }

  private List<Map<String, AttributeValue>> partition(String partitionKey) {
    return client.query(b -> b.tableName(shop.tableName()).keyConditionExpression("PK = :pk")
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partitionKey)))).items();
  }

  @Test
  void intSortKeys_comeBackInNumericOrder_negativesFirst() {
    List<Integer> lineNumbers = new ArrayList<>(List.of(
        Integer.MIN_VALUE, -1000, -10, -9, -1, 0, 1, 2, 9, 10, 11, 100, 1000, Integer.MAX_VALUE));
    List<Integer> shuffled = new ArrayList<>(lineNumbers);
    Collections.shuffle(shuffled, new Random(7));
    for (int lineNo : shuffled) {
      shop.orderItems().put(new OrderItem("o-sorted", lineNo, "SKU", 1));
    }

    List<Integer> read = partition(OrderItemKeys.partitionKey("o-sorted")).stream()
        .map(item -> Integer.parseInt(item.get("lineNo").n()))
        .toList();
    assertEquals(lineNumbers, read);
  }

  @Test
  void instantSortKeys_comeBackInTimeOrder_whateverTheirPrecision() {
    List<Instant> dates = List.of(
        Instant.parse("1999-12-31T23:59:59Z"),
        Instant.parse("2024-05-01T09:30:00Z"),
        Instant.parse("2024-05-01T09:30:00.001Z"),
        Instant.parse("2024-05-01T09:30:00.010Z"),
        Instant.parse("2024-05-01T09:30:00.100Z"),
        Instant.parse("2024-05-01T09:30:01Z"),
        Instant.parse("2024-05-01T10:00:00Z"));
    List<Instant> shuffled = new ArrayList<>(dates);
    Collections.shuffle(shuffled, new Random(11));
    int n = 0;
    for (Instant date : shuffled) {
      shop.orders().put(new Order("sorted-user", "o" + n++, date, OrderStatus.PAID, BigDecimal.ONE));
    }

    List<Instant> read = partition(OrderKeys.partitionKey("sorted-user")).stream()
        .map(item -> Instant.parse(item.get("orderDate").s()))
        .toList();
    assertEquals(dates, read, "Instant.toString() would have put 09:30:00Z after 09:30:00.001Z");
  }
}
