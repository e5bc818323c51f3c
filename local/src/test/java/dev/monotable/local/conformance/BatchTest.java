package dev.monotable.local.conformance;

import static dev.monotable.local.conformance.Values.assertValidation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * BatchGetItem and BatchWriteItem, as the DynamoDB API Reference (BatchGetItem, BatchWriteItem) and the
 * Developer Guide ("Batch operations") describe them.
 */
class BatchTest extends EngineTest {

  // ---------------------------------------------------------------- BatchGetItem

  @Test
  void batchGetItem_keysAcrossTwoTables_returnsEachItem() {
    String users = usersTable(5);
    String orders = ordersTable();

    BatchGetItemResponse response = client.batchGetItem(b -> b.requestItems(Map.of(
        users, KeysAndAttributes.builder().keys(userKey("u1"), userKey("u3")).build(),
        orders, KeysAndAttributes.builder().keys(orderKey("c1", "o2"), orderKey("c2", "o1")).build())));

    // "DynamoDB does not return items in any particular order"
    assertEquals(Set.of(user("u1"), user("u3")), Set.copyOf(returned(response, users)));
    assertEquals(Set.of(order("c1", "o2"), order("c2", "o1")), Set.copyOf(returned(response, orders)));
    assertTrue(response.unprocessedKeys().isEmpty());
  }

  @Test
  void batchGetItem_missingKeys_areAbsentFromResponses() {
    String users = usersTable(3);
    String orders = ordersTable();

    BatchGetItemResponse response = client.batchGetItem(b -> b.requestItems(Map.of(
        users, KeysAndAttributes.builder().keys(userKey("u0"), userKey("nobody"), userKey("u2")).build(),
        orders, KeysAndAttributes.builder().keys(orderKey("c1", "o9"), orderKey("c9", "o1")).build())));

    assertEquals(Set.of(user("u0"), user("u2")), Set.copyOf(returned(response, users)));
    assertTrue(returned(response, orders).isEmpty());
    assertTrue(response.unprocessedKeys().isEmpty());
  }

  @Test
  void batchGetItem_hundredKeys_returnsEveryItem() {
    String users = usersTable(100);
    List<Map<String, AttributeValue>> keys = IntStream.range(0, 100).mapToObj(i -> userKey("u" + i)).toList();

    BatchGetItemResponse response = client.batchGetItem(b -> b.requestItems(Map.of(
        users, KeysAndAttributes.builder().keys(keys).build())));

    List<Map<String, AttributeValue>> items = returned(response, users);
    assertEquals(100, items.size());
    assertEquals(userIds(100), new TreeSet<>(items.stream().map(i -> i.get("pk").s()).toList()));
    assertTrue(response.unprocessedKeys().isEmpty());
  }

  @Test
  void batchGetItem_hundredKeysAcrossTwoTables_returnsEveryItem() {
    String first = usersTable(50);
    String second = usersTable(50);
    List<Map<String, AttributeValue>> keys = IntStream.range(0, 50).mapToObj(i -> userKey("u" + i)).toList();

    BatchGetItemResponse response = client.batchGetItem(b -> b.requestItems(Map.of(
        first, KeysAndAttributes.builder().keys(keys).build(),
        second, KeysAndAttributes.builder().keys(keys).build())));

    assertEquals(50, returned(response, first).size());
    assertEquals(50, returned(response, second).size());
  }

  @Test
  void batchGetItem_moreThanHundredKeys_validationException() {
    String users = usersTable(101);
    List<Map<String, AttributeValue>> keys = IntStream.range(0, 101).mapToObj(i -> userKey("u" + i)).toList();

    DynamoDbException e = validationError(() -> client.batchGetItem(b -> b.requestItems(Map.of(
        users, KeysAndAttributes.builder().keys(keys).build()))));

    // one table's Keys break the model's length constraint (at most 100) before the call's total is counted
    String message = e.awsErrorDetails().errorMessage();
    assertTrue(message.startsWith("1 validation error detected: Value '[{pk={S: u0,}}, {pk={S: u1,}}, "), message);
    assertTrue(message.endsWith(", {pk={S: u100,}}]' at 'requestItems." + users + ".member.keys' failed to satisfy "
        + "constraint: Member must have length less than or equal to 100"), message);
  }

