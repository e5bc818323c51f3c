package dev.monotable.docs.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monotable.runtime.Page;
import dev.monotable.runtime.ParallelScan;
import dev.monotable.runtime.Read;
import dev.monotable.testing.DynamoDbExtension;
import dev.monotable.testing.TestDynamoDb;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@ExtendWith(DynamoDbExtension.class)
class QueriesTest {
  private static final Instant MAY_1 = Instant.parse("2024-05-01T09:30:00Z");
  private final AppDataTable table;
  private final Order may;
  private final Order june;
  private final Order july;

  QueriesTest(DynamoDbClient client, TestDynamoDb dynamo) {
    table = AppDataTable.of(client, dynamo.uniqueTableName("AppData"));
    table.createIfNotExists();
    may = order("o-1", MAY_1, OrderStatus.PAID, "120");
    june = order("o-2", MAY_1.plus(Duration.ofDays(31)), OrderStatus.SHIPPED, "15");
    july = order("o-3", MAY_1.plus(Duration.ofDays(61)), OrderStatus.PAID, "230");
    List.of(may, june, july).forEach(table.orders()::put);
    table.stores().put(new Store("acme", "US", "CA", "Fresno", "Acme Fresno"));
    table.stores().put(new Store("acme", "US", "CA", "Oakland", "Acme Oakland"));
    table.stores().put(new Store("acme", "US", "NV", "Reno", "Acme Reno"));
  }

  private static Order order(String id, Instant date, OrderStatus status, String total) {
    return new Order("ada", id, date, status, new BigDecimal(total), List.of());
  }

  @Test
  void narrowingFollowsTheSortKeyTemplate() {
    Instant lastMonth = MAY_1.plus(Duration.ofDays(40));
    Instant from = MAY_1.minus(Duration.ofDays(1));
    Instant to = MAY_1.plus(Duration.ofDays(90));
    // region queries
    // @SortKey("COUNTRY#<country>#STATE#<state>#CITY#<city>")
    List<Store> stores = table.stores().storesOfChain("acme").country("US").state("CA").city().between("A", "M").list();

    List<Order> latest = table.orders().ordersOfUser("ada").orderDate().atLeast(lastMonth).descending().limit(10).list();
    List<Order> paid = table.orders().ordersByStatus(OrderStatus.PAID).orderDate().between(from, to).list();
    Optional<Order> large = table.orders().ordersOfUser("ada")
        .filter(OrderFields.STATUS.eq(OrderStatus.PAID).and(OrderFields.TOTAL.ge(new BigDecimal("100"))))
        .project(OrderFields.ORDER_ID, OrderFields.TOTAL)
        .consistentRead()                    // only on table and local-index patterns: absent on GSI builders
        .first();
    // endregion
    assertEquals(List.of("Acme Fresno"), stores.stream().map(Store::name).toList());
    assertEquals(List.of(july), latest);
    assertEquals(List.of(may, july), paid);
    assertEquals(Optional.of("o-1"), large.map(Order::orderId));
    assertEquals(Optional.empty(), large.map(Order::status), "not projected, so read as absent");
  }

  @Test
  void pagesContinueFromTheirCursor() {
    // region paging
    Page<Order> first = table.orders().ordersOfUser("ada").limit(2).page();
    Optional<String> cursor = first.cursor();            // opaque, URL-safe; empty after the last page
    Page<Order> next = table.orders().ordersOfUser("ada").limit(2).after(cursor.orElseThrow()).page();
    // endregion
    assertEquals(List.of(may, june), first.items());
    assertEquals(List.of(july), next.items());
  }

  @Test
  @SuppressWarnings("monotable.scan")
  void readLevers() throws InterruptedException {
    // region read-levers
    Optional<Order> seen = table.orders().get("ada", MAY_1, "o-1", Read.consistent());   // sees every acknowledged write
    Optional<Order> status = table.orders().get("ada", MAY_1, "o-1", Read.projecting(OrderFields.STATUS));
    List<Optional<Order>> totals = table.orders().batchGet(
        List.of(new OrderRepository.Key("ada", MAY_1, "o-1")), Read.consistent().withProjection(OrderFields.TOTAL));
    List<Order> everyTotal = table.orders().scanAll().project(OrderFields.TOTAL).list();
    // endregion
    assertEquals(Optional.of(may), seen);
    assertEquals(Optional.of(OrderStatus.PAID), status.map(Order::status));
    assertEquals(Optional.empty(), status.map(Order::total));
    assertEquals(new BigDecimal("120"), totals.get(0).orElseThrow().total());
    assertEquals(3, everyTotal.size());

    Set<String> exported = ConcurrentHashMap.newKeySet();
    ExecutorService executor = Executors.newFixedThreadPool(4);
    try {
      // region parallel-scan
      ParallelScan<Order> scan = table.orders().scanAll().segments(4);        // Segment / TotalSegments
      List<Order> every = scan.list();                                         // 4 threads, gone when it returns
      scan.using(executor).forEach(order -> exported.add(order.orderId()));   // your executor; a thread-safe action
      Page<Order> page = scan.segment(2).limit(100).page();                    // one segment, its own cursors
      try (Stream<Order> orders = scan.parallelStream()) {                      // read ahead by 4 threads, bounded
        orders.filter(order -> order.status() == OrderStatus.PAID).limit(1000).forEach(order -> exported.add("paid"));
      }
      // endregion
      assertEquals(3, every.size());
      assertTrue(page.items().size() <= 3);
    } finally {
      executor.shutdown();
    }
    assertEquals(Set.of("o-1", "o-2", "o-3", "paid"), exported);
  }

  @Test
  void scanOfAnIndex() {
    // region scan-index
    List<Order> indexed = table.orders().scanIndex("GSI1").list();   // the orders in GSI1
    // endregion
    assertEquals(3, indexed.size());
  }
}
