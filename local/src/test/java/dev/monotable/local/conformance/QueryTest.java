package dev.monotable.local.conformance;

import static dev.monotable.local.conformance.Values.assertValidation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Query against a table's primary key, as the DynamoDB API Reference (Query) and the Developer Guide
 * ("Querying tables", "Paginating table query results", "Key condition expressions") describe it.
 */
class QueryTest extends EngineTest {

  /** The sort keys of partition "alpha" of {@link #catalog()}, in ascending UTF-8 order. */
  private static final List<String> ALPHA = List.of(
      "item#01", "item#02", "item#03", "item#04", "item#05", "item#06", "item#07", "item#08", "item#09",
      "other#1", "other#2");

  // ---------------------------------------------------------------- key conditions

  @Test
  void query_partitionKeyOnly_returnsWholePartitionInAscendingSortKeyOrder() {
    String table = catalog();

    QueryResponse response = query(table, "pk = :pk", Map.of(":pk", s("alpha")));

    assertEquals(ALPHA, sortKeys(response));
    assertEquals(ALPHA.size(), response.count());
    assertEquals(ALPHA.size(), response.scannedCount());
    assertTrue(response.lastEvaluatedKey().isEmpty(), "a complete small result has no LastEvaluatedKey");
    Map<String, AttributeValue> third = response.items().get(2);
    assertEquals(Map.of("pk", s("alpha"), "sk", s("item#03"), "num", n("3"), "parity", s("odd")), third);
  }

  @Test
  void query_partitionWithoutItems_returnsEmptyResultWithoutLastEvaluatedKey() {
    String table = catalog();

    QueryResponse response = query(table, "pk = :pk", Map.of(":pk", s("gamma")));

    assertTrue(response.items().isEmpty());
    assertEquals(0, response.count());
    assertEquals(0, response.scannedCount());
    assertTrue(response.lastEvaluatedKey().isEmpty());
  }

  @Test
  void query_otherPartition_returnsOnlyItsOwnItems() {
    String table = catalog();

    QueryResponse response = query(table, "pk = :pk", Map.of(":pk", s("beta")));

    assertEquals(List.of("item#01", "item#02", "zzz"), sortKeys(response));
    response.items().forEach(item -> assertEquals(s("beta"), item.get("pk")));
  }

  @Test
  void query_sortKeyEquals_returnsOneItem() {
    String table = catalog();

    QueryResponse response = query(table, "pk = :pk AND sk = :sk", Map.of(":pk", s("alpha"), ":sk", s("item#05")));

    assertEquals(1, response.count());
    assertEquals(Map.of("pk", s("alpha"), "sk", s("item#05"), "num", n("5"), "parity", s("odd")), response.items().get(0));
  }

  @Test
  void query_sortKeyEqualsMissingValue_returnsNothing() {
    String table = catalog();

    QueryResponse response = query(table, "pk = :pk AND sk = :sk", Map.of(":pk", s("alpha"), ":sk", s("item#5")));

    assertEquals(0, response.count());
    assertTrue(response.items().isEmpty());
  }

  @Test
  void query_sortKeyLessThan_returnsStrictlySmallerKeys() {
    String table = catalog();

    QueryResponse response = query(table, "pk = :pk AND sk < :sk", Map.of(":pk", s("alpha"), ":sk", s("item#03")));

    assertEquals(List.of("item#01", "item#02"), sortKeys(response));
  }

  @Test
  void query_sortKeyLessOrEqual_includesTheBound() {
    String table = catalog();

    QueryResponse response = query(table, "pk = :pk AND sk <= :sk", Map.of(":pk", s("alpha"), ":sk", s("item#03")));

    assertEquals(List.of("item#01", "item#02", "item#03"), sortKeys(response));
  }

  @Test
  void query_sortKeyGreaterThan_returnsStrictlyLargerKeys() {
    String table = catalog();

    QueryResponse response = query(table, "pk = :pk AND sk > :sk", Map.of(":pk", s("alpha"), ":sk", s("item#08")));

    assertEquals(List.of("item#09", "other#1", "other#2"), sortKeys(response));
  }

  @Test
  void query_sortKeyGreaterOrEqual_includesTheBound() {
    String table = catalog();

    QueryResponse response = query(table, "pk = :pk AND sk >= :sk", Map.of(":pk", s("alpha"), ":sk", s("item#08")));

    assertEquals(List.of("item#08", "item#09", "other#1", "other#2"), sortKeys(response));
  }

  @Test
  void query_sortKeyGreaterThanValueBetweenKeys_returnsKeysAfterIt() {
    String table = catalog();

    // "item#1" is not a stored key: it sorts after "item#09" and before "other#1"
    QueryResponse response = query(table, "pk = :pk AND sk > :sk", Map.of(":pk", s("alpha"), ":sk", s("item#1")));

    assertEquals(List.of("other#1", "other#2"), sortKeys(response));
  }

  @Test
  void query_sortKeyBetween_includesBothBounds() {
    String table = catalog();

    QueryResponse response = query(table, "pk = :pk AND sk BETWEEN :lo AND :hi",
        Map.of(":pk", s("alpha"), ":lo", s("item#03"), ":hi", s("item#05")));

    assertEquals(List.of("item#03", "item#04", "item#05"), sortKeys(response));
  }