  @Test
  void batchGetItem_moreThanHundredKeysOverTwoTables_tooManyItemsRequested() {
    String users = usersTable(60);
    String others = usersTable(60);
    List<Map<String, AttributeValue>> keys = IntStream.range(0, 60).mapToObj(i -> userKey("u" + i)).toList();

    DynamoDbException e = validationError(() -> client.batchGetItem(b -> b.requestItems(Map.of(
        users, KeysAndAttributes.builder().keys(keys).build(), others, KeysAndAttributes.builder().keys(keys).build()))));

    // "If you request more than 100 items, BatchGetItem returns a ValidationException with the message
    // 'Too many items requested for the BatchGetItem call.'"
    assertEquals("Too many items requested for the BatchGetItem call", e.awsErrorDetails().errorMessage());
  }

  @Test
  void batchGetItem_moreThanHundredKeysAcrossTables_validationException() {
    String first = usersTable(60);
    String second = usersTable(41);

    assertValidation("Too many items requested for the BatchGetItem call",
        () -> client.batchGetItem(b -> b.requestItems(Map.of(
        first, KeysAndAttributes.builder().keys(IntStream.range(0, 60).mapToObj(i -> userKey("u" + i)).toList()).build(),
        second, KeysAndAttributes.builder().keys(IntStream.range(0, 41).mapToObj(i -> userKey("u" + i)).toList()).build()))));
  }

  @Test
  void batchGetItem_duplicateKeys_validationException() {
    String users = usersTable(3);

    assertValidation("Provided list of item keys contains duplicates",
        () -> client.batchGetItem(b -> b.requestItems(Map.of(
        users, KeysAndAttributes.builder().keys(userKey("u1"), userKey("u2"), userKey("u1")).build()))));
  }

  @Test
  void batchGetItem_sameKeyInDifferentTables_returnsBoth() {
    String first = usersTable(2);
    String second = usersTable(2);

    BatchGetItemResponse response = client.batchGetItem(b -> b.requestItems(Map.of(
        first, KeysAndAttributes.builder().keys(userKey("u1")).build(),
        second, KeysAndAttributes.builder().keys(userKey("u1")).build())));

    assertEquals(List.of(user("u1")), returned(response, first));
    assertEquals(List.of(user("u1")), returned(response, second));
  }

  @Test
  void batchGetItem_projectionExpression_returnsOnlyProjectedAttributes() {
    String users = usersTable(3);
    String orders = ordersTable();

    BatchGetItemResponse response = client.batchGetItem(b -> b.requestItems(Map.of(
        users, KeysAndAttributes.builder()
            .keys(userKey("u1"), userKey("u2"))
            .projectionExpression("#n")
            .expressionAttributeNames(Map.of("#n", "name"))
            .build(),
        orders, KeysAndAttributes.builder()
            .keys(orderKey("c1", "o1"))
            .projectionExpression("sk, #t")
            .expressionAttributeNames(Map.of("#t", "total"))
            .build())));

    assertEquals(Set.of(Map.of("name", s("name-u1")), Map.of("name", s("name-u2"))), Set.copyOf(returned(response, users)));
    assertEquals(List.of(Map.of("sk", s("o1"), "total", n("11"))), returned(response, orders));
  }

  @Test
  void batchGetItem_consistentRead_returnsLatestItems() {
    String users = usersTable(2);
    client.putItem(p -> p.tableName(users).item(Map.of("pk", s("u1"), "name", s("renamed"))));

    BatchGetItemResponse response = client.batchGetItem(b -> b.requestItems(Map.of(
        users, KeysAndAttributes.builder().keys(userKey("u1"), userKey("u0")).consistentRead(true).build())));

    assertEquals(Set.of(Map.of("pk", s("u1"), "name", s("renamed")), user("u0")), Set.copyOf(returned(response, users)));
  }

