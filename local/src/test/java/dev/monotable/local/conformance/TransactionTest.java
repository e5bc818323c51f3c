package dev.monotable.local.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Get;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * TransactWriteItems and TransactGetItems, from the API Reference: up to 100 actions, all or
 * nothing, cancellation reasons in request order ({@code None} for an action without error,
 * {@code ConditionalCheckFailed} with the message "The conditional request failed" for a failed
 * condition), no two actions on one item, and ClientRequestToken idempotency.
 */
class TransactionTest extends EngineTest {

  /** DynamoDB's ValidationException, which the SDK has no class of its own for. */
  private static DynamoDbException assertValidationException(Executable call) {
    DynamoDbException e = assertThrows(DynamoDbException.class, call);
    assertEquals("ValidationException", e.awsErrorDetails().errorCode(), e.getMessage());
    assertEquals(400, e.statusCode());
    return e;
  }

  /** A ValidationException whose message is exactly {@code message}. */
  private static void assertValidationException(String message, Executable call) {
    assertEquals(message, assertValidationException(call).awsErrorDetails().errorMessage());
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(String value) {
    return AttributeValue.fromN(value);
  }

  private static Map<String, AttributeValue> key(String pk) {
    return Map.of("pk", s(pk));
  }

  /** The item by a strongly consistent read, or null when there is none. */
  private Map<String, AttributeValue> read(String table, String pk) {
    GetItemResponse response = client.getItem(r -> r.tableName(table).key(key(pk)).consistentRead(true));
    return response.hasItem() ? response.item() : null;
  }

  private void put(String table, Map<String, AttributeValue> item) {
    client.putItem(r -> r.tableName(table).item(item));
  }

  private static TransactWriteItem putAction(String table, Map<String, AttributeValue> item) {
    return TransactWriteItem.builder().put(p -> p.tableName(table).item(item)).build();
  }

  private static TransactWriteItem addOneAction(String table, String pk) {
    return TransactWriteItem.builder()
        .update(u -> u.tableName(table).key(key(pk))
            .updateExpression("ADD n :one")
            .expressionAttributeValues(Map.of(":one", n("1"))))
        .build();
  }

  private static List<String> codes(TransactionCanceledException e) {
    assertTrue(e.hasCancellationReasons(), "CancellationReasons present");
    return e.cancellationReasons().stream().map(CancellationReason::code).toList();
  }

  @Test
  void transactWriteItems_putUpdateDeleteConditionCheckAcrossTables_allApplied() {
    String a = createTable("pk", null);
    String b = createTable("pk", null);
    put(a, Map.of("pk", s("counted"), "n", n("1")));
    put(a, Map.of("pk", s("doomed"), "v", s("x")));
    put(b, Map.of("pk", s("guard"), "state", s("open")));

    client.transactWriteItems(r -> r.transactItems(
        putAction(a, Map.of("pk", s("fresh"), "v", s("new"))),
        addOneAction(a, "counted"),
        TransactWriteItem.builder().delete(d -> d.tableName(a).key(key("doomed"))).build(),
        TransactWriteItem.builder().conditionCheck(c -> c.tableName(b).key(key("guard"))
            .conditionExpression("#s = :open")
            .expressionAttributeNames(Map.of("#s", "state"))
            .expressionAttributeValues(Map.of(":open", s("open")))).build(),
        putAction(b, Map.of("pk", s("other"), "v", s("b")))));

    assertEquals(Map.of("pk", s("fresh"), "v", s("new")), read(a, "fresh"));
    assertEquals(Map.of("pk", s("counted"), "n", n("2")), read(a, "counted"));
    assertNull(read(a, "doomed"));
    assertEquals(Map.of("pk", s("guard"), "state", s("open")), read(b, "guard"), "a condition check changes nothing");
    assertEquals(Map.of("pk", s("other"), "v", s("b")), read(b, "other"));
  }

  @Test
  void transactWriteItems_failingCondition_cancelsEveryActionWithReasonsInRequestOrder() {
    String a = createTable("pk", null);
    String b = createTable("pk", null);
    put(a, Map.of("pk", s("counted"), "n", n("1")));
    put(a, Map.of("pk", s("kept"), "v", s("x")));
    put(b, Map.of("pk", s("guard"), "state", s("open")));

    TransactionCanceledException e = assertThrows(TransactionCanceledException.class,
        () -> client.transactWriteItems(r -> r.transactItems(
            putAction(a, Map.of("pk", s("fresh"), "v", s("new"))),
            addOneAction(a, "counted"),
            TransactWriteItem.builder().conditionCheck(c -> c.tableName(b).key(key("guard"))
                .conditionExpression("#s = :closed")
                .expressionAttributeNames(Map.of("#s", "state"))
                .expressionAttributeValues(Map.of(":closed", s("closed")))).build(),
            TransactWriteItem.builder().delete(d -> d.tableName(a).key(key("kept"))).build())));

    assertEquals(List.of("None", "None", "ConditionalCheckFailed", "None"), codes(e));
    CancellationReason failed = e.cancellationReasons().get(2);
    assertNotNull(failed.message());
    assertTrue(failed.message().contains("conditional request failed"), failed.message());
    assertNull(e.cancellationReasons().get(0).message(), "an action without error has a null message");
    assertEquals(400, e.statusCode());

    assertNull(read(a, "fresh"), "the put was not applied");
    assertEquals(Map.of("pk", s("counted"), "n", n("1")), read(a, "counted"), "the update was not applied");
    assertEquals(Map.of("pk", s("kept"), "v", s("x")), read(a, "kept"), "the delete was not applied");
  }

  @Test
  void transactWriteItems_failedPutConditionWithAllOld_reasonCarriesExistingItem() {
    String table = createTable("pk", null);
    Map<String, AttributeValue> existing = Map.of("pk", s("taken"), "v", s("old"), "n", n("7"));
    put(table, existing);

    TransactionCanceledException e = assertThrows(TransactionCanceledException.class,
        () -> client.transactWriteItems(r -> r.transactItems(
            putAction(table, Map.of("pk", s("free"), "v", s("new"))),
            TransactWriteItem.builder().put(p -> p.tableName(table)
                .item(Map.of("pk", s("taken"), "v", s("new")))
                .conditionExpression("attribute_not_exists(pk)")
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build())));

    assertEquals(List.of("None", "ConditionalCheckFailed"), codes(e));
    assertEquals(existing, e.cancellationReasons().get(1).item());
    assertFalse(e.cancellationReasons().get(0).hasItem(), "no item for an action without error");
    assertEquals(existing, read(table, "taken"));
    assertNull(read(table, "free"));
  }

  @Test
  void transactWriteItems_failedUpdateConditionWithoutReturnValues_reasonHasNoItem() {
    String table = createTable("pk", null);
    put(table, Map.of("pk", s("k"), "n", n("5")));

    TransactionCanceledException e = assertThrows(TransactionCanceledException.class,
        () -> client.transactWriteItems(r -> r.transactItems(
            TransactWriteItem.builder().update(u -> u.tableName(table).key(key("k"))
                .updateExpression("SET n = :ten")
                .conditionExpression("n = :zero")
                .expressionAttributeValues(Map.of(":ten", n("10"), ":zero", n("0")))).build())));

    assertEquals(List.of("ConditionalCheckFailed"), codes(e));
    assertFalse(e.cancellationReasons().get(0).hasItem());
    assertEquals(Map.of("pk", s("k"), "n", n("5")), read(table, "k"));
  }

  @Test
  void transactWriteItems_conditionCheckOnMissingItem_conditionalCheckFailedWithoutItem() {
    String table = createTable("pk", null);

    TransactionCanceledException e = assertThrows(TransactionCanceledException.class,
        () -> client.transactWriteItems(r -> r.transactItems(
            putAction(table, Map.of("pk", s("written"))),
            TransactWriteItem.builder().conditionCheck(c -> c.tableName(table).key(key("absent"))
                .conditionExpression("attribute_exists(pk)")
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build())));

    assertEquals(List.of("None", "ConditionalCheckFailed"), codes(e));
    assertFalse(e.cancellationReasons().get(1).hasItem(), "there is no old item to return");
    assertNull(read(table, "written"));
  }

  @Test
  void transactWriteItems_twoActionsOnOneItem_validationException() {
    String table = createTable("pk", null);
    put(table, Map.of("pk", s("same"), "n", n("1")));

    DynamoDbException e = assertValidationException(
        () -> client.transactWriteItems(r -> r.transactItems(
            putAction(table, Map.of("pk", s("elsewhere"))),
            TransactWriteItem.builder().conditionCheck(c -> c.tableName(table).key(key("same"))
                .conditionExpression("attribute_exists(pk)")).build(),
            addOneAction(table, "same"))));

    assertTrue(e.getMessage().contains("multiple operations on one item"), e.getMessage());
    assertEquals(Map.of("pk", s("same"), "n", n("1")), read(table, "same"));
    assertNull(read(table, "elsewhere"));
  }

  @Test
  void transactWriteItems_sameKeyInDifferentTables_isAllowed() {
    String a = createTable("pk", null);
    String b = createTable("pk", null);

    client.transactWriteItems(r -> r.transactItems(
        putAction(a, Map.of("pk", s("k"), "v", s("in-a"))),
        putAction(b, Map.of("pk", s("k"), "v", s("in-b")))));

    assertEquals(s("in-a"), read(a, "k").get("v"));
    assertEquals(s("in-b"), read(b, "k").get("v"));
  }

  @Test
  void transactWriteItems_hundredActions_allApplied() {
    String table = createTable("pk", null);
    List<TransactWriteItem> actions = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      actions.add(putAction(table, Map.of("pk", s("item-" + i))));
    }

    client.transactWriteItems(r -> r.transactItems(actions));

    assertNotNull(read(table, "item-0"));
    assertNotNull(read(table, "item-99"));
    assertEquals(100, client.scan(r -> r.tableName(table).consistentRead(true)).count());
  }

  @Test
  void transactWriteItems_moreThanHundredActions_validationExceptionAndNothingWritten() {
    String table = createTable("pk", null);
    List<TransactWriteItem> actions = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      actions.add(putAction(table, Map.of("pk", s("item-" + i))));
    }

    String message = assertValidationException(() -> client.transactWriteItems(r -> r.transactItems(actions))).awsErrorDetails().errorMessage();
    assertTrue(message.startsWith("1 validation error detected: Value '[com.amazonaws.dynamodb.v20120810.TransactWriteItem@")
        && message.endsWith("]' at 'transactItems' failed to satisfy constraint: Member must have length less than or "
        + "equal to 100"), message);

    assertNull(read(table, "item-0"));
    assertNull(read(table, "item-100"));
  }

  @Test
  void transactWriteItems_missingTable_resourceNotFound() {
    String table = createTable("pk", null);

    assertThrows(ResourceNotFoundException.class, () -> client.transactWriteItems(r -> r.transactItems(
        putAction(table, Map.of("pk", s("k"))),
        putAction(uniqueName("no-such-table"), Map.of("pk", s("k"))))));

    assertNull(read(table, "k"));
  }

  @Test
  void transactWriteItems_repeatWithSameTokenAndRequest_appliedOnce() {
    String table = createTable("pk", null);
    put(table, Map.of("pk", s("counter"), "n", n("0")));
    TransactWriteItemsRequest request = TransactWriteItemsRequest.builder()
        .clientRequestToken(UUID.randomUUID().toString())
        .transactItems(addOneAction(table, "counter"))
        .build();

    client.transactWriteItems(request);
    client.transactWriteItems(request);

    assertEquals(n("1"), read(table, "counter").get("n"), "the repeat has no side effect");
  }

  @Test
  void transactWriteItems_sameTokenDifferentRequest_idempotentParameterMismatch() {
    String table = createTable("pk", null);
    put(table, Map.of("pk", s("counter"), "n", n("0")));
    String token = UUID.randomUUID().toString();
    client.transactWriteItems(r -> r.clientRequestToken(token).transactItems(addOneAction(table, "counter")));

    assertThrows(IdempotentParameterMismatchException.class,
        () -> client.transactWriteItems(r -> r.clientRequestToken(token).transactItems(
            putAction(table, Map.of("pk", s("another"))))));

    assertEquals(n("1"), read(table, "counter").get("n"));
    assertNull(read(table, "another"), "the mismatched request was not applied");
  }

  @Test
  void transactWriteItems_differentTokens_eachApplied() {
    String table = createTable("pk", null);
    put(table, Map.of("pk", s("counter"), "n", n("0")));

    client.transactWriteItems(r -> r.clientRequestToken(UUID.randomUUID().toString())
        .transactItems(addOneAction(table, "counter")));
    client.transactWriteItems(r -> r.clientRequestToken(UUID.randomUUID().toString())
        .transactItems(addOneAction(table, "counter")));

    assertEquals(n("2"), read(table, "counter").get("n"));
  }

  @Test
  void transactGetItems_acrossTables_itemsInRequestOrderMissingOnesEmpty() {
    String a = createTable("pk", null);
    String b = createTable("pk", null);
    put(a, Map.of("pk", s("one"), "v", s("a1")));
    put(b, Map.of("pk", s("two"), "v", s("b2")));
    put(a, Map.of("pk", s("three"), "v", s("a3")));

    TransactGetItemsResponse response = client.transactGetItems(r -> r.transactItems(
        TransactGetItem.builder().get(Get.builder().tableName(a).key(key("three")).build()).build(),
        TransactGetItem.builder().get(Get.builder().tableName(b).key(key("missing")).build()).build(),
        TransactGetItem.builder().get(Get.builder().tableName(b).key(key("two")).build()).build(),
        TransactGetItem.builder().get(Get.builder().tableName(a).key(key("one")).build()).build()));

    List<ItemResponse> items = response.responses();
    assertEquals(4, items.size());
    assertEquals(Map.of("pk", s("three"), "v", s("a3")), items.get(0).item());
    assertTrue(items.get(1).item() == null || items.get(1).item().isEmpty(), "a missing item has an empty response");
    assertEquals(Map.of("pk", s("two"), "v", s("b2")), items.get(2).item());
    assertEquals(Map.of("pk", s("one"), "v", s("a1")), items.get(3).item());
  }

  @Test
  void transactGetItems_projectionExpression_returnsOnlyProjectedAttributes() {
    String table = createTable("pk", null);
    put(table, Map.of("pk", s("k"), "v", s("x"), "w", s("y"), "n", n("3")));

    TransactGetItemsResponse response = client.transactGetItems(r -> r.transactItems(
        TransactGetItem.builder().get(Get.builder().tableName(table).key(key("k"))
            .projectionExpression("#v, n")
            .expressionAttributeNames(Map.of("#v", "v")).build()).build()));

    assertEquals(Map.of("v", s("x"), "n", n("3")), response.responses().get(0).item());
  }

  @Test
  void transactGetItems_moreThanHundredItems_validationException() {
    String table = createTable("pk", null);
    List<TransactGetItem> gets = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      gets.add(TransactGetItem.builder().get(Get.builder().tableName(table).key(key("k" + i)).build()).build());
    }

    String message = assertValidationException(() -> client.transactGetItems(r -> r.transactItems(gets))).awsErrorDetails().errorMessage();
    assertTrue(message.startsWith("1 validation error detected: Value '[com.amazonaws.dynamodb.v20120810.TransactGetItem@")
        && message.endsWith("]' at 'transactItems' failed to satisfy constraint: Member must have length less than or "
        + "equal to 100"), message);
  }

