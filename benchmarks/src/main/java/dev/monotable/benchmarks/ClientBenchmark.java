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
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Per-request cost through one real {@code DynamoDbClient} whose HTTP client answers canned,
 * valid DynamoDB responses ({@link CannedHttpClient}): GetItem of one order, PutItem of one order,
 * and a Query returning ten, each three ways: the raw client with hand-built requests and the
 * hand-written mapping (the floor), Monotable's generated repository, and the Enhanced Client
 * ({@code TableSchema.fromBean}). Throughput; run with {@code -prof gc} for bytes per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(3)
public class ClientBenchmark {
  private static final String TABLE = "Bench";

  private DynamoDbClient client;
  private OrderRepository orders;
  private DynamoDbTable<OrderBean> enhanced;
  private Order order;
  private OrderBean bean;
  private Key beanKey;
  private QueryConditional beanQuery;
  private String userId;
  private Instant orderDate;
  private String orderId;

  @Setup
  public void setUp() {
    order = Fixtures.order();
    bean = Fixtures.bean(order);
    userId = order.userId();
    orderDate = order.orderDate();
    orderId = order.orderId();
    client = CannedClients.of(HandWritten.toItem(order), CannedClients.tenOrders());
    orders = BenchTable.of(client).orders();
    enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(client).build()
        .table(TABLE, TableSchema.fromBean(OrderBean.class));
    beanKey = Key.builder().partitionValue(bean.getPk()).sortValue(bean.getSk()).build();
    beanQuery = QueryConditional.keyEqualTo(Key.builder().partitionValue(bean.getPk()).build());

    // each contender must get the same answers, and send the same key condition (Monotable adds a
    // filter on the type attribute; the expert knows that no other entity's sort keys start ORDER#)
    if (!get_raw().equals(order) || !get_monotable().equals(order) || !get_enhanced().getSk().equals(bean.getSk())) {
      throw new IllegalStateException("a get read something else");
    }
    if (query_raw().size() != 10 || query_monotable().size() != 10 || query_enhanced().size() != 10
        || !query_raw().equals(query_monotable())) {
      throw new IllegalStateException("a query read something else");
    }
    QueryRequest monotableQuery = orders.ordersOfUser(userId).toRequest();
    if (!monotableQuery.keyConditionExpression().equals(rawQuery().keyConditionExpression())) {
      throw new IllegalStateException("Monotable sends another query: " + monotableQuery);
    }
  }

  @TearDown
  public void tearDown() {
    client.close();
  }

  @Benchmark
  public Order get_raw() {
    Map<String, AttributeValue> item = client.getItem(GetItemRequest.builder()
        .tableName(TABLE)
        .key(HandWritten.key(userId, orderDate, orderId))
        .build()).item();
    return item == null || item.isEmpty() ? null : HandWritten.fromItem(item);
  }

  @Benchmark
  public Order get_monotable() {
    return orders.get(userId, orderDate, orderId).orElseThrow();
  }

  @Benchmark
  public OrderBean get_enhanced() {
    return enhanced.getItem(beanKey);
  }

  @Benchmark
  public void put_raw() {
    client.putItem(PutItemRequest.builder().tableName(TABLE).item(HandWritten.toItem(order)).build());
  }

  @Benchmark
  public void put_monotable() {
    orders.put(order);
  }

  @Benchmark
  public void put_enhanced() {
    enhanced.putItem(bean);
  }

  @Benchmark
  public List<Order> query_raw() {
    QueryResponse response = client.query(rawQuery());
    List<Map<String, AttributeValue>> items = response.items();
    List<Order> read = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      read.add(HandWritten.fromItem(items.get(i)));
    }
    return read;
  }

  private QueryRequest rawQuery() {
    return QueryRequest.builder()
        .tableName(TABLE)
        .keyConditionExpression("#pk = :pk AND begins_with(#sk, :sk)")
        .expressionAttributeNames(Map.of("#pk", "PK", "#sk", "SK"))
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(HandWritten.partition(userId)),
            ":sk", AttributeValue.fromS("ORDER#")))
        .build();
  }

  @Benchmark
  public List<Order> query_monotable() {
    return orders.ordersOfUser(userId).page().items();
  }

  @Benchmark
  public List<OrderBean> query_enhanced() {
    return enhanced.query(beanQuery).iterator().next().items();
  }
}