  @Test
  void query_sortKeyBetweenEqualBounds_returnsThatKey() {
    String table = catalog();

    QueryResponse response = query(table, "pk = :pk AND sk BETWEEN :lo AND :hi",
        Map.of(":pk", s("alpha"), ":lo", s("other#1"), ":hi", s("other#1")));

    assertEquals(List.of("other#1"), sortKeys(response));
  }

  @Test
  void query_sortKeyBeginsWith_returnsPrefixMatchesOnly() {
    String table = catalog();

    QueryResponse response = query(table, "pk = :pk AND begins_with(sk, :prefix)",
        Map.of(":pk", s("alpha"), ":prefix", s("other#")));

    assertEquals(List.of("other#1", "other#2"), sortKeys(response));
  }

  @Test
  void query_sortKeyBeginsWithWholeKey_matchesThatKey() {
    String table = catalog();

    QueryResponse response = query(table, "pk = :pk AND begins_with(sk, :prefix)",
        Map.of(":pk", s("alpha"), ":prefix", s("item#05")));

    assertEquals(List.of("item#05"), sortKeys(response));
  }

  @Test
  void query_keyConditionWithAttributeNameAliases_behavesLikePlainNames() {
    String table = catalog();

    QueryResponse response = client.query(q -> q.tableName(table)
        .keyConditionExpression("#p = :pk AND #s BETWEEN :lo AND :hi")
        .expressionAttributeNames(Map.of("#p", "pk", "#s", "sk"))
        .expressionAttributeValues(Map.of(":pk", s("alpha"), ":lo", s("item#08"), ":hi", s("other#1"))));

    assertEquals(List.of("item#08", "item#09", "other#1"), sortKeys(response));
  }

  @Test
  void query_hashOnlyTable_returnsTheSingleItem() {
    String table = createTable("pk", null);
    client.putItem(p -> p.tableName(table).item(Map.of("pk", s("one"), "colour", s("red"))));
    client.putItem(p -> p.tableName(table).item(Map.of("pk", s("two"), "colour", s("blue"))));

    QueryResponse response = query(table, "pk = :pk", Map.of(":pk", s("two")));

    assertEquals(List.of(Map.of("pk", s("two"), "colour", s("blue"))), response.items());
    assertEquals(1, response.count());
  }

  // ---------------------------------------------------------------- direction, Limit and paging

  @Test
  void query_scanIndexForwardFalse_returnsDescendingSortKeyOrder() {
    String table = catalog();

    QueryResponse response = client.query(q -> q.tableName(table)
        .keyConditionExpression("pk = :pk")
        .expressionAttributeValues(Map.of(":pk", s("alpha")))
        .scanIndexForward(false));

    assertEquals(reversed(ALPHA), sortKeys(response));
  }

  @Test
  void query_scanIndexForwardFalseWithRangeCondition_returnsDescendingSubset() {
    String table = catalog();

    QueryResponse response = client.query(q -> q.tableName(table)
        .keyConditionExpression("pk = :pk AND sk < :sk")
        .expressionAttributeValues(Map.of(":pk", s("alpha"), ":sk", s("item#04")))
        .scanIndexForward(false));

    assertEquals(List.of("item#03", "item#02", "item#01"), sortKeys(response));
  }

  @Test
  void query_limit_stopsAfterLimitAndReturnsKeyOfLastItem() {
    String table = catalog();

    QueryResponse response = client.query(q -> q.tableName(table)
        .keyConditionExpression("pk = :pk")
        .expressionAttributeValues(Map.of(":pk", s("alpha")))
        .limit(3));

    assertEquals(List.of("item#01", "item#02", "item#03"), sortKeys(response));
    assertEquals(3, response.count());
    assertEquals(3, response.scannedCount());
    assertEquals(Map.of("pk", s("alpha"), "sk", s("item#03")), response.lastEvaluatedKey());
  }

  @Test
  void query_descendingLimit_returnsKeyOfLastItemReturned() {
    String table = catalog();

    QueryResponse response = client.query(q -> q.tableName(table)
        .keyConditionExpression("pk = :pk")
        .expressionAttributeValues(Map.of(":pk", s("alpha")))
        .scanIndexForward(false)
        .limit(2));

    assertEquals(List.of("other#2", "other#1"), sortKeys(response));
    assertEquals(Map.of("pk", s("alpha"), "sk", s("other#1")), response.lastEvaluatedKey());
  }

  @Test
  void query_pagingWithLimit_visitsEveryItemOnceInOrder() {
    String table = catalog();
    QueryRequest request = QueryRequest.builder().tableName(table)
        .keyConditionExpression("pk = :pk")
        .expressionAttributeValues(Map.of(":pk", s("alpha")))
        .limit(4)
        .build();

    List<QueryResponse> pages = allPages(request);

    assertEquals(List.of(4, 4, 3), pages.stream().map(QueryResponse::count).toList());
    assertEquals(ALPHA, pages.stream().flatMap(p -> sortKeys(p).stream()).toList());
    assertTrue(pages.get(2).lastEvaluatedKey().isEmpty());
  }