  @Test
  void transactGetItems_seesCommittedTransactWrite() {
    String table = createTable("pk", null);
    client.transactWriteItems(r -> r.transactItems(
        putAction(table, Map.of("pk", s("x"), "n", n("1"))),
        putAction(table, Map.of("pk", s("y"), "n", n("1")))));

    TransactGetItemsResponse response = client.transactGetItems(r -> r.transactItems(
        TransactGetItem.builder().get(Get.builder().tableName(table).key(key("x")).build()).build(),
        TransactGetItem.builder().get(Get.builder().tableName(table).key(key("y")).build()).build()));

    assertEquals(n("1"), response.responses().get(0).item().get("n"));
    assertEquals(n("1"), response.responses().get(1).item().get("n"));
  }

  // ---------------------------------------------------------------- the 4 MB of a transaction

  private static final String FILLER = "x".repeat(390 * 1024);

  /** An item of about 390 KB: 12 of them make more than 4 MB, 10 of them less. */
  private static Map<String, AttributeValue> big(String pk) {
    return Map.of("pk", s(pk), "d", s(FILLER));
  }

  /** The size of {@link #big}, as DynamoDB counts it: names and strings by their UTF-8 bytes. */
  private static long sizeOfBig(String pk) {
    return "pk".length() + pk.length() + "d".length() + FILLER.length();
  }

