package dev.monotable.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsAsyncClient;

/**
 * {@link MonotableLocal#asyncHttpClient()} under the SDK's own {@code DynamoDbAsyncClient}: items,
 * queries, batches, transactions and streams round trip; DynamoDB's errors fail the future with the
 * SDK's exception; the engine answers on the client's threads, not the caller's; and close() stops
 * them without leaving a taken request unanswered.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class InProcessAsyncHttpClientTest {
  private static final String THREAD_PREFIX = "monotable-local-async-";

  private MonotableLocal local;
  private DynamoDbAsyncClient async;
  private int tables;

  @BeforeAll
  void start() {
    local = MonotableLocal.inProcess();
    async = asyncClientOf(local, new ExecutionInterceptor() { });
  }

  @AfterAll
  void stop() {
    async.close();
    local.close();
  }

  private static DynamoDbAsyncClient asyncClientOf(MonotableLocal engine, ExecutionInterceptor interceptor) {
    return DynamoDbAsyncClient.builder()
        .httpClient(engine.asyncHttpClient())
        .endpointOverride(engine.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()).addExecutionInterceptor(interceptor))
        .build();
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  private static Map<String, AttributeValue> key(String pk, String sk) {
    return Map.of("pk", s(pk), "sk", s(sk));
  }

  /** A table keyed by pk and sk, created through {@code client}. */
  private String createTable(DynamoDbAsyncClient client) {
    String name = "async-" + ++tables;
    client.createTable(r -> r.tableName(name)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
            KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
        .attributeDefinitions(
            AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
            AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.S).build()))
        .join();
    return name;
  }

  /** What a CompletableFuture of the SDK failed with, unwrapped from join()'s CompletionException. */
  private static Throwable failureOf(CompletableFuture<?> future) {
    CompletionException failed = assertThrows(CompletionException.class, future::join);
    return failed.getCause();
  }

  @Test
  void putThenGet_roundTripsTheItem() {
    String table = createTable(async);
    Map<String, AttributeValue> item = Map.of("pk", s("ada"), "sk", s("PROFILE"), "name", s("Ada Lovelace"),
        "born", n(1815), "tags", AttributeValue.fromSs(List.of("math", "engines")));

    async.putItem(r -> r.tableName(table).item(item)).join();
    Map<String, AttributeValue> read = async.getItem(r -> r.tableName(table).key(key("ada", "PROFILE"))).join().item();

    assertEquals(item, read);
    assertFalse(async.getItem(r -> r.tableName(table).key(key("ada", "NONE"))).join().hasItem());
  }

  @Test
  void query_returnsThePartitionInSortKeyOrder() {
    String table = createTable(async);
    for (String sk : List.of("ORDER#2", "ORDER#3", "ORDER#1", "PROFILE")) {
      async.putItem(r -> r.tableName(table).item(Map.of("pk", s("ada"), "sk", s(sk)))).join();
    }
    async.putItem(r -> r.tableName(table).item(Map.of("pk", s("grace"), "sk", s("ORDER#9")))).join();

    QueryResponse orders = async.query(r -> r.tableName(table)
        .keyConditionExpression("pk = :pk AND begins_with(sk, :orders)")
        .expressionAttributeValues(Map.of(":pk", s("ada"), ":orders", s("ORDER#")))
        .scanIndexForward(false)).join();

    assertEquals(List.of("ORDER#3", "ORDER#2", "ORDER#1"),
        orders.items().stream().map(item -> item.get("sk").s()).collect(Collectors.toList()));
    assertEquals(3, orders.count());
  }

  @Test
  void batchWriteItem_writesEveryItem() {
    String table = createTable(async);
    List<WriteRequest> writes = IntStream.range(0, 25)
        .mapToObj(i -> WriteRequest.builder().putRequest(PutRequest.builder()
            .item(Map.of("pk", s("batch"), "sk", s(String.format("%02d", i)), "i", n(i))).build()).build())
        .collect(Collectors.toList());

    Map<String, List<WriteRequest>> unprocessed =
        async.batchWriteItem(r -> r.requestItems(Map.of(table, writes))).join().unprocessedItems();

    assertTrue(unprocessed.isEmpty(), unprocessed.toString());
    List<Map<String, AttributeValue>> items = async.query(r -> r.tableName(table)
        .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", s("batch")))).join().items();
    assertEquals(IntStream.range(0, 25).mapToObj(Long::toString).collect(Collectors.toList()),
        items.stream().map(item -> item.get("i").n()).collect(Collectors.toList()));
  }

  @Test
  void transactWriteItems_appliesEveryAction() {
    String table = createTable(async);
    async.putItem(r -> r.tableName(table).item(Map.of("pk", s("account"), "sk", s("A"), "balance", n(100)))).join();
    async.putItem(r -> r.tableName(table).item(Map.of("pk", s("account"), "sk", s("B"), "balance", n(0)))).join();

    async.transactWriteItems(r -> r.transactItems(
        TransactWriteItem.builder().update(u -> u.tableName(table).key(key("account", "A"))
            .updateExpression("SET balance = balance - :amount")
            .conditionExpression("balance >= :amount")
            .expressionAttributeValues(Map.of(":amount", n(30)))).build(),
        TransactWriteItem.builder().update(u -> u.tableName(table).key(key("account", "B"))
            .updateExpression("SET balance = balance + :amount")
            .expressionAttributeValues(Map.of(":amount", n(30)))).build(),
        TransactWriteItem.builder().put(p -> p.tableName(table)
            .item(Map.of("pk", s("account"), "sk", s("LOG#1"), "amount", n(30)))).build())).join();

    assertEquals("70", async.getItem(r -> r.tableName(table).key(key("account", "A"))).join().item().get("balance").n());
    assertEquals("30", async.getItem(r -> r.tableName(table).key(key("account", "B"))).join().item().get("balance").n());
    assertTrue(async.getItem(r -> r.tableName(table).key(key("account", "LOG#1"))).join().hasItem());
  }

  @Test
  void failedCondition_failsTheFuture_withConditionalCheckFailedException() {
    String table = createTable(async);
    async.putItem(r -> r.tableName(table).item(Map.of("pk", s("ada"), "sk", s("PROFILE"), "v", n(1)))).join();

    CompletableFuture<?> second = async.putItem(r -> r.tableName(table)
        .item(Map.of("pk", s("ada"), "sk", s("PROFILE"), "v", n(2)))
        .conditionExpression("attribute_not_exists(pk)"));

    ConditionalCheckFailedException failure = assertInstanceOf(ConditionalCheckFailedException.class, failureOf(second));
    assertEquals(400, failure.statusCode());
    assertNotNull(failure.requestId());
    assertEquals("1", async.getItem(r -> r.tableName(table).key(key("ada", "PROFILE"))).join().item().get("v").n());
  }

  @Test
  void missingTable_failsTheFuture_withResourceNotFoundException() {
    CompletableFuture<?> read = async.getItem(r -> r.tableName("no-such-table").key(key("a", "b")));

    assertInstanceOf(ResourceNotFoundException.class, failureOf(read));
  }

  @Test
  void twoHundredRequestsFromOneThread_allComplete_eachAppliedOnce() {
    String table = createTable(async);
    List<CompletableFuture<?>> calls = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      long number = i;
      // each adds one to the counter and its own number to a set: a lost, doubled or mixed-up request shows
      calls.add(async.updateItem(r -> r.tableName(table).key(key("counter", "TOTAL"))
          .updateExpression("ADD hits :one, seen :mine")
          .expressionAttributeValues(Map.of(":one", n(1), ":mine", AttributeValue.fromNs(List.of(Long.toString(number)))))));
    }

    CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();

    Map<String, AttributeValue> counter = async.getItem(r -> r.tableName(table).key(key("counter", "TOTAL"))
        .consistentRead(true)).join().item();
    assertEquals("200", counter.get("hits").n());
    assertEquals(IntStream.range(0, 200).mapToObj(Integer::toString).collect(Collectors.toSet()),
        new HashSet<>(counter.get("seen").ns()));
  }

  @Test
  void engine_answersOnTheClientsThreads_whileTheCallerWaits() {
    String table = createTable(async);
    Faults faults = local.faults();
    CompletableFuture<?> put;
    Thread answering;
    // Engine.handle takes the Faults monitor (takeThrottle) on every request: while this thread holds
    // it, a request the engine runs on another thread blocks there; one run on this thread would
    // re-enter the monitor and go through
    synchronized (faults) {
      put = async.putItem(r -> r.tableName(table).item(Map.of("pk", s("held"), "sk", s("1"))));
      answering = threadBlockedOn(faults);

      assertNotEquals(Thread.currentThread(), answering);
      assertTrue(answering.getName().startsWith(THREAD_PREFIX), answering.getName());
      assertFalse(put.isDone(), "the engine has not answered yet");
    }

    put.join();
    assertTrue(async.getItem(r -> r.tableName(table).key(key("held", "1"))).join().hasItem());
  }

  @Test
  void responseHandler_isCalledOnTheClientsThreads() {
    String table = createTable(async);
    Map<String, String> threads = new ConcurrentHashMap<>();
    // the SDK calls afterTransmission from the response handler's onHeaders
    try (DynamoDbAsyncClient observed = asyncClientOf(local, new ExecutionInterceptor() {
      @Override
      public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        threads.put("afterTransmission", Thread.currentThread().getName());
      }
    })) {
      observed.putItem(r -> r.tableName(table).item(Map.of("pk", s("a"), "sk", s("b")))).join();
    }

    assertTrue(threads.get("afterTransmission").startsWith(THREAD_PREFIX), threads.toString());
  }

  @Test
  void streamsAsyncClient_readsTheRecordsOfAWrite() {
    String table = "async-streamed-" + ++tables;
    String streamArn = async.createTable(r -> r.tableName(table)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
        .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build())
        .streamSpecification(spec -> spec.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)))
        .join().tableDescription().latestStreamArn();
    async.putItem(r -> r.tableName(table).item(Map.of("pk", s("ada"), "v", n(1)))).join();

    try (DynamoDbStreamsAsyncClient streams = DynamoDbStreamsAsyncClient.builder()
        .httpClient(local.asyncHttpClient())
        .endpointOverride(local.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .build()) {
      String shardId = streams.describeStream(r -> r.streamArn(streamArn)).join()
          .streamDescription().shards().get(0).shardId();
      String iterator = streams.getShardIterator(r -> r.streamArn(streamArn).shardId(shardId)
          .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).join().shardIterator();
      List<Record> records = streams.getRecords(r -> r.shardIterator(iterator)).join().records();

      assertEquals(1, records.size());
      assertEquals("INSERT", records.get(0).eventNameAsString());
      assertEquals("1", records.get(0).dynamodb().newImage().get("v").n());
    }
  }

  @Test
  void close_answersTakenRequests_stopsTheThreads_andFailsLaterRequests() throws InterruptedException {
    MonotableLocal closing = MonotableLocal.inProcess();
    InProcessAsyncHttpClient http = (InProcessAsyncHttpClient) closing.asyncHttpClient();
    assertSame(http, closing.asyncHttpClient(), "one client per engine");
    try (DynamoDbAsyncClient client = asyncClientOf(closing, new ExecutionInterceptor() { })) {
      String table = createTable(client);
      CompletableFuture<?> taken;
      synchronized (closing.faults()) {
        taken = client.putItem(r -> r.tableName(table).item(Map.of("pk", s("taken"), "sk", s("1"))));
        threadBlockedOn(closing.faults());  // the engine has the request

        closing.close();
      }

      taken.join();
      assertTrue(http.awaitTermination(30, TimeUnit.SECONDS), "the client's threads end");
      Throwable refused = failureOf(client.getItem(r -> r.tableName(table).key(key("taken", "1"))));
      assertTrue(causes(refused).stream().anyMatch(cause -> cause instanceof IllegalStateException
          && cause.getMessage().contains("closed")), causes(refused).toString());
    }
  }

  private static List<Throwable> causes(Throwable error) {
    List<Throwable> chain = new ArrayList<>();
    Set<Throwable> seen = new HashSet<>();
    for (Throwable cause = error; cause != null && seen.add(cause); cause = cause.getCause()) {
      chain.add(cause);
    }
    return chain;
  }

  /**
   * The thread blocked on {@code monitor}'s lock, waited for until one is; fails when none is after
   * half a minute, a bound for a request that never reaches the engine, not a measure.
   */
  private static Thread threadBlockedOn(Object monitor) {
    int identity = System.identityHashCode(monitor);
    long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < giveUp) {
      for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(false, false)) {
        if (info.getThreadState() == Thread.State.BLOCKED && info.getLockInfo() != null
            && info.getLockInfo().getIdentityHashCode() == identity) {
          return Thread.getAllStackTraces().keySet().stream()
              .filter(thread -> thread.getId() == info.getThreadId())
              .findFirst().orElseThrow();
        }
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));  // polls for a state; nothing is timed
    }
    return fail("no thread blocked on the engine's Faults: did the engine run the request on the caller's thread?");
  }
}
