package dev.monotable.benchmarks;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The order every benchmark maps: three lines, a timestamp in the sort key, two decimals. */
public final class Fixtures {
  private Fixtures() {}

  public static Order order() {
    return order("o-1001", Instant.parse("2024-05-01T09:30:00.123Z"));
  }

  public static Order order(String orderId, Instant orderDate) {
    List<Line> lines = List.of(new Line("BOOK-1", 1, new BigDecimal("30.00")),
        new Line("PEN-7", 5, new BigDecimal("2.50")), new Line("BAG-2", 1, new BigDecimal("12.00")));
    return new Order("user-42", orderId, orderDate, Status.PAID, new BigDecimal("54.50"), lines);
  }

  /** The same order as an Enhanced Client bean, its keys and type as Monotable writes them. */
  public static OrderBean bean(Order order) {
    OrderBean bean = new OrderBean();
    bean.setPk("USER#" + order.userId());
    bean.setSk("ORDER#" + HandWritten.keyTime(order.orderDate()) + "#" + order.orderId());
    bean.setType(HandWritten.TYPE);
    bean.setUserId(order.userId());
    bean.setOrderId(order.orderId());
    bean.setOrderDate(order.orderDate());
    bean.setStatus(order.status());
    bean.setTotal(order.total());
    List<OrderBean.LineBean> beanLines = new ArrayList<>();
    for (Line line : order.lines()) {
      OrderBean.LineBean beanLine = new OrderBean.LineBean();
      beanLine.setSku(line.sku());
      beanLine.setQuantity(line.quantity());
      beanLine.setUnitPrice(line.unitPrice());
      beanLines.add(beanLine);
    }
    bean.setLines(beanLines);
    return bean;
  }
}
