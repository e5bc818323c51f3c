package dev.monotable.local.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monotable.local.MonotableLocal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Base of the engine's conformance tests: one engine per test class, reached through the SDK v2
 * client over the in-process HTTP client, exactly as users reach it. SDK retries are off, so a
 * throttled or failed call surfaces at once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class EngineTest {
  private static final AtomicInteger TABLES = new AtomicInteger();

  protected MonotableLocal local;
  protected DynamoDbClient client;
  private final List<DynamoDbClient> clients = new ArrayList<>();

  @BeforeAll
  void startEngine() {
    local = MonotableLocal.inProcess();
    client = newClient();
  }

  @AfterAll
  void stopEngine() {
    clients.forEach(DynamoDbClient::close);
    local.close();
  }

  /** Another client of this test's engine, retries off. */
  protected DynamoDbClient newClient() {
    DynamoDbClient created = DynamoDbClient.builder()
        .httpClient(local.httpClient())
        .endpointOverride(local.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none()))
        .build();
    clients.add(created);
    return created;
  }

  /** Every page of a query, following LastEvaluatedKey until a page has none. */
  protected List<QueryResponse> allPages(QueryRequest first) {
    return pages(first, request -> client.query(request), QueryResponse::lastEvaluatedKey,
        (request, start) -> request.toBuilder().exclusiveStartKey(start).build());
  }

  /** Every page of a scan, following LastEvaluatedKey until a page has none. */
  protected List<ScanResponse> allPages(ScanRequest first) {
    return pages(first, request -> client.scan(request), ScanResponse::lastEvaluatedKey,
        (request, start) -> request.toBuilder().exclusiveStartKey(start).build());
  }

  private static <Q, R> List<R> pages(Q first, Function<Q, R> send, Function<R, Map<String, AttributeValue>> lastKey,
      BiFunction<Q, Map<String, AttributeValue>, Q> from) {
    List<R> pages = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      R page = send.apply(start == null ? first : from.apply(first, start));
      pages.add(page);
      start = lastKey.apply(page).isEmpty() ? null : lastKey.apply(page);
      assertTrue(pages.size() <= 1000, "paging did not end");
    } while (start != null);
    return pages;
  }

  /** A table name not used before in this JVM. */
  protected static String uniqueName(String prefix) {
    return prefix + "-" + TABLES.incrementAndGet();
  }

  /** Creates an on-demand table with a string partition key {@code pk} and, unless null, a string sort key {@code sk}. */
  protected String createTable(String pk, String sk) {
    String name = uniqueName("t");
    CreateTableRequest.Builder request = CreateTableRequest.builder()
        .tableName(name)
        .billingMode(BillingMode.PAY_PER_REQUEST);
    if (sk == null) {
      request.keySchema(KeySchemaElement.builder().attributeName(pk).keyType(KeyType.HASH).build())
          .attributeDefinitions(AttributeDefinition.builder().attributeName(pk).attributeType(ScalarAttributeType.S).build());
    } else {
      request.keySchema(
              KeySchemaElement.builder().attributeName(pk).keyType(KeyType.HASH).build(),
              KeySchemaElement.builder().attributeName(sk).keyType(KeyType.RANGE).build())
          .attributeDefinitions(
              AttributeDefinition.builder().attributeName(pk).attributeType(ScalarAttributeType.S).build(),
              AttributeDefinition.builder().attributeName(sk).attributeType(ScalarAttributeType.S).build());
    }
    client.createTable(request.build());
    return name;
  }
}