  @Test
  void query_pagingBackwardWithLimit_visitsEveryItemOnceInReverseOrder() {
    String table = catalog();
    QueryRequest request = QueryRequest.builder().tableName(table)
        .keyConditionExpression("pk = :pk")
        .expressionAttributeValues(Map.of(":pk", s("alpha")))
        .scanIndexForward(false)
        .limit(3)
        .build();

    List<QueryResponse> pages = allPages(request);

    assertEquals(reversed(ALPHA), pages.stream().flatMap(p -> sortKeys(p).stream()).toList());
    assertEquals(List.of(3, 3, 3, 2), pages.stream().map(QueryResponse::count).toList());
  }

  @Test
  void query_pagingWithRangeCondition_staysInsideTheCondition() {
    String table = catalog();
    QueryRequest request = QueryRequest.builder().tableName(table)
        .keyConditionExpression("pk = :pk AND sk BETWEEN :lo AND :hi")
        .expressionAttributeValues(Map.of(":pk", s("alpha"), ":lo", s("item#02"), ":hi", s("item#07")))
        .limit(2)
        .build();

    List<QueryResponse> pages = allPages(request);

    assertEquals(List.of("item#02", "item#03", "item#04", "item#05", "item#06", "item#07"),
        pages.stream().flatMap(p -> sortKeys(p).stream()).toList());
  }

  @Test
  void query_limitEqualToMatchCount_anyFurtherPageIsEmpty() {
    String table = catalog();

    QueryResponse first = client.query(q -> q.tableName(table)
        .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
        .expressionAttributeValues(Map.of(":pk", s("alpha"), ":prefix", s("other#")))
        .limit(2));

    assertEquals(List.of("other#1", "other#2"), sortKeys(first));
    // "If LastEvaluatedKey is not empty, it does not necessarily mean that there is more data"
    if (!first.lastEvaluatedKey().isEmpty()) {
      QueryResponse next = client.query(q -> q.tableName(table)
          .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
          .expressionAttributeValues(Map.of(":pk", s("alpha"), ":prefix", s("other#")))
          .limit(2)
          .exclusiveStartKey(first.lastEvaluatedKey()));
      assertEquals(0, next.count());
      assertTrue(next.lastEvaluatedKey().isEmpty());
    }
  }

  @Test
  void query_exclusiveStartKey_resumesAfterThatKey() {
    String table = catalog();

    QueryResponse response = client.query(q -> q.tableName(table)
        .keyConditionExpression("pk = :pk")
        .expressionAttributeValues(Map.of(":pk", s("alpha")))
        .exclusiveStartKey(Map.of("pk", s("alpha"), "sk", s("item#07"))));

    assertEquals(List.of("item#08", "item#09", "other#1", "other#2"), sortKeys(response));
  }

  @Test
  void query_exclusiveStartKeyDescending_resumesBeforeThatKey() {
    String table = catalog();

    QueryResponse response = client.query(q -> q.tableName(table)
        .keyConditionExpression("pk = :pk")
        .expressionAttributeValues(Map.of(":pk", s("alpha")))
        .scanIndexForward(false)
        .exclusiveStartKey(Map.of("pk", s("alpha"), "sk", s("item#03"))));

    assertEquals(List.of("item#02", "item#01"), sortKeys(response));
  }

  @Test
  void query_resultLargerThanOneMegabyte_pageStopsNearOneMegabyte() {
    String table = bigItemPartition();

    QueryResponse first = query(table, "pk = :pk", Map.of(":pk", s("big")));

    // 30 items of ~100 KB: 10 fit in 1 MB, the 11th crosses it
    assertTrue(first.count() >= 10 && first.count() <= 11, "first page held " + first.count() + " items");
    assertEquals(first.count(), first.items().size());
    assertFalse(first.lastEvaluatedKey().isEmpty(), "a page cut at 1 MB carries LastEvaluatedKey");
    Map<String, AttributeValue> last = first.items().get(first.items().size() - 1);
    assertEquals(Map.of("pk", last.get("pk"), "sk", last.get("sk")), first.lastEvaluatedKey());
  }

  @Test
  void query_pagingOverLargeItems_visitsEveryItemOnce() {
    String table = bigItemPartition();
    QueryRequest request = QueryRequest.builder().tableName(table)
        .keyConditionExpression("pk = :pk")
        .expressionAttributeValues(Map.of(":pk", s("big")))
        .build();

    List<QueryResponse> pages = allPages(request);

    assertTrue(pages.size() >= 3, "30 items of ~100 KB need at least 3 pages, got " + pages.size());
    pages.forEach(p -> assertTrue(p.count() <= 11, "a page held " + p.count() + " items of ~100 KB"));
    List<String> keys = pages.stream().flatMap(p -> sortKeys(p).stream()).toList();
    assertEquals(bigKeys(), keys);
  }

  @Test
  void query_filterMatchingNothingOverLargeItems_stillStopsAtOneMegabyte() {
    String table = bigItemPartition();

    QueryResponse response = client.query(q -> q.tableName(table)
        .keyConditionExpression("pk = :pk")
        .filterExpression("attribute_not_exists(#body)")
        .expressionAttributeNames(Map.of("#body", "body"))
        .expressionAttributeValues(Map.of(":pk", s("big"))));

    // the 1 MB limit applies to the data read, before the filter
    assertEquals(0, response.count());
    assertTrue(response.scannedCount() >= 10 && response.scannedCount() <= 11,
        "scanned " + response.scannedCount() + " items");
    assertFalse(response.lastEvaluatedKey().isEmpty());
  }

