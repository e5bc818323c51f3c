package dev.monotable.docs.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.monotable.runtime.Change;
import dev.monotable.runtime.StreamReader;
import dev.monotable.testing.DynamoDbExtension;
import dev.monotable.testing.TestDynamoDb;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

@ExtendWith(DynamoDbExtension.class)
class StreamsTest {
  private static final Instant MAY_1 = Instant.parse("2024-05-01T09:30:00Z");

  @Test
  void changesOfTheTable_areTypedAndDispatched(DynamoDbClient client, TestDynamoDb dynamo) {
    AppDataTable table = AppDataTable.of(client, dynamo.uniqueTableName("AppData"));
    table.createIfNotExists();
    table.orders().put(new Order("ada", "o-1001", MAY_1, OrderStatus.PAID, new BigDecimal("12.5"), List.of()));
    List<String> statusChanges = new ArrayList<>();
    List<String> notifications = new ArrayList<>();

    // region poll
    try (DynamoDbStreamsClient streamsClient = dynamo.newStreamsClient()) {   // monotable-testing's, or your own
      StreamReader reader = table.changes().poll(streamsClient);             // TRIM_HORIZON; or poll(streams, LATEST)
      table.orders().update("ada", MAY_1, "o-1001").set(OrderFields.STATUS, OrderStatus.SHIPPED).execute();

      for (Change<?> change : table.changes().decode(reader.read())) {
        if (change instanceof Change.Modified<?> modified && modified.changed(OrderFields.STATUS)) {
          statusChanges.add(modified.toString());
        }
      }
      table.orders().delete("ada", MAY_1, "o-1001");
      table.changes().dispatch(reader.read(), new OrderEvents(notifications::add));
    }
    // endregion
    assertEquals(1, statusChanges.size());
    assertEquals(List.of("Order o-1001 deleted"), notifications);
  }
}
