package dev.monotable.benchmarks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * {@link ClientBenchmark} through the SDK's async client: GetItem, PutItem and a Query of ten, the
 * raw {@code DynamoDbAsyncClient} with hand-built requests and the hand-written mapping (the floor)
 * against Monotable's generated async repository. Each operation waits for its future, so one
 * operation is one request's whole cost. Throughput; run with {@code -prof gc} for bytes per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(3)
public class AsyncClientBenchmark {
  private static final String TABLE = "Bench";

  private DynamoDbAsyncClient client;
  private OrderAsyncRepository orders;
  private Order order;
  private String userId;
  private Instant orderDate;
  private String orderId;

  @Setup
  public void setUp() {
    order = Fixtures.order();
    userId = order.userId();
    orderDate = order.orderDate();
    orderId = order.orderId();
    client = DynamoDbAsyncClient.builder()
        .httpClient(CannedAsyncHttpClient.answering(HandWritten.toItem(order), CannedClients.tenOrders()))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
        .build();
    orders = BenchTable.async(client).orders();
    if (!asyncGet_raw().equals(order) || !asyncGet_monotable().equals(order)) {
      throw new IllegalStateException("a get read something else");
    }
    if (asyncQuery_raw().size() != 10 || !asyncQuery_raw().equals(asyncQuery_monotable())) {
      throw new IllegalStateException("a query read something else");
    }
  }

  @TearDown
  public void tearDown() {
    client.close();
  }

  @Benchmark
  public Order asyncGet_raw() {
    Map<String, AttributeValue> item = client.getItem(GetItemRequest.builder()
        .tableName(TABLE)
        .key(HandWritten.key(userId, orderDate, orderId))
        .build()).join().item();
    return item == null || item.isEmpty() ? null : HandWritten.fromItem(item);
  }

  @Benchmark
  public Order asyncGet_monotable() {
    return orders.get(userId, orderDate, orderId).join().orElseThrow();
  }

  @Benchmark
  public void asyncPut_raw() {
    client.putItem(PutItemRequest.builder().tableName(TABLE).item(HandWritten.toItem(order)).build()).join();
  }

  @Benchmark
  public void asyncPut_monotable() {
    orders.put(order).join();
  }

  @Benchmark
  public List<Order> asyncQuery_raw() {
    List<Map<String, AttributeValue>> items = client.query(QueryRequest.builder()
        .tableName(TABLE)
        .keyConditionExpression("#pk = :pk AND begins_with(#sk, :sk)")
        .expressionAttributeNames(Map.of("#pk", "PK", "#sk", "SK"))
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(HandWritten.partition(userId)),
            ":sk", AttributeValue.fromS("ORDER#")))
        .build()).join().items();
    List<Order> read = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      read.add(HandWritten.fromItem(items.get(i)));
    }
    return read;
  }

  @Benchmark
  public List<Order> asyncQuery_monotable() {
    return orders.ordersOfUser(userId).page().join().items();
  }
}