  @Test
  void batchGetItem_missingTable_resourceNotFoundException() {
    String users = usersTable(1);
    String absent = uniqueName("absent");

    assertThrows(ResourceNotFoundException.class, () -> client.batchGetItem(b -> b.requestItems(Map.of(
        users, KeysAndAttributes.builder().keys(userKey("u0")).build(),
        absent, KeysAndAttributes.builder().keys(userKey("u0")).build()))));
  }

  @Test
  void batchGetItem_keyWithoutSortKey_validationException() {
    String orders = ordersTable();

    assertValidation("The provided key element does not match the schema",
        () -> client.batchGetItem(b -> b.requestItems(Map.of(
        orders, KeysAndAttributes.builder().keys(Map.of("pk", s("c1"))).build()))));
  }

  @Test
  void batchGetItem_keyWithExtraAttribute_validationException() {
    String users = usersTable(1);

    assertValidation("The provided key element does not match the schema",
        () -> client.batchGetItem(b -> b.requestItems(Map.of(
        users, KeysAndAttributes.builder().keys(Map.of("pk", s("u0"), "name", s("name-u0"))).build()))));
  }

  // ---------------------------------------------------------------- BatchWriteItem

  @Test
  void batchWriteItem_putsAcrossTwoTables_writesEveryItem() {
    String users = createTable("pk", null);
    String orders = createTable("pk", "sk");

    BatchWriteItemResponse response = client.batchWriteItem(b -> b.requestItems(Map.of(
        users, List.of(put(user("u1")), put(user("u2"))),
        orders, List.of(put(order("c1", "o1")), put(order("c1", "o2")), put(order("c2", "o1"))))));

    assertTrue(response.unprocessedItems().isEmpty(), "UnprocessedItems: " + response.unprocessedItems());
    assertEquals(user("u1"), get(users, userKey("u1")));
    assertEquals(user("u2"), get(users, userKey("u2")));
    assertEquals(order("c1", "o1"), get(orders, orderKey("c1", "o1")));
    assertEquals(order("c1", "o2"), get(orders, orderKey("c1", "o2")));
    assertEquals(order("c2", "o1"), get(orders, orderKey("c2", "o1")));
    assertEquals(3, client.scan(s -> s.tableName(orders).consistentRead(true)).count());
  }

  @Test
  void batchWriteItem_deletesAcrossTwoTables_removeItems() {
    String users = usersTable(3);
    String orders = ordersTable();

    BatchWriteItemResponse response = client.batchWriteItem(b -> b.requestItems(Map.of(
        users, List.of(delete(userKey("u0")), delete(userKey("u2"))),
        orders, List.of(delete(orderKey("c1", "o1"))))));

    assertTrue(response.unprocessedItems().isEmpty());
    assertEquals(Set.of("u1"), scanKeys(users));
    assertEquals(Set.of("c1/o2", "c2/o1"), scanKeys(orders));
  }

  @Test
  void batchWriteItem_putsAndDeletesTogether_applyAll() {
    String users = usersTable(2);

    BatchWriteItemResponse response = client.batchWriteItem(b -> b.requestItems(Map.of(
        users, List.of(delete(userKey("u0")), put(user("u7")), put(user("u8"))))));

    assertTrue(response.unprocessedItems().isEmpty());
    assertEquals(Set.of("u1", "u7", "u8"), scanKeys(users));
  }

  @Test
  void batchWriteItem_putOverExistingItem_replacesWholeItem() {
    String users = createTable("pk", null);
    client.putItem(p -> p.tableName(users).item(Map.of("pk", s("u1"), "name", s("old"), "age", n("40"))));

    client.batchWriteItem(b -> b.requestItems(Map.of(
        users, List.of(put(Map.of("pk", s("u1"), "city", s("Oslo")))))));

    // a put "overwrites" the item; it does not merge attributes
    assertEquals(Map.of("pk", s("u1"), "city", s("Oslo")), get(users, userKey("u1")));
  }

