package dev.monotable.local.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monotable.local.MonotableLocal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Base of the engine's conformance tests: one engine per test class, reached through the SDK v2
 * client over the in-process HTTP client, exactly as users reach it. SDK retries are off, so a
 * throttled or failed call surfaces at once.
 *
 * <p>With the system property {@code monotable.test.endpoint} set (for example
 * {@code -Dmonotable.test.endpoint=https://dynamodb.eu-west-1.amazonaws.com}, or
 * {@code http://localhost:8000} for a server), the same tests run against that endpoint instead:
 * every table they create is named with a prefix of this run ({@code mt-conf-<random>-}) and
 * deleted after the class, and tests marked {@link EngineOnly} are skipped with their reason.
 * The region is {@code monotable.test.region}, else the environment's, else us-east-1;
 * credentials are the environment's, or dummy ones for a loopback endpoint.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(EngineOnly.Condition.class)
public abstract class EngineTest {
  private static final AtomicInteger TABLES = new AtomicInteger();
  /** The endpoint the tests run against, or null for the in-process engine. */
  private static final URI ENDPOINT = endpointProperty().map(URI::create).orElse(null);
  /** Prefix of every table name of this run against an endpoint; none in process. */
  private static final String RUN_PREFIX = ENDPOINT == null ? ""
      : "mt-conf-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xFFFFFFFFL) + "-";

  /** The in-process engine; null when the tests run against {@code monotable.test.endpoint}. */
  protected MonotableLocal local;
  protected DynamoDbClient client;
  private final List<DynamoDbClient> clients = new ArrayList<>();
  private SdkHttpClient remoteHttp;
  /** Tables this class created against an endpoint, to delete after it. */
  private final Set<String> created = ConcurrentHashMap.newKeySet();

  /** The value of {@code monotable.test.endpoint}, when set and not blank. */
  static Optional<String> endpointProperty() {
    return Optional.ofNullable(System.getProperty("monotable.test.endpoint")).map(String::trim).filter(e -> !e.isEmpty());
  }

  @BeforeAll
  void startEngine() {
    if (ENDPOINT == null) {
      local = MonotableLocal.inProcess();
    } else {
      remoteHttp = UrlConnectionHttpClient.create();
    }
    client = newClient();
  }

  @AfterAll
  void stopEngine() {
    try {
      if (ENDPOINT != null) {
        deleteCreatedTables();
      }
    } finally {
      clients.forEach(DynamoDbClient::close);
      if (local != null) {
        local.close();
      }
      if (remoteHttp != null) {
        remoteHttp.close();
      }
    }
  }

  /** Another client of this test's engine (or endpoint), retries off. */
  protected DynamoDbClient newClient() {
    DynamoDbClient created = DynamoDbClient.builder()
        .httpClient(httpClient())
        .endpointOverride(endpoint())
        .region(region())
        .credentialsProvider(credentials())
        .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none()).addExecutionInterceptor(new TableRecorder()))
        .build();
    clients.add(created);
    return created;
  }

  /** The HTTP client to reach the engine with: the in-process one, or a URLConnection client for an endpoint. */
  protected SdkHttpClient httpClient() {
    return ENDPOINT == null ? local.httpClient() : remoteHttp;
  }

  /** The engine's endpoint, or {@code monotable.test.endpoint}. */
  protected URI endpoint() {
    return ENDPOINT == null ? local.endpoint() : ENDPOINT;
  }

  /** us-east-1 in process; against an endpoint {@code monotable.test.region}, else the environment's, else us-east-1. */
  protected static Region region() {
    if (ENDPOINT == null) {
      return Region.US_EAST_1;
    }
    String property = System.getProperty("monotable.test.region");
    if (property != null && !property.isBlank()) {
      return Region.of(property.trim());
    }
    try {
      return new DefaultAwsRegionProviderChain().getRegion();
    } catch (SdkClientException none) {
      return Region.US_EAST_1;
    }
  }

  /** Dummy credentials in process and for a loopback endpoint; the environment's for any other. */
  protected static AwsCredentialsProvider credentials() {
    if (ENDPOINT == null || isLoopback(ENDPOINT)) {
      return StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    }
    return DefaultCredentialsProvider.create();
  }

  /** Whether the tests run against {@code monotable.test.endpoint} rather than the in-process engine. */
  protected static boolean againstEndpoint() {
    return ENDPOINT != null;
  }

  private static boolean isLoopback(URI endpoint) {
    String host = endpoint.getHost();
    return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"));
  }

  /** Records the name of every table a client of this class creates, so that it can be deleted after the class. */
  private final class TableRecorder implements ExecutionInterceptor {
    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      if (ENDPOINT != null && context.request() instanceof CreateTableRequest create) {
        created.add(create.tableName());
      }
    }
  }

  /** Deletes the tables this class created on the endpoint (turning deletion protection off first). */
  private void deleteCreatedTables() {
    for (String name : created) {
      try {
        if (Boolean.TRUE.equals(client.describeTable(r -> r.tableName(name)).table().deletionProtectionEnabled())) {
          client.updateTable(r -> r.tableName(name).deletionProtectionEnabled(false));
          client.waiter().waitUntilTableExists(r -> r.tableName(name));
        }
        client.deleteTable(r -> r.tableName(name));
      } catch (ResourceNotFoundException gone) {
        // deleted by the test, or never made
      } catch (RuntimeException e) {
        System.err.println("monotable conformance: could not delete table " + name + ": " + e);
      }
    }
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

  /** A table name not used before in this JVM (nor, against an endpoint, by another run: it carries the run's prefix). */
  protected static String uniqueName(String prefix) {
    return RUN_PREFIX + prefix + "-" + TABLES.incrementAndGet();
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
    if (ENDPOINT != null) {
      // DynamoDB creates a table in the background; the engine has it ACTIVE at once
      client.waiter().waitUntilTableExists(r -> r.tableName(name));
    }
    return name;
  }
}