  private static String payloadTooLarge(long bytes) {
    return "Transaction payload size cannot exceed 4MB. Payload Size: : "
        + "Transaction payload size cannot exceed 4MB. Payload Size: " + bytes;
  }

  @Test
  void transactWriteItems_putsOfMoreThan4MB_validationExceptionAndNothingWritten() {
    String table = createTable("pk", null);
    List<TransactWriteItem> actions = new ArrayList<>();
    long payload = 0;
    for (int i = 0; i < 12; i++) {
      actions.add(putAction(table, big("big-" + i)));
      payload += sizeOfBig("big-" + i);
    }

    assertValidationException(payloadTooLarge(payload), () -> client.transactWriteItems(r -> r.transactItems(actions)));

    for (int i = 0; i < 12; i++) {
      assertNull(read(table, "big-" + i), "nothing of the refused transaction was written");
    }
  }

  @Test
  void transactWriteItems_putsOfJustUnder4MB_allWritten() {
    String table = createTable("pk", null);
    List<TransactWriteItem> actions = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      actions.add(putAction(table, big("big-" + i)));
    }

    client.transactWriteItems(r -> r.transactItems(actions));

    for (int i = 0; i < 10; i++) {
      assertEquals(big("big-" + i), read(table, "big-" + i));
    }
  }

  @Test
  void transactWriteItems_updatesCarryingMoreThan4MBOfValues_validationExceptionAndItemsKept() {
    String table = createTable("pk", null);
    List<TransactWriteItem> actions = new ArrayList<>();
    long payload = 0;
    for (int i = 0; i < 12; i++) {
      String pk = "kept-" + i;
      put(table, Map.of("pk", s(pk), "n", n("1")));
      actions.add(TransactWriteItem.builder().update(u -> u.tableName(table).key(key(pk))
          .updateExpression("SET d = :d")
          .expressionAttributeValues(Map.of(":d", s(FILLER)))).build());
      // the key and the value are what such an action carries
      payload += "pk".length() + pk.length() + FILLER.length();
    }

    assertValidationException(payloadTooLarge(payload), () -> client.transactWriteItems(r -> r.transactItems(actions)));

    for (int i = 0; i < 12; i++) {
      assertEquals(Map.of("pk", s("kept-" + i), "n", n("1")), read(table, "kept-" + i));
    }
  }

  @Test
  void transactWriteItems_deletesOfMoreThan4MBOfItems_allowedForTheRequestIsSmall() {
    String table = createTable("pk", null);
    List<TransactWriteItem> actions = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      put(table, big("big-" + i));
      String pk = "big-" + i;
      actions.add(TransactWriteItem.builder().delete(d -> d.tableName(table).key(key(pk))).build());
    }

    client.transactWriteItems(r -> r.transactItems(actions));

    for (int i = 0; i < 12; i++) {
      assertNull(read(table, "big-" + i));
    }
  }

  @Test
  void transactGetItems_itemsOfMoreThan4MB_validationException() {
    String table = createTable("pk", null);
    List<TransactGetItem> gets = new ArrayList<>();
    long size = 0;
    for (int i = 0; i < 11; i++) {
      put(table, big("big-" + i));
      gets.add(TransactGetItem.builder().get(Get.builder().tableName(table).key(key("big-" + i)).build()).build());
      size += sizeOfBig("big-" + i);
    }

    assertValidationException(payloadTooLarge(size), () -> client.transactGetItems(r -> r.transactItems(gets)));
  }

  @Test
  void transactGetItems_itemsOfJustUnder4MB_allReturned() {
    String table = createTable("pk", null);
    List<TransactGetItem> gets = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      put(table, big("big-" + i));
      gets.add(TransactGetItem.builder().get(Get.builder().tableName(table).key(key("big-" + i)).build()).build());
    }

    List<ItemResponse> items = client.transactGetItems(r -> r.transactItems(gets)).responses();

    assertEquals(10, items.size());
    for (int i = 0; i < 10; i++) {
      assertEquals(big("big-" + i), items.get(i).item());
    }
  }

  // ---------------------------------------------------------------- ClientRequestToken

  private static final Duration TEN_MINUTES_AND_A_SECOND = Duration.ofMinutes(10).plusSeconds(1);

  @Test
  void transactWriteItems_clientRequestTokenOf36Characters_accepted() {
    String table = createTable("pk", null);
    String token = UUID.randomUUID().toString();

    client.transactWriteItems(r -> r.clientRequestToken(token).transactItems(putAction(table, Map.of("pk", s("k")))));

    assertEquals(36, token.length());
    assertEquals(Map.of("pk", s("k")), read(table, "k"));
  }

  @Test
  void transactWriteItems_clientRequestTokenOf37Characters_validationExceptionAndNothingWritten() {
    String table = createTable("pk", null);
    String token = UUID.randomUUID() + "x";

    assertValidationException("1 validation error detected: Value '" + token + "' at 'clientRequestToken' failed to "
            + "satisfy constraint: Member must have length less than or equal to 36",
        () -> client.transactWriteItems(r -> r.clientRequestToken(token).transactItems(
            putAction(table, Map.of("pk", s("k"))))));

    assertNull(read(table, "k"));
  }

  @Test
  void transactWriteItems_emptyClientRequestToken_validationExceptionAndNothingWritten() {
    String table = createTable("pk", null);

    assertValidationException("1 validation error detected: Value '' at 'clientRequestToken' failed to satisfy "
            + "constraint: Member must have length greater than or equal to 1",
        () -> client.transactWriteItems(r -> r.clientRequestToken("").transactItems(
            putAction(table, Map.of("pk", s("k"))))));

    assertNull(read(table, "k"));
  }

  @Test
  @EngineOnly("moves the engine's clock ten minutes on")
  void transactWriteItems_sameTokenDifferentRequestAfterTenMinutes_appliedAsNew() {
    String table = createTable("pk", null);
    put(table, Map.of("pk", s("counter"), "n", n("0")));
    String token = UUID.randomUUID().toString();
    client.transactWriteItems(r -> r.clientRequestToken(token).transactItems(addOneAction(table, "counter")));

    local.withClock(Clock.offset(Clock.systemUTC(), TEN_MINUTES_AND_A_SECOND));
    try {
      client.transactWriteItems(r -> r.clientRequestToken(token).transactItems(
          putAction(table, Map.of("pk", s("another")))));
    } finally {
      local.withClock(Clock.systemUTC());
    }

    assertEquals(Map.of("pk", s("another")), read(table, "another"), "the token was forgotten after 10 minutes");
    assertEquals(n("1"), read(table, "counter").get("n"));
  }
}
