package dev.monotable.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monotable.it.ranking.RankingTable;
import dev.monotable.it.ranking.Score;
import dev.monotable.it.shop.LogEntry;
import dev.monotable.it.shop.Order;
import dev.monotable.it.shop.OrderFields;
import dev.monotable.it.shop.OrderNote;
import dev.monotable.it.shop.OrderStatus;
import dev.monotable.it.shop.ShopTable;
import dev.monotable.it.shop.User;
import dev.monotable.runtime.InvalidCursorException;
import dev.monotable.runtime.Page;
import dev.monotable.runtime.Query;
import dev.monotable.testing.DynamoDbExtension;
import dev.monotable.testing.TestDynamoDb;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Query and scan builders are values: options and narrowings return new builders, terminals leave
 * the builder as it was, and a cursor is refused, before anything is sent, by a query whose sort-key
 * condition leaves its position out.
 */
@ExtendWith(DynamoDbExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryBuilderValueTest {
  private static final Instant DAY = Instant.parse("2024-05-01T00:00:00Z");
  private static final Instant THIRD = DAY.plusSeconds(86_400L * 3);
  private static final Instant SIXTH = DAY.plusSeconds(86_400L * 6);

  private final RequestCounter requests = new RequestCounter();
  private DynamoDbClient client;
  private ShopTable shop;
  private RankingTable ranking;
  private final List<Order> orders = new ArrayList<>();

  @BeforeAll
  void fill(TestDynamoDb dynamo) {
    client = dynamo.newClient(b -> b.overrideConfiguration(c -> c.addExecutionInterceptor(requests)));
    shop = ShopTable.of(client, dynamo.uniqueTableName("Shop"));
    shop.createIfNotExists();
    shop.users().put(new User("ada", "ada@example.com", "Ada", DAY));
    for (int day = 0; day < 10; day++) {
      Order order = new Order("ada", "o" + day, DAY.plusSeconds(86_400L * day),
          day % 2 == 0 ? OrderStatus.PAID : OrderStatus.SHIPPED, new BigDecimal(day * 10 + "." + day));
      orders.add(order);
      shop.orders().put(order);
    }
    shop.orderNotes().put(new OrderNote("ada", DAY, "o0", "n1", "inside the ORDER# territory"));
    for (int i = 0; i < 5; i++) {
      shop.logEntries().put(new LogEntry("main", DAY.plusMillis(i), i, "entry " + i));
    }

    ranking = RankingTable.of(client, dynamo.uniqueTableName("Ranking"));
    ranking.createIfNotExists();
    // points in numeric order -3 < 5 < 9 < 10 < 100 (as strings "10" < "100" < "5" < "9");
    // badges in unsigned order 01 < 7f < 80 < c0 < ff (as signed bytes 80 < c0 < ff < 01 < 7f)
    ranking.scores().put(new Score("main", "p1", -3, new byte[] {0x01}));
    ranking.scores().put(new Score("main", "p2", 5, new byte[] {0x7f}));
    ranking.scores().put(new Score("main", "p3", 9, new byte[] {(byte) 0x80}));
    ranking.scores().put(new Score("main", "p4", 10, new byte[] {(byte) 0xc0}));
    ranking.scores().put(new Score("main", "p5", 100, new byte[] {(byte) 0xff}));
  }

  @AfterAll
  void close() {
    client.close();
  }

  private static List<String> ids(List<Order> orders) {
    return orders.stream().map(Order::orderId).toList();
  }

  private static List<String> players(List<Score> scores) {
    return scores.stream().map(Score::player).toList();
  }

  private List<String> idsFrom(int day) {
    return ids(orders.subList(day, orders.size()));
  }

  // ---- terminals

  @Test
  void terminals_leaveTheBuilderAsItWas() {
    var query = shop.orders().ordersOfUser("ada");
    QueryRequest before = query.toRequest();
    assertNull(before.limit());

    assertEquals(Optional.of("o0"), query.first().map(Order::orderId));
    assertEquals(before, query.toRequest(), "first() reads one item without setting a limit on the builder");
    assertEquals(idsFrom(0), ids(query.list()), "after first(), list() still reads every order");

    assertEquals(idsFrom(0), ids(query.page().items()));
    assertEquals(10, query.count());
    assertEquals(Optional.of("o0"), query.stream().findFirst().map(Order::orderId));
    assertEquals(before, query.toRequest());
    assertEquals(idsFrom(0), ids(query.list()));
  }

  @Test
  void first_keepsALimitTheBuilderHas() {
    var two = shop.orders().ordersOfUser("ada").limit(2);
    assertEquals(Optional.of("o0"), two.first().map(Order::orderId));
    assertEquals(2, two.toRequest().limit());
    assertEquals(List.of("o0", "o1"), ids(two.list()));
  }

  // ---- options

  @Test
  void options_returnANewBuilder_andLeaveTheirSourceAsItWas() {
    var query = shop.orders().ordersOfUser("ada");
    QueryRequest before = query.toRequest();
    String cursor = query.limit(4).page().cursor().orElseThrow();

    var limited = query.limit(2);
    var descending = query.descending();
    var filtered = query.filter(OrderFields.STATUS.eq(OrderStatus.SHIPPED));
    var projected = query.project(OrderFields.ORDER_ID);
    var consistent = query.consistentRead();
    var continued = query.after(cursor);

    assertEquals(before, query.toRequest(), "no option changed the builder it was called on");
    assertEquals(idsFrom(0), ids(query.list()));

    assertEquals(2, limited.toRequest().limit());
    assertEquals(List.of("o0", "o1"), ids(limited.list()));
    assertFalse(descending.toRequest().scanIndexForward());
    assertEquals(List.of("o9", "o8"), ids(descending.limit(2).list()));
    assertEquals(List.of("o1", "o3", "o5", "o7", "o9"), ids(filtered.list()));
    assertNotEquals(before.filterExpression(), filtered.toRequest().filterExpression());
    assertEquals(null, projected.list().get(0).total(), "projected on the order id only");
    assertNull(before.projectionExpression());
    assertTrue(consistent.toRequest().consistentRead());
    assertNull(before.consistentRead());
    assertTrue(continued.toRequest().hasExclusiveStartKey());
    assertFalse(before.hasExclusiveStartKey());

    // options stack on a new builder each time, never on the one they were called on
    var shippedFirst = filtered.descending();
    assertEquals(List.of("o9", "o7", "o5", "o3", "o1"), ids(shippedFirst.list()));
    assertEquals(List.of("o1", "o3", "o5", "o7", "o9"), ids(filtered.list()));
    var both = filtered.filter(OrderFields.TOTAL.gt(new BigDecimal("40")));
    assertEquals(List.of("o5", "o7", "o9"), ids(both.list()));
    assertEquals(List.of("o1", "o3", "o5", "o7", "o9"), ids(filtered.list()));
  }

  @Test
  void aBuilderReusedForEveryPage_readsEachPageOnce() {
    var query = shop.logEntries().entriesOfStream("main").limit(2);
    List<Long> seen = new ArrayList<>();
    String cursor = null;
    do {
      Page<LogEntry> page = cursor == null ? query.page() : query.after(cursor).page();
      page.items().forEach(entry -> seen.add(entry.seq()));
      cursor = page.cursor().orElse(null);
    } while (cursor != null);
    assertEquals(List.of(0L, 1L, 2L, 3L, 4L), seen);
    assertFalse(query.toRequest().hasExclusiveStartKey());
  }

  // ---- narrowing

  @Test
  void narrowing_returnsANewBuilder_andLeavesItsParentAsItWas() {
    var all = shop.orders().ordersOfUser("ada");
    QueryRequest before = all.toRequest();
    var late = all.orderDate().greaterThan(SIXTH);
    var early = all.orderDate().lessThan(THIRD);
    var onTheThird = all.orderDate(THIRD);

    assertEquals(before, all.toRequest());
    assertEquals(idsFrom(0), ids(all.list()));
    assertEquals(List.of("o7", "o8", "o9"), ids(late.list()));
    assertEquals(List.of("o0", "o1", "o2"), ids(early.list()));
    assertEquals(List.of("o3"), ids(onTheThird.list()));

    // a stage narrowed two ways: each narrowing has its own condition
    QueryRequest third = onTheThird.toRequest();
    var exact = onTheThird.orderId("o3");
    var after = onTheThird.orderId().greaterThan("o3");
    assertEquals(List.of("o3"), ids(exact.list()));
    assertEquals(List.of(), ids(after.list()));
    assertEquals(third, onTheThird.toRequest());
    assertNotEquals(third.keyConditionExpression(), exact.toRequest().keyConditionExpression());

    // options set before narrowing are carried into the narrowed builder, and stay on the parent
    var newestFirst = all.descending().limit(2);
    assertEquals(List.of("o6", "o5"), ids(newestFirst.orderDate().atMost(SIXTH).list()));
    assertEquals(List.of("o9", "o8"), ids(newestFirst.list()));
  }

  @Test
  void narrowingARawSortKey_leavesItsParentAsItWas() {
    Instant fifth = DAY.plusSeconds(86_400L * 5);
    var paid = shop.orders().ordersByStatus(OrderStatus.PAID);
    var late = paid.orderDate().greaterThan(fifth);
    var early = paid.orderDate().atMost(fifth);
    assertEquals(List.of("o6", "o8"), ids(late.list()));
    assertEquals(List.of("o0", "o2", "o4"), ids(early.list()));
    assertEquals(List.of("o0", "o2", "o4", "o6", "o8"), ids(paid.list()));
  }

  // ---- scans

  @Test
  @SuppressWarnings("monotable.scan")
  void scanOptions_returnANewScan_andTerminalsLeaveItAsItWas() {
    var scan = shop.orders().scanAll();
    var shipped = scan.filter(OrderFields.STATUS.eq(OrderStatus.SHIPPED));
    var three = scan.limit(3);
    assertEquals(10, scan.list().size());
    assertEquals(10, scan.count());
    assertEquals(5, shipped.count());
    assertEquals(3, three.list().size());
    assertEquals(10, scan.list().size());

    var shippedAbove40 = shipped.filter(OrderFields.TOTAL.gt(new BigDecimal("40")));
    assertEquals(3, shippedAbove40.count());
    assertEquals(5, shipped.count());

    Page<Order> firstPage = scan.limit(4).page();
    var rest = scan.after(firstPage.cursor().orElseThrow());
    assertEquals(10, firstPage.items().size() + rest.list().size());
    assertEquals(10, scan.list().size(), "after() made a new scan");
  }

  // ---- cursors and narrowing

  /** Asserts that {@code refused} throws InvalidCursorException naming the pattern, and sends no request. */
  private InvalidCursorException assertRefused(String pattern, Executable refused) {
    int sent = requests.sent();
    InvalidCursorException e = assertThrows(InvalidCursorException.class, refused);
    assertTrue(e.getMessage().contains(pattern), e.getMessage());
    assertEquals(sent, requests.sent(), "nothing is sent for a refused cursor");
    return e;
  }

  /** Every terminal of {@code query}, and its request, refuse the cursor it carries. */
  private void assertEveryTerminalRefuses(String pattern, Query<?, ?> query) {
    assertRefused(pattern, query::toRequest);
    assertRefused(pattern, query::page);
    assertRefused(pattern, query::list);
    assertRefused(pattern, query::first);
    assertRefused(pattern, query::count);
    assertRefused(pattern, () -> query.stream().findFirst());
  }

  @Test
  void cursorOfTheWholePartition_outsideANarrowedRange_isRefusedBeforeSending_whicheverCallComesFirst() {
    Page<Order> firstPage = shop.orders().ordersOfUser("ada").limit(3).page();
    String cursor = firstPage.cursor().orElseThrow();

    InvalidCursorException e = assertRefused("Order.ordersOfUser",
        () -> shop.orders().ordersOfUser("ada").orderDate().greaterThan(SIXTH).after(cursor).page());
    assertTrue(e.getMessage().contains("outside") && e.getMessage().contains("ORDER#2024-05-02"),
        "names where the cursor points: " + e.getMessage());
    assertEveryTerminalRefuses("Order.ordersOfUser", shop.orders().ordersOfUser("ada").orderDate().greaterThan(SIXTH).after(cursor));
    assertEveryTerminalRefuses("Order.ordersOfUser", shop.orders().ordersOfUser("ada").after(cursor).orderDate().greaterThan(SIXTH));
    assertEveryTerminalRefuses("Order.ordersOfUser", shop.orders().ordersOfUser("ada").after(cursor).orderDate(SIXTH));
    assertEveryTerminalRefuses("Order.ordersOfUser", shop.orders().ordersOfUser("ada").after(cursor).orderDate(DAY).orderId("o0"));

    // inside the narrowed range the same cursor continues, in either order of the calls
    String lastRead = firstPage.items().get(firstPage.items().size() - 1).orderId();
    List<String> expected = idsFrom(Integer.parseInt(lastRead.substring(1)) + 1).stream()
        .filter(id -> Integer.parseInt(id.substring(1)) <= 6).toList();
    assertEquals(expected, ids(shop.orders().ordersOfUser("ada").orderDate().atMost(SIXTH).after(cursor).list()));
    assertEquals(expected, ids(shop.orders().ordersOfUser("ada").after(cursor).orderDate().atMost(SIXTH).list()));
  }

  @Test
  void cursorOfANarrowedQuery_continuesIt_andAReversedCursorOutsideIsRefused() {
    var late = shop.orders().ordersOfUser("ada").orderDate().greaterThan(THIRD).limit(2);
    String cursor = late.page().cursor().orElseThrow();
    assertEquals(List.of("o6", "o7", "o8", "o9"), ids(late.after(cursor).limit(10).list()));

    String newest = shop.orders().ordersOfUser("ada").descending().limit(2).page().cursor().orElseThrow();
    assertEveryTerminalRefuses("Order.ordersOfUser",
        shop.orders().ordersOfUser("ada").descending().orderDate().atMost(SIXTH).after(newest));
    assertEquals(List.of("o7", "o6"), ids(shop.orders().ordersOfUser("ada").descending().after(newest)
        .orderDate().atLeast(SIXTH).list()));
  }

  @Test
  void cursorOnAnIndex_isCheckedAgainstTheIndexSortKey() {
    Instant fifth = DAY.plusSeconds(86_400L * 5);
    String cursor = shop.orders().ordersByStatus(OrderStatus.PAID).limit(2).page().cursor().orElseThrow();
    assertEveryTerminalRefuses("Order.ordersByStatus",
        shop.orders().ordersByStatus(OrderStatus.PAID).after(cursor).orderDate().greaterThan(fifth));
    assertEquals(List.of("o4"), ids(shop.orders().ordersByStatus(OrderStatus.PAID).after(cursor).orderDate().atMost(fifth).list()));
  }

  @Test
  void numericSortKeys_areComparedAsNumbers() {
    String afterNine = ranking.scores().byPoints("main").limit(3).page().cursor().orElseThrow();
    var byPoints = ranking.scores().byPoints("main").after(afterNine);
    // as strings "9" > "100" and "9" >= "10": only a numeric comparison gets these right
    assertEquals(List.of("p4", "p5"), players(byPoints.points().atMost(100).list()));
    assertEquals(List.of("p4"), players(byPoints.points().between(-5, 50).list()));
    assertEquals(List.of(), players(byPoints.points(9).list()));
    assertEveryTerminalRefuses("Score.byPoints", byPoints.points().atLeast(10));
    assertEveryTerminalRefuses("Score.byPoints", byPoints.points().greaterThan(9));
    assertEveryTerminalRefuses("Score.byPoints", byPoints.points().lessThan(9));
    assertEquals(List.of("p4", "p5"), players(byPoints.list()), "the unnarrowed builder still continues");
  }

  @Test
  void binarySortKeys_areComparedAsUnsignedBytes() {
    String after7f = ranking.scores().byBadge("main").limit(2).page().cursor().orElseThrow();
    var byBadge = ranking.scores().byBadge("main").after(after7f);
    // as signed bytes 0x7f (127) is above 0xc0 (-64) and 0x80 (-128)
    assertEquals(List.of("p3", "p4"), players(byBadge.badge().atMost(new byte[] {(byte) 0xc0}).list()));
    assertEquals(List.of("p3", "p4", "p5"), players(byBadge.badge().between(new byte[] {0x00}, new byte[] {(byte) 0xff}).list()));
    assertEveryTerminalRefuses("Score.byBadge", byBadge.badge().atLeast(new byte[] {(byte) 0x80}));
    assertEveryTerminalRefuses("Score.byBadge", byBadge.badge().lessThan(new byte[] {0x7f}));
  }

  @Test
  void afterNull_isRefusedNamingTheProblem() {
    IllegalArgumentException query = assertThrows(IllegalArgumentException.class,
        () -> shop.orders().ordersOfUser("ada").after(null));
    assertTrue(query.getMessage().contains("null") && query.getMessage().contains("Order.ordersOfUser"), query.getMessage());
    IllegalArgumentException scan = assertThrows(IllegalArgumentException.class,
        () -> shop.orders().scanAll().after(null));
    assertTrue(scan.getMessage().contains("null") && scan.getMessage().contains("Order"), scan.getMessage());
  }
}