  @Test
  void query_selectCountOverOneMegabyte_countsOnePageAtATime() {
    String table = bigItemPartition();
    QueryRequest request = QueryRequest.builder().tableName(table)
        .keyConditionExpression("pk = :pk")
        .expressionAttributeValues(Map.of(":pk", s("big")))
        .select(Select.COUNT)
        .build();

    List<QueryResponse> pages = allPages(request);

    assertTrue(pages.get(0).count() >= 10 && pages.get(0).count() <= 11, "first page counted " + pages.get(0).count());
    assertEquals(30, pages.stream().mapToInt(QueryResponse::count).sum());
    pages.forEach(p -> assertTrue(p.items().isEmpty()));
  }

  // ---------------------------------------------------------------- Select and ProjectionExpression

  @Test
  void query_selectCount_returnsCountWithoutItems() {
    String table = catalog();

    QueryResponse response = client.query(q -> q.tableName(table)
        .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
        .expressionAttributeValues(Map.of(":pk", s("alpha"), ":prefix", s("item#")))
        .select(Select.COUNT));

    assertEquals(9, response.count());
    assertEquals(9, response.scannedCount());
    assertTrue(response.items().isEmpty());
  }

  @Test
  void query_selectCountWithFilter_countsMatchesAndEvaluatedItems() {
    String table = catalog();

    QueryResponse response = client.query(q -> q.tableName(table)
        .keyConditionExpression("pk = :pk")
        .filterExpression("#parity = :even")
        .expressionAttributeNames(Map.of("#parity", "parity"))
        .expressionAttributeValues(Map.of(":pk", s("alpha"), ":even", s("even")))
        .select(Select.COUNT));

    // item#02, #04, #06, #08 and other#1 (num 10) are even
    assertEquals(5, response.count());
    assertEquals(ALPHA.size(), response.scannedCount());
    assertTrue(response.items().isEmpty());
  }

  @Test
  void query_selectAllAttributes_returnsWholeItems() {
    String table = catalog();

    QueryResponse response = client.query(q -> q.tableName(table)
        .keyConditionExpression("pk = :pk AND sk >= :sk")
        .expressionAttributeValues(Map.of(":pk", s("alpha"), ":sk", s("other#2")))
        .select(Select.ALL_ATTRIBUTES));

    assertEquals(List.of(Map.of("pk", s("alpha"), "sk", s("other#2"), "num", n("11"), "parity", s("odd"))),
        response.items());
  }

  @Test
  void query_selectSpecificAttributesWithProjection_returnsOnlyProjectedAttributes() {
    String table = catalog();

    QueryResponse response = client.query(q -> q.tableName(table)
        .keyConditionExpression("pk = :pk AND sk <= :sk")
        .expressionAttributeValues(Map.of(":pk", s("alpha"), ":sk", s("item#02")))
        .select(Select.SPECIFIC_ATTRIBUTES)
        .projectionExpression("sk, #num")
        .expressionAttributeNames(Map.of("#num", "num")));

    assertEquals(List.of(
            Map.of("sk", s("item#01"), "num", n("1")),
            Map.of("sk", s("item#02"), "num", n("2"))),
        response.items());
  }

  @Test
  void query_projectionExpressionWithoutSelect_returnsOnlyProjectedAttributes() {
    String table = catalog();

    QueryResponse response = client.query(q -> q.tableName(table)
        .keyConditionExpression("pk = :pk AND sk = :sk")
        .expressionAttributeValues(Map.of(":pk", s("alpha"), ":sk", s("item#04")))
        .projectionExpression("#parity")
        .expressionAttributeNames(Map.of("#parity", "parity")));

    // key attributes are not added unless they are asked for
    assertEquals(List.of(Map.of("parity", s("even"))), response.items());
  }

  @Test
  void query_projectionExpressionNestedPaths_returnsOnlyThosePaths() {
    String table = createTable("pk", "sk");
    client.putItem(p -> p.tableName(table).item(Map.of(
        "pk", s("film"),
        "sk", s("1"),
        "info", AttributeValue.fromM(Map.of("rating", n("5"), "genre", s("drama"))),
        "cast", AttributeValue.fromL(List.of(s("ann"), s("bob"), s("cid"))),
        "title", s("Long Walk"))));

    QueryResponse response = client.query(q -> q.tableName(table)
        .keyConditionExpression("pk = :pk")
        .expressionAttributeValues(Map.of(":pk", s("film")))
        .projectionExpression("#info.rating, #cast[1]")
        .expressionAttributeNames(Map.of("#info", "info", "#cast", "cast")));

    assertEquals(List.of(Map.of(
            "info", AttributeValue.fromM(Map.of("rating", n("5"))),
            "cast", AttributeValue.fromL(List.of(s("bob"))))),
        response.items());
  }

  @Test
  void query_projectionOfAbsentAttribute_stillCountsEveryMatch() {
    String table = catalog();

    QueryResponse response = client.query(q -> q.tableName(table)
        .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
        .expressionAttributeValues(Map.of(":pk", s("alpha"), ":prefix", s("other#")))
        .projectionExpression("#nothing")
        .expressionAttributeNames(Map.of("#nothing", "nothing")));

    // "If any of the requested attributes are not found, they do not appear in the result."
    assertEquals(2, response.count());
    response.items().forEach(item -> assertTrue(item.isEmpty(), "unexpected attributes " + item));
  }

