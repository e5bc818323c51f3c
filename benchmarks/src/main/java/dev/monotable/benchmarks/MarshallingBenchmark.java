package dev.monotable.benchmarks;

import java.math.BigDecimal;
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
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One order with three lines, to and from a DynamoDB item: Monotable's generated schema, the
 * Enhanced Client's bean schema (built once, as applications do), and hand-written code. CPU only;
 * no DynamoDB.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class MarshallingBenchmark {
  private static final TableSchema<OrderBean> ENHANCED = TableSchema.fromBean(OrderBean.class);

  private Order order;
  private OrderBean bean;
  private Map<String, AttributeValue> item;
  private Map<String, AttributeValue> beanItem;

  @Setup
  public void setUp() {
    Instant date = Instant.parse("2024-05-01T09:30:00.123Z");
    List<Line> lines = List.of(new Line("BOOK-1", 1, new BigDecimal("30.00")),
        new Line("PEN-7", 5, new BigDecimal("2.50")), new Line("BAG-2", 1, new BigDecimal("12.00")));
    order = new Order("user-42", "o-1001", date, Status.PAID, new BigDecimal("54.50"), lines);

    bean = new OrderBean();
    bean.setPk("USER#user-42");
    bean.setSk("ORDER#2024-05-01T09:30:00.123Z#o-1001");
    bean.setType("Order");
    bean.setUserId(order.userId());
    bean.setOrderId(order.orderId());
    bean.setOrderDate(date);
    bean.setStatus(Status.PAID);
    bean.setTotal(order.total());
    List<OrderBean.LineBean> beanLines = new ArrayList<>();
    for (Line line : lines) {
      OrderBean.LineBean beanLine = new OrderBean.LineBean();
      beanLine.setSku(line.sku());
      beanLine.setQuantity(line.quantity());
      beanLine.setUnitPrice(line.unitPrice());
      beanLines.add(beanLine);
    }
    bean.setLines(beanLines);

    item = OrderSchema.INSTANCE.toItem(order);
    beanItem = ENHANCED.itemToMap(bean, true);
  }

  @Benchmark
  public Map<String, AttributeValue> toItem_monotable() {
    return OrderSchema.INSTANCE.toItem(order);
  }

  @Benchmark
  public Map<String, AttributeValue> toItem_enhancedClient() {
    return ENHANCED.itemToMap(bean, true);
  }

  @Benchmark
  public Map<String, AttributeValue> toItem_handWritten() {
    return HandWritten.toItem(order);
  }

  @Benchmark
  public Order fromItem_monotable() {
    return OrderSchema.INSTANCE.fromItem(item);
  }

  @Benchmark
  public OrderBean fromItem_enhancedClient() {
    return ENHANCED.mapToItem(beanItem);
  }

  @Benchmark
  public Order fromItem_handWritten() {
    return HandWritten.fromItem(item);
  }
}
