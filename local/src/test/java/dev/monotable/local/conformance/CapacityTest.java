package dev.monotable.local.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.Capacity;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.Get;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * ReturnConsumedCapacity, from the Developer Guide ("DynamoDB read and write operations", "Global
 * secondary indexes: provisioned throughput considerations"): a read unit per 4 KB of item, rounded
 * up, halved for an eventually consistent read and doubled for a transactional one; a write unit per
 * 1 KB, doubled in a transaction; PutItem and UpdateItem charge the larger of the item before and
 * after, DeleteItem the deleted item; BatchGetItem rounds each item on its own; Query rounds the
 * total size of the items read; a table write that puts an item into a global secondary index costs
 * an index write, and one that changes the index key costs two. Item sizes here are the lengths of
 * attribute names plus the UTF-8 bytes of string values, kept well away from the rounding bounds.
 */
class CapacityTest extends EngineTest {
  private static final double DELTA = 1e-9;
  private static final String INDEX = "byCat";

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static Map<String, AttributeValue> key(String pk) {
    return Map.of("pk", s(pk));
  }

  /** An item of pk plus attribute "d" holding {@code chars} ASCII characters: 2 + pk + 1 + chars bytes. */
  private static Map<String, AttributeValue> sized(String pk, int chars) {
    return Map.of("pk", s(pk), "d", s("x".repeat(chars)));
  }

  private void put(String table, Map<String, AttributeValue> item) {
    client.putItem(r -> r.tableName(table).item(item));
  }

  private String createIndexedTable() {
    String name = uniqueName("capacity-gsi");
    client.createTable(r -> r.tableName(name)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
        .attributeDefinitions(
            AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
            AttributeDefinition.builder().attributeName("cat").attributeType(ScalarAttributeType.S).build())
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName(INDEX)
            .keySchema(KeySchemaElement.builder().attributeName("cat").keyType(KeyType.HASH).build())
            .projection(p -> p.projectionType(ProjectionType.ALL)).build()));
    return name;
  }

  private static double unitsFor(List<ConsumedCapacity> consumed, String table) {
    return consumed.stream().filter(c -> table.equals(c.tableName()))
        .mapToDouble(ConsumedCapacity::capacityUnits).sum();
  }

  @Test
  void putItem_smallItemTotal_oneWriteUnitAndNoBreakdown() {
    String table = createTable("pk", null);

    ConsumedCapacity consumed = client.putItem(r -> r.tableName(table).item(sized("a", 10))
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();

    assertEquals(table, consumed.tableName());
    assertEquals(1.0, consumed.capacityUnits(), DELTA);
    assertNull(consumed.table(), "TOTAL gives only the aggregate");
  }

  @Test
  void putItem_withoutReturnConsumedCapacity_noConsumedCapacity() {
    String table = createTable("pk", null);

    assertNull(client.putItem(r -> r.tableName(table).item(sized("a", 10))).consumedCapacity());
  }

  @Test
  void putItem_2500ByteItem_threeWriteUnits() {
    String table = createTable("pk", null);

    ConsumedCapacity consumed = client.putItem(r -> r.tableName(table).item(sized("big", 2500))
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();

    assertEquals(3.0, consumed.capacityUnits(), DELTA);
  }

  @Test
  void putItem_replacingLargerItem_chargesLargerOfTheTwo() {
    String table = createTable("pk", null);
    put(table, sized("k", 2500));

    ConsumedCapacity consumed = client.putItem(r -> r.tableName(table).item(sized("k", 10))
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();

    assertEquals(3.0, consumed.capacityUnits(), DELTA);
  }

  @Test
  void updateItem_shrinkingLargeItem_chargesSizeBeforeUpdate() {
    String table = createTable("pk", null);
    put(table, sized("k", 2500));

    ConsumedCapacity consumed = client.updateItem(r -> r.tableName(table).key(key("k"))
        .updateExpression("REMOVE d")
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();

    assertEquals(3.0, consumed.capacityUnits(), DELTA);
  }

  @Test
  void updateItem_growingItem_chargesSizeAfterUpdate() {
    String table = createTable("pk", null);
    put(table, sized("k", 10));

    ConsumedCapacity consumed = client.updateItem(r -> r.tableName(table).key(key("k"))
        .updateExpression("SET d = :big")
        .expressionAttributeValues(Map.of(":big", s("y".repeat(1500))))
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();

    assertEquals(2.0, consumed.capacityUnits(), DELTA);
  }

  @Test
  void deleteItem_largeItem_chargesDeletedItemSize() {
    String table = createTable("pk", null);
    put(table, sized("k", 2500));

    ConsumedCapacity consumed = client.deleteItem(r -> r.tableName(table).key(key("k"))
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();

    assertEquals(3.0, consumed.capacityUnits(), DELTA);
  }

  @Test
  void getItem_smallItemEventuallyConsistent_halfReadUnit() {
    String table = createTable("pk", null);
    put(table, sized("k", 10));

    ConsumedCapacity consumed = client.getItem(r -> r.tableName(table).key(key("k"))
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();

    assertEquals(table, consumed.tableName());
    assertEquals(0.5, consumed.capacityUnits(), DELTA);
  }

  @Test
  void getItem_smallItemStronglyConsistent_oneReadUnit() {
    String table = createTable("pk", null);
    put(table, sized("k", 10));

    ConsumedCapacity consumed = client.getItem(r -> r.tableName(table).key(key("k")).consistentRead(true)
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();

    assertEquals(1.0, consumed.capacityUnits(), DELTA);
  }

  @Test
  void getItem_9000ByteItem_roundsUpToTwelveKilobytes() {
    String table = createTable("pk", null);
    put(table, sized("k", 9000));

    double strong = client.getItem(r -> r.tableName(table).key(key("k")).consistentRead(true)
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits();
    double eventual = client.getItem(r -> r.tableName(table).key(key("k")).consistentRead(false)
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits();

    assertEquals(3.0, strong, DELTA);
    assertEquals(1.5, eventual, DELTA);
  }

  @Test
  void getItem_indexes_breakdownShowsTableOnly() {
    String table = createIndexedTable();
    put(table, Map.of("pk", s("k"), "cat", s("c")));

    ConsumedCapacity consumed = client.getItem(r -> r.tableName(table).key(key("k")).consistentRead(true)
        .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();

    assertEquals(1.0, consumed.capacityUnits(), DELTA);
    assertNotNull(consumed.table());
    assertEquals(1.0, consumed.table().capacityUnits(), DELTA);
    assertTrue(!consumed.hasGlobalSecondaryIndexes() || consumed.globalSecondaryIndexes().isEmpty(),
        "GetItem accesses no index");
  }

  @Test
  void batchGetItem_stronglyConsistent_roundsEachItemSeparately() {
    String table = createTable("pk", null);
    put(table, sized("b1", 1500));
    put(table, sized("b2", 6500));

    List<ConsumedCapacity> consumed = client.batchGetItem(r -> r
        .requestItems(Map.of(table, KeysAndAttributes.builder().keys(List.of(key("b1"), key("b2"))).consistentRead(true).build()))
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();

    assertEquals(3.0, unitsFor(consumed, table), DELTA, "4 KB + 8 KB, not 8 KB for the sum");
  }

  @Test
  void batchWriteItem_threeSmallPuts_oneWriteUnitEach() {
    String table = createTable("pk", null);

    List<ConsumedCapacity> consumed = client.batchWriteItem(r -> r
        .requestItems(Map.of(table, List.of(
            WriteRequest.builder().putRequest(PutRequest.builder().item(sized("w1", 10)).build()).build(),
            WriteRequest.builder().putRequest(PutRequest.builder().item(sized("w2", 10)).build()).build(),
            WriteRequest.builder().putRequest(PutRequest.builder().item(sized("w3", 10)).build()).build())))
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();

    assertEquals(3.0, unitsFor(consumed, table), DELTA);
  }

  @Test
  void query_tenSmallItems_oneUnitForTheTotalNotPerItem() {
    String table = createTable("pk", "sk");
    for (int i = 0; i < 10; i++) {
      put(table, Map.of("pk", s("q"), "sk", s("s" + i), "d", s("x")));
    }

    QueryResponse strong = client.query(r -> r.tableName(table).keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", s("q"))).consistentRead(true)
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
    QueryResponse eventual = client.query(r -> r.tableName(table).keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", s("q"))).consistentRead(false)
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));

    assertEquals(10, strong.count());
    assertEquals(1.0, strong.consumedCapacity().capacityUnits(), DELTA);
    assertEquals(0.5, eventual.consumedCapacity().capacityUnits(), DELTA);
  }

  @Test
  void query_tenThousandBytesInTenItems_roundsTheTotalUpToTwelveKilobytes() {
    String table = createTable("pk", "sk");
    for (int i = 0; i < 10; i++) {
      // 2 + 3 ("pk" "big") + 2 + 2 ("sk" "s<i>") + 1 + 990 ("d") = 1000 bytes
      put(table, Map.of("pk", s("big"), "sk", s("s" + i), "d", s("x".repeat(990))));
    }

    double strong = client.query(r -> r.tableName(table).keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", s("big"))).consistentRead(true)
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits();
    double eventual = client.query(r -> r.tableName(table).keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", s("big")))
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits();

    assertEquals(3.0, strong, DELTA);
    assertEquals(1.5, eventual, DELTA);
  }

  @Test
  void putItem_withIndexKeyIndexes_indexWriteInGlobalSecondaryIndexes() {
    String table = createIndexedTable();

    ConsumedCapacity consumed = client.putItem(r -> r.tableName(table)
        .item(Map.of("pk", s("k"), "cat", s("c")))
        .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();

    assertEquals(2.0, consumed.capacityUnits(), DELTA);
    assertEquals(1.0, consumed.table().capacityUnits(), DELTA);
    Capacity index = consumed.globalSecondaryIndexes().get(INDEX);
    assertNotNull(index, "the index written is listed");
    assertEquals(1.0, index.capacityUnits(), DELTA);
  }

  @Test
  void putItem_withIndexKeyTotal_countsIndexWriteInAggregate() {
    String table = createIndexedTable();

    ConsumedCapacity consumed = client.putItem(r -> r.tableName(table)
        .item(Map.of("pk", s("k"), "cat", s("c")))
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();

    assertEquals(2.0, consumed.capacityUnits(), DELTA);
    assertTrue(!consumed.hasGlobalSecondaryIndexes() || consumed.globalSecondaryIndexes().isEmpty());
  }

  @Test
  void putItem_withoutIndexKey_noIndexWrite() {
    String table = createIndexedTable();

    ConsumedCapacity consumed = client.putItem(r -> r.tableName(table)
        .item(Map.of("pk", s("k"), "other", s("o")))
        .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();

    assertEquals(1.0, consumed.capacityUnits(), DELTA);
    assertEquals(1.0, consumed.table().capacityUnits(), DELTA);
    Capacity index = consumed.hasGlobalSecondaryIndexes() ? consumed.globalSecondaryIndexes().get(INDEX) : null;
    assertTrue(index == null || index.capacityUnits() == 0.0, "nothing written to the index");
  }

  @Test
  void updateItem_changingIndexKey_twoIndexWrites() {
    String table = createIndexedTable();
    put(table, Map.of("pk", s("k"), "cat", s("before")));

    ConsumedCapacity consumed = client.updateItem(r -> r.tableName(table).key(key("k"))
        .updateExpression("SET cat = :after")
        .expressionAttributeValues(Map.of(":after", s("after")))
        .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();

    assertEquals(1.0, consumed.table().capacityUnits(), DELTA);
    assertEquals(2.0, consumed.globalSecondaryIndexes().get(INDEX).capacityUnits(), DELTA,
        "one write deletes the old index entry, one puts the new");
    assertEquals(3.0, consumed.capacityUnits(), DELTA);
  }

  @Test
  void deleteItem_indexedItem_oneIndexWrite() {
    String table = createIndexedTable();
    put(table, Map.of("pk", s("k"), "cat", s("c")));

    ConsumedCapacity consumed = client.deleteItem(r -> r.tableName(table).key(key("k"))
        .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();

    assertEquals(1.0, consumed.globalSecondaryIndexes().get(INDEX).capacityUnits(), DELTA);
    assertEquals(2.0, consumed.capacityUnits(), DELTA);
  }

  @Test
  void query_onGlobalSecondaryIndexIndexes_readChargedToIndex() {
    String table = createIndexedTable();
    put(table, Map.of("pk", s("k1"), "cat", s("c")));
    put(table, Map.of("pk", s("k2"), "cat", s("c")));

    QueryResponse response = client.query(r -> r.tableName(table).indexName(INDEX)
        .keyConditionExpression("cat = :c").expressionAttributeValues(Map.of(":c", s("c")))
        .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES));

    assertEquals(2, response.count());
    assertEquals(0.5, response.consumedCapacity().capacityUnits(), DELTA);
    assertEquals(0.5, response.consumedCapacity().globalSecondaryIndexes().get(INDEX).capacityUnits(), DELTA);
  }

  @Test
  void transactWriteItems_smallPuts_twoWriteUnitsEach() {
    String table = createTable("pk", null);

    List<ConsumedCapacity> consumed = client.transactWriteItems(r -> r
        .transactItems(
            TransactWriteItem.builder().put(p -> p.tableName(table).item(sized("t1", 10))).build(),
            TransactWriteItem.builder().put(p -> p.tableName(table).item(sized("t2", 10))).build())
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();

    assertEquals(4.0, unitsFor(consumed, table), DELTA);
  }

  @Test
  void transactWriteItems_2500ByteItem_sixWriteUnits() {
    String table = createTable("pk", null);

    List<ConsumedCapacity> consumed = client.transactWriteItems(r -> r
        .transactItems(TransactWriteItem.builder().put(p -> p.tableName(table).item(sized("big", 2500))).build())
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();

    assertEquals(6.0, unitsFor(consumed, table), DELTA);
  }

  @Test
  void transactGetItems_smallAndLargeItem_twoReadUnitsPerFourKilobytes() {
    String table = createTable("pk", null);
    put(table, sized("small", 10));
    put(table, sized("large", 9000));

    List<ConsumedCapacity> small = client.transactGetItems(r -> r
        .transactItems(TransactGetItem.builder().get(Get.builder().tableName(table).key(key("small")).build()).build())
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();
    List<ConsumedCapacity> large = client.transactGetItems(r -> r
        .transactItems(TransactGetItem.builder().get(Get.builder().tableName(table).key(key("large")).build()).build())
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();

    assertEquals(2.0, unitsFor(small, table), DELTA);
    assertEquals(6.0, unitsFor(large, table), DELTA);
  }
}
