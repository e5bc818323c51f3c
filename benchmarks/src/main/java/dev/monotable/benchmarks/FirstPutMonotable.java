package dev.monotable.benchmarks;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Cold start: a fresh JVM to its first PutItem answered, through Monotable's generated repository. */
public final class FirstPutMonotable {
  private FirstPutMonotable() {}

  public static void main(String[] args) {
    Order order = new Order("user-42", "o-1001", Instant.ofEpochSecond(1_714_555_800L, 123_000_000), Status.PAID,
        new BigDecimal("54.50"), List.of(new Line("BOOK-1", 1, new BigDecimal("30.00")),
            new Line("PEN-7", 5, new BigDecimal("2.50")), new Line("BAG-2", 1, new BigDecimal("12.00"))));
    try (DynamoDbClient client = CannedClients.answeringPut()) {
      BenchTable.of(client).orders().put(order);
    }
    System.out.println("put");
  }
}
