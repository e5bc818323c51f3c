package dev.monotable.benchmarks;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Cold start: a fresh JVM to its first item marshalled by Monotable's generated schema. */
public final class FirstItemMonotable {
  private FirstItemMonotable() {}

  public static void main(String[] args) {
    Order order = new Order("user-42", "o-1001", Instant.ofEpochSecond(1_714_555_800L, 123_000_000), Status.PAID,
        new BigDecimal("54.50"), List.of(new Line("BOOK-1", 1, new BigDecimal("30.00")),
            new Line("PEN-7", 5, new BigDecimal("2.50")), new Line("BAG-2", 1, new BigDecimal("12.00"))));
    System.out.println(OrderSchema.INSTANCE.toItem(order).size());
  }
}
