package dev.monotable.local.conformance;

import static dev.monotable.local.conformance.Values.assertValidation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Scan, sequential and parallel, as the DynamoDB API Reference (Scan) and the Developer Guide ("Scanning
 * tables", "Parallel scan") describe it.
 */
class ScanTest extends EngineTest {

  // ---------------------------------------------------------------- whole-table reads

  @Test
  void scan_table_returnsEveryItemOnce() {
    String table = grid();

    ScanResponse response = client.scan(s -> s.tableName(table));

    assertEquals(gridKeys(), keysOf(response.items()));
    assertEquals(15, response.items().size(), "an item came back twice");
    assertEquals(15, response.count());
    assertEquals(15, response.scannedCount());
    assertTrue(response.lastEvaluatedKey().isEmpty());
  }

  @Test
  void scan_table_returnsWholeItems() {
    String table = grid();

    ScanResponse response = client.scan(s -> s.tableName(table));

    Map<String, AttributeValue> item = response.items().stream()
        .filter(i -> i.get("pk").s().equals("p1") && i.get("sk").s().equals("s3"))
        .findFirst()
        .orElseThrow();
    assertEquals(Map.of("pk", s("p1"), "sk", s("s3"), "num", n("8"), "parity", s("even")), item);
  }

  @Test
  void scan_emptyTable_returnsNoItemsAndNoLastEvaluatedKey() {
    String table = createTable("pk", "sk");

    ScanResponse response = client.scan(s -> s.tableName(table));

    assertTrue(response.items().isEmpty());
    assertEquals(0, response.count());
    assertEquals(0, response.scannedCount());
    assertTrue(response.lastEvaluatedKey().isEmpty());
  }

  @Test
  void scan_hashOnlyTable_returnsEveryItem() {
    String table = hashOnly(20);

    ScanResponse response = client.scan(s -> s.tableName(table));

    assertEquals(hashOnlyKeys(20), new TreeSet<>(response.items().stream().map(i -> i.get("pk").s()).toList()));
    assertEquals(20, response.count());
  }

  @Test
  void scan_afterDeletesAndOverwrites_reflectsCurrentItems() {
    String table = grid();
    client.deleteItem(d -> d.tableName(table).key(Map.of("pk", s("p0"), "sk", s("s0"))));
    client.putItem(p -> p.tableName(table).item(Map.of("pk", s("p2"), "sk", s("s4"), "note", s("replaced"))));

    ScanResponse response = client.scan(s -> s.tableName(table).consistentRead(true));

    Set<String> expected = new TreeSet<>(gridKeys());
    expected.remove("p0/s0");
    assertEquals(expected, keysOf(response.items()));
    Map<String, AttributeValue> replaced = response.items().stream()
        .filter(i -> i.get("pk").s().equals("p2") && i.get("sk").s().equals("s4"))
        .findFirst()
        .orElseThrow();
    assertEquals(Map.of("pk", s("p2"), "sk", s("s4"), "note", s("replaced")), replaced);
  }

  // ---------------------------------------------------------------- Limit and paging

  @Test
  void scan_limit_returnsLimitItemsAndKeyOfLastItem() {
    String table = grid();

    ScanResponse response = client.scan(s -> s.tableName(table).limit(4));

    assertEquals(4, response.items().size());
    assertEquals(4, response.count());
    assertEquals(4, response.scannedCount());
    Map<String, AttributeValue> last = response.items().get(3);
    assertEquals(Map.of("pk", last.get("pk"), "sk", last.get("sk")), response.lastEvaluatedKey());
  }

  @Test
  void scan_pagingWithLimit_visitsEveryItemOnce() {
    String table = grid();

    List<ScanResponse> pages = allPages(ScanRequest.builder().tableName(table).limit(4).build());

    List<String> seen = pages.stream().flatMap(p -> p.items().stream()).map(ScanTest::keyOf).toList();
    assertEquals(15, seen.size(), "items seen: " + seen);
    assertEquals(gridKeys(), new TreeSet<>(seen));
    for (int i = 0; i < pages.size() - 1; i++) {
      assertTrue(pages.get(i).count() <= 4);
      assertFalse(pages.get(i).lastEvaluatedKey().isEmpty());
    }
    assertTrue(pages.size() >= 4, "15 items with Limit 4 take at least 4 pages");
  }

  @Test
  void scan_pagingWithLimitOne_visitsEveryItemOnce() {
    String table = hashOnly(12);

    List<ScanResponse> pages = allPages(ScanRequest.builder().tableName(table).limit(1).build());

    List<String> seen = pages.stream().flatMap(p -> p.items().stream()).map(i -> i.get("pk").s()).toList();
    assertEquals(12, seen.size(), "items seen: " + seen);
    assertEquals(hashOnlyKeys(12), new TreeSet<>(seen));
  }

  @Test
  void scan_exclusiveStartKey_continuesWithTheRemainingItems() {
    String table = grid();
    ScanResponse first = client.scan(s -> s.tableName(table).limit(6));

    ScanResponse rest = client.scan(s -> s.tableName(table).exclusiveStartKey(first.lastEvaluatedKey()));

    Set<String> all = new TreeSet<>(keysOf(first.items()));
    Set<String> remaining = keysOf(rest.items());
    assertEquals(9, remaining.size());
    remaining.forEach(k -> assertFalse(all.contains(k), k + " was returned twice"));
    all.addAll(remaining);
    assertEquals(gridKeys(), all);
  }

  @Test
  void scan_largeItems_pageStopsNearOneMegabyte() {
    String table = bigItems();

    ScanResponse first = client.scan(s -> s.tableName(table));

    // 30 items of ~100 KB: 10 fit in 1 MB, the 11th crosses it
    assertTrue(first.count() >= 10 && first.count() <= 11, "first page held " + first.count() + " items");
    assertFalse(first.lastEvaluatedKey().isEmpty());
  }

  @Test
  void scan_pagingOverLargeItems_visitsEveryItemOnce() {
    String table = bigItems();

    List<ScanResponse> pages = allPages(ScanRequest.builder().tableName(table).build());

    List<String> seen = pages.stream().flatMap(p -> p.items().stream()).map(i -> i.get("pk").s()).toList();
    assertEquals(30, seen.size());
    assertEquals(hashOnlyKeys(30), new TreeSet<>(seen));
    pages.forEach(p -> assertTrue(p.count() <= 11, "a page held " + p.count() + " items of ~100 KB"));
  }

  // ---------------------------------------------------------------- FilterExpression, Select, projection

  @Test
  void scan_filterExpression_returnsMatchesAndCountsEveryScannedItem() {
    String table = grid();

    ScanResponse response = client.scan(s -> s.tableName(table)
        .filterExpression("#num >= :min")
        .expressionAttributeNames(Map.of("#num", "num"))
        .expressionAttributeValues(Map.of(":min", n("12"))));

    // num = 5 * partition + sort: p2/s2 .. p2/s4
    assertEquals(Set.of("p2/s2", "p2/s3", "p2/s4"), keysOf(response.items()));
    assertEquals(3, response.count());
    assertEquals(15, response.scannedCount());
  }

  @Test
  void scan_filterExpressionOnKeyAttributes_isAllowed() {
    String table = grid();

    ScanResponse response = client.scan(s -> s.tableName(table)
        .filterExpression("pk = :p AND sk <> :s")
        .expressionAttributeValues(Map.of(":p", s("p1"), ":s", s("s0"))));

    assertEquals(Set.of("p1/s1", "p1/s2", "p1/s3", "p1/s4"), keysOf(response.items()));
  }

  @Test
  void scan_filterExpressionWithLimit_limitCountsScannedItems() {
    String table = grid();

    ScanResponse response = client.scan(s -> s.tableName(table)
        .limit(5)
        .filterExpression("#parity = :even")
        .expressionAttributeNames(Map.of("#parity", "parity"))
        .expressionAttributeValues(Map.of(":even", s("even"))));

    assertEquals(5, response.scannedCount());
    assertTrue(response.count() <= 5);
    assertEquals(response.items().size(), response.count());
    response.items().forEach(i -> assertEquals(s("even"), i.get("parity")));
    assertFalse(response.lastEvaluatedKey().isEmpty());
  }

  @Test
  void scan_filterExpressionPaging_returnsEveryMatchOnce() {
    String table = grid();
    ScanRequest request = ScanRequest.builder().tableName(table)
        .limit(4)
        .filterExpression("#parity = :even")
        .expressionAttributeNames(Map.of("#parity", "parity"))
        .expressionAttributeValues(Map.of(":even", s("even")))
        .build();

    List<ScanResponse> pages = allPages(request);

    List<String> seen = pages.stream().flatMap(p -> p.items().stream()).map(ScanTest::keyOf).toList();
    // num 0, 2, 4, ..., 14 are even: 8 items
    assertEquals(8, seen.size(), "matches seen: " + seen);
    assertEquals(Set.of("p0/s0", "p0/s2", "p0/s4", "p1/s1", "p1/s3", "p2/s0", "p2/s2", "p2/s4"), new TreeSet<>(seen));
    assertEquals(15, pages.stream().mapToInt(ScanResponse::scannedCount).sum());
  }

  @Test
  void scan_selectCount_returnsCountWithoutItems() {
    String table = grid();

    ScanResponse response = client.scan(s -> s.tableName(table).select(Select.COUNT));

    assertEquals(15, response.count());
    assertEquals(15, response.scannedCount());
    assertTrue(response.items().isEmpty());
  }

  @Test
  void scan_selectCountWithFilter_countsMatchesAndScannedItems() {
    String table = grid();

    ScanResponse response = client.scan(s -> s.tableName(table)
        .select(Select.COUNT)
        .filterExpression("#parity = :odd")
        .expressionAttributeNames(Map.of("#parity", "parity"))
        .expressionAttributeValues(Map.of(":odd", s("odd"))));

    assertEquals(7, response.count());
    assertEquals(15, response.scannedCount());
    assertTrue(response.items().isEmpty());
  }

  @Test
  void scan_projectionExpression_returnsOnlyProjectedAttributes() {
    String table = grid();

    ScanResponse response = client.scan(s -> s.tableName(table)
        .projectionExpression("sk, #num")
        .expressionAttributeNames(Map.of("#num", "num")));

    assertEquals(15, response.count());
    response.items().forEach(item -> assertEquals(Set.of("sk", "num"), item.keySet()));
    Set<String> numbers = new TreeSet<>(response.items().stream().map(i -> i.get("num").n()).toList());
    assertEquals(new TreeSet<>(IntStream.range(0, 15).mapToObj(Integer::toString).toList()), numbers);
  }

  @Test
  void scan_selectSpecificAttributesWithProjection_returnsOnlyProjectedAttributes() {
    String table = grid();

    ScanResponse response = client.scan(s -> s.tableName(table)
        .select(Select.SPECIFIC_ATTRIBUTES)
        .projectionExpression("pk"));

    assertEquals(15, response.items().size());
    response.items().forEach(item -> assertEquals(Set.of("pk"), item.keySet()));
  }

  @Test
  void scan_consistentRead_seesEveryCompletedWrite() {
    String table = createTable("pk", null);
    for (int i = 0; i < 5; i++) {
      String pk = "k" + i;
      client.putItem(p -> p.tableName(table).item(Map.of("pk", s(pk))));
    }
    client.deleteItem(d -> d.tableName(table).key(Map.of("pk", s("k3"))));

    ScanResponse response = client.scan(s -> s.tableName(table).consistentRead(true));

    assertEquals(Set.of("k0", "k1", "k2", "k4"),
        new TreeSet<>(response.items().stream().map(i -> i.get("pk").s()).toList()));
  }

  // ---------------------------------------------------------------- parallel scan

  @Test
  void scan_parallelSegments_areDisjointAndCoverEveryItem() {
    String table = hashOnly(100);

    Map<Integer, List<String>> bySegment = scanSegments(table, 4, null);

    Set<String> union = new HashSet<>();
    int total = 0;
    for (List<String> keys : bySegment.values()) {
      for (String key : keys) {
        assertTrue(union.add(key), key + " appeared in two segments or twice in one");
      }
      total += keys.size();
    }
    assertEquals(100, total);
    assertEquals(hashOnlyKeys(100), new TreeSet<>(union));
    // segments "logically divide a table into equally sized portions": 100 items do not all land in one
    long nonEmpty = bySegment.values().stream().filter(k -> !k.isEmpty()).count();
    assertTrue(nonEmpty >= 2, "only " + nonEmpty + " of 4 segments held items: " + bySegment);
  }

  @Test
  void scan_parallelSegmentsOfCompositeKeyTable_coverEveryItemOnce() {
    String table = grid();

    Map<Integer, List<String>> bySegment = scanSegments(table, 3, null);

    List<String> all = bySegment.values().stream().flatMap(List::stream).toList();
    assertEquals(15, all.size(), "items seen: " + bySegment);
    assertEquals(gridKeys(), new TreeSet<>(all));
  }

  @Test
  void scan_parallelSegmentsWithLimit_pagingStaysWithinSegmentAndCoversEveryItem() {
    String table = hashOnly(60);

    Map<Integer, List<String>> bySegment = scanSegments(table, 3, 4);
    Map<Integer, List<String>> unpaged = scanSegments(table, 3, null);

    for (int segment = 0; segment < 3; segment++) {
      assertEquals(new TreeSet<>(unpaged.get(segment)), new TreeSet<>(bySegment.get(segment)),
          "segment " + segment + " changed when paged");
      assertEquals(unpaged.get(segment).size(), bySegment.get(segment).size(), "segment " + segment + " repeated an item");
    }
    assertEquals(hashOnlyKeys(60),
        new TreeSet<>(bySegment.values().stream().flatMap(List::stream).toList()));
  }

  @Test
  void scan_moreSegmentsThanItems_stillCoversEveryItemOnce() {
    String table = hashOnly(10);

    Map<Integer, List<String>> bySegment = scanSegments(table, 64, null);

    List<String> all = bySegment.values().stream().flatMap(List::stream).toList();
    assertEquals(10, all.size(), "items seen: " + all);
    assertEquals(hashOnlyKeys(10), new TreeSet<>(all));
  }

  @Test
  void scan_singleSegment_returnsEveryItem() {
    String table = grid();

    ScanResponse response = client.scan(s -> s.tableName(table).segment(0).totalSegments(1));

    assertEquals(gridKeys(), keysOf(response.items()));
    assertEquals(15, response.count());
  }

  @Test
  void scan_parallelSegmentsWithFilter_countsAddUp() {
    String table = grid();
    int matches = 0;
    int scanned = 0;
    for (int segment = 0; segment < 4; segment++) {
      int seg = segment;
      ScanResponse response = client.scan(s -> s.tableName(table)
          .segment(seg)
          .totalSegments(4)
          .select(Select.COUNT)
          .filterExpression("#parity = :odd")
          .expressionAttributeNames(Map.of("#parity", "parity"))
          .expressionAttributeValues(Map.of(":odd", s("odd"))));
      assertTrue(response.lastEvaluatedKey().isEmpty());
      matches += response.count();
      scanned += response.scannedCount();
    }

    assertEquals(7, matches);
    assertEquals(15, scanned);
  }

  @Test
  void scan_segmentEqualToTotalSegments_validationException() {
    String table = grid();

    // "The value for Segment must be greater than or equal to 0, and less than the value provided for TotalSegments."
    assertValidation("The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: 4 "
        + "is not less than TotalSegments: 4",
        () -> client.scan(s -> s.tableName(table).segment(4).totalSegments(4)));
  }

  @Test
  void scan_segmentAboveTotalSegments_validationException() {
    String table = grid();

    assertValidation("The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: 7 "
        + "is not less than TotalSegments: 2",
        () -> client.scan(s -> s.tableName(table).segment(7).totalSegments(2)));
  }

  @Test
  void scan_negativeSegment_validationException() {
    String table = grid();

    assertValidation("1 validation error detected: Value '-1' at 'segment' failed to satisfy constraint: Member "
        + "must have value greater than or equal to 0",
        () -> client.scan(s -> s.tableName(table).segment(-1).totalSegments(4)));
  }

  @Test
  void scan_segmentWithoutTotalSegments_validationException() {
    String table = grid();

    // "If you provide Segment, you must also provide TotalSegments."
    assertValidation("The TotalSegments parameter is required but was not present in the request when Segment "
        + "parameter is present",
        () -> client.scan(s -> s.tableName(table).segment(0)));
  }

  @Test
  void scan_totalSegmentsWithoutSegment_validationException() {
    String table = grid();

    // "If you specify TotalSegments, you must also specify Segment."
    assertValidation("The Segment parameter is required but was not present in the request when parameter "
        + "TotalSegments is present",
        () -> client.scan(s -> s.tableName(table).totalSegments(4)));
  }

  @Test
  void scan_totalSegmentsZero_validationException() {
    String table = grid();

    assertValidation("1 validation error detected: Value '0' at 'totalSegments' failed to satisfy constraint: "
        + "Member must have value greater than or equal to 1",
        () -> client.scan(s -> s.tableName(table).segment(0).totalSegments(0)));
  }

  @Test
  void scan_totalSegmentsAboveMaximum_validationException() {
    String table = grid();

    // TotalSegments: "less than or equal to 1000000"
    assertValidation("1 validation error detected: Value '1000001' at 'totalSegments' failed to satisfy constraint: "
        + "Member must have value less than or equal to 1000000",
        () -> client.scan(s -> s.tableName(table).segment(0).totalSegments(1_000_001)));
  }

  // ---------------------------------------------------------------- other errors

  @Test
  void scan_selectAllProjectedAttributesOnTable_validationException() {
    String table = grid();

    // ALL_PROJECTED_ATTRIBUTES is "allowed only when querying an index"
    assertValidation("ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName",
        () -> client.scan(s -> s.tableName(table).select(Select.ALL_PROJECTED_ATTRIBUTES)));
  }

  @Test
  void scan_selectCountWithProjectionExpression_validationException() {
    String table = grid();

    assertValidation("Cannot specify the ProjectionExpression when choosing to get COUNT",
        () -> client.scan(s -> s.tableName(table).select(Select.COUNT).projectionExpression("pk")));
  }

  @Test
  void scan_limitZero_validationException() {
    String table = grid();

    assertValidation("1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must "
        + "have value greater than or equal to 1",
        () -> client.scan(s -> s.tableName(table).limit(0)));
  }

  @Test
  void scan_missingTable_resourceNotFoundException() {
    String table = uniqueName("absent");

    assertThrows(ResourceNotFoundException.class, () -> client.scan(s -> s.tableName(table)));
  }

  // ---------------------------------------------------------------- fixtures and helpers

  /**
   * A table (pk S, sk S) of 15 items: partitions p0..p2, sort keys s0..s4, num = 5 * partition + sort,
   * parity of num. Written out of order.
   */
  private String grid() {
    String table = createTable("pk", "sk");
    int[] order = {7, 2, 14, 0, 11, 5, 9, 1, 13, 3, 10, 6, 12, 4, 8};
    for (int i : order) {
      int partition = i / 5;
      int sort = i % 5;
      client.putItem(p -> p.tableName(table).item(Map.of(
          "pk", s("p" + partition),
          "sk", s("s" + sort),
          "num", n(Integer.toString(i)),
          "parity", s(i % 2 == 0 ? "even" : "odd"))));
    }
    return table;
  }

  private static Set<String> gridKeys() {
    Set<String> keys = new TreeSet<>();
    for (int partition = 0; partition < 3; partition++) {
      for (int sort = 0; sort < 5; sort++) {
        keys.add("p" + partition + "/s" + sort);
      }
    }
    return keys;
  }

  /** A hash-only table (pk S) holding k000..k(count-1). */
  private String hashOnly(int count) {
    String table = createTable("pk", null);
    for (String pk : hashOnlyKeys(count)) {
      client.putItem(p -> p.tableName(table).item(Map.of("pk", s(pk), "payload", s("v-" + pk))));
    }
    return table;
  }

  private static Set<String> hashOnlyKeys(int count) {
    return new TreeSet<>(IntStream.range(0, count).mapToObj(i -> String.format("k%03d", i)).toList());
  }

  /** A hash-only table of 30 items of about 100 KB each, keys k000..k029. */
  private String bigItems() {
    String table = createTable("pk", null);
    AttributeValue body = s("x".repeat(100_000));
    for (String pk : hashOnlyKeys(30)) {
      client.putItem(p -> p.tableName(table).item(Map.of("pk", s(pk), "body", body)));
    }
    return table;
  }

  /** Scans every segment to its end; the keys each segment returned, in the order returned. */
  private Map<Integer, List<String>> scanSegments(String table, int totalSegments, Integer limit) {
    Map<Integer, List<String>> bySegment = new HashMap<>();
    for (int segment = 0; segment < totalSegments; segment++) {
      ScanRequest request = ScanRequest.builder().tableName(table)
          .segment(segment)
          .totalSegments(totalSegments)
          .limit(limit)
          .build();
      bySegment.put(segment, allPages(request).stream()
          .flatMap(p -> p.items().stream())
          .map(ScanTest::keyOf)
          .toList());
    }
    return bySegment;
  }

  private static Set<String> keysOf(List<Map<String, AttributeValue>> items) {
    return new TreeSet<>(items.stream().map(ScanTest::keyOf).toList());
  }

  /** "pk/sk", or just "pk" for a hash-only table. */
  private static String keyOf(Map<String, AttributeValue> item) {
    AttributeValue sk = item.get("sk");
    return sk == null ? item.get("pk").s() : item.get("pk").s() + "/" + sk.s();
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(String value) {
    return AttributeValue.fromN(value);
  }
}