  @Test
  void batchWriteItem_deleteOfMissingItem_succeeds() {
    String users = usersTable(1);

    BatchWriteItemResponse response = client.batchWriteItem(b -> b.requestItems(Map.of(
        users, List.of(delete(userKey("nobody"))))));

    assertTrue(response.unprocessedItems().isEmpty());
    assertEquals(Set.of("u0"), scanKeys(users));
  }

  @Test
  void batchWriteItem_twentyFiveRequests_writesThemAll() {
    String users = createTable("pk", null);
    List<WriteRequest> puts = IntStream.range(0, 25).mapToObj(i -> put(user("u" + i))).toList();

    BatchWriteItemResponse response = client.batchWriteItem(b -> b.requestItems(Map.of(users, puts)));

    assertTrue(response.unprocessedItems().isEmpty());
    assertEquals(userIds(25), scanKeys(users));
  }

  @Test
  void batchWriteItem_twentyFiveRequestsAcrossTables_writesThemAll() {
    String first = createTable("pk", null);
    String second = createTable("pk", null);

    BatchWriteItemResponse response = client.batchWriteItem(b -> b.requestItems(Map.of(
        first, IntStream.range(0, 13).mapToObj(i -> put(user("u" + i))).toList(),
        second, IntStream.range(0, 12).mapToObj(i -> put(user("u" + i))).toList())));

    assertTrue(response.unprocessedItems().isEmpty());
    assertEquals(userIds(13), scanKeys(first));
    assertEquals(userIds(12), scanKeys(second));
  }

  @Test
  void batchWriteItem_twentySixRequests_validationExceptionAndNothingWritten() {
    String users = createTable("pk", null);
    List<WriteRequest> puts = IntStream.range(0, 26).mapToObj(i -> put(user("u" + i))).toList();

    assertValidation("1 validation error detected: Value '{" + users + "=[com.amazonaws.dynamodb.v20120810.WriteRequest@",
        "]}' at 'requestItems' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length "
            + "less than or equal to 25, Member must have length greater than or equal to 1]",
        () -> client.batchWriteItem(b -> b.requestItems(Map.of(users, puts))));

    // "DynamoDB rejects the entire batch write operation" when "there are more than 25 requests in the batch"
    assertTrue(scanKeys(users).isEmpty());
  }

  @Test
  void batchWriteItem_twentySixRequestsAcrossTables_validationExceptionAndNothingWritten() {
    String first = createTable("pk", null);
    String second = createTable("pk", null);

    assertValidation("1 validation error detected: Value at 'requestItems' failed to satisfy constraint: Map value "
        + "must satisfy constraint: [Member must have length less than or equal to 25, Member must have length greater "
        + "than or equal to 1]",
        () -> client.batchWriteItem(b -> b.requestItems(Map.of(
        first, IntStream.range(0, 13).mapToObj(i -> put(user("u" + i))).toList(),
        second, IntStream.range(0, 13).mapToObj(i -> put(user("u" + i))).toList()))));

    assertTrue(scanKeys(first).isEmpty());
    assertTrue(scanKeys(second).isEmpty());
  }

  @Test
  void batchWriteItem_samePutTwice_validationExceptionAndNothingWritten() {
    String users = createTable("pk", null);

    assertValidation("Provided list of item keys contains duplicates",
        () -> client.batchWriteItem(b -> b.requestItems(Map.of(
        users, List.of(put(user("u1")), put(user("u2")), put(Map.of("pk", s("u1"), "name", s("again"))))))));

    assertTrue(scanKeys(users).isEmpty());
  }

