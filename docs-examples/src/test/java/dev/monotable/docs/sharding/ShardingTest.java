package dev.monotable.docs.sharding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.monotable.runtime.Page;
import dev.monotable.testing.DynamoDbExtension;
import dev.monotable.testing.TestDynamoDb;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(DynamoDbExtension.class)
class ShardingTest {
  private static final Instant MONDAY = Instant.parse("2024-05-06T00:00:00Z");

  @Test
  void aShardedIndex_readsBackAsOneInOrder(DynamoDbClient client, TestDynamoDb dynamo) {
    SalesTable table = SalesTable.of(client, dynamo.uniqueTableName("Sales"));
    table.createIfNotExists();
    List<Order> orders = IntStream.range(0, 40)
        .mapToObj(i -> new Order("o-" + i, i % 2 == 0 ? Status.PAID : Status.NEW,
            MONDAY.minus(Duration.ofDays(2)).plus(Duration.ofHours(3L * i)), BigDecimal.valueOf(i)))
        .toList();
    orders.forEach(table.orders()::put);
    Instant monday = MONDAY;

    // region query
    Page<Order> newest = table.orders().ordersByStatus(Status.PAID).orderDate().atLeast(monday).descending().limit(50).page();
    // endregion
    List<Order> expected = orders.stream()
        .filter(o -> o.status() == Status.PAID && !o.orderDate().isBefore(MONDAY))
        .sorted(Comparator.comparing(Order::orderDate).reversed())
        .toList();
    assertEquals(expected, newest.items());
    // region keys
    String shard3 = OrderKeys.byStatusPartitionKey(Status.PAID, 3);      // "STATUS#PAID#3"
    List<AttributeValue> everyShard = OrderKeys.byStatusPartitionKeys(Status.PAID);
    // endregion
    assertEquals("STATUS#PAID#3", shard3);
    assertEquals(8, everyShard.size());
    assertEquals(AttributeValue.fromS("STATUS#PAID#0"), everyShard.get(0));
  }

  @Test
  void aShardedTablePartition_isReadAsOne(DynamoDbClient client, TestDynamoDb dynamo) {
    VisitsTable visits = VisitsTable.of(client, dynamo.uniqueTableName("Visits"));
    visits.createIfNotExists();
    LocalDate day = LocalDate.of(2024, 5, 6);
    List<Visit> all = IntStream.range(0, 30)
        .mapToObj(i -> new Visit(day, MONDAY.plusSeconds(60L * i), "v-" + i))
        .toList();
    all.forEach(visits.visits()::put);

    assertEquals(all, visits.visits().visitsOfDay(day).list());
    assertEquals(all.get(7), visits.visits().get(day, all.get(7).at(), "v-7").orElseThrow());
  }
}
