package dev.monotable.local.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The engine's injected faults, seen through the SDK as DynamoDB's own: a throttled call is a
 * ProvisionedThroughputExceededException (HTTP 400), which the SDK's default retries absorb;
 * batch requests left unprocessed come back in UnprocessedItems/UnprocessedKeys, in the form of
 * the request, and are neither written nor read; a conflicting transaction is a
 * TransactionCanceledException whose reasons are TransactionConflict and which changes nothing.
 */
@EngineOnly("injects throttling, unprocessed items and cancellations with local.faults()")
class FaultsTest extends EngineTest {

  @AfterEach
  void clearFaults() {
    local.faults().clear();
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static Map<String, AttributeValue> key(String pk) {
    return Map.of("pk", s(pk));
  }

  private boolean exists(String table, String pk) {
    return client.getItem(r -> r.tableName(table).key(key(pk)).consistentRead(true)).hasItem();
  }

  private int count(String table) {
    return client.scan(r -> r.tableName(table).consistentRead(true)).count();
  }

  private static List<WriteRequest> puts(String prefix, int howMany) {
    List<WriteRequest> requests = new ArrayList<>();
    for (int i = 0; i < howMany; i++) {
      requests.add(WriteRequest.builder()
          .putRequest(PutRequest.builder().item(Map.of("pk", s(prefix + i), "v", s("value-" + i))).build())
          .build());
    }
    return requests;
  }

  private static Set<String> pks(List<WriteRequest> requests) {
    Set<String> pks = new HashSet<>();
    for (WriteRequest request : requests) {
      pks.add(request.putRequest().item().get("pk").s());
    }
    return pks;
  }

  /** Counts the HTTP attempts the SDK makes, retries included. */
  private static final class AttemptCounter implements ExecutionInterceptor {
    final AtomicInteger attempts = new AtomicInteger();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
      attempts.incrementAndGet();
    }
  }

  @Test
  void throttle_putItemRetriesOff_provisionedThroughputExceededAndNotWritten() {
    String table = createTable("pk", null);
    local.faults().throttle("PutItem", 1);

    ProvisionedThroughputExceededException e = assertThrows(ProvisionedThroughputExceededException.class,
        () -> client.putItem(r -> r.tableName(table).item(key("k"))));

    assertEquals(400, e.statusCode());
    assertEquals("ProvisionedThroughputExceededException", e.awsErrorDetails().errorCode());
    assertFalse(exists(table, "k"), "the throttled write did nothing");
    client.putItem(r -> r.tableName(table).item(key("k")));
    assertTrue(exists(table, "k"), "the fault was used up by one call");
  }

  @Test
  void throttle_twoCalls_thirdSucceeds() {
    String table = createTable("pk", null);
    local.faults().throttle("PutItem", 2);

    assertThrows(ProvisionedThroughputExceededException.class, () -> client.putItem(r -> r.tableName(table).item(key("k"))));
    assertThrows(ProvisionedThroughputExceededException.class, () -> client.putItem(r -> r.tableName(table).item(key("k"))));
    client.putItem(r -> r.tableName(table).item(key("k")));

    assertTrue(exists(table, "k"));
  }

  @Test
  void throttle_namedOperation_otherOperationsUnaffected() {
    String table = createTable("pk", null);
    local.faults().throttle("GetItem", 1);

    client.putItem(r -> r.tableName(table).item(key("k")));

    assertThrows(ProvisionedThroughputExceededException.class,
        () -> client.getItem(r -> r.tableName(table).key(key("k"))));
    assertTrue(exists(table, "k"));
  }

  @Test
  void throttle_wildcard_anyOperation() {
    String table = createTable("pk", null);
    local.faults().throttle("*", 1);

    assertThrows(ProvisionedThroughputExceededException.class, () -> client.describeTable(r -> r.tableName(table)));

    assertEquals(table, client.describeTable(r -> r.tableName(table)).table().tableName());
  }