  @Test
  void batchWriteItem_putAndDeleteOfSameItem_validationExceptionAndNothingChanged() {
    String users = usersTable(2);

    // "you cannot put and delete the same item in the same BatchWriteItem request"
    assertValidation("Provided list of item keys contains duplicates",
        () -> client.batchWriteItem(b -> b.requestItems(Map.of(
        users, List.of(put(Map.of("pk", s("u0"), "name", s("changed"))), put(user("u5")), delete(userKey("u0")))))));

    assertEquals(user("u0"), get(users, userKey("u0")));
    assertEquals(Set.of("u0", "u1"), scanKeys(users));
  }

  @Test
  void batchWriteItem_sameCompositeKeyTwice_validationException() {
    String orders = createTable("pk", "sk");

    assertValidation("Provided list of item keys contains duplicates",
        () -> client.batchWriteItem(b -> b.requestItems(Map.of(
        orders, List.of(delete(orderKey("c1", "o1")), delete(orderKey("c1", "o1")))))));
  }

  @Test
  void batchWriteItem_samePartitionDifferentSortKeys_writesBoth() {
    String orders = createTable("pk", "sk");

    client.batchWriteItem(b -> b.requestItems(Map.of(
        orders, List.of(put(order("c1", "o1")), put(order("c1", "o2"))))));

    assertEquals(Set.of("c1/o1", "c1/o2"), scanKeys(orders));
  }

  @Test
  void batchWriteItem_sameKeyInDifferentTables_writesBoth() {
    String first = createTable("pk", null);
    String second = createTable("pk", null);

    BatchWriteItemResponse response = client.batchWriteItem(b -> b.requestItems(Map.of(
        first, List.of(put(user("u1"))),
        second, List.of(put(user("u1"))))));

    assertTrue(response.unprocessedItems().isEmpty());
    assertEquals(user("u1"), get(first, userKey("u1")));
    assertEquals(user("u1"), get(second, userKey("u1")));
  }

  @Test
  void batchWriteItem_missingTable_resourceNotFoundExceptionAndNothingWritten() {
    String users = createTable("pk", null);
    String absent = uniqueName("absent");

    // "One or more tables specified in the BatchWriteItem request does not exist" rejects the whole batch
    assertThrows(ResourceNotFoundException.class, () -> client.batchWriteItem(b -> b.requestItems(Map.of(
        users, List.of(put(user("u1"))),
        absent, List.of(put(user("u1")))))));

    assertTrue(scanKeys(users).isEmpty());
  }

  @Test
  void batchWriteItem_itemWithoutSortKey_validationExceptionAndNothingWritten() {
    String orders = createTable("pk", "sk");

    // "Primary key attributes specified on an item in the request do not match those in the corresponding
    // table's primary key schema" rejects the whole batch
    // a batch's put with a key that does not fit is refused as a Key parameter is, not as PutItem words it
    assertValidation("The provided key element does not match the schema",
        () -> client.batchWriteItem(b -> b.requestItems(Map.of(
        orders, List.of(put(order("c1", "o1")), put(Map.of("pk", s("c2"), "total", n("1"))))))));

    assertTrue(scanKeys(orders).isEmpty());
  }

  @Test
  void batchWriteItem_keyAttributeOfWrongType_validationException() {
    String users = createTable("pk", null);

    assertValidation("The provided key element does not match the schema",
        () -> client.batchWriteItem(b -> b.requestItems(Map.of(
        users, List.of(put(Map.of("pk", n("1"), "name", s("numeric key"))))))));

    assertTrue(scanKeys(users).isEmpty());
  }

  @Test
  void batchWriteItem_itemLargerThan400KB_validationExceptionAndNothingWritten() {
    String users = createTable("pk", null);
    Map<String, AttributeValue> huge = Map.of("pk", s("big"), "body", s("x".repeat(410 * 1024)));

    // "Any individual item in a batch exceeds 400 KB" rejects the whole batch
    assertValidation("Item size has exceeded the maximum allowed size",
        () -> client.batchWriteItem(b -> b.requestItems(Map.of(
        users, List.of(put(user("u1")), put(huge))))));

    assertTrue(scanKeys(users).isEmpty());
  }

