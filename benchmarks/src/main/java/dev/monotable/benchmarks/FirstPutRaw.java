package dev.monotable.benchmarks;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/** Cold start: a fresh JVM to its first PutItem answered, raw client and hand-written mapping. */
public final class FirstPutRaw {
  private FirstPutRaw() {}

  public static void main(String[] args) {
    Order order = new Order("user-42", "o-1001", Instant.ofEpochSecond(1_714_555_800L, 123_000_000), Status.PAID,
        new BigDecimal("54.50"), List.of(new Line("BOOK-1", 1, new BigDecimal("30.00")),
            new Line("PEN-7", 5, new BigDecimal("2.50")), new Line("BAG-2", 1, new BigDecimal("12.00"))));
    try (DynamoDbClient client = CannedClients.answeringPut()) {
      client.putItem(PutItemRequest.builder().tableName("Bench").item(HandWritten.toItem(order)).build());
    }
    System.out.println("put");
  }
}
