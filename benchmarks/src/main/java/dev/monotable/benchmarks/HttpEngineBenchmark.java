package dev.monotable.benchmarks;

import dev.monotable.local.MonotableLocal;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * monotable-local as a server on a loopback port, through the SDK v2 {@code DynamoDbClient} and its
 * Apache HTTP client, with 1 and with 4 client threads: a PutItem + GetItem pair of a 1 KB item (each
 * thread its own item) and a Query of 100 items of one partition. The score is the throughput of all
 * threads together, so the 4-thread figure over the 1-thread one says how well the engine and its
 * HTTP front end serve concurrent callers.
 *
 * <p>Warmed up for 36 seconds: on two cores the JIT compilers share the CPU with the client and the
 * server, and a run of the SDK client and the engine over loopback reaches its steady state only
 * after 20 to 40 seconds (watched second by second; shorter warm-ups measured the compiler).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 12, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class HttpEngineBenchmark {
  /** The server and one client for every thread, with a table of 100 items in partition ORDERS. */
  @State(Scope.Benchmark)
  public static class Server {
    MonotableLocal local;
    DynamoDbClient client;
    final AtomicInteger threads = new AtomicInteger();

    @Setup(Level.Trial)
    public void start() {
      local = MonotableLocal.start();
      client = DynamoDbClient.builder()
          .httpClient(Apache5HttpClient.builder().maxConnections(16).build())
          .endpointOverride(local.endpoint())
          .region(Region.US_EAST_1)
          .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
          .build();
      EngineBenchData.create(client);
    }

    @TearDown(Level.Trial)
    public void stop() {
      client.close();
      local.close();
    }
  }

  /** One thread's item, under a key of its own. */
  @State(Scope.Thread)
  public static class Caller {
    Map<String, AttributeValue> item;
    Map<String, AttributeValue> key;
    int counter;

    @Setup(Level.Trial)
    public void item(Server server) {
      item = new HashMap<>();
      item.put("PK", AttributeValue.fromS("USER#" + server.threads.incrementAndGet()));
      item.put("SK", AttributeValue.fromS("PROFILE"));
      item.put("body", AttributeValue.fromS("x".repeat(1000)));
      key = Map.of("PK", item.get("PK"), "SK", item.get("SK"));
    }
  }

  private static GetItemResponse putThenGet(Server server, Caller caller) {
    caller.item.put("n", AttributeValue.fromN(Integer.toString(caller.counter++)));
    server.client.putItem(p -> p.tableName("Bench").item(caller.item));
    return server.client.getItem(g -> g.tableName("Bench").key(caller.key));
  }

  private static QueryResponse query100(Server server) {
    QueryResponse response = server.client.query(q -> q.tableName("Bench")
        .keyConditionExpression("PK = :pk")
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("ORDERS"))));
    if (response.count() != 100) {
      throw new IllegalStateException("expected 100 items, got " + response.count());
    }
    return response;
  }

  /** Put+get pairs per second, one client thread. */
  @Benchmark
  @Threads(1)
  public GetItemResponse putThenGet1(Server server, Caller caller) {
    return putThenGet(server, caller);
  }

  /** Put+get pairs per second, four client threads together. */
  @Benchmark
  @Threads(4)
  public GetItemResponse putThenGet4(Server server, Caller caller) {
    return putThenGet(server, caller);
  }

  /** Queries of 100 items per second, one client thread. */
  @Benchmark
  @Threads(1)
  public QueryResponse query1(Server server) {
    return query100(server);
  }

  /** Queries of 100 items per second, four client threads together. */
  @Benchmark
  @Threads(4)
  public QueryResponse query4(Server server) {
    return query100(server);
  }
}
