package dev.monotable.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
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
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * A {@code DynamoDbAsyncClient} with the SDK's Netty HTTP client, over the loopback server of {@link
 * MonotableLocal#start(int)}: items, queries and transactions round trip, and DynamoDB's errors fail
 * the future with the SDK's exceptions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NettyAsyncClientTest {
  private MonotableLocal server;
  private SdkAsyncHttpClient netty;
  private DynamoDbAsyncClient async;
  private int tables;

  @BeforeAll
  void start() {
    server = MonotableLocal.start(0);
    netty = NettyNioAsyncHttpClient.create();
    async = DynamoDbAsyncClient.builder()
        .httpClient(netty)
        .endpointOverride(server.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }

  @AfterAll
  void stop() {
    async.close();
    netty.close();  // the SDK leaves an HTTP client it was given open
    server.close();
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

  private String createTable() {
    String name = "netty-" + ++tables;
    async.createTable(r -> r.tableName(name)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
            KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
        .attributeDefinitions(
            AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
            AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.S).build()))
        .join();
    return name;
  }

  private static Throwable failureOf(CompletableFuture<?> future) {
    return assertThrows(CompletionException.class, future::join).getCause();
  }

  @Test
  void putGetAndQuery_roundTripOverHttp() {
    String table = createTable();
    Map<String, AttributeValue> profile = Map.of("pk", s("ada"), "sk", s("PROFILE"), "name", s("Ada Lovelace"),
        "born", n(1815), "engines", AttributeValue.fromL(List.of(s("difference"), s("analytical"))));
    async.putItem(r -> r.tableName(table).item(profile)).join();
    for (String sk : List.of("ORDER#2", "ORDER#1")) {
      async.putItem(r -> r.tableName(table).item(Map.of("pk", s("ada"), "sk", s(sk)))).join();
    }

    assertEquals(profile, async.getItem(r -> r.tableName(table).key(key("ada", "PROFILE"))).join().item());
    List<String> orders = async.query(r -> r.tableName(table)
            .keyConditionExpression("pk = :pk AND begins_with(sk, :orders)")
            .expressionAttributeValues(Map.of(":pk", s("ada"), ":orders", s("ORDER#")))).join()
        .items().stream().map(item -> item.get("sk").s()).collect(Collectors.toList());
    assertEquals(List.of("ORDER#1", "ORDER#2"), orders);
  }

  @Test
  void manyRequestsAtOnce_allComplete_eachAppliedOnce() {
    String table = createTable();
    List<CompletableFuture<?>> calls = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      long number = i;
      calls.add(async.updateItem(r -> r.tableName(table).key(key("counter", "TOTAL"))
          .updateExpression("ADD hits :one, seen :mine")
          .expressionAttributeValues(Map.of(":one", n(1), ":mine", AttributeValue.fromNs(List.of(Long.toString(number)))))));
    }

    CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();

    Map<String, AttributeValue> counter = async.getItem(r -> r.tableName(table).key(key("counter", "TOTAL"))).join().item();
    assertEquals("50", counter.get("hits").n());
    assertEquals(IntStream.range(0, 50).mapToObj(Integer::toString).collect(Collectors.toSet()),
        new HashSet<>(counter.get("seen").ns()));
  }

  @Test
  void transactWriteItems_overHttp_appliesEveryAction() {
    String table = createTable();
    async.putItem(r -> r.tableName(table).item(Map.of("pk", s("account"), "sk", s("A"), "balance", n(100)))).join();

    async.transactWriteItems(r -> r.transactItems(
        TransactWriteItem.builder().update(u -> u.tableName(table).key(key("account", "A"))
            .updateExpression("SET balance = balance - :amount")
            .conditionExpression("balance >= :amount")
            .expressionAttributeValues(Map.of(":amount", n(40)))).build(),
        TransactWriteItem.builder().put(p -> p.tableName(table)
            .item(Map.of("pk", s("account"), "sk", s("B"), "balance", n(40)))).build())).join();

    assertEquals("60", async.getItem(r -> r.tableName(table).key(key("account", "A"))).join().item().get("balance").n());
    assertEquals("40", async.getItem(r -> r.tableName(table).key(key("account", "B"))).join().item().get("balance").n());
  }

  @Test
  void failedCondition_overHttp_failsTheFuture_withConditionalCheckFailedException() {
    String table = createTable();
    async.putItem(r -> r.tableName(table).item(Map.of("pk", s("ada"), "sk", s("PROFILE"), "v", n(1)))).join();

    CompletableFuture<?> overwrite = async.putItem(r -> r.tableName(table)
        .item(Map.of("pk", s("ada"), "sk", s("PROFILE"), "v", n(2)))
        .conditionExpression("attribute_not_exists(pk)"));

    ConditionalCheckFailedException failure = assertInstanceOf(ConditionalCheckFailedException.class, failureOf(overwrite));
    assertEquals(400, failure.statusCode());
    assertEquals("1", async.getItem(r -> r.tableName(table).key(key("ada", "PROFILE"))).join().item().get("v").n());
  }

  @Test
  void missingTable_overHttp_failsTheFuture_withResourceNotFoundException() {
    Throwable failure = failureOf(async.describeTable(r -> r.tableName("no-such-table")));

    assertEquals(400, assertInstanceOf(ResourceNotFoundException.class, failure).statusCode());
    assertTrue(failure.getMessage().contains("Table: no-such-table not found"), failure.getMessage());
  }
}
