package dev.monotable.benchmarks;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What a careful engineer writes by hand for the same item: the same keys and attributes as the
 * generated schema, with the delimiter check, but no error context.
 */
final class HandWritten {
  private static final DateTimeFormatter KEY_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private HandWritten() {}

  static Map<String, AttributeValue> toItem(Order order) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("PK", AttributeValue.fromS("USER#" + component(order.userId())));
    item.put("SK", AttributeValue.fromS("ORDER#" + KEY_TIME.format(order.orderDate()) + "#" + component(order.orderId())));
    item.put("_type", AttributeValue.fromS("Order"));
    item.put("userId", AttributeValue.fromS(order.userId()));
    item.put("orderId", AttributeValue.fromS(order.orderId()));
    item.put("orderDate", AttributeValue.fromS(order.orderDate().toString()));
    item.put("status", AttributeValue.fromS(order.status().name()));
    item.put("total", AttributeValue.fromN(order.total().toString()));
    List<AttributeValue> lines = new ArrayList<>(order.lines().size());
    for (Line line : order.lines()) {
      Map<String, AttributeValue> map = new HashMap<>();
      map.put("sku", AttributeValue.fromS(line.sku()));
      map.put("quantity", AttributeValue.fromN(Integer.toString(line.quantity())));
      map.put("unitPrice", AttributeValue.fromN(line.unitPrice().toString()));
      lines.add(AttributeValue.fromM(map));
    }
    item.put("lines", AttributeValue.fromL(lines));
    return item;
  }

  static Order fromItem(Map<String, AttributeValue> item) {
    List<Line> lines = new ArrayList<>();
    for (AttributeValue value : item.get("lines").l()) {
      Map<String, AttributeValue> map = value.m();
      lines.add(new Line(map.get("sku").s(), Integer.parseInt(map.get("quantity").n()),
          new BigDecimal(map.get("unitPrice").n())));
    }
    return new Order(item.get("userId").s(), item.get("orderId").s(), Instant.parse(item.get("orderDate").s()),
        Status.valueOf(item.get("status").s()), new BigDecimal(item.get("total").n()), lines);
  }

  private static String component(String value) {
    if (value == null || value.isEmpty() || value.contains("#")) {
      throw new IllegalArgumentException("bad key component: " + value);
    }
    return value;
  }
}
