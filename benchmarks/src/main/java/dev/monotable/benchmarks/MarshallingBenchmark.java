package dev.monotable.benchmarks;

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
 * One order with three lines, to and from a DynamoDB item, four ways: Monotable's generated
 * schema; the Enhanced Client's bean schema ({@code TableSchema.fromBean}, built once, as
 * applications do) and its hand-built {@code StaticTableSchema}; and the expert hand-written
 * mapping ({@link HandWritten}), whose item must equal Monotable's. CPU only, no DynamoDB. Run with
 * {@code -prof gc} for bytes per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(3)
public class MarshallingBenchmark {
  private static final TableSchema<OrderBean> BEAN = TableSchema.fromBean(OrderBean.class);

  private Order order;
  private OrderBean bean;
  private Map<String, AttributeValue> item;
  private Map<String, AttributeValue> beanItem;

  @Setup
  public void setUp() {
    order = Fixtures.order();
    bean = Fixtures.bean(order);
    item = OrderSchema.INSTANCE.toItem(order);
    beanItem = BEAN.itemToMap(bean, true);

    // the comparison is only fair if every contender does the same work
    Map<String, AttributeValue> handItem = HandWritten.toItem(order);
    if (!handItem.equals(item)) {
      throw new IllegalStateException("the hand-written item differs from Monotable's:\n" + handItem + "\n" + item);
    }
    if (!EnhancedStatic.ORDER.itemToMap(bean, true).equals(beanItem)) {
      throw new IllegalStateException("the static and bean Enhanced schemas write different items");
    }
    if (!OrderSchema.INSTANCE.fromItem(item).equals(order) || !HandWritten.fromItem(item).equals(order)) {
      throw new IllegalStateException("an order does not read back equal");
    }
    OrderBean read = EnhancedStatic.ORDER.mapToItem(beanItem);
    if (!read.getSk().equals(bean.getSk()) || read.getLines().size() != 3 || !BEAN.mapToItem(beanItem).getTotal()
        .equals(bean.getTotal())) {
      throw new IllegalStateException("the bean does not read back");
    }
  }

  @Benchmark
  public Map<String, AttributeValue> toItem_monotable() {
    return OrderSchema.INSTANCE.toItem(order);
  }

  @Benchmark
  public Map<String, AttributeValue> toItem_enhancedBean() {
    return BEAN.itemToMap(bean, true);
  }

  @Benchmark
  public Map<String, AttributeValue> toItem_enhancedStatic() {
    return EnhancedStatic.ORDER.itemToMap(bean, true);
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
  public OrderBean fromItem_enhancedBean() {
    return BEAN.mapToItem(beanItem);
  }

  @Benchmark
  public OrderBean fromItem_enhancedStatic() {
    return EnhancedStatic.ORDER.mapToItem(beanItem);
  }

  @Benchmark
  public Order fromItem_handWritten() {
    return HandWritten.fromItem(item);
  }
}
