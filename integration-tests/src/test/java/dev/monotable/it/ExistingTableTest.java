package dev.monotable.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monotable.it.legacy.Account;
import dev.monotable.it.legacy.AccountKeys;
import dev.monotable.it.legacy.Device;
import dev.monotable.it.legacy.DevicesTable;
import dev.monotable.it.legacy.Measurement;
import dev.monotable.it.legacy.OrdersTable;
import dev.monotable.it.legacy.Purchase;
import dev.monotable.it.legacy.PurchaseKeys;
import dev.monotable.it.legacy.UsersTable;
import dev.monotable.runtime.InvalidKeyException;
import dev.monotable.runtime.Page;
import dev.monotable.testing.DynamoDbExtension;
import dev.monotable.testing.TestDynamoDb;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Tables made before Monotable, created here by hand with the low-level client and filled the way
 * a hand-written service fills them: plain key attributes typed S and N, no type attribute. The
 * generated repositories read and write them without changing their shape.
 */
@ExtendWith(DynamoDbExtension.class)
class ExistingTableTest {
  private final DynamoDbClient client;
  private final TestDynamoDb dynamo;

  ExistingTableTest(DynamoDbClient client, TestDynamoDb dynamo) {
    this.client = client;
    this.dynamo = dynamo;
  }

  private UsersTable usersTable() {
    String name = dynamo.uniqueTableName("Users");
    client.createTable(b -> b.tableName(name)
        .keySchema(k -> k.attributeName("userId").keyType(KeyType.HASH))
        .attributeDefinitions(a -> a.attributeName("userId").attributeType(ScalarAttributeType.S))
        .billingMode(BillingMode.PAY_PER_REQUEST));
    return UsersTable.of(client, name);
  }

  private OrdersTable ordersTable() {
    String name = dynamo.uniqueTableName("Orders");
    client.createTable(b -> b.tableName(name)
        .keySchema(k -> k.attributeName("userId").keyType(KeyType.HASH),
            k -> k.attributeName("timestamp").keyType(KeyType.RANGE))
        .attributeDefinitions(a -> a.attributeName("userId").attributeType(ScalarAttributeType.S),
            a -> a.attributeName("timestamp").attributeType(ScalarAttributeType.N),
            a -> a.attributeName("status").attributeType(ScalarAttributeType.S))
        .globalSecondaryIndexes(g -> g.indexName("ByStatus")
            .keySchema(k -> k.attributeName("status").keyType(KeyType.HASH),
                k -> k.attributeName("timestamp").keyType(KeyType.RANGE))
            .projection(p -> p.projectionType(ProjectionType.ALL)))
        .billingMode(BillingMode.PAY_PER_REQUEST));
    return OrdersTable.of(client, name);
  }

  private void putRaw(String table, Map<String, AttributeValue> item) {
    client.putItem(b -> b.tableName(table).item(item));
  }

  private static Map<String, AttributeValue> order(String userId, long timestamp, String status, String total) {
    return Map.of("userId", AttributeValue.fromS(userId), "timestamp", AttributeValue.fromN(Long.toString(timestamp)),
        "status", AttributeValue.fromS(status), "total", AttributeValue.fromN(total));
  }

  @Test
  void itemsWrittenByHand_areReadByTheirPlainKey() {
    UsersTable users = usersTable();
    putRaw(users.tableName(), Map.of("userId", AttributeValue.fromS("u-1"), "name", AttributeValue.fromS("Ada"),
        "emailAddress", AttributeValue.fromS("ada@example.com")));

    assertEquals(Optional.of(new Account("u-1", "Ada", "ada@example.com")), users.accounts().get("u-1"));
    assertEquals(Optional.empty(), users.accounts().get("u-2"));
    assertEquals(Map.of("userId", AttributeValue.fromS("u-1")), AccountKeys.primaryKey("u-1"));
  }

  @Test
  void aPut_keepsTheTableShape_noTypeAttributeAndTheKeyOnce() {
    UsersTable users = usersTable();
    users.accounts().put(new Account("u-7", "Grace", "grace@example.com"));

    Map<String, AttributeValue> stored = client.getItem(b -> b.tableName(users.tableName())
        .key(Map.of("userId", AttributeValue.fromS("u-7")))).item();
    assertEquals(Map.of("userId", AttributeValue.fromS("u-7"), "name", AttributeValue.fromS("Grace"),
        "emailAddress", AttributeValue.fromS("grace@example.com")), stored);
  }

  @Test
  void aNullPlainKey_isRefusedNamingEntityAndField_andNothingIsWritten() {
    UsersTable users = usersTable();
    InvalidKeyException refused = assertThrows(InvalidKeyException.class,
        () -> users.accounts().put(new Account(null, "Nobody", null)));
    assertTrue(refused.getMessage().contains("Account"), refused.getMessage());
    assertTrue(refused.getMessage().contains("userId"), refused.getMessage());
    assertEquals(0, client.scan(b -> b.tableName(users.tableName())).count());
  }

