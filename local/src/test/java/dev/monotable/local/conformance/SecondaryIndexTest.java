package dev.monotable.local.conformance;

import static dev.monotable.local.conformance.Values.assertValidation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.DeleteGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Global and local secondary indexes, as the Developer Guide ("Using global secondary indexes", "Local
 * secondary indexes", "Attribute projections", "Take advantage of sparse indexes", "Managing global
 * secondary indexes") and the API Reference (Query, Scan, Projection, UpdateTable) describe them.
 */
class SecondaryIndexTest extends EngineTest {

  private static final String GSI_ALL = "gsiAll";
  private static final String GSI_KEYS = "gsiKeys";
  private static final String GSI_INCLUDE = "gsiInclude";
  private static final String GSI_HASH = "gsiHash";
  private static final String LSI_ALL = "lsiAll";
  private static final String LSI_KEYS = "lsiKeys";

  private static final Set<String> GSI_KEY_ATTRIBUTES = Set.of("pk", "sk", "gpk", "gsk");
  private static final Set<String> LSI_KEY_ATTRIBUTES = Set.of("pk", "sk", "lsk");

  // ---------------------------------------------------------------- global secondary index queries

  @Test
  void query_globalIndexAll_returnsWholeItemsOrderedByIndexSortKey() {
    String table = indexedTable();

    QueryResponse response = queryGsi(table, GSI_ALL, "g1");

    assertEquals(List.of("p1/b", "p2/a", "p1/a"), keys(response.items()));
    assertEquals(fullItem("p1", "b", "g1", "1", "k"), response.items().get(0));
    assertEquals(3, response.count());
  }

  @Test
  void query_globalIndexDescending_returnsReverseIndexOrder() {
    String table = indexedTable();

    QueryResponse response = client.query(q -> q.tableName(table)
        .indexName(GSI_ALL)
        .keyConditionExpression("gpk = :g")
        .expressionAttributeValues(Map.of(":g", s("g1")))
        .scanIndexForward(false));

    assertEquals(List.of("p1/a", "p2/a", "p1/b"), keys(response.items()));
  }

  @Test
  void query_globalIndexSortKeyCondition_filtersOnIndexSortKey() {
    String table = indexedTable();

    QueryResponse response = client.query(q -> q.tableName(table)
        .indexName(GSI_ALL)
        .keyConditionExpression("gpk = :g AND gsk > :v")
        .expressionAttributeValues(Map.of(":g", s("g1"), ":v", n("1"))));

    assertEquals(List.of("p2/a", "p1/a"), keys(response.items()));
  }

  @Test
  void query_globalIndexKeysOnly_returnsOnlyTableAndIndexKeys() {
    String table = indexedTable();

    QueryResponse response = queryGsi(table, GSI_KEYS, "g1");

    assertEquals(List.of("p1/b", "p2/a", "p1/a"), keys(response.items()));
    response.items().forEach(item -> assertEquals(GSI_KEY_ATTRIBUTES, item.keySet()));
    assertEquals(Map.of("pk", s("p1"), "sk", s("b"), "gpk", s("g1"), "gsk", n("1")), response.items().get(0));
  }

  @Test
  void query_globalIndexInclude_returnsKeysAndIncludedAttributes() {
    String table = indexedTable();

    QueryResponse response = queryGsi(table, GSI_INCLUDE, "g1");

    assertEquals(List.of("p1/b", "p2/a", "p1/a"), keys(response.items()));
    assertEquals(Map.of("pk", s("p1"), "sk", s("b"), "gpk", s("g1"), "gsk", n("1"), "x", s("x-p1b")),
        response.items().get(0));
    response.items().forEach(item -> assertEquals(Set.of("pk", "sk", "gpk", "gsk", "x"), item.keySet()));
  }

  @Test
  void query_globalIndexSelectAllProjectedAttributes_returnsTheProjection() {
    String table = indexedTable();

    QueryResponse response = client.query(q -> q.tableName(table)
        .indexName(GSI_INCLUDE)
        .keyConditionExpression("gpk = :g")
        .expressionAttributeValues(Map.of(":g", s("g2")))
        .select(Select.ALL_PROJECTED_ATTRIBUTES));

    assertEquals(List.of(Map.of("pk", s("p1"), "sk", s("c"), "gpk", s("g2"), "gsk", n("2"), "x", s("x-p1c"))),
        response.items());
  }

  @Test
  void query_globalIndexProjectionOfProjectedAttributes_returnsThem() {
    String table = indexedTable();

    QueryResponse response = client.query(q -> q.tableName(table)
        .indexName(GSI_INCLUDE)
        .keyConditionExpression("gpk = :g")
        .expressionAttributeValues(Map.of(":g", s("g1")))
        .projectionExpression("x, sk"));

    assertEquals(List.of(
            Map.of("sk", s("b"), "x", s("x-p1b")),
            Map.of("sk", s("a"), "x", s("x-p2a")),
            Map.of("sk", s("a"), "x", s("x-p1a"))),
        response.items());
  }

  @Test
  void query_globalIndexSelectCount_countsIndexEntries() {
    String table = indexedTable();

    QueryResponse response = client.query(q -> q.tableName(table)
        .indexName(GSI_KEYS)
        .keyConditionExpression("gpk = :g")
        .expressionAttributeValues(Map.of(":g", s("g1")))
        .select(Select.COUNT));

    assertEquals(3, response.count());
    assertTrue(response.items().isEmpty());
  }

  @Test
  void query_globalIndexFilterOnProjectedAttribute_filtersIndexEntries() {
    String table = indexedTable();

    QueryResponse response = client.query(q -> q.tableName(table)
        .indexName(GSI_INCLUDE)
        .keyConditionExpression("gpk = :g")
        .filterExpression("x <> :x")
        .expressionAttributeValues(Map.of(":g", s("g1"), ":x", s("x-p2a"))));

    assertEquals(List.of("p1/b", "p1/a"), keys(response.items()));
    assertEquals(2, response.count());
    assertEquals(3, response.scannedCount());
  }

  @Test
  void query_globalIndexKeyIsNotUnique_returnsEveryItemWithThatKey() {
    String table = indexedTable();

    QueryResponse response = queryGsi(table, GSI_HASH, "g1");

    // index keys need not be unique: three table items share gpk "g1"
    assertEquals(Set.of("p1/a", "p1/b", "p2/a"), new TreeSet<>(keys(response.items())));
    assertEquals(3, response.count());
    assertEquals(fullItem("p2", "a", "g1", "2", "z"),
        response.items().stream().filter(i -> i.get("pk").s().equals("p2")).findFirst().orElseThrow());
  }

  // ---------------------------------------------------------------- sparse membership

  @Test
  void query_globalIndexWithSortKey_excludesItemsWithoutIndexSortKey() {
    String table = indexedTable();

    QueryResponse response = queryGsi(table, GSI_ALL, "g2");

    // p3/a has gpk "g2" but no gsk, so it is not in an index keyed on (gpk, gsk)
    assertEquals(List.of("p1/c"), keys(response.items()));
  }

  @Test
  void query_globalIndexHashOnly_includesItemsWithoutTheOtherIndexSortKey() {
    String table = indexedTable();

    QueryResponse response = queryGsi(table, GSI_HASH, "g2");

    assertEquals(Set.of("p1/c", "p3/a"), new TreeSet<>(keys(response.items())));
  }

  @Test
  void scan_globalIndex_containsOnlyItemsWithEveryIndexKeyAttribute() {
    String table = indexedTable();

    ScanResponse all = client.scan(s -> s.tableName(table).indexName(GSI_ALL));
    ScanResponse hashOnly = client.scan(s -> s.tableName(table).indexName(GSI_HASH));

    // p2/b has no gpk; p3/a has no gsk
    assertEquals(Set.of("p1/a", "p1/b", "p1/c", "p2/a"), new TreeSet<>(keys(all.items())));
    assertEquals(4, all.count());
    assertEquals(Set.of("p1/a", "p1/b", "p1/c", "p2/a", "p3/a"), new TreeSet<>(keys(hashOnly.items())));
    assertEquals(5, hashOnly.count());
  }

  @Test
  void scan_globalIndexKeysOnly_returnsOnlyProjectedAttributes() {
    String table = indexedTable();

    ScanResponse response = client.scan(s -> s.tableName(table).indexName(GSI_KEYS));

    assertEquals(4, response.count());
    response.items().forEach(item -> assertEquals(GSI_KEY_ATTRIBUTES, item.keySet()));
  }

  @Test
  void scan_localIndex_containsOnlyItemsWithIndexSortKey() {
    String table = indexedTable();

    ScanResponse response = client.scan(s -> s.tableName(table).indexName(LSI_ALL));

    // p1/c and p3/a have no lsk
    assertEquals(Set.of("p1/a", "p1/b", "p2/a", "p2/b"), new TreeSet<>(keys(response.items())));
  }

  @Test
  void updateItem_removingIndexKey_removesItemFromIndex() {
    String table = indexedTable();

    client.updateItem(u -> u.tableName(table).key(tableKey("p1", "a")).updateExpression("REMOVE gpk"));

    assertEquals(List.of("p1/b", "p2/a"), keys(queryGsi(table, GSI_ALL, "g1").items()));
    assertEquals(Set.of("p1/b", "p2/a"), new TreeSet<>(keys(queryGsi(table, GSI_HASH, "g1").items())));
    assertFalse(keys(client.scan(s -> s.tableName(table).indexName(GSI_KEYS)).items()).contains("p1/a"));
  }

  @Test
  void updateItem_removingIndexSortKey_leavesOnlyIndexesNotKeyedOnIt() {
    String table = indexedTable();

    client.updateItem(u -> u.tableName(table).key(tableKey("p1", "a")).updateExpression("REMOVE gsk"));

    assertEquals(List.of("p1/b", "p2/a"), keys(queryGsi(table, GSI_ALL, "g1").items()));
    assertEquals(Set.of("p1/a", "p1/b", "p2/a"), new TreeSet<>(keys(queryGsi(table, GSI_HASH, "g1").items())));
  }

  @Test
  void updateItem_changingIndexPartitionKey_movesItemToOtherIndexPartition() {
    String table = indexedTable();

    client.updateItem(u -> u.tableName(table)
        .key(tableKey("p1", "a"))
        .updateExpression("SET gpk = :g")
        .expressionAttributeValues(Map.of(":g", s("g2"))));

    assertEquals(List.of("p1/b", "p2/a"), keys(queryGsi(table, GSI_ALL, "g1").items()));
    // in g2, ordered by gsk: p1/c (2), p1/a (3)
    assertEquals(List.of("p1/c", "p1/a"), keys(queryGsi(table, GSI_ALL, "g2").items()));
  }

  @Test
  void updateItem_changingIndexSortKey_reordersItemInIndex() {
    String table = indexedTable();

    client.updateItem(u -> u.tableName(table)
        .key(tableKey("p1", "a"))
        .updateExpression("SET gsk = :v")
        .expressionAttributeValues(Map.of(":v", n("0"))));

    QueryResponse response = queryGsi(table, GSI_ALL, "g1");
    assertEquals(List.of("p1/a", "p1/b", "p2/a"), keys(response.items()));
    assertEquals(n("0"), response.items().get(0).get("gsk"));
  }

  @Test
  void updateItem_addingIndexKey_addsItemToIndex() {
    String table = indexedTable();

    client.updateItem(u -> u.tableName(table)
        .key(tableKey("p2", "b"))
        .updateExpression("SET gpk = :g")
        .expressionAttributeValues(Map.of(":g", s("g1"))));

    // p2/b already had gsk 5
    assertEquals(List.of("p1/b", "p2/a", "p1/a", "p2/b"), keys(queryGsi(table, GSI_ALL, "g1").items()));
  }

  @Test
  void updateItem_changingProjectedAttribute_updatesIndexCopy() {
    String table = indexedTable();

    client.updateItem(u -> u.tableName(table)
        .key(tableKey("p1", "b"))
        .updateExpression("SET x = :x, y = :y")
        .expressionAttributeValues(Map.of(":x", s("x-new"), ":y", s("y-new"))));

    QueryResponse include = queryGsi(table, GSI_INCLUDE, "g1");
    QueryResponse all = queryGsi(table, GSI_ALL, "g1");
    assertEquals(Map.of("pk", s("p1"), "sk", s("b"), "gpk", s("g1"), "gsk", n("1"), "x", s("x-new")),
        include.items().get(0));
    assertEquals(s("y-new"), all.items().get(0).get("y"));
  }

  @Test
  void putItem_replacingItemWithoutIndexKey_removesItFromIndex() {
    String table = indexedTable();

    client.putItem(p -> p.tableName(table).item(Map.of("pk", s("p1"), "sk", s("a"), "x", s("plain"))));

    assertEquals(List.of("p1/b", "p2/a"), keys(queryGsi(table, GSI_ALL, "g1").items()));
    assertEquals(List.of("p1/b"), keys(queryLsi(table, LSI_ALL, "p1").items()));
  }

  @Test
  void deleteItem_removesItemFromEveryIndex() {
    String table = indexedTable();

    client.deleteItem(d -> d.tableName(table).key(tableKey("p1", "b")));

    assertEquals(List.of("p2/a", "p1/a"), keys(queryGsi(table, GSI_ALL, "g1").items()));
    assertEquals(List.of("p1/a"), keys(queryLsi(table, LSI_ALL, "p1").items()));
    assertFalse(keys(client.scan(s -> s.tableName(table).indexName(GSI_HASH)).items()).contains("p1/b"));
  }

  // ---------------------------------------------------------------- local secondary indexes

  @Test
  void query_localIndex_ordersPartitionByIndexSortKey() {
    String table = indexedTable();

    QueryResponse p1 = queryLsi(table, LSI_ALL, "p1");
    QueryResponse p2 = queryLsi(table, LSI_ALL, "p2");

    // p1: b (lsk k), a (lsk m); p1/c has no lsk. p2: b (lsk a), a (lsk z)
    assertEquals(List.of("p1/b", "p1/a"), keys(p1.items()));
    assertEquals(List.of("p2/b", "p2/a"), keys(p2.items()));
    assertEquals(fullItem("p1", "b", "g1", "1", "k"), p1.items().get(0));
  }

  @Test
  void query_localIndexDescending_returnsReverseIndexOrder() {
    String table = indexedTable();

    QueryResponse response = client.query(q -> q.tableName(table)
        .indexName(LSI_ALL)
        .keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", s("p2")))
        .scanIndexForward(false));

    assertEquals(List.of("p2/a", "p2/b"), keys(response.items()));
  }

  @Test
  void query_localIndexSortKeyCondition_filtersOnIndexSortKey() {
    String table = indexedTable();

    QueryResponse response = client.query(q -> q.tableName(table)
        .indexName(LSI_ALL)
        .keyConditionExpression("pk = :p AND lsk BETWEEN :lo AND :hi")
        .expressionAttributeValues(Map.of(":p", s("p1"), ":lo", s("a"), ":hi", s("l"))));

    assertEquals(List.of("p1/b"), keys(response.items()));
  }

  @Test
  void query_localIndexKeysOnly_returnsTableAndIndexKeys() {
    String table = indexedTable();

    QueryResponse response = queryLsi(table, LSI_KEYS, "p1");

    assertEquals(List.of(
            Map.of("pk", s("p1"), "sk", s("b"), "lsk", s("k")),
            Map.of("pk", s("p1"), "sk", s("a"), "lsk", s("m"))),
        response.items());
  }

  @Test
  void query_localIndexKeysOnlySelectAllAttributes_fetchesWholeItemsFromTable() {
    String table = indexedTable();

    QueryResponse response = client.query(q -> q.tableName(table)
        .indexName(LSI_KEYS)
        .keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", s("p1")))
        .select(Select.ALL_ATTRIBUTES));

    // "If you query a local secondary index, then for each matching item in the index, DynamoDB fetches
    // the entire item from the parent table."
    assertEquals(List.of(fullItem("p1", "b", "g1", "1", "k"), fullItem("p1", "a", "g1", "3", "m")),
        response.items());
  }

  @Test
  void query_localIndexProjectionOfUnprojectedAttribute_fetchesItFromTable() {
    String table = indexedTable();

    QueryResponse response = client.query(q -> q.tableName(table)
        .indexName(LSI_KEYS)
        .keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", s("p2")))
        .projectionExpression("sk, y"));

    assertEquals(List.of(
            Map.of("sk", s("b"), "y", s("y-p2b")),
            Map.of("sk", s("a"), "y", s("y-p2a"))),
        response.items());
  }

  @Test
  void query_localIndexConsistentRead_isAllowed() {
    String table = indexedTable();

    QueryResponse response = client.query(q -> q.tableName(table)
        .indexName(LSI_ALL)
        .keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", s("p1")))
        .consistentRead(true));

    assertEquals(List.of("p1/b", "p1/a"), keys(response.items()));
  }

  @Test
  void updateItem_addingLocalIndexSortKey_addsItemToLocalIndex() {
    String table = indexedTable();

    client.updateItem(u -> u.tableName(table)
        .key(tableKey("p1", "c"))
        .updateExpression("SET lsk = :l")
        .expressionAttributeValues(Map.of(":l", s("a"))));

    assertEquals(List.of("p1/c", "p1/b", "p1/a"), keys(queryLsi(table, LSI_ALL, "p1").items()));
  }

  // ---------------------------------------------------------------- paging through indexes

  @Test
  void query_globalIndexLimit_lastEvaluatedKeyHasTableAndIndexKeys() {
    String table = indexedTable();

    QueryResponse response = client.query(q -> q.tableName(table)
        .indexName(GSI_ALL)
        .keyConditionExpression("gpk = :g")
        .expressionAttributeValues(Map.of(":g", s("g1")))
        .limit(1));

    assertEquals(List.of("p1/b"), keys(response.items()));
    assertEquals(Map.of("pk", s("p1"), "sk", s("b"), "gpk", s("g1"), "gsk", n("1")), response.lastEvaluatedKey());
  }

  @Test
  void query_globalIndexPaging_visitsEveryEntryOnceInIndexOrder() {
    String table = indexedTable();
    QueryRequest request = QueryRequest.builder().tableName(table)
        .indexName(GSI_KEYS)
        .keyConditionExpression("gpk = :g")
        .expressionAttributeValues(Map.of(":g", s("g1")))
        .limit(1)
        .build();

    List<QueryResponse> pages = allPages(request);

    assertEquals(List.of("p1/b", "p2/a", "p1/a"), pages.stream().flatMap(p -> keys(p.items()).stream()).toList());
  }

  @Test
  void query_globalIndexPagingWithEqualIndexKeys_visitsEveryItemOnce() {
    String table = indexedTable();
    for (int i = 0; i < 7; i++) {
      String pk = "tie" + i;
      client.putItem(p -> p.tableName(table).item(Map.of("pk", s(pk), "sk", s("s"), "gpk", s("same"), "gsk", n("1"))));
    }
    Set<String> expected = new TreeSet<>();
    for (int i = 0; i < 7; i++) {
      expected.add("tie" + i + "/s");
    }

    for (boolean forward : new boolean[] {true, false}) {
      QueryRequest request = QueryRequest.builder().tableName(table)
          .indexName(GSI_ALL)
          .keyConditionExpression("gpk = :g")
          .expressionAttributeValues(Map.of(":g", s("same")))
          .scanIndexForward(forward)
          .limit(2)
          .build();

      List<String> seen = allPages(request).stream().flatMap(p -> keys(p.items()).stream()).toList();

      assertEquals(7, seen.size(), "forward=" + forward + " saw " + seen);
      assertEquals(expected, new TreeSet<>(seen));
    }
  }

  @Test
  void query_hashOnlyGlobalIndexPaging_visitsEveryItemOnce() {
    String table = indexedTable();
    QueryRequest request = QueryRequest.builder().tableName(table)
        .indexName(GSI_HASH)
        .keyConditionExpression("gpk = :g")
        .expressionAttributeValues(Map.of(":g", s("g1")))
        .limit(2)
        .build();

    List<QueryResponse> pages = allPages(request);

    Map<String, AttributeValue> firstKey = pages.get(0).lastEvaluatedKey();
    assertEquals(Set.of("pk", "sk", "gpk"), firstKey.keySet());
    List<String> seen = pages.stream().flatMap(p -> keys(p.items()).stream()).toList();
    assertEquals(3, seen.size(), "saw " + seen);
    assertEquals(Set.of("p1/a", "p1/b", "p2/a"), new TreeSet<>(seen));
  }

  @Test
  void query_localIndexLimit_lastEvaluatedKeyHasTableAndIndexKeys() {
    String table = indexedTable();

    QueryResponse response = client.query(q -> q.tableName(table)
        .indexName(LSI_ALL)
        .keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", s("p1")))
        .limit(1));

    assertEquals(List.of("p1/b"), keys(response.items()));
    assertEquals(Map.of("pk", s("p1"), "sk", s("b"), "lsk", s("k")), response.lastEvaluatedKey());
  }

  @Test
  void query_localIndexPaging_visitsEveryEntryOnceInIndexOrder() {
    String table = indexedTable();
    QueryRequest request = QueryRequest.builder().tableName(table)
        .indexName(LSI_KEYS)
        .keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", s("p2")))
        .limit(1)
        .build();

    List<QueryResponse> pages = allPages(request);

    assertEquals(List.of("p2/b", "p2/a"), pages.stream().flatMap(p -> keys(p.items()).stream()).toList());
  }

  @Test
  void scan_globalIndexPaging_visitsEveryEntryOnce() {
    String table = indexedTable();

    List<ScanResponse> pages = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      ScanRequest.Builder request = ScanRequest.builder().tableName(table).indexName(GSI_ALL).limit(1);
      if (start != null) {
        request.exclusiveStartKey(start);
      }
      ScanResponse page = client.scan(request.build());
      pages.add(page);
      start = page.lastEvaluatedKey().isEmpty() ? null : page.lastEvaluatedKey();
      assertTrue(pages.size() <= 50, "paging did not end");
    } while (start != null);

    List<String> seen = pages.stream().flatMap(p -> keys(p.items()).stream()).toList();
    assertEquals(4, seen.size(), "saw " + seen);
    assertEquals(Set.of("p1/a", "p1/b", "p1/c", "p2/a"), new TreeSet<>(seen));
    assertEquals(GSI_KEY_ATTRIBUTES, pages.get(0).lastEvaluatedKey().keySet());
  }

  // ---------------------------------------------------------------- adding and deleting a global index

  @Test
  void updateTable_createGlobalIndex_backfillsExistingItems() {
    String table = createTable("pk", "sk");
    putColoured(table, "a", "1", "red");
    putColoured(table, "a", "2", "blue");
    putColoured(table, "b", "1", "red");
    client.putItem(p -> p.tableName(table).item(Map.of("pk", s("c"), "sk", s("1"))));

    addColourIndex(table);
    awaitIndex(table, "byColour", true);

    assertEquals(Set.of("a/1", "b/1"), new TreeSet<>(keys(queryColour(table, "red").items())));
    assertEquals(List.of("a/2"), keys(queryColour(table, "blue").items()));
    assertEquals(Set.of("a/1", "a/2", "b/1"),
        new TreeSet<>(keys(client.scan(s -> s.tableName(table).indexName("byColour")).items())));
  }

  @Test
  void updateTable_createGlobalIndex_indexesLaterWrites() {
    String table = createTable("pk", "sk");
    putColoured(table, "a", "1", "red");

    addColourIndex(table);
    awaitIndex(table, "byColour", true);
    putColoured(table, "d", "1", "red");
    putColoured(table, "a", "1", "green");

    assertEquals(List.of("d/1"), keys(queryColour(table, "red").items()));
    assertEquals(List.of("a/1"), keys(queryColour(table, "green").items()));
  }

  @Test
  void updateTable_createGlobalIndex_describeTableListsIt() {
    String table = createTable("pk", "sk");

    addColourIndex(table);
    awaitIndex(table, "byColour", true);

    GlobalSecondaryIndexDescription index = client.describeTable(d -> d.tableName(table)).table()
        .globalSecondaryIndexes().stream()
        .filter(g -> g.indexName().equals("byColour"))
        .findFirst()
        .orElseThrow();
    assertEquals(List.of(key("colour", KeyType.HASH)), index.keySchema());
    assertEquals(ProjectionType.ALL, index.projection().projectionType());
    assertEquals(IndexStatus.ACTIVE, index.indexStatus());
  }

  @Test
  void updateTable_deleteGlobalIndex_indexIsGoneAndTableKeepsItems() {
    String table = createTable("pk", "sk");
    putColoured(table, "a", "1", "red");
    putColoured(table, "b", "1", "red");
    addColourIndex(table);
    awaitIndex(table, "byColour", true);
    assertEquals(2, queryColour(table, "red").count());

    client.updateTable(u -> u.tableName(table)
        .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
            .delete(DeleteGlobalSecondaryIndexAction.builder().indexName("byColour").build())
            .build()));
    awaitIndex(table, "byColour", false);

    assertValidation("The table does not have the specified index: byColour", () -> queryColour(table, "red"));
    assertEquals(Set.of("a/1", "b/1"), new TreeSet<>(keys(client.scan(s -> s.tableName(table)).items())));
  }

  // ---------------------------------------------------------------- errors

  @Test
  void putItem_indexKeyValuesOverTheKeyLimits_validationExceptionAndNothingWritten() {
    String table = indexedTable();
    Map<String, AttributeValue> longPartition = new java.util.HashMap<>(Map.of(
        "pk", AttributeValue.fromS("q1"), "sk", AttributeValue.fromS("a"),
        "gpk", AttributeValue.fromS("g".repeat(2049))));
    Values.assertValidation("One or more parameter values were invalid: Size limit exceeded for Index Key gpk"
        + " Actual Size: 2049 bytes Max Size: 2048 bytes IndexName: " + GSI_ALL,
        () -> client.putItem(p -> p.tableName(table).item(longPartition)));
    Map<String, AttributeValue> longSort = Map.of(
        "pk", AttributeValue.fromS("q1"), "sk", AttributeValue.fromS("a"),
        "lsk", AttributeValue.fromS("l".repeat(1025)));
    Values.assertValidation("One or more parameter values were invalid: Size limit exceeded for Index Key lsk"
        + " Actual Size: 1025 bytes Max Size: 1024 bytes IndexName: " + LSI_ALL,
        () -> client.putItem(p -> p.tableName(table).item(longSort)));
    assertTrue(client.getItem(g -> g.tableName(table).key(Map.of("pk", AttributeValue.fromS("q1"),
        "sk", AttributeValue.fromS("a")))).item().isEmpty());

    longPartition.put("gpk", AttributeValue.fromS("g".repeat(2048)));
    client.putItem(p -> p.tableName(table).item(longPartition));
  }

  @Test
  void query_missingIndex_validationException() {
    String table = indexedTable();

    assertValidation("The table does not have the specified index: noSuchIndex",
        () -> client.query(q -> q.tableName(table)
        .indexName("noSuchIndex")
        .keyConditionExpression("gpk = :g")
        .expressionAttributeValues(Map.of(":g", s("g1")))));
  }

  @Test
  void scan_missingIndex_validationException() {
    String table = indexedTable();

    assertValidation("The table does not have the specified index: noSuchIndex",
        () -> client.scan(s -> s.tableName(table).indexName("noSuchIndex")));
  }

  @Test
  void query_globalIndexConditionOnTableKeyOnly_validationException() {
    String table = indexedTable();

    assertValidation("Query condition missed key schema element: gpk", () -> client.query(q -> q.tableName(table)
        .indexName(GSI_ALL)
        .keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", s("p1")))));
  }

  @Test
  void query_localIndexConditionOnTableSortKey_validationException() {
    String table = indexedTable();

    // on the index, the sort key is lsk, not the table's sk
    assertValidation("Query condition missed key schema element: lsk", () -> client.query(q -> q.tableName(table)
        .indexName(LSI_ALL)
        .keyConditionExpression("pk = :p AND sk = :s")
        .expressionAttributeValues(Map.of(":p", s("p1"), ":s", s("a")))));
  }

  @Test
  void query_globalIndexConsistentRead_validationException() {
    String table = indexedTable();

    // "If you query a global secondary index with ConsistentRead set to true, you will receive a ValidationException."
    assertValidation("Consistent reads are not supported on global secondary indexes",
        () -> client.query(q -> q.tableName(table)
        .indexName(GSI_ALL)
        .keyConditionExpression("gpk = :g")
        .expressionAttributeValues(Map.of(":g", s("g1")))
        .consistentRead(true)));
  }

  @Test
  void scan_globalIndexConsistentRead_validationException() {
    String table = indexedTable();

    assertValidation("Consistent reads are not supported on global secondary indexes",
        () -> client.scan(s -> s.tableName(table).indexName(GSI_ALL).consistentRead(true)));
  }

  @Test
  void query_globalIndexKeysOnlySelectAllAttributes_validationException() {
    String table = indexedTable();

    // "Global secondary index queries cannot fetch attributes from the parent table."
    assertValidation("One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for "
        + "global secondary index gsiKeys because its projection type is not ALL",
        () -> client.query(q -> q.tableName(table)
        .indexName(GSI_KEYS)
        .keyConditionExpression("gpk = :g")
        .expressionAttributeValues(Map.of(":g", s("g1")))
        .select(Select.ALL_ATTRIBUTES)));
  }

  @Test
  void query_globalIndexProjectionOfUnprojectedAttribute_validationException() {
    String table = indexedTable();

    // "If you query or scan a global secondary index, you can only request attributes that are projected into the index."
    assertValidation("One or more parameter values were invalid: Global secondary index gsiInclude does not project "
        + "[y]",
        () -> client.query(q -> q.tableName(table)
        .indexName(GSI_INCLUDE)
        .keyConditionExpression("gpk = :g")
        .expressionAttributeValues(Map.of(":g", s("g1")))
        .projectionExpression("x, y")));
  }

  @Test
  void query_globalIndexFilterOnUnprojectedAttribute_validationException() {
    String table = indexedTable();

    assertValidation("One or more parameter values were invalid: Secondary index gsiKeys does not project one or "
        + "more filter attributes: [y]",
        () -> client.query(q -> q.tableName(table)
        .indexName(GSI_KEYS)
        .keyConditionExpression("gpk = :g")
        .filterExpression("y = :y")
        .expressionAttributeValues(Map.of(":g", s("g1"), ":y", s("y-p1a")))));
  }

  @Test
  void putItem_indexKeyOfWrongType_validationExceptionAndNothingWritten() {
    String table = indexedTable();

    // gsk is declared N for the global indexes
    assertValidation("One or more parameter values were invalid: Type mismatch for Index Key gsk Expected: N "
        + "Actual: S IndexName: gsiAll",
        () -> client.putItem(p -> p.tableName(table).item(Map.of(
        "pk", s("p9"), "sk", s("a"), "gpk", s("g1"), "gsk", s("not a number")))));

    assertFalse(client.getItem(g -> g.tableName(table).key(tableKey("p9", "a")).consistentRead(true)).hasItem());
    assertEquals(3, queryGsi(table, GSI_ALL, "g1").count());
  }

  @Test
  void putItem_emptyStringIndexKey_validationException() {
    String table = indexedTable();

    // key attributes of tables and indexes cannot hold an empty string
    assertValidation("One or more parameter values are not valid. A value specified for a secondary index key is "
        + "not supported. The AttributeValue for a key attribute cannot contain an empty string value. IndexName: "
        + "gsiAll, IndexKey: gpk",
        () -> client.putItem(p -> p.tableName(table).item(Map.of(
        "pk", s("p9"), "sk", s("a"), "gpk", s(""), "gsk", n("1")))));

    assertFalse(client.getItem(g -> g.tableName(table).key(tableKey("p9", "a")).consistentRead(true)).hasItem());
  }

  // ---------------------------------------------------------------- fixtures and helpers

  /**
   * A table (pk S, sk S) with global indexes on (gpk S, gsk N) projecting ALL, KEYS_ONLY and INCLUDE [x],
   * a global index on gpk alone (ALL), and local indexes on (pk, lsk S) projecting ALL and KEYS_ONLY.
   * Items:
   * <pre>
   *   p1/a  gpk g1  gsk 3  lsk m
   *   p1/b  gpk g1  gsk 1  lsk k
   *   p1/c  gpk g2  gsk 2  -
   *   p2/a  gpk g1  gsk 2  lsk z
   *   p2/b  -       gsk 5  lsk a
   *   p3/a  gpk g2  -      -
   * </pre>
   * each also holding x = "x-" + pk + sk and y = "y-" + pk + sk.
   */
  private String indexedTable() {
    String table = uniqueName("idx");
    client.createTable(c -> c.tableName(table)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
        .attributeDefinitions(
            attr("pk", ScalarAttributeType.S),
            attr("sk", ScalarAttributeType.S),
            attr("gpk", ScalarAttributeType.S),
            attr("gsk", ScalarAttributeType.N),
            attr("lsk", ScalarAttributeType.S))
        .globalSecondaryIndexes(
            gsi(GSI_ALL, Projection.builder().projectionType(ProjectionType.ALL).build(), "gsk"),
            gsi(GSI_KEYS, Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build(), "gsk"),
            gsi(GSI_INCLUDE, Projection.builder().projectionType(ProjectionType.INCLUDE).nonKeyAttributes("x").build(), "gsk"),
            gsi(GSI_HASH, Projection.builder().projectionType(ProjectionType.ALL).build(), null))
        .localSecondaryIndexes(
            lsi(LSI_ALL, ProjectionType.ALL),
            lsi(LSI_KEYS, ProjectionType.KEYS_ONLY)));
    awaitActive(table);
    putIndexed(table, "p1", "a", "g1", "3", "m");
    putIndexed(table, "p2", "b", null, "5", "a");
    putIndexed(table, "p1", "c", "g2", "2", null);
    putIndexed(table, "p3", "a", "g2", null, null);
    putIndexed(table, "p2", "a", "g1", "2", "z");
    putIndexed(table, "p1", "b", "g1", "1", "k");
    return table;
  }

  private void putIndexed(String table, String pk, String sk, String gpk, String gsk, String lsk) {
    Map<String, AttributeValue> item = fullItem(pk, sk, gpk, gsk, lsk);
    client.putItem(p -> p.tableName(table).item(item));
  }

  private static Map<String, AttributeValue> fullItem(String pk, String sk, String gpk, String gsk, String lsk) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("pk", s(pk));
    item.put("sk", s(sk));
    if (gpk != null) {
      item.put("gpk", s(gpk));
    }
    if (gsk != null) {
      item.put("gsk", n(gsk));
    }
    if (lsk != null) {
      item.put("lsk", s(lsk));
    }
    item.put("x", s("x-" + pk + sk));
    item.put("y", s("y-" + pk + sk));
    return item;
  }

  private static GlobalSecondaryIndex gsi(String name, Projection projection, String sortKey) {
    GlobalSecondaryIndex.Builder index = GlobalSecondaryIndex.builder().indexName(name).projection(projection);
    if (sortKey == null) {
      index.keySchema(key("gpk", KeyType.HASH));
    } else {
      index.keySchema(key("gpk", KeyType.HASH), key(sortKey, KeyType.RANGE));
    }
    return index.build();
  }

  private static LocalSecondaryIndex lsi(String name, ProjectionType type) {
    return LocalSecondaryIndex.builder()
        .indexName(name)
        .keySchema(key("pk", KeyType.HASH), key("lsk", KeyType.RANGE))
        .projection(Projection.builder().projectionType(type).build())
        .build();
  }

  private QueryResponse queryGsi(String table, String index, String gpk) {
    return client.query(q -> q.tableName(table)
        .indexName(index)
        .keyConditionExpression("gpk = :g")
        .expressionAttributeValues(Map.of(":g", s(gpk))));
  }

  private QueryResponse queryLsi(String table, String index, String pk) {
    return client.query(q -> q.tableName(table)
        .indexName(index)
        .keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", s(pk))));
  }

  private void putColoured(String table, String pk, String sk, String colour) {
    client.putItem(p -> p.tableName(table).item(Map.of("pk", s(pk), "sk", s(sk), "colour", s(colour))));
  }

  private void addColourIndex(String table) {
    client.updateTable(u -> u.tableName(table)
        .attributeDefinitions(
            attr("pk", ScalarAttributeType.S),
            attr("sk", ScalarAttributeType.S),
            attr("colour", ScalarAttributeType.S))
        .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
            .create(CreateGlobalSecondaryIndexAction.builder()
                .indexName("byColour")
                .keySchema(key("colour", KeyType.HASH))
                .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                .build())
            .build()));
  }

  private QueryResponse queryColour(String table, String colour) {
    return client.query(q -> q.tableName(table)
        .indexName("byColour")
        .keyConditionExpression("#c = :c")
        .expressionAttributeNames(Map.of("#c", "colour"))
        .expressionAttributeValues(Map.of(":c", s(colour))));
  }

  /** Waits until the table and all its global indexes are ACTIVE. */
  private void awaitActive(String table) {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (true) {
      TableDescription description = client.describeTable(d -> d.tableName(table)).table();
      boolean indexesActive = description.globalSecondaryIndexes().stream()
          .allMatch(g -> g.indexStatus() == IndexStatus.ACTIVE);
      if (description.tableStatus() == TableStatus.ACTIVE && indexesActive) {
        return;
      }
      pause(deadline, "table " + table + " did not become ACTIVE");
    }
  }

  /** Waits until the named global index is ACTIVE and backfilled, or (present false) gone. */
  private void awaitIndex(String table, String index, boolean present) {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (true) {
      TableDescription description = client.describeTable(d -> d.tableName(table)).table();
      Optional<GlobalSecondaryIndexDescription> found = description.globalSecondaryIndexes().stream()
          .filter(g -> g.indexName().equals(index))
          .findFirst();
      boolean done = present
          ? found.filter(g -> g.indexStatus() == IndexStatus.ACTIVE && !Boolean.TRUE.equals(g.backfilling())).isPresent()
          : found.isEmpty();
      if (done && description.tableStatus() == TableStatus.ACTIVE) {
        return;
      }
      pause(deadline, "index " + index + (present ? " did not become ACTIVE" : " was not deleted"));
    }
  }

  private static void pause(long deadline, String failure) {
    if (System.nanoTime() > deadline) {
      fail(failure);
    }
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail("interrupted");
    }
  }

  /** "pk/sk" of each item, in order. */
  private static List<String> keys(List<Map<String, AttributeValue>> items) {
    return items.stream().map(i -> i.get("pk").s() + "/" + i.get("sk").s()).toList();
  }

  private static Map<String, AttributeValue> tableKey(String pk, String sk) {
    return Map.of("pk", s(pk), "sk", s(sk));
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(String value) {
    return AttributeValue.fromN(value);
  }

  private static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }

  private static AttributeDefinition attr(String name, ScalarAttributeType type) {
    return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
  }
}
