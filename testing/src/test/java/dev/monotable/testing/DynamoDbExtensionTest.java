package dev.monotable.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.monotable.local.MonotableLocal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsAsyncClient;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

@ExtendWith(DynamoDbExtension.class)
class DynamoDbExtensionTest {
  private final TestDynamoDb dynamo;

  DynamoDbExtensionTest(TestDynamoDb dynamo) {
    this.dynamo = dynamo;
  }

  static String createTable(DynamoDbClient client, String name) {
    client.createTable(b -> b.tableName(name)
        .keySchema(KeySchemaElement.builder().attributeName("PK").keyType(KeyType.HASH).build())
        .attributeDefinitions(AttributeDefinition.builder().attributeName("PK")
            .attributeType(ScalarAttributeType.S).build())
        .billingMode(BillingMode.PAY_PER_REQUEST));
    try (DynamoDbWaiter waiter = client.waiter()) {
      waiter.waitUntilTableExists(b -> b.tableName(name));
    }
    return name;
  }

  static Map<String, AttributeValue> key(String pk) {
    return Map.of("PK", AttributeValue.fromS(pk));
  }

  @Test
  void injectedClient_isTheSharedOne_andRoundTripsItems(DynamoDbClient client) {
    assertSame(dynamo.client(), client);
    String table = createTable(client, dynamo.uniqueTableName("extension-test"));
    client.putItem(b -> b.tableName(table).item(Map.of("PK", AttributeValue.fromS("a"), "v", AttributeValue.fromN("1"))));

    Map<String, AttributeValue> item = client.getItem(b -> b.tableName(table).key(key("a"))).item();

    assertEquals(Map.of("PK", AttributeValue.fromS("a"), "v", AttributeValue.fromN("1")), item);
    assertTrue(client.listTables().tableNames().contains(table));
    client.deleteItem(b -> b.tableName(table).key(key("a")));
    assertFalse(client.getItem(b -> b.tableName(table).key(key("a"))).hasItem());
  }

  @Test
  void sharedInstance_isTheSameInEveryTest(TestDynamoDb injected) {
    assertSame(TestDynamoDb.shared(), injected);
    assertSame(dynamo, injected);
  }

  /** Whether the run is on the embedded engine; checked before parameters are resolved. */
  static boolean runsLocally() {
    return TestDynamoDb.shared().isLocal();
  }

  @Test
  @EnabledIf("runsLocally")  // on an endpoint, resolving MonotableLocal fails (by design), so the test is skipped first
  void byDefault_theTestsRunOnMonotableLocalInProcess(MonotableLocal injected) {
    MonotableLocal local = dynamo.local().orElseThrow();
    assertSame(local, injected);
    assertEquals("monotable-local (in-process)", dynamo.toString());
    String table = createTable(dynamo.client(), dynamo.uniqueTableName("in-process"));
    dynamo.client().putItem(b -> b.tableName(table).item(Map.of("PK", AttributeValue.fromS("seen"))));

    // a client of the engine itself sees what the shared client wrote: they talk to one engine
    try (DynamoDbClient direct = DynamoDbClient.builder().httpClient(local.httpClient())
        .endpointOverride(local.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(AnonymousCredentialsProvider.create()).build()) {
      assertTrue(direct.getItem(b -> b.tableName(table).key(key("seen"))).hasItem());
    }
  }

  @Test
  void engineFaults_reachTheClientsOfTestDynamoDb() {
    assumeTrue(dynamo.isLocal(), "faults are injected by monotable-local; the run goes to " + dynamo);
    String table = createTable(dynamo.client(), dynamo.uniqueTableName("faults"));
    dynamo.client().putItem(b -> b.tableName(table).item(Map.of("PK", AttributeValue.fromS("x"))));
    AtomicInteger attempts = new AtomicInteger();
    try (DynamoDbClient counted = dynamo.newClient(b -> b.overrideConfiguration(c -> c.addExecutionInterceptor(
        new ExecutionInterceptor() {
          @Override
          public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            attempts.incrementAndGet();
          }
        })))) {
      dynamo.local().orElseThrow().faults().throttle("GetItem", 2);

      assertTrue(counted.getItem(b -> b.tableName(table).key(key("x"))).hasItem());
      assertEquals(3, attempts.get(), "two throttled attempts retried by the SDK, then the read");
    }
  }