  @Test
  void aNumericSortKey_ordersAndNarrowsByNumber() {
    OrdersTable orders = ordersTable();
    // 9 < 10 < 100 as numbers, but "10" < "100" < "9" as strings
    for (long timestamp : new long[] {100, 9, 10, 2000}) {
      putRaw(orders.tableName(), order("u-1", timestamp, "PAID", "1.50"));
    }
    putRaw(orders.tableName(), order("u-2", 50, "PAID", "3"));

    assertEquals(List.of(9L, 10L, 100L, 2000L), timestamps(orders.purchases().purchasesOfUser("u-1").list()));
    assertEquals(List.of(2000L, 100L, 10L, 9L),
        timestamps(orders.purchases().purchasesOfUser("u-1").descending().list()));
    assertEquals(List.of(10L, 100L), timestamps(orders.purchases().purchasesOfUser("u-1").timestamp().between(10, 100).list()));
    assertEquals(List.of(100L, 2000L), timestamps(orders.purchases().purchasesOfUser("u-1").timestamp().greaterThan(10).list()));
    assertEquals(List.of(9L), timestamps(orders.purchases().purchasesOfUser("u-1").timestamp().lessThan(10).list()));
    assertEquals(Optional.of(new Purchase("u-1", 100, "PAID", new BigDecimal("1.5"))),
        orders.purchases().get("u-1", 100));
  }

  @Test
  void anIndexOnPlainAttributes_isQueriedWithNumericRanges_andPagesWithCursors() {
    OrdersTable orders = ordersTable();
    for (long timestamp = 1; timestamp <= 12; timestamp++) {
      putRaw(orders.tableName(), order("u-" + (timestamp % 3), timestamp * 7, timestamp % 2 == 0 ? "PAID" : "NEW", "1"));
    }

    List<Long> paid = timestamps(orders.purchases().purchasesByStatus("PAID").list());
    assertEquals(List.of(14L, 28L, 42L, 56L, 70L, 84L), paid);
    Page<Purchase> first = orders.purchases().purchasesByStatus("PAID").timestamp().atLeast(28).limit(2).page();
    assertEquals(List.of(28L, 42L), timestamps(first.items()));
    Page<Purchase> second = orders.purchases().purchasesByStatus("PAID").timestamp().atLeast(28).limit(2)
        .after(first.cursor().orElseThrow()).page();
    assertEquals(List.of(56L, 70L), timestamps(second.items()));
  }

  @Test
  void writesThroughTheRepository_storeTheSortKeyAsANumber() {
    OrdersTable orders = ordersTable();
    orders.purchases().put(new Purchase("u-3", 1764158400000L, "NEW", new BigDecimal("12.00")));
    orders.purchases().update("u-3", 1764158400000L).set(dev.monotable.it.legacy.PurchaseFields.STATUS, "PAID").execute();

    Map<String, AttributeValue> stored = client.getItem(b -> b.tableName(orders.tableName())
        .key(PurchaseKeys.primaryKey("u-3", 1764158400000L))).item();
    assertEquals(AttributeValue.fromN("1764158400000"), stored.get("timestamp"));
    assertEquals(AttributeValue.fromS("PAID"), stored.get("status"));
    assertFalse(stored.containsKey("_type"));
    assertEquals(4, stored.size(), stored.toString());
    orders.purchases().delete("u-3", 1764158400000L);
    assertEquals(Optional.empty(), orders.purchases().get("u-3", 1764158400000L));
  }

  @Test
  void theGeneratedDefinition_typesPlainKeysByTheirFields_andMatchesTheTableMadeByHand() {
    OrdersTable orders = ordersTable();
    Map<String, String> designed = orders.createTableRequest().attributeDefinitions().stream()
        .collect(Collectors.toMap(AttributeDefinition::attributeName, AttributeDefinition::attributeTypeAsString));
    assertEquals(Map.of("userId", "S", "timestamp", "N", "status", "S"), designed);
    assertFalse(orders.createIfNotExists(), "the table made by hand is the designed one");

    DevicesTable devices = DevicesTable.of(client, dynamo.uniqueTableName("Devices"));
    Map<String, String> mixed = devices.createTableRequest().attributeDefinitions().stream()
        .collect(Collectors.toMap(AttributeDefinition::attributeName, AttributeDefinition::attributeTypeAsString));
    assertEquals(Map.of("deviceId", "N", "SK", "S"), mixed);
  }

  @Test
  void aMixedDesign_plainNumericPartitionAndTemplateSortKeys_sharesAPartition() {
    DevicesTable devices = DevicesTable.of(client, dynamo.uniqueTableName("Devices"));
    devices.createIfNotExists();
    Instant at = Instant.parse("2026-11-26T08:00:00Z");
    devices.devices().put(new Device(42, "TH-1"));
    devices.measurements().put(new Measurement(42, at, 21.5));
    devices.measurements().put(new Measurement(42, at.plusSeconds(60), 21.7));
    devices.measurements().put(new Measurement(7, at, 3.0));

    Map<String, AttributeValue> stored = client.getItem(b -> b.tableName(devices.tableName())
        .key(Map.of("deviceId", AttributeValue.fromN("42"), "SK", AttributeValue.fromS("META")))).item();
    assertEquals(AttributeValue.fromS("Device"), stored.get("_type"));
    assertEquals(List.of(21.5, 21.7), devices.measurements().measurementsOfDevice(42).list().stream()
        .map(Measurement::value).toList());
    assertEquals(Optional.of(new Device(42, "TH-1")), devices.devices().get(42));

    DevicesTable.DeviceItems collection = devices.device(42).read();
    assertEquals(Optional.of(new Device(42, "TH-1")), collection.device());
    assertEquals(2, collection.measurements().size());
    assertEquals(List.of(at.plusSeconds(60)), devices.device(42).measurements().descending().limit(1).list().stream()
        .map(Measurement::at).toList());
  }

  private static List<Long> timestamps(List<Purchase> purchases) {
    return purchases.stream().map(Purchase::timestamp).toList();
  }
}
