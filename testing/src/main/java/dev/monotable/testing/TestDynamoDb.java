package dev.monotable.testing;

import dev.monotable.local.MonotableLocal;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkAsyncClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClientBuilder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsAsyncClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The DynamoDB a test run uses: by default {@link MonotableLocal}, in memory in this JVM and reached
 * through its in-process HTTP client (no socket, no port, nothing to install); or, when one is given,
 * any endpoint that speaks DynamoDB's API, real AWS included.
 *
 * <pre>{@code
 * TestDynamoDb dynamo = TestDynamoDb.shared();
 * AppDataTable table = AppDataTable.of(dynamo.client(), dynamo.uniqueTableName("AppData"));
 * table.createIfNotExists();
 * }</pre>
 *
 * <p>Where the run goes is chosen once per JVM, from system properties first and environment
 * variables second:
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>property</th><th>variable</th><th>what it sets</th></tr>
 *   <tr><td>{@value #ENDPOINT_PROPERTY}</td><td>{@value #ENDPOINT_VARIABLE}</td>
 *       <td>the endpoint, such as {@code http://localhost:8000} or
 *       {@code https://dynamodb.eu-west-1.amazonaws.com}; unset: monotable-local in-process</td></tr>
 *   <tr><td>{@value #REGION_PROPERTY}</td><td>{@code AWS_REGION}</td>
 *       <td>the region requests are signed for on an endpoint (default {@code us-east-1})</td></tr>
 *   <tr><td>{@value #TABLE_PREFIX_PROPERTY}</td><td></td>
 *       <td>what {@link #uniqueTableName(String)} puts in front of table names on an endpoint
 *       (default {@value #DEFAULT_TABLE_PREFIX})</td></tr>
 * </table>
 *
 * <p>On an endpoint, requests are signed with the SDK's default credentials chain (environment,
 * system properties, profile, container or instance role), except on a loopback host
 * ({@code localhost}, {@code 127.0.0.1}, {@code ::1}), where no AWS service runs and dummy
 * credentials are used. The tables named by {@link #uniqueTableName(String)} on an endpoint are
 * deleted when the JVM exits.
 *
 * <p>Fault injection ({@link MonotableLocal#faults()}) exists only on the embedded engine: tests of
 * retries reach it through {@link #local()} and are skipped elsewhere.
 *
 * <pre>{@code
 * assumeTrue(dynamo.isLocal(), "faults are injected by monotable-local");
 * dynamo.local().orElseThrow().faults().throttle("PutItem", 3);
 * }</pre>
 *
 * <p>Thread-safe. {@link DynamoDbExtension} hands the shared instance and its clients to JUnit 5 tests.
 */
public final class TestDynamoDb {
  /** The system property naming the endpoint tests run against: {@value}. */
  public static final String ENDPOINT_PROPERTY = "monotable.test.endpoint";
  /** The environment variable naming the endpoint, read when the property is not set: {@value}. */
  public static final String ENDPOINT_VARIABLE = "MONOTABLE_TEST_ENDPOINT";
  /** The system property naming the region of the endpoint: {@value}; else {@code AWS_REGION}. */
  public static final String REGION_PROPERTY = "monotable.test.region";
  /** The system property giving the table-name prefix on an endpoint: {@value}. */
  public static final String TABLE_PREFIX_PROPERTY = "monotable.test.tablePrefix";
  /** The table-name prefix on an endpoint when none is given: {@value}. */
  public static final String DEFAULT_TABLE_PREFIX = "monotable-test-";

  private static final String REGION_VARIABLE = "AWS_REGION";
  private static final Region DEFAULT_REGION = Region.US_EAST_1;
  private static final AwsCredentialsProvider DUMMY_CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("monotable", "monotable"));
  private static final AtomicInteger TABLE_COUNTER = new AtomicInteger();

  private static TestDynamoDb shared;

  private final MonotableLocal local;
  private final URI endpoint;
  private final Region region;
  private final AwsCredentialsProvider credentials;
  private final SdkHttpClient httpClient;
  private final String tablePrefix;
  /** Distinguishes this JVM's tables from earlier runs' on an endpoint, where tables outlive the JVM. */
  private final String runId;
  private final Set<String> remoteTables = ConcurrentHashMap.newKeySet();
  private final DynamoDbClient client;
  /** The async HTTP client on an endpoint (Netty), made with the first async client; null before, and in-process. */
  private SdkAsyncHttpClient remoteAsyncHttpClient;
  /** The shared async client, made on first use: most runs never ask for one. */
  private DynamoDbAsyncClient asyncClient;

  private TestDynamoDb(MonotableLocal local, URI endpoint, Region region, AwsCredentialsProvider credentials,
      SdkHttpClient httpClient, String tablePrefix) {
    this.local = local;
    this.endpoint = endpoint;
    this.region = region;
    this.credentials = credentials;
    this.httpClient = httpClient;
    this.tablePrefix = tablePrefix;
    this.runId = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36 * 36), 36);
    this.client = newClient(builder -> { });
  }

  /**
   * The DynamoDB of this JVM's tests, made on first use from the settings above and kept until the
   * JVM exits.
   *
   * <pre>{@code
   * DynamoDbClient client = TestDynamoDb.shared().client();
   * }</pre>
   */
  public static synchronized TestDynamoDb shared() {
    if (shared == null) {
      TestDynamoDb made = fromSettings(System::getProperty, System::getenv);
      Runtime.getRuntime().addShutdownHook(new Thread(made::close, "monotable-test-dynamodb-cleanup"));
      shared = made;
    }
    return shared;
  }

  /**
   * The DynamoDB the settings name: {@code property} looks up system properties, {@code environment}
   * environment variables (each answering null when unset).
   */
  static TestDynamoDb fromSettings(UnaryOperator<String> property, UnaryOperator<String> environment) {
    String endpoint = setting(property, ENDPOINT_PROPERTY, environment, ENDPOINT_VARIABLE);
    if (endpoint == null) {
      return new TestDynamoDb(MonotableLocal.inProcess(), null, DEFAULT_REGION, DUMMY_CREDENTIALS, null, "");
    }
    URI uri = URI.create(endpoint);
    if (uri.getScheme() == null || uri.getHost() == null) {
      throw new IllegalArgumentException(ENDPOINT_PROPERTY + " must be an absolute URL such as http://localhost:8000,"
          + " not " + endpoint);
    }
    String region = setting(property, REGION_PROPERTY, environment, REGION_VARIABLE);
    String prefix = property.apply(TABLE_PREFIX_PROPERTY);
    return new TestDynamoDb(null, uri,
        region == null ? DEFAULT_REGION : Region.of(region),
        isLoopback(uri.getHost()) ? DUMMY_CREDENTIALS : DefaultCredentialsProvider.builder().build(),
        UrlConnectionHttpClient.create(),
        prefix == null ? DEFAULT_TABLE_PREFIX : prefix);
  }

  private static String setting(UnaryOperator<String> property, String propertyName,
      UnaryOperator<String> environment, String variableName) {
    String value = property.apply(propertyName);
    if (value == null || value.isBlank()) {
      value = environment.apply(variableName);
    }
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static boolean isLoopback(String host) {
    String name = host.toLowerCase(Locale.ROOT);
    if (name.equals("localhost") || name.endsWith(".localhost")) {
      return true;
    }
    // only literal addresses: a name is not resolved, so no lookup is made here
    if (!name.matches("[0-9.]+") && !name.startsWith("[")) {
      return false;
    }
    try {
      return InetAddress.getByName(name).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /**
   * The client this JVM's tests share. Do not close it; make your own with {@link
   * #newClient(Consumer)} when you need to.
   *
   * <pre>{@code
   * TestDynamoDb.shared().client().listTables();
   * }</pre>
   */
  public DynamoDbClient client() {
    return client;
  }

  /**
   * A new client of this DynamoDB, after {@code customizer} has adjusted its builder: add an {@code
   * ExecutionInterceptor}, a retry policy, or another HTTP client. The caller closes it; closing it
   * leaves the shared one and the engine running.
   *
   * <pre>{@code
   * try (DynamoDbClient counted = dynamo.newClient(b -> b.overrideConfiguration(
   *     c -> c.addExecutionInterceptor(counter)))) {
   *   ...
   * }
   * }</pre>
   */
  public DynamoDbClient newClient(Consumer<DynamoDbClientBuilder> customizer) {
    DynamoDbClientBuilder builder = reaching(DynamoDbClient.builder());
    customizer.accept(builder);
    return builder.build();
  }

  /**
   * A new DynamoDB Streams client of this DynamoDB (on the embedded engine, in-process like {@link
   * #client()}), to read the records of tables created with a stream. The caller closes it.
   *
   * <pre>{@code
   * try (DynamoDbStreamsClient streams = dynamo.newStreamsClient()) {
   *   streams.listStreams();
   * }
   * }</pre>
   */
  public DynamoDbStreamsClient newStreamsClient() {
    return reaching(DynamoDbStreamsClient.builder()).build();
  }

  /**
   * The asynchronous client this JVM's tests share, made on first use: on the embedded engine
   * through {@link MonotableLocal#asyncHttpClient()}, whose threads answer so that the caller's never
   * blocks; on an endpoint with the SDK's Netty HTTP client. Do not close it; make your own with
   * {@link #newAsyncClient(Consumer)} when you need to.
   *
   * <pre>{@code
   * CompletableFuture<GetItemResponse> read = dynamo.asyncClient().getItem(b -> b.tableName(table).key(key));
   * }</pre>
   */
  public synchronized DynamoDbAsyncClient asyncClient() {
    if (asyncClient == null) {
      asyncClient = newAsyncClient(builder -> { });
    }
    return asyncClient;
  }

  /**
   * A new asynchronous client of this DynamoDB, after {@code customizer} has adjusted its builder, as
   * {@link #newClient(Consumer)} does for the synchronous one. The caller closes it; closing it leaves
   * the shared one and the engine running.
   *
   * <pre>{@code
   * try (DynamoDbAsyncClient counted = dynamo.newAsyncClient(b -> b.overrideConfiguration(
   *     c -> c.addExecutionInterceptor(counter)))) {
   *   counted.putItem(put).join();
   * }
   * }</pre>
   */
  public DynamoDbAsyncClient newAsyncClient(Consumer<DynamoDbAsyncClientBuilder> customizer) {
    DynamoDbAsyncClientBuilder builder = reachingAsync(DynamoDbAsyncClient.builder());
    customizer.accept(builder);
    return builder.build();
  }

  /**
   * A new asynchronous DynamoDB Streams client of this DynamoDB, as {@link #newStreamsClient()} is a
   * synchronous one. The caller closes it.
   *
   * <pre>{@code
   * try (DynamoDbStreamsAsyncClient streams = dynamo.newStreamsAsyncClient()) {
   *   streams.listStreams().join();
   * }
   * }</pre>
   */
  public DynamoDbStreamsAsyncClient newStreamsAsyncClient() {
    return reachingAsync(DynamoDbStreamsAsyncClient.builder()).build();
  }

  /** {@code builder} set to reach this DynamoDB: region, credentials, HTTP client and endpoint. */
  private <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B reaching(B builder) {
    builder.region(region).credentialsProvider(credentials);
    if (local != null) {
      return builder.httpClient(local.httpClient()).endpointOverride(local.endpoint());
    }
    return builder.httpClient(httpClient).endpointOverride(endpoint);
  }

  /** {@code builder} set to reach this DynamoDB, as {@link #reaching} does, with an async HTTP client. */
  private <B extends AwsClientBuilder<B, ?> & SdkAsyncClientBuilder<B, ?>> B reachingAsync(B builder) {
    builder.region(region).credentialsProvider(credentials);
    if (local != null) {
      return builder.httpClient(local.asyncHttpClient()).endpointOverride(local.endpoint());
    }
    return builder.httpClient(remoteAsyncHttpClient()).endpointOverride(endpoint);
  }

  /** Netty's event loop threads are made only when a test asks for an async client of the endpoint. */
  private synchronized SdkAsyncHttpClient remoteAsyncHttpClient() {
    if (remoteAsyncHttpClient == null) {
      remoteAsyncHttpClient = NettyNioAsyncHttpClient.create();
    }
    return remoteAsyncHttpClient;
  }

  /**
   * A table name not handed out before in this JVM: {@code prefix-<n>} on the embedded engine; on
   * an endpoint, where tables outlive the run, {@code <tablePrefix><prefix>-<run>-<n>} with a random
   * run id, and the table is deleted when the JVM exits.
   *
   * <pre>{@code
   * String name = dynamo.uniqueTableName("AppData");   // "AppData-1", or "monotable-test-AppData-k3x9q2-1"
   * }</pre>
   */
  public String uniqueTableName(String prefix) {
    if (prefix == null || prefix.isEmpty()) {
      throw new IllegalArgumentException("a table name prefix is needed, such as \"AppData\"");
    }
    int n = TABLE_COUNTER.incrementAndGet();
    if (local != null) {
      return prefix + "-" + n;
    }
    String name = tablePrefix + prefix + "-" + runId + "-" + n;
    remoteTables.add(name);
    return name;
  }

  /**
   * The embedded engine, to inject faults or move its clock; empty when the tests run against an
   * endpoint.
   *
   * <pre>{@code
   * dynamo.local().ifPresent(local -> local.faults().unprocessed(1.0, 2));
   * }</pre>
   */
  public Optional<MonotableLocal> local() {
    return Optional.ofNullable(local);
  }

  /**
   * Whether the tests run on the embedded engine, for assumptions in tests that need it.
   *
   * <pre>{@code
   * assumeTrue(dynamo.isLocal(), "needs monotable-local's fault injection");
   * }</pre>
   */
  public boolean isLocal() {
    return local != null;
  }

  /** Where the tests run: {@code monotable-local (in-process)} or {@code endpoint <url> (<region>)}. */
  @Override
  public String toString() {
    return local != null ? "monotable-local (in-process)" : "endpoint " + endpoint + " (" + region + ")";
  }

  /**
   * Deletes the tables named on an endpoint (those already gone are skipped) and closes the clients;
   * best effort, as it runs when the JVM exits.
   */
  void close() {
    for (String table : remoteTables) {
      try {
        client.deleteTable(b -> b.tableName(table));
      } catch (ResourceNotFoundException gone) {
        // never created, or deleted by the test itself
      } catch (RuntimeException e) {
        System.err.println("monotable-testing: could not delete test table " + table + " at " + endpoint + ": " + e);
      }
    }
    remoteTables.clear();
    client.close();
    if (httpClient != null) {
      httpClient.close();
    }
    synchronized (this) {
      if (asyncClient != null) {
        asyncClient.close();
      }
      if (remoteAsyncHttpClient != null) {
        remoteAsyncHttpClient.close();
      }
    }
    if (local != null) {
      local.close();
    }
  }
}
