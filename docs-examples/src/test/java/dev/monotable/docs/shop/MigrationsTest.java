package dev.monotable.docs.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.monotable.runtime.Migration;
import dev.monotable.testing.DynamoDbExtension;
import dev.monotable.testing.TestDynamoDb;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(DynamoDbExtension.class)
class MigrationsTest {
  private static final Instant MAY_1 = Instant.parse("2024-05-01T09:30:00Z");

  @Test
  void aBackfill_writesTheIndexKeysOfItemsWrittenBeforeTheIndex(TestDynamoDb dynamo) {
    AppDataTable table = AppDataTable.of(dynamo.client(), dynamo.uniqueTableName("AppData"));
    table.createIfNotExists();
    Order order = new Order("ada", "o-1", MAY_1, OrderStatus.NEW, BigDecimal.TEN, List.of());
    // the order as it was written before @IndexKey(index = "GSI1") was added: without GSI1PK/GSI1SK
    Map<String, AttributeValue> before = new HashMap<>(OrderSchema.INSTANCE.toItem(order));
    before.keySet().removeAll(List.of("GSI1PK", "GSI1SK"));
    dynamo.client().putItem(b -> b.tableName(table.tableName()).item(before));
    assertEquals(List.of(), table.orders().orderById("o-1").list());
    AtomicReference<String> saved = new AtomicReference<>();

    // region backfill
    Migration.Progress done = table.migrations().backfill(Order.class)
        .segments(4)                                       // a parallel scan
        .writeBudget(100)                                  // write units a second, as DynamoDB reports them
        .listener(progress -> saved.set(progress.checkpoint()))   // store it to resumeFrom(..) after a crash
        .run();
    // endregion

    assertEquals(new Migration.Progress(1, 1, 0, 0, null), done);
    assertEquals(List.of(order), table.orders().orderById("o-1").list());
    assertEquals(0, table.migrations().rekey(Order.class).run().updated(), "keys as designed: nothing to move");
  }
}