  @Test
  void batchWriteItem_deleteWithExtraAttribute_validationException() {
    String users = usersTable(1);

    assertValidation("The provided key element does not match the schema",
        () -> client.batchWriteItem(b -> b.requestItems(Map.of(
        users, List.of(delete(Map.of("pk", s("u0"), "name", s("name-u0"))))))));

    assertEquals(user("u0"), get(users, userKey("u0")));
  }

  // ---------------------------------------------------------------- fixtures and helpers

  /** A hash-only table (pk S) with items u0..u(count-1), each {pk, name}. */
  private String usersTable(int count) {
    String table = createTable("pk", null);
    for (int i = 0; i < count; i++) {
      Map<String, AttributeValue> item = user("u" + i);
      client.putItem(p -> p.tableName(table).item(item));
    }
    return table;
  }

  /** A table (pk S, sk S) with orders c1/o1, c1/o2, c2/o1, each {pk, sk, total, status}. */
  private String ordersTable() {
    String table = createTable("pk", "sk");
    for (Map<String, AttributeValue> item : List.of(order("c1", "o1"), order("c1", "o2"), order("c2", "o1"))) {
      client.putItem(p -> p.tableName(table).item(item));
    }
    return table;
  }

  private static Map<String, AttributeValue> user(String id) {
    return Map.of("pk", s(id), "name", s("name-" + id));
  }

  private static Map<String, AttributeValue> order(String customer, String orderId) {
    int total = 10 * Integer.parseInt(customer.substring(1)) + Integer.parseInt(orderId.substring(1));
    return Map.of("pk", s(customer), "sk", s(orderId), "total", n(Integer.toString(total)), "status", s("open"));
  }

  private static Map<String, AttributeValue> userKey(String id) {
    return Map.of("pk", s(id));
  }

  private static Map<String, AttributeValue> orderKey(String customer, String orderId) {
    return Map.of("pk", s(customer), "sk", s(orderId));
  }

  private static Set<String> userIds(int count) {
    return new TreeSet<>(IntStream.range(0, count).mapToObj(i -> "u" + i).toList());
  }

  private static WriteRequest put(Map<String, AttributeValue> item) {
    return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
  }

  private static WriteRequest delete(Map<String, AttributeValue> key) {
    return WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key).build()).build();
  }

  private static List<Map<String, AttributeValue>> returned(BatchGetItemResponse response, String table) {
    return response.responses().getOrDefault(table, List.of());
  }

  private Map<String, AttributeValue> get(String table, Map<String, AttributeValue> key) {
    return client.getItem(g -> g.tableName(table).key(key).consistentRead(true)).item();
  }

  /** Every key in the table ("pk" or "pk/sk"), read with consistent scans. */
  private Set<String> scanKeys(String table) {
    Set<String> keys = new TreeSet<>();
    Map<String, AttributeValue> start = null;
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    do {
      Map<String, AttributeValue> from = start;
      var page = client.scan(s -> s.tableName(table).consistentRead(true).exclusiveStartKey(from));
      items.addAll(page.items());
      start = page.lastEvaluatedKey().isEmpty() ? null : page.lastEvaluatedKey();
    } while (start != null);
    for (Map<String, AttributeValue> item : items) {
      AttributeValue sk = item.get("sk");
      assertFalse(keys.contains(item.get("pk").s() + (sk == null ? "" : "/" + sk.s())), "scan repeated an item");
      keys.add(item.get("pk").s() + (sk == null ? "" : "/" + sk.s()));
    }
    return keys;
  }

  /** The ValidationException {@code call} throws, for a test to look into its message. */
  private static DynamoDbException validationError(Executable call) {
    DynamoDbException e = assertThrows(DynamoDbException.class, call);
    assertNotNull(e.awsErrorDetails(), () -> "no error details in " + e);
    assertEquals("ValidationException", e.awsErrorDetails().errorCode(), () -> "unexpected error " + e);
    return e;
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(String value) {
    return AttributeValue.fromN(value);
  }
}
