package dev.monotable.benchmarks;

import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The engine benchmarks' table: {@code Bench} ({@code PK}, {@code SK}) with 100 items in partition ORDERS. */
final class EngineBenchData {
  static final String NAME = "Bench";

  private EngineBenchData() {}

  /** Creates the table and writes the 100 items of partition {@code ORDERS} (about 250 bytes each). */
  static void create(DynamoDbClient client) {
    client.createTable(t -> t.tableName(NAME)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(k -> k.attributeName("PK").keyType(KeyType.HASH), k -> k.attributeName("SK").keyType(KeyType.RANGE))
        .attributeDefinitions(
            a -> a.attributeName("PK").attributeType(ScalarAttributeType.S),
            a -> a.attributeName("SK").attributeType(ScalarAttributeType.S)));
    for (int i = 0; i < 100; i++) {
      Map<String, AttributeValue> row = new HashMap<>();
      row.put("PK", AttributeValue.fromS("ORDERS"));
      row.put("SK", AttributeValue.fromS(String.format("ORDER#%04d", i)));
      row.put("body", AttributeValue.fromS("y".repeat(200)));
      row.put("n", AttributeValue.fromN("42"));
      client.putItem(p -> p.tableName(NAME).item(row));
    }
  }
}
