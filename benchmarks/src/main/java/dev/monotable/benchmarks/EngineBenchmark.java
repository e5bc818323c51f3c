package dev.monotable.benchmarks;

import dev.monotable.local.MonotableLocal;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * monotable-local through the SDK v2 {@code DynamoDbClient} and the engine's in-process HTTP client,
 * single-threaded: a PutItem + GetItem pair of a 1 KB item, and a Query of 100 items in one
 * partition. What is measured is the whole client path (marshalling, signing, the engine).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineBenchmark {
  private MonotableLocal local;
  private DynamoDbClient client;
  private Map<String, AttributeValue> item;
  private Map<String, AttributeValue> key;
  private int counter;

  @Setup(Level.Trial)
  public void start() {
    local = MonotableLocal.inProcess();
    client = DynamoDbClient.builder()
        .httpClient(local.httpClient())
        .endpointOverride(local.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
        .build();
    EngineBenchData.create(client);
    item = new HashMap<>();
    item.put("PK", AttributeValue.fromS("USER#1"));
    item.put("SK", AttributeValue.fromS("PROFILE"));
    item.put("body", AttributeValue.fromS("x".repeat(1000)));
    item.put("n", AttributeValue.fromN("42"));
    key = Map.of("PK", item.get("PK"), "SK", item.get("SK"));
  }

  @TearDown(Level.Trial)
  public void stop() {
    client.close();
    local.close();
  }

  /** One PutItem and one GetItem of a 1 KB item: the score is pairs per second. */
  @Benchmark
  public GetItemResponse putThenGet() {
    item.put("n", AttributeValue.fromN(Integer.toString(counter++)));
    client.putItem(p -> p.tableName("Bench").item(item));
    return client.getItem(g -> g.tableName("Bench").key(key));
  }

  /** A Query returning the 100 items of one partition in one page. */
  @Benchmark
  public QueryResponse query100() {
    QueryResponse response = client.query(q -> q.tableName("Bench")
        .keyConditionExpression("PK = :pk")
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("ORDERS"))));
    if (response.count() != 100) {
      throw new IllegalStateException("expected 100 items, got " + response.count());
    }
    return response;
  }
}