  @Test
  void newClient_appliesTheCustomizer_andClosingItLeavesTheSharedClientWorking() {
    String table = createTable(dynamo.client(), dynamo.uniqueTableName("custom"));
    AtomicInteger requests = new AtomicInteger();
    try (DynamoDbClient counted = dynamo.newClient(b -> b.overrideConfiguration(c -> c.addExecutionInterceptor(
        new ExecutionInterceptor() {
          @Override
          public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            requests.incrementAndGet();
          }
        })))) {
      counted.putItem(b -> b.tableName(table).item(Map.of("PK", AttributeValue.fromS("k"))));
      assertEquals(1, requests.get());
    }
    assertTrue(dynamo.client().getItem(b -> b.tableName(table).key(key("k"))).hasItem());
    assertEquals(1, requests.get(), "the shared client does not carry the customizer's interceptor");
  }

  @Test
  void injectedAsyncClient_isTheSharedOne_andRoundTripsItems(DynamoDbAsyncClient async) {
    assertSame(dynamo.asyncClient(), async);
    String table = createTable(dynamo.client(), dynamo.uniqueTableName("async"));
    Map<String, AttributeValue> item = Map.of("PK", AttributeValue.fromS("a"), "v", AttributeValue.fromN("1"));

    async.putItem(b -> b.tableName(table).item(item)).join();

    assertEquals(item, async.getItem(b -> b.tableName(table).key(key("a")).consistentRead(true)).join().item());
    assertEquals(item, dynamo.client().getItem(b -> b.tableName(table).key(key("a")).consistentRead(true)).item(),
        "the async and the sync client reach one DynamoDB");
    CompletableFuture<?> overwrite = async.putItem(b -> b.tableName(table)
        .item(Map.of("PK", AttributeValue.fromS("a"), "v", AttributeValue.fromN("2")))
        .conditionExpression("attribute_not_exists(PK)"));
    CompletionException failed = assertThrows(CompletionException.class, overwrite::join);
    assertInstanceOf(ConditionalCheckFailedException.class, failed.getCause());
  }

  @Test
  void newAsyncClient_inProcess_isAnsweredOnMonotableLocalsThreads_andAppliesTheCustomizer() {
    assumeTrue(dynamo.isLocal(), "the threads of the embedded engine; the run goes to " + dynamo);
    String table = createTable(dynamo.client(), dynamo.uniqueTableName("async-threads"));
    Map<String, String> threads = new ConcurrentHashMap<>();
    try (DynamoDbAsyncClient observed = dynamo.newAsyncClient(b -> b.overrideConfiguration(c -> c.addExecutionInterceptor(
        new ExecutionInterceptor() {
          @Override
          public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
            // called from the HTTP client's response handler, on the thread that has the answer
            threads.put("answer", Thread.currentThread().getName());
          }
        })))) {
      observed.putItem(b -> b.tableName(table).item(Map.of("PK", AttributeValue.fromS("t")))).join();
    }

    assertTrue(threads.get("answer").startsWith("monotable-local-async-"), threads.toString());
    assertTrue(dynamo.asyncClient().getItem(b -> b.tableName(table).key(key("t"))).join().hasItem(),
        "closing a client of newAsyncClient leaves the shared one working");
  }

  @Test
  void newStreamsAsyncClient_readsTheRecordsOfAWrite() {
    assumeTrue(dynamo.isLocal(), "DynamoDB's stream records arrive after a delay; the run goes to " + dynamo);
    String table = dynamo.uniqueTableName("async-streamed");
    String streamArn = dynamo.client().createTable(b -> b.tableName(table)
        .keySchema(KeySchemaElement.builder().attributeName("PK").keyType(KeyType.HASH).build())
        .attributeDefinitions(AttributeDefinition.builder().attributeName("PK")
            .attributeType(ScalarAttributeType.S).build())
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .streamSpecification(spec -> spec.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY)))
        .tableDescription().latestStreamArn();
    dynamo.client().putItem(b -> b.tableName(table).item(Map.of("PK", AttributeValue.fromS("s"))));

    try (DynamoDbStreamsAsyncClient streams = dynamo.newStreamsAsyncClient()) {
      String shardId = streams.describeStream(b -> b.streamArn(streamArn)).join()
          .streamDescription().shards().get(0).shardId();
      String iterator = streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shardId)
          .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).join().shardIterator();
      List<Record> records = streams.getRecords(b -> b.shardIterator(iterator)).join().records();

      assertEquals(1, records.size());
      assertEquals(key("s"), records.get(0).dynamodb().keys());
    }
  }

  @Test
  void uniqueTableName_isNeverHandedOutTwice_andKeepsThePrefix() {
    String first = dynamo.uniqueTableName("Orders");
    String second = dynamo.uniqueTableName("Orders");
    assertNotEquals(first, second);
    assertTrue(first.contains("Orders-"), first);
    if (dynamo.isLocal()) {
      assertTrue(first.matches("Orders-\\d+"), first);
    }
  }
}
