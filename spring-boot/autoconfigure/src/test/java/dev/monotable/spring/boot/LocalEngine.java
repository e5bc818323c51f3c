package dev.monotable.spring.boot;

import dev.monotable.local.MonotableLocal;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** A test's own in-process engine, and clients on it. */
public final class LocalEngine implements AutoCloseable {
  private static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

  public final MonotableLocal local = MonotableLocal.inProcess();
  public final DynamoDbClient client = client(local);

  public static DynamoDbClient client(MonotableLocal local) {
    return DynamoDbClient.builder()
        .httpClient(local.httpClient())
        .endpointOverride(local.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(CREDENTIALS)
        // a throttled request fails at once, for the health checks of an unreachable table
        .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }

  /** Points the auto-configured client at this engine, without a socket, with test credentials. */
  public DynamoDbClientBuilderCustomizer customizer() {
    return builder -> builder.httpClient(local.httpClient()).credentialsProvider(CREDENTIALS);
  }

  /** Points the auto-configured asynchronous client at this engine, leaving the rest to the properties. */
  public DynamoDbAsyncClientBuilderCustomizer asyncHttpClientOnly() {
    return builder -> builder.httpClient(local.asyncHttpClient());
  }

  /** Points the auto-configured client at this engine, leaving its credentials to the properties. */
  public DynamoDbClientBuilderCustomizer httpClientOnly() {
    return builder -> builder.httpClient(local.httpClient());
  }

  public java.util.List<String> tableNames() {
    return client.listTables().tableNames();
  }

  /** Table {@code name} with the design's keys but no stream: not as designed. */
  public void createWithoutStream(String name) {
    client.createTable(b -> b.tableName(name)
        .keySchema(k -> k.attributeName("PK").keyType("HASH"), k -> k.attributeName("SK").keyType("RANGE"))
        .attributeDefinitions(a -> a.attributeName("PK").attributeType("S"),
            a -> a.attributeName("SK").attributeType("S"))
        .billingMode("PAY_PER_REQUEST"));
  }

  @Override
  public void close() {
    client.close();
    local.close();
  }
}