  @Test
  void throttle_clientWithDefaultRetries_succeedsAfterThrottledAttempts() {
    String table = createTable("pk", null);
    AttemptCounter counter = new AttemptCounter();
    try (DynamoDbClient retrying = DynamoDbClient.builder()
        .httpClient(local.httpClient())
        .endpointOverride(local.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .overrideConfiguration(c -> c.addExecutionInterceptor(counter))
        .build()) {
      local.faults().throttle("PutItem", 2);

      retrying.putItem(r -> r.tableName(table).item(Map.of("pk", s("k"), "v", s("written"))));

      assertEquals(3, counter.attempts.get(), "two throttled attempts, then the one that succeeds");
    }
    assertEquals(s("written"), client.getItem(r -> r.tableName(table).key(key("k")).consistentRead(true)).item().get("v"));
  }

  @Test
  void clear_pendingThrottle_removed() {
    String table = createTable("pk", null);
    local.faults().throttle("PutItem", 5).clear();

    client.putItem(r -> r.tableName(table).item(key("k")));

    assertTrue(exists(table, "k"));
  }

  @Test
  void unprocessed_allOneRound_batchWriteReturnsEveryRequestAndWritesNothing() {
    String table = createTable("pk", null);
    List<WriteRequest> requests = puts("w", 5);
    local.faults().unprocessed(1.0, 1);

    BatchWriteItemResponse first = client.batchWriteItem(r -> r.requestItems(Map.of(table, requests)));

    assertTrue(first.hasUnprocessedItems());
    List<WriteRequest> left = first.unprocessedItems().get(table);
    assertEquals(5, left.size());
    assertEquals(pks(requests), pks(left));
    assertEquals(new HashSet<>(requests), new HashSet<>(left), "unprocessed requests come back as they were sent");
    assertEquals(0, count(table), "nothing was written");

    BatchWriteItemResponse retry = client.batchWriteItem(r -> r.requestItems(first.unprocessedItems()));

    assertTrue(retry.unprocessedItems().isEmpty(), "the next call runs clean");
    assertEquals(5, count(table));
    assertEquals(s("value-3"), client.getItem(r -> r.tableName(table).key(key("w3")).consistentRead(true)).item().get("v"));
  }

  @Test
  void unprocessed_allOneRound_batchGetReturnsEveryKeyAsUnprocessed() {
    String table = createTable("pk", null);
    for (String pk : List.of("g0", "g1", "g2")) {
      client.putItem(r -> r.tableName(table).item(Map.of("pk", s(pk), "v", s("x"))));
    }
    KeysAndAttributes request = KeysAndAttributes.builder()
        .keys(List.of(key("g0"), key("g1"), key("g2")))
        .consistentRead(true)
        .projectionExpression("pk")
        .build();
    local.faults().unprocessed(1.0, 1);

    BatchGetItemResponse first = client.batchGetItem(r -> r.requestItems(Map.of(table, request)));

    assertTrue(first.responses().getOrDefault(table, List.of()).isEmpty(), "nothing was read");
    KeysAndAttributes left = first.unprocessedKeys().get(table);
    assertEquals(Set.of(key("g0"), key("g1"), key("g2")), new HashSet<>(left.keys()));
    assertEquals("pk", left.projectionExpression(), "the keys come back in the form of the request");
    assertEquals(Boolean.TRUE, left.consistentRead());

    BatchGetItemResponse retry = client.batchGetItem(r -> r.requestItems(first.unprocessedKeys()));

    assertTrue(retry.unprocessedKeys().isEmpty());
    assertEquals(Set.of("g0", "g1", "g2"), new HashSet<>(retry.responses().get(table).stream()
        .map(item -> item.get("pk").s()).toList()));
    assertEquals(Set.of("pk"), retry.responses().get(table).get(0).keySet(), "the projection still applies");
  }

  @Test
  void unprocessed_halfWithSeed_writtenAndUnprocessedPartitionTheRequest() {
    String table = createTable("pk", null);
    List<WriteRequest> requests = puts("h", 20);
    local.faults().seed(7).unprocessed(0.5, 1);

    BatchWriteItemResponse response = client.batchWriteItem(r -> r.requestItems(Map.of(table, requests)));

    List<WriteRequest> left = response.unprocessedItems().getOrDefault(table, List.of());
    Set<String> unprocessed = pks(left);
    assertEquals(left.size(), unprocessed.size(), "no request is returned twice");
    for (String pk : pks(requests)) {
      assertEquals(!unprocessed.contains(pk), exists(table, pk), pk + " is written exactly when it is processed");
    }
    assertEquals(20 - unprocessed.size(), count(table));
  }

  @Test
  void cancelTransactions_once_transactionConflictForEveryActionAndNothingWritten() {
    String table = createTable("pk", null);
    local.faults().cancelTransactions(1);

    TransactionCanceledException e = assertThrows(TransactionCanceledException.class,
        () -> client.transactWriteItems(r -> r.transactItems(
            TransactWriteItem.builder().put(p -> p.tableName(table).item(key("t1"))).build(),
            TransactWriteItem.builder().put(p -> p.tableName(table).item(key("t2"))).build(),
            TransactWriteItem.builder().update(u -> u.tableName(table).key(key("t3"))
                .updateExpression("SET v = :v").expressionAttributeValues(Map.of(":v", s("x")))).build())));

    assertEquals(List.of("TransactionConflict", "TransactionConflict", "TransactionConflict"),
        e.cancellationReasons().stream().map(CancellationReason::code).toList());
    assertEquals(0, count(table), "a cancelled transaction changes nothing");

    client.transactWriteItems(r -> r.transactItems(
        TransactWriteItem.builder().put(p -> p.tableName(table).item(key("t1"))).build()));
    assertTrue(exists(table, "t1"), "the next transaction runs clean");
  }
}
