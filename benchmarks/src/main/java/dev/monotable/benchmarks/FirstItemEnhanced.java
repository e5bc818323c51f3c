package dev.monotable.benchmarks;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/** Cold start: a fresh JVM to its first item marshalled by the Enhanced Client's {@code fromBean}. */
public final class FirstItemEnhanced {
  private FirstItemEnhanced() {}

  public static void main(String[] args) {
    OrderBean bean = new OrderBean();
    bean.setPk("USER#user-42");
    bean.setSk("ORDER#2024-05-01T09:30:00.123000000Z#o-1001");
    bean.setType("Order");
    bean.setUserId("user-42");
    bean.setOrderId("o-1001");
    bean.setOrderDate(Instant.ofEpochSecond(1_714_555_800L, 123_000_000));
    bean.setStatus(Status.PAID);
    bean.setTotal(new BigDecimal("54.50"));
    List<OrderBean.LineBean> lines = new ArrayList<>();
    lines.add(line("BOOK-1", 1, "30.00"));
    lines.add(line("PEN-7", 5, "2.50"));
    lines.add(line("BAG-2", 1, "12.00"));
    bean.setLines(lines);
    System.out.println(TableSchema.fromBean(OrderBean.class).itemToMap(bean, true).size());
  }

  private static OrderBean.LineBean line(String sku, int quantity, String unitPrice) {
    OrderBean.LineBean line = new OrderBean.LineBean();
    line.setSku(sku);
    line.setQuantity(quantity);
    line.setUnitPrice(new BigDecimal(unitPrice));
    return line;
  }
}