  @Test
  void query_selectAllProjectedAttributesOnTable_validationException() {
    String table = catalog();

    assertValidation("ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName",
        () -> client.query(q -> q.tableName(table)
        .keyConditionExpression("pk = :pk")
        .expressionAttributeValues(Map.of(":pk", s("alpha")))
        .select(Select.ALL_PROJECTED_ATTRIBUTES)));
  }

  @Test
  void query_selectCountWithProjectionExpression_validationException() {
    String table = catalog();

    assertValidation("Cannot specify the ProjectionExpression when choosing to get COUNT",
        () -> client.query(q -> q.tableName(table)
        .keyConditionExpression("pk = :pk")
        .expressionAttributeValues(Map.of(":pk", s("alpha")))
        .select(Select.COUNT)
        .projectionExpression("sk")));
  }

  // ---------------------------------------------------------------- FilterExpression

  @Test
  void query_filterExpression_removesNonMatchingItemsAfterReading() {
    String table = catalog();

    QueryResponse response = client.query(q -> q.tableName(table)
        .keyConditionExpression("pk = :pk")
        .filterExpression("#num > :n")
        .expressionAttributeNames(Map.of("#num", "num"))
        .expressionAttributeValues(Map.of(":pk", s("alpha"), ":n", n("7"))));

    assertEquals(List.of("item#08", "item#09", "other#1", "other#2"), sortKeys(response));
    assertEquals(4, response.count());
    assertEquals(ALPHA.size(), response.scannedCount());
  }

  @Test
  void query_filterExpressionWithLimit_limitCountsEvaluatedItemsNotMatches() {
    String table = catalog();

    QueryResponse response = client.query(q -> q.tableName(table)
        .keyConditionExpression("pk = :pk")
        .filterExpression("#num > :n")
        .expressionAttributeNames(Map.of("#num", "num"))
        .expressionAttributeValues(Map.of(":pk", s("alpha"), ":n", n("3")))
        .limit(5));

    // items #01..#05 are read; only #04 and #05 pass the filter
    assertEquals(List.of("item#04", "item#05"), sortKeys(response));
    assertEquals(2, response.count());
    assertEquals(5, response.scannedCount());
    assertEquals(Map.of("pk", s("alpha"), "sk", s("item#05")), response.lastEvaluatedKey());
  }

  @Test
  void query_filterRejectingWholePage_returnsEmptyPageWithLastEvaluatedKey() {
    String table = catalog();

    QueryResponse response = client.query(q -> q.tableName(table)
        .keyConditionExpression("pk = :pk")
        .filterExpression("#num > :n")
        .expressionAttributeNames(Map.of("#num", "num"))
        .expressionAttributeValues(Map.of(":pk", s("alpha"), ":n", n("10")))
        .limit(3));

    assertEquals(0, response.count());
    assertTrue(response.items().isEmpty());
    assertEquals(3, response.scannedCount());
    assertEquals(Map.of("pk", s("alpha"), "sk", s("item#03")), response.lastEvaluatedKey());
  }

  @Test
  void query_filterExpressionPaging_returnsEveryMatchOnce() {
    String table = catalog();
    QueryRequest request = QueryRequest.builder().tableName(table)
        .keyConditionExpression("pk = :pk")
        .filterExpression("#parity = :odd")
        .expressionAttributeNames(Map.of("#parity", "parity"))
        .expressionAttributeValues(Map.of(":pk", s("alpha"), ":odd", s("odd")))
        .limit(3)
        .build();

    List<QueryResponse> pages = allPages(request);

    assertEquals(List.of("item#01", "item#03", "item#05", "item#07", "item#09", "other#2"),
        pages.stream().flatMap(p -> sortKeys(p).stream()).toList());
    assertEquals(ALPHA.size(), pages.stream().mapToInt(QueryResponse::scannedCount).sum());
  }

  @Test
  void query_filterExpressionOnSortKey_validationException() {
    String table = catalog();

    // "A filter expression cannot contain partition key or sort key attributes."
    assertValidation("Filter Expression can only contain non-primary key attributes: Primary key attribute: sk",
        () -> client.query(q -> q.tableName(table)
        .keyConditionExpression("pk = :pk")
        .filterExpression("sk = :sk")
        .expressionAttributeValues(Map.of(":pk", s("alpha"), ":sk", s("item#01")))));
  }

  @Test
  void query_filterExpressionOnPartitionKey_validationException() {
    String table = catalog();

    assertValidation("Filter Expression can only contain non-primary key attributes: Primary key attribute: pk",
        () -> client.query(q -> q.tableName(table)
        .keyConditionExpression("pk = :pk")
        .filterExpression("pk = :pk")
        .expressionAttributeValues(Map.of(":pk", s("alpha")))));
  }

  // ---------------------------------------------------------------- ConsistentRead

  @Test
  void query_consistentReadOnTable_seesEveryCompletedWrite() {
    String table = createTable("pk", "sk");
    for (int i = 1; i <= 3; i++) {
      String sk = "v" + i;
      client.putItem(p -> p.tableName(table).item(Map.of("pk", s("p"), "sk", s(sk))));
    }
    client.updateItem(u -> u.tableName(table)
        .key(Map.of("pk", s("p"), "sk", s("v2")))
        .updateExpression("SET #state = :state")
        .expressionAttributeNames(Map.of("#state", "state"))
        .expressionAttributeValues(Map.of(":state", s("changed"))));

    QueryResponse response = client.query(q -> q.tableName(table)
        .keyConditionExpression("pk = :pk")
        .expressionAttributeValues(Map.of(":pk", s("p")))
        .consistentRead(true));

    assertEquals(List.of("v1", "v2", "v3"), sortKeys(response));
    assertEquals(s("changed"), response.items().get(1).get("state"));
  }

  @Test
  void query_consistentReadOnGlobalSecondaryIndex_validationException() {
    String table = uniqueName("gsi");
    client.createTable(c -> c.tableName(table)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(key("pk", KeyType.HASH))
        .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("colour", ScalarAttributeType.S))
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
            .indexName("byColour")
            .keySchema(key("colour", KeyType.HASH))
            .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
            .build()));
    client.putItem(p -> p.tableName(table).item(Map.of("pk", s("a"), "colour", s("red"))));

    // "Strongly consistent reads are not supported on global secondary indexes."
    assertValidation("Consistent reads are not supported on global secondary indexes",
        () -> client.query(q -> q.tableName(table)
        .indexName("byColour")
        .keyConditionExpression("#c = :c")
        .expressionAttributeNames(Map.of("#c", "colour"))
        .expressionAttributeValues(Map.of(":c", s("red")))
        .consistentRead(true)));
  }

  // ---------------------------------------------------------------- ordering of S, N and B sort keys

  @Test
  void query_stringSortKeys_orderedByUtf8Bytes() {
    String table = createTable("pk", "sk");
    // ascending by UTF-8 bytes: 41, 5A, 61, 61 62, 7A, C3 A9, E4 B8 AD, EE 80 80, EF BF BD, F0 9F 98 80.
    // Java's String.compareTo (UTF-16 units) would put the emoji (D83D DE00) before U+E000.
    List<String> expected = List.of("A", "Z", "a", "ab", "z", "\u00e9", "\u4e2d", "\ue000", "\ufffd", "\ud83d\ude00");
    for (int i : new int[] {9, 3, 0, 7, 5, 1, 8, 4, 2, 6}) {
      String sk = expected.get(i);
      client.putItem(p -> p.tableName(table).item(Map.of("pk", s("p"), "sk", s(sk))));
    }

    QueryResponse ascending = query(table, "pk = :pk", Map.of(":pk", s("p")));
    QueryResponse descending = client.query(q -> q.tableName(table)
        .keyConditionExpression("pk = :pk")
        .expressionAttributeValues(Map.of(":pk", s("p")))
        .scanIndexForward(false));

    assertEquals(expected, sortKeys(ascending));
    assertEquals(reversed(expected), sortKeys(descending));
  }

  @Test
  void query_stringSortKeyRange_comparesUtf8Bytes() {
    String table = createTable("pk", "sk");
    for (String sk : List.of("Z", "a", "z", "\u00e9", "\uffff", "\ud83d\ude00")) {
      client.putItem(p -> p.tableName(table).item(Map.of("pk", s("p"), "sk", s(sk))));
    }

    QueryResponse aboveZ = query(table, "pk = :pk AND sk > :v", Map.of(":pk", s("p"), ":v", s("z")));
    QueryResponse aboveFfff = query(table, "pk = :pk AND sk > :v", Map.of(":pk", s("p"), ":v", s("\uffff")));

    // "é" (C3 A9) sorts after "z" (7A); a supplementary character (F0 ..) after U+FFFF (EF BF BF)
    assertEquals(List.of("\u00e9", "\uffff", "\ud83d\ude00"), sortKeys(aboveZ));
    assertEquals(List.of("\ud83d\ude00"), sortKeys(aboveFfff));
  }

  @Test
  void query_numberSortKeys_orderedNumerically() {
    String table = createTypedTable(ScalarAttributeType.N);
    List<String> expected = List.of("-10", "-2", "-0.5", "0", "1.5", "2", "10", "100");
    for (int i : new int[] {6, 1, 7, 3, 0, 5, 2, 4}) {
      String sk = expected.get(i);
      client.putItem(p -> p.tableName(table).item(Map.of("pk", s("p"), "sk", n(sk))));
    }

    QueryResponse ascending = query(table, "pk = :pk", Map.of(":pk", s("p")));
    QueryResponse descending = client.query(q -> q.tableName(table)
        .keyConditionExpression("pk = :pk")
        .expressionAttributeValues(Map.of(":pk", s("p")))
        .scanIndexForward(false));

    assertEquals(normalized(expected), normalized(numberSortKeys(ascending)));
    assertEquals(normalized(reversed(expected)), normalized(numberSortKeys(descending)));
  }

  @Test
  void query_numberSortKeyConditions_compareNumerically() {
    String table = createTypedTable(ScalarAttributeType.N);
    for (String sk : List.of("-10", "-2", "-0.5", "0", "1.5", "2", "10", "100")) {
      client.putItem(p -> p.tableName(table).item(Map.of("pk", s("p"), "sk", n(sk))));
    }

    QueryResponse between = query(table, "pk = :pk AND sk BETWEEN :lo AND :hi",
        Map.of(":pk", s("p"), ":lo", n("-5"), ":hi", n("5")));
    QueryResponse below = query(table, "pk = :pk AND sk < :v", Map.of(":pk", s("p"), ":v", n("-1")));
    QueryResponse equalDifferentSpelling = query(table, "pk = :pk AND sk = :v", Map.of(":pk", s("p"), ":v", n("1.50")));

    assertEquals(normalized(List.of("-2", "-0.5", "0", "1.5", "2")), normalized(numberSortKeys(between)));
    assertEquals(normalized(List.of("-10", "-2")), normalized(numberSortKeys(below)));
    assertEquals(normalized(List.of("1.5")), normalized(numberSortKeys(equalDifferentSpelling)));
  }

  @Test
  void query_binarySortKeys_orderedAsUnsignedBytes() {
    String table = createTypedTable(ScalarAttributeType.B);
    List<byte[]> expected = List.of(bytes(0x00), bytes(0x01), bytes(0x01, 0x00), bytes(0x7f), bytes(0x80), bytes(0xff));
    for (int i : new int[] {4, 0, 5, 2, 3, 1}) {
      byte[] sk = expected.get(i);
      client.putItem(p -> p.tableName(table).item(Map.of("pk", s("p"), "sk", b(sk))));
    }

    QueryResponse ascending = query(table, "pk = :pk", Map.of(":pk", s("p")));
    QueryResponse descending = client.query(q -> q.tableName(table)
        .keyConditionExpression("pk = :pk")
        .expressionAttributeValues(Map.of(":pk", s("p")))
        .scanIndexForward(false));

    assertEquals(hex(expected), hex(binarySortKeys(ascending)));
    assertEquals(reversed(hex(expected)), hex(binarySortKeys(descending)));
  }

  @Test
  void query_binarySortKeyGreaterThan_comparesUnsignedBytes() {
    String table = createTypedTable(ScalarAttributeType.B);
    for (byte[] sk : List.of(bytes(0x00), bytes(0x01), bytes(0x7f), bytes(0x80), bytes(0xff))) {
      client.putItem(p -> p.tableName(table).item(Map.of("pk", s("p"), "sk", b(sk))));
    }

    QueryResponse response = query(table, "pk = :pk AND sk > :v", Map.of(":pk", s("p"), ":v", b(bytes(0x7f))));

    assertEquals(hex(List.of(bytes(0x80), bytes(0xff))), hex(binarySortKeys(response)));
  }

  @Test
  void query_binarySortKeyBeginsWith_matchesBytePrefix() {
    String table = createTypedTable(ScalarAttributeType.B);
    for (byte[] sk : List.of(bytes(0x00), bytes(0x01), bytes(0x01, 0x00), bytes(0x01, 0xff), bytes(0x02))) {
      client.putItem(p -> p.tableName(table).item(Map.of("pk", s("p"), "sk", b(sk))));
    }

    QueryResponse response = query(table, "pk = :pk AND begins_with(sk, :v)", Map.of(":pk", s("p"), ":v", b(bytes(0x01))));

    assertEquals(hex(List.of(bytes(0x01), bytes(0x01, 0x00), bytes(0x01, 0xff))), hex(binarySortKeys(response)));
  }

  // ---------------------------------------------------------------- errors

  @Test
  void query_missingPartitionKeyCondition_validationException() {
    String table = catalog();

    assertValidation("Query condition missed key schema element: pk",
        () -> query(table, "sk = :sk", Map.of(":sk", s("item#01"))));
  }

  @Test
  void query_conditionOnNonKeyAttribute_validationException() {
    String table = catalog();

    assertValidation("Query condition missed key schema element: sk", () -> client.query(q -> q.tableName(table)
        .keyConditionExpression("pk = :pk AND #parity = :odd")
        .expressionAttributeNames(Map.of("#parity", "parity"))
        .expressionAttributeValues(Map.of(":pk", s("alpha"), ":odd", s("odd")))));
  }

  @Test
  void query_conditionOnlyOnNonKeyAttribute_validationException() {
    String table = catalog();

    assertValidation("Query condition missed key schema element: pk", () -> client.query(q -> q.tableName(table)
        .keyConditionExpression("#parity = :odd")
        .expressionAttributeNames(Map.of("#parity", "parity"))
        .expressionAttributeValues(Map.of(":odd", s("odd")))));
  }

  @Test
  void query_partitionKeyRangeCondition_validationException() {
    String table = catalog();

    // "The condition must perform an equality test on a single partition key value."
    assertValidation("Query key condition not supported", () -> query(table, "pk > :pk", Map.of(":pk", s("alpha"))));
  }

  @Test
  void query_partitionKeyBeginsWith_validationException() {
    String table = catalog();

    assertValidation("Query key condition not supported",
        () -> query(table, "begins_with(pk, :pk)", Map.of(":pk", s("al"))));
  }

  @Test
  void query_twoSortKeyConditions_validationException() {
    String table = catalog();

    assertValidation("KeyConditionExpressions must only contain one condition per key",
        () -> query(table, "pk = :pk AND sk > :lo AND sk < :hi",
        Map.of(":pk", s("alpha"), ":lo", s("item#02"), ":hi", s("item#05"))));
  }

  @Test
  void query_orInKeyCondition_validationException() {
    String table = catalog();

    assertValidation("Invalid operator used in KeyConditionExpression: OR",
        () -> query(table, "pk = :pk OR sk = :sk", Map.of(":pk", s("alpha"), ":sk", s("item#01"))));
  }

  @Test
  void query_sortKeyValueOfWrongType_validationException() {
    String table = catalog();

    assertValidation("One or more parameter values were invalid: Condition parameter type does not match schema type",
        () -> query(table, "pk = :pk AND sk = :sk", Map.of(":pk", s("alpha"), ":sk", n("1"))));
  }

  @Test
  void query_partitionKeyValueOfWrongType_validationException() {
    String table = catalog();

    assertValidation("One or more parameter values were invalid: Condition parameter type does not match schema type",
        () -> query(table, "pk = :pk", Map.of(":pk", n("1"))));
  }

  @Test
  void query_beginsWithOnNumberSortKey_validationException() {
    String table = createTypedTable(ScalarAttributeType.N);
    client.putItem(p -> p.tableName(table).item(Map.of("pk", s("p"), "sk", n("12"))));

    // "You cannot use this function with a sort key that is of type Number."
    assertValidation("Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or "
        + "function: begins_with, operand type: N",
        () -> query(table, "pk = :pk AND begins_with(sk, :v)", Map.of(":pk", s("p"), ":v", n("1"))));
  }

  @Test
  void query_limitZero_validationException() {
    String table = catalog();

    // Limit: "Valid Range: Minimum value of 1."
    assertValidation("1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must "
        + "have value greater than or equal to 1",
        () -> client.query(q -> q.tableName(table)
        .keyConditionExpression("pk = :pk")
        .expressionAttributeValues(Map.of(":pk", s("alpha")))
        .limit(0)));
  }

  @Test
  void query_missingTable_resourceNotFoundException() {
    String table = uniqueName("absent");

    assertThrows(ResourceNotFoundException.class, () -> query(table, "pk = :pk", Map.of(":pk", s("alpha"))));
  }

  // ---------------------------------------------------------------- fixtures and helpers

  /**
   * A table (pk S, sk S) holding partition "alpha": item#01..item#09 with num = 1..9 and parity, other#1
   * (num 10, even) and other#2 (num 11, odd); and partition "beta" with three items. Items are written out
   * of order.
   */
  private String catalog() {
    String table = createTable("pk", "sk");
    int[] order = {6, 0, 10, 3, 8, 1, 9, 4, 2, 7, 5};
    for (int i : order) {
      int num = i + 1;
      String sk = ALPHA.get(i);
      client.putItem(p -> p.tableName(table).item(Map.of(
          "pk", s("alpha"),
          "sk", s(sk),
          "num", n(Integer.toString(num)),
          "parity", s(num % 2 == 0 ? "even" : "odd"))));
    }
    for (String sk : List.of("zzz", "item#02", "item#01")) {
      client.putItem(p -> p.tableName(table).item(Map.of("pk", s("beta"), "sk", s(sk), "num", n("0"))));
    }
    return table;
  }

  /** A table whose partition "big" holds 30 items of about 100 KB each, sort keys k00..k29. */
  private String bigItemPartition() {
    String table = createTable("pk", "sk");
    AttributeValue body = s("x".repeat(100_000));
    for (String sk : bigKeys()) {
      client.putItem(p -> p.tableName(table).item(Map.of("pk", s("big"), "sk", s(sk), "body", body)));
    }
    return table;
  }

  private static List<String> bigKeys() {
    return IntStream.range(0, 30).mapToObj(i -> String.format("k%02d", i)).toList();
  }

  /** A table with a string partition key pk and a sort key sk of the given type. */
  private String createTypedTable(ScalarAttributeType sortKeyType) {
    String table = uniqueName("typed");
    client.createTable(c -> c.tableName(table)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
        .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("sk", sortKeyType)));
    return table;
  }

  private QueryResponse query(String table, String keyCondition, Map<String, AttributeValue> values) {
    return client.query(q -> q.tableName(table).keyConditionExpression(keyCondition).expressionAttributeValues(values));
  }

  private static List<String> sortKeys(QueryResponse response) {
    return response.items().stream().map(item -> item.get("sk").s()).toList();
  }

  private static List<String> numberSortKeys(QueryResponse response) {
    return response.items().stream().map(item -> item.get("sk").n()).toList();
  }

  private static List<byte[]> binarySortKeys(QueryResponse response) {
    return response.items().stream().map(item -> item.get("sk").b().asByteArray()).toList();
  }

  /** Numbers in a canonical spelling, so "1.50" and "1.5" compare equal. */
  private static List<String> normalized(List<String> numbers) {
    return numbers.stream()
        .map(v -> new BigDecimal(v).stripTrailingZeros().toPlainString())
        .toList();
  }

  private static List<String> hex(List<byte[]> values) {
    return values.stream()
        .map(v -> {
          StringBuilder out = new StringBuilder();
          for (byte x : v) {
            out.append(String.format("%02x", x & 0xff));
          }
          return out.toString();
        })
        .toList();
  }

  private static <T> List<T> reversed(List<T> list) {
    List<T> copy = new ArrayList<>(list);
    Collections.reverse(copy);
    return copy;
  }

  private static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(String value) {
    return AttributeValue.fromN(value);
  }

  private static AttributeValue b(byte[] value) {
    return AttributeValue.fromB(SdkBytes.fromByteArray(value));
  }

  private static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }

  private static AttributeDefinition attr(String name, ScalarAttributeType type) {
    return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
  }
}
