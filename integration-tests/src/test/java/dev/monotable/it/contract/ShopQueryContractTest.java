package dev.monotable.it.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monotable.it.shop.Activity;
import dev.monotable.it.shop.LogEntry;
import dev.monotable.it.shop.LogEntryFields;
import dev.monotable.it.shop.Order;
import dev.monotable.it.shop.OrderFields;
import dev.monotable.it.shop.OrderItem;
import dev.monotable.it.shop.OrderNote;
import dev.monotable.it.shop.OrderStatus;
import dev.monotable.it.shop.Shipment;
import dev.monotable.it.shop.ShopTable;
import dev.monotable.it.shop.Store;
import dev.monotable.it.shop.User;
import dev.monotable.runtime.Condition;
import dev.monotable.runtime.InvalidCursorException;
import dev.monotable.runtime.InvalidKeyException;
import dev.monotable.runtime.Page;
import dev.monotable.testing.DynamoDbExtension;
import dev.monotable.testing.TestDynamoDb;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Every access pattern of the Shop design, its scans and its item collection, for both flavours, on
 * one table written once (AccessPatternTest, CursorContinuationTest): the table, a global index on a
 * template key, the KEYS_ONLY global index {@code ByStatus}, the local index; narrowing, direction,
 * limits, pages and cursors (a cursor of one flavour continues in the other), filters, projections.
 */
@ExtendWith(DynamoDbExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShopQueryContractTest {
  private static final Instant DAY = Instant.parse("2024-05-01T00:00:00Z");
  private static final int LOG_ENTRIES = 300;

  private TestDynamoDb dynamo;
  private String tableName;
  private final List<Order> orders = new ArrayList<>();

  @BeforeAll
  void fill(TestDynamoDb dynamo) {
    this.dynamo = dynamo;
    tableName = dynamo.uniqueTableName("Shop");
    ShopOps shop = Flavour.SYNC.shop(dynamo, tableName);
    shop.createIfNotExists();
    shop.users().put(new User("ada", "ada@example.com", "Ada", DAY));
    for (int day = 0; day < 10; day++) {
      Order order = new Order("ada", "o" + day, DAY.plusSeconds(86_400L * day),
          day % 2 == 0 ? OrderStatus.PAID : OrderStatus.SHIPPED, new BigDecimal(day * 10 + "." + day));
      orders.add(order);
    }
    shop.orders().batchPut(orders);
    shop.orders().put(new Order("bob", "b1", DAY, OrderStatus.PAID, BigDecimal.ONE));
    shop.orderNotes().put(new OrderNote("ada", DAY, "o0", "n1", "gift wrap"));
    for (int lineNo : List.of(-20, -3, -2, -1, 0, 1, 2, 3, 10, 100)) {
      shop.orderItems().put(new OrderItem("o0", lineNo, "SKU-" + Math.abs(lineNo % 3), 1));
    }
    String payload = "x".repeat(8_000);
    shop.logEntries().batchPut(IntStream.range(0, LOG_ENTRIES)
        .mapToObj(i -> new LogEntry("main", DAY.plusMillis(i), i, payload)).toList());
    shop.logEntries().put(new LogEntry("other", DAY, 0, "elsewhere"));
    for (String[] place : new String[][] {
        {"US", "CA", "Fresno"}, {"US", "CA", "Los Angeles"}, {"US", "CA", "Oakland"}, {"US", "CA", "San Diego"},
        {"US", "NY", "Albany"}, {"DE", "BY", "Munich"}, {"US", "CA", "Modesto"}}) {
      for (Store.Grade grade : Store.Grade.values()) {
        shop.stores().put(new Store("acme", place[0], place[1], place[2], grade));
      }
    }
    shop.shipments().put(new Shipment("s1", "UPS", "EU"));
    shop.shipments().put(new Shipment("s2", "UPS", "EU"));
    shop.shipments().put(new Shipment("s3", "UPS", "US"));
    for (int i = 0; i < 5; i++) {
      // three activities in one millisecond: the instant keeps its nanoseconds
      shop.activities().put(new Activity("ada", DAY.plusNanos(i * 1000L), "click-" + i, Map.of("n", "" + i), null));
    }
  }

  private static List<String> cities(List<Store> stores) {
    return stores.stream().map(Store::city).distinct().toList();
  }

  private ShopOps shop(Flavour flavour) {
    return flavour.shop(dynamo, tableName);
  }

  private static List<String> ids(List<Order> orders) {
    return orders.stream().map(Order::orderId).toList();
  }

  private static List<Integer> lines(List<OrderItem> items) {
    return items.stream().map(OrderItem::getLineNo).toList();
  }

  private static List<Long> seqs(List<LogEntry> entries) {
    return entries.stream().map(LogEntry::seq).toList();
  }

  private List<String> allIds() {
    return ids(orders);
  }

  @ContractTest
  void tablePattern_readsOnlyItsEntity_inSortKeyOrder_withFirstCountDescendingAndLimit(Flavour flavour) {
    ShopOps shop = shop(flavour);
    assertEquals(allIds(), ids(shop.ordersOfUser("ada").list()), "not the profile, not the note in ORDER#");
    assertEquals(List.of("o9", "o8", "o7"), ids(shop.ordersOfUser("ada").descending().limit(3).list()));
    assertEquals(Optional.of("o0"), shop.ordersOfUser("ada").first().map(Order::orderId));
    assertEquals(Optional.of("o9"), shop.ordersOfUser("ada").descending().first().map(Order::orderId));
    assertEquals(10, shop.ordersOfUser("ada").count());
    assertEquals(List.of("b1"), ids(shop.ordersOfUser("bob").list()));
    assertEquals(List.of(), shop.ordersOfUser("nobody").list());
    assertEquals(Optional.empty(), shop.ordersOfUser("nobody").first());
    assertEquals(0, shop.ordersOfUser("nobody").count());
  }

  @ContractTest
  void narrowingAnInstantComponent_everyOperator(Flavour flavour) {
    ShopOps shop = shop(flavour);
    Instant third = DAY.plusSeconds(86_400L * 3);
    Instant sixth = DAY.plusSeconds(86_400L * 6);
    assertEquals(List.of("o0", "o1", "o2"), ids(shop.ordersOfUserByOrderDate("ada").lessThan(third).list()));
    assertEquals(List.of("o0", "o1", "o2", "o3"), ids(shop.ordersOfUserByOrderDate("ada").atMost(third).list()));
    assertEquals(List.of("o7", "o8", "o9"), ids(shop.ordersOfUserByOrderDate("ada").greaterThan(sixth).list()));
    assertEquals(List.of("o6", "o7", "o8", "o9"), ids(shop.ordersOfUserByOrderDate("ada").atLeast(sixth).list()));
    assertEquals(List.of("o3", "o4", "o5", "o6"),
        ids(shop.ordersOfUserByOrderDate("ada").between(third, sixth).list()));
    assertEquals(List.of("o6", "o5", "o4", "o3"),
        ids(shop.ordersOfUserByOrderDate("ada").between(third, sixth).descending().list()));
    assertEquals(4, shop.ordersOfUserByOrderDate("ada").between(third, sixth).count());
  }

  @ContractTest
  void narrowingAStringComponentAfterAFixedDate_beginsWithAndRanges(Flavour flavour) {
    ShopOps shop = shop(flavour);
    Instant third = DAY.plusSeconds(86_400L * 3);
    assertEquals(List.of("o3"), ids(shop.ordersOfUserOnDateByOrderId("ada", third).beginsWith("o").list()));
    assertEquals(List.of("o3"), ids(shop.ordersOfUserOnDateByOrderId("ada", third).between("o0", "o9").list()));
    assertEquals(List.of(), shop.ordersOfUserOnDateByOrderId("ada", third).greaterThan("o3").list());
    assertEquals(List.of(), shop.ordersOfUserOnDateByOrderId("ada", third).lessThan("o3").list());
  }

  @ContractTest
  void intComponent_withNegatives_inOrderAndNarrowed(Flavour flavour) {
    ShopOps shop = shop(flavour);
    assertEquals(List.of(-20, -3, -2, -1, 0, 1, 2, 3, 10, 100), lines(shop.itemsOfOrder("o0").list()));
    assertEquals(List.of(100, 10, 3, 2), lines(shop.itemsOfOrder("o0").descending().limit(4).list()));
  }

  @ContractTest
  void globalIndexOnATemplateKey_findsTheItem(Flavour flavour) {
    ShopOps shop = shop(flavour);
    assertEquals(Optional.of(orders.get(4)), shop.orderById("o4").first());
    assertEquals(List.of(-1, 1, 10, 100), lines(shop.ordersOfProduct("SKU-1").list()));
    assertEquals(List.of(-20, -2, 2), lines(shop.ordersOfProduct("SKU-2").list()));
    assertEquals(3, shop.ordersOfProduct("SKU-2").count());
    assertEquals(List.of(), shop.orderById("none").list());
  }

  @ContractTest
  void keysOnlyGlobalIndex_fetchesWholeItems_narrowedByDate_andRefusesAFilter(Flavour flavour) {
    ShopOps shop = shop(flavour);
    List<Order> paid = shop.ordersByStatus(OrderStatus.PAID).list();
    assertEquals(Set.of("b1", "o0"), Set.copyOf(ids(paid).subList(0, 2)), "they share the index sort key");
    assertEquals(List.of("o2", "o4", "o6", "o8"), ids(paid).subList(2, 6));
    assertEquals(orders.get(8), paid.get(5), "KEYS_ONLY index: the whole item was fetched");
    Instant fifth = DAY.plusSeconds(86_400L * 5);
    assertEquals(List.of("o1", "o3", "o5"), ids(shop.ordersByStatusByOrderDate(OrderStatus.SHIPPED).atMost(fifth).list()));
    assertEquals(List.of("o8", "o6"),
        ids(shop.ordersByStatusByOrderDate(OrderStatus.PAID).greaterThan(fifth).descending().list()));
    assertEquals(5, shop.ordersByStatus(OrderStatus.SHIPPED).count());
    assertEquals(Optional.of("o9"), shop.ordersByStatus(OrderStatus.SHIPPED).descending().first().map(Order::orderId));
    assertThrows(IllegalStateException.class,
        () -> shop.ordersByStatus(OrderStatus.PAID).filter(OrderFields.TOTAL.gt(BigDecimal.ONE)),
        "a KEYS_ONLY index does not hold the filtered attributes");
  }

  @ContractTest
  void keysOnlyGlobalIndex_pagesWithCursors_fetchingWholeItems(Flavour flavour) {
    ShopOps shop = shop(flavour);
    Page<Order> first = shop.ordersByStatus(OrderStatus.SHIPPED).limit(2).page();
    assertEquals(List.of("o1", "o3"), ids(first.items()));
    Page<Order> second = shop.ordersByStatus(OrderStatus.SHIPPED).limit(2).after(first.cursor().orElseThrow()).page();
    assertEquals(List.of(orders.get(5), orders.get(7)), second.items());
  }

  @ContractTest
  void localIndexOnADecimalTemplate_narrowsAndReadsConsistently(Flavour flavour) {
    ShopOps shop = shop(flavour);
    assertEquals(List.of("o5", "o6", "o7", "o8", "o9"),
        ids(shop.ordersByTotalByTotal("ada").greaterThan(new BigDecimal("50")).consistentRead().list()));
    assertEquals(List.of("o0", "o1"), ids(shop.ordersByTotalByTotal("ada").lessThan(new BigDecimal("20")).list()));
    assertEquals(List.of("o9", "o8"), ids(shop.ordersByTotal("ada").descending().limit(2).list()));
    assertEquals(10, shop.ordersByTotal("ada").count());
  }

  @ContractTest
  void filters_useTypedPaths_andCountFilters(Flavour flavour) {
    ShopOps shop = shop(flavour);
    assertEquals(List.of("o4", "o6", "o8"), ids(shop.ordersOfUser("ada")
        .filter(OrderFields.STATUS.eq(OrderStatus.PAID).and(OrderFields.TOTAL.ge(new BigDecimal("40")))).list()));
    assertEquals(List.of("o0", "o9"), ids(shop.ordersOfUser("ada")
        .filter(OrderFields.TOTAL.lt(new BigDecimal("1")).or(OrderFields.TOTAL.gt(new BigDecimal("90")))).list()));
    assertEquals(8, shop.ordersOfUser("ada").filter(Condition.not(OrderFields.ORDER_ID.in("o0", "o1"))).count());
    assertEquals(List.of("o7"), ids(shop.ordersOfUser("ada").descending()
        .filter(OrderFields.ORDER_ID.beginsWith("o7")).list()));
    assertEquals(Optional.of("o2"), shop.ordersOfUser("ada")
        .filter(OrderFields.TOTAL.between(new BigDecimal("20"), new BigDecimal("39"))).first().map(Order::orderId));
  }

  @ContractTest
  void projection_readsOnlyThePathsAskedFor_andKeyFieldsAlways(Flavour flavour) {
    ShopOps shop = shop(flavour);
    List<Order> slim = shop.ordersOfUser("ada").project(OrderFields.ORDER_ID, OrderFields.STATUS).limit(2).list();
    assertEquals(List.of("o0", "o1"), ids(slim));
    assertEquals(OrderStatus.PAID, slim.get(0).status());
    assertEquals(null, slim.get(0).total(), "not projected");
    assertEquals(DAY, slim.get(0).orderDate(), "a key field is always read");
  }

  @ContractTest
  void aLargePartition_isReadAcross1MbPages_eachItemOnce_byListStreamAndPage(Flavour flavour) {
    ShopOps shop = shop(flavour);
    List<Long> all = IntStream.range(0, LOG_ENTRIES).mapToObj(i -> (long) i).toList();
    assertEquals(all, seqs(shop.entriesOfStream("main").list()));
    assertEquals(all, seqs(shop.entriesOfStream("main").streamed()), "stream() / publisher()");
    assertEquals(LOG_ENTRIES, shop.entriesOfStream("main").count());
    Page<LogEntry> first = shop.entriesOfStream("main").page();
    assertTrue(first.items().size() < LOG_ENTRIES && first.cursor().isPresent(),
        "a 1 MB page holds about 125 entries of 8 KB, got " + first.items().size());
  }

  @ContractTest
  void pagesWithALimitAndCursors_seeEveryItemExactlyOnce_inOrder(Flavour flavour) {
    ShopOps shop = shop(flavour);
    List<Long> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      QueryOps<LogEntry> query = shop.entriesOfStream("main").limit(37);
      Page<LogEntry> page = cursor == null ? query.page() : query.after(cursor).page();
      assertTrue(page.items().size() <= 37);
      seen.addAll(seqs(page.items()));
      cursor = page.cursor().orElse(null);
      pages++;
    } while (cursor != null);
    assertEquals(IntStream.range(0, LOG_ENTRIES).mapToObj(i -> (long) i).toList(), seen);
    assertTrue(pages >= LOG_ENTRIES / 37, "pages: " + pages);
  }

  @ContractTest
  void aCursorOfOneFlavour_continuesInTheOther_bothDirections(Flavour flavour) {
    ShopOps shop = shop(flavour);
    ShopOps other = shop(flavour.other());
    String forward = shop.entriesOfStream("main").limit(5).page().cursor().orElseThrow();
    assertEquals(List.of(5L, 6L, 7L), seqs(other.entriesOfStream("main").limit(3).after(forward).page().items()));
    String back = other.entriesOfStream("main").descending().limit(5).page().cursor().orElseThrow();
    assertEquals(List.of(294L, 293L), seqs(shop.entriesOfStream("main").descending().limit(2).after(back).list()));
    assertEquals(LOG_ENTRIES - 5, shop.entriesOfStream("main").after(forward).count());

    // DynamoDB counts the OrderNote (inside ORDER#) against the limit: the page may hold fewer orders
    Page<Order> firstOrders = other.ordersOfUser("ada").limit(4).page();
    int read = firstOrders.items().size();
    assertEquals(allIds().subList(0, read), ids(firstOrders.items()));
    String orderCursor = firstOrders.cursor().orElseThrow();
    assertEquals(allIds().subList(read, read + 2), ids(shop.ordersOfUser("ada").after(orderCursor).limit(2).list()));
    Page<Order> rest = shop.ordersOfUser("ada").after(orderCursor).page();
    assertEquals(allIds().subList(read, 10), ids(rest.items()));
  }

  @ContractTest
  void aCursorOfAnotherPatternPartitionOrDirection_orAltered_isInvalidCursor(Flavour flavour) {
    ShopOps shop = shop(flavour);
    String cursor = shop.entriesOfStream("main").limit(5).page().cursor().orElseThrow();
    assertTrue(cursor.matches("[A-Za-z0-9_-]+"), "URL-safe: " + cursor);
    InvalidCursorException otherPattern = assertThrows(InvalidCursorException.class,
        () -> shop.ordersOfUser("ada").after(cursor).list());
    assertTrue(otherPattern.getMessage().contains("LogEntry.entriesOfStream"), otherPattern.getMessage());
    assertThrows(InvalidCursorException.class, () -> shop.entriesOfStream("other").after(cursor).page());
    assertThrows(InvalidCursorException.class, () -> shop.entriesOfStream("main").descending().after(cursor).count());
    char[] altered = cursor.toCharArray();
    altered[altered.length / 2] = altered[altered.length / 2] == 'A' ? 'B' : 'A';
    assertThrows(InvalidCursorException.class,
        () -> shop.entriesOfStream("main").after(new String(altered)).first());
    assertThrows(InvalidCursorException.class, () -> shop.entriesOfStream("main").after("not a cursor!").list());
    String scanCursor = shop.logEntries().scanAll().limit(3).page().cursor().orElseThrow();
    assertThrows(InvalidCursorException.class, () -> shop.entriesOfStream("main").after(scanCursor).page());
  }

  @ContractTest
  void aLimitOf0_aNegativeScanLimit_0Segments_andANullKeyField_areRefused(Flavour flavour) {
    ShopOps shop = shop(flavour);
    assertThrows(IllegalArgumentException.class, () -> shop.ordersOfUser("ada").limit(0));
    assertThrows(IllegalArgumentException.class, () -> shop.orders().scanAll().limit(-1));
    assertThrows(IllegalArgumentException.class, () -> shop.orders().scanAll().segments(0));
    assertThrows(InvalidKeyException.class, () -> shop.ordersByStatus(null));
  }

  @ContractTest
  void scanAll_readsOneEntityType_pagedWithCursorsFilteredAndCounted(Flavour flavour) {
    ShopOps shop = shop(flavour);
    assertEquals(List.of("ada"), shop.users().scanAll().list().stream().map(User::id).toList());
    assertEquals(11, shop.orders().scanAll().list().size());
    assertEquals(11, shop.orders().scanAll().streamed().size(), "stream() / publisher()");
    assertEquals(5, shop.orders().scanAll().filter(OrderFields.STATUS.eq(OrderStatus.SHIPPED)).count());
    assertEquals(11, shop.orders().scanAll().consistentRead().count());

    Set<Long> seen = new HashSet<>();
    String cursor = null;
    int pages = 0;
    do {
      ScanOps<LogEntry> scan = shop.logEntries().scanAll().limit(60).filter(LogEntryFields.STREAM.eq("main"));
      Page<LogEntry> page = cursor == null ? scan.page() : scan.after(cursor).page();
      page.items().forEach(entry -> assertTrue(seen.add(entry.seq()), "seen twice: " + entry.seq()));
      cursor = page.cursor().orElse(null);
      pages++;
    } while (cursor != null);
    assertEquals(LOG_ENTRIES, seen.size());
    assertTrue(pages > 5, "pages: " + pages);
  }

  @ContractTest
  void aScanCursorOfOneFlavour_continuesInTheOther(Flavour flavour) {
    ShopOps shop = shop(flavour);
    ShopOps other = shop(flavour.other());
    Page<Order> first = shop.orders().scanAll().limit(4).page();
    List<Order> rest = other.orders().scanAll().after(first.cursor().orElseThrow()).list();
    Set<String> all = new HashSet<>(ids(first.items()));
    all.addAll(ids(rest));
    assertEquals(11, first.items().size() + rest.size());
    assertEquals(11, all.size());
  }

  @ContractTest
  void parallelScan_ofThreeSegments_readsEveryItemOnce_listForEachAndEachSegment(Flavour flavour) {
    ShopOps shop = shop(flavour);
    ScanOps.ParallelOps<LogEntry> parallel = shop.logEntries().scanAll().segments(3);
    assertEquals(3, parallel.totalSegments());
    Set<Long> expected = new HashSet<>(IntStream.range(0, LOG_ENTRIES).mapToObj(i -> (long) i).toList());
    List<LogEntry> listed = parallel.list();
    assertEquals(LOG_ENTRIES + 1, listed.size(), "and the entry of stream other");
    assertEquals(LOG_ENTRIES + 1, parallel.forEach().size());
    List<LogEntry> bySegment = new ArrayList<>();
    for (int segment = 0; segment < 3; segment++) {
      bySegment.addAll(parallel.segment(segment).list());
    }
    assertEquals(LOG_ENTRIES + 1, bySegment.size());
    Set<Long> main = new HashSet<>();
    bySegment.stream().filter(e -> e.stream().equals("main")).forEach(e -> main.add(e.seq()));
    assertEquals(expected, main);
    assertEquals(List.of("ada"), shop.users().scanAll().segments(4).list().stream().map(User::id).toList());
  }

  @ContractTest
  void itemCollection_readsEveryMember_andSkipsOtherTypes(Flavour flavour) {
    ShopOps shop = shop(flavour);
    ShopTable.Customer ada = shop.readCustomer("ada");
    assertEquals(Optional.of("Ada"), ada.user().map(User::name));
    assertEquals(allIds(), ids(ada.orders()), "the OrderNote in the partition is not a member");
    assertEquals(orders.get(5), ada.orders().get(5));
    ShopTable.Customer nobody = shop.readCustomer("nobody");
    assertEquals(Optional.empty(), nobody.user());
    assertEquals(List.of(), nobody.orders());
    assertThrows(InvalidKeyException.class, () -> shop.readCustomer("ada#ORDER"));
  }

  @ContractTest
  void itemCollection_pagesWithCursors_coverTheCollection_acrossFlavours(Flavour flavour) {
    ShopOps shop = shop(flavour);
    ShopOps other = shop(flavour.other());
    List<Order> paged = new ArrayList<>();
    Optional<User> user = Optional.empty();
    String cursor = null;
    int pages = 0;
    do {
      // the pages alternate between the flavours: each continues the other's cursor
      ShopTable.CustomerPage page = (pages % 2 == 0 ? shop : other).customerPage("ada", 3, cursor);
      paged.addAll(page.orders());
      if (page.user().isPresent()) {
        user = page.user();
      }
      cursor = page.cursor().orElse(null);
      pages++;
    } while (cursor != null);
    assertEquals(allIds(), ids(paged));
    assertEquals("Ada", user.orElseThrow().name());
    assertTrue(pages >= 4, "12 items, 3 a page: " + pages);
  }

  @ContractTest
  void itemCollection_narrowedMemberQueries_readOneMemberType(Flavour flavour) {
    ShopOps shop = shop(flavour);
    assertEquals(allIds(), ids(shop.customerOrders("ada").list()));
    assertEquals(List.of("o9", "o8"), ids(shop.customerOrders("ada").descending().limit(2).list()));
    assertEquals(10, shop.customerOrders("ada").consistentRead().count());
    assertEquals(Optional.of("ada@example.com"), shop.customerUser("ada").first().map(User::email));
    assertEquals(List.of(), shop.customerUser("bob").list());
    Page<Order> first = shop.customerOrders("ada").limit(6).page();
    int read = first.items().size();
    assertEquals(allIds().subList(0, read), ids(first.items()));
    assertEquals(allIds().subList(read, 10),
        ids(shop(flavour.other()).customerOrders("ada").after(first.cursor().orElseThrow()).list()));
  }

  @ContractTest
  void bothFlavoursAnswerEveryTerminalAlike(Flavour flavour) {
    ShopOps shop = shop(flavour);
    ShopOps other = shop(flavour.other());
    List<BiFunction<ShopOps, Integer, Object>> reads = List.of(
        (s, n) -> s.ordersOfUser("ada").limit(n).page().items(),
        (s, n) -> s.ordersByStatus(OrderStatus.PAID).limit(n).list(),
        (s, n) -> s.ordersByTotal("ada").descending().limit(n).list(),
        (s, n) -> s.orders().scanAll().limit(n).page().items(),
        (s, n) -> s.itemsOfOrder("o0").descending().limit(n).first().map(OrderItem::getLineNo),
        (s, n) -> s.customerPage("ada", n, null).orders(),
        (s, n) -> s.ordersOfUser("ada").limit(n).streamed(),
        (s, n) -> s.ordersOfUser("ada").descending().limit(n).streamed(),
        (s, n) -> s.ordersByStatus(OrderStatus.SHIPPED).limit(n).streamed(),
        (s, n) -> s.orders().scanAll().limit(n).streamed(),
        (s, n) -> s.entriesOfStream("main").limit(n * 50).streamed().size(),
        (s, n) -> s.ordersOfUser("ada").limit(n).count(),
        (s, n) -> s.orders().scanAll().limit(n).count());
    for (int n : new int[] {1, 3, 7}) {
      for (BiFunction<ShopOps, Integer, Object> read : reads) {
        assertEquals(read.apply(other, n), read.apply(shop, n), "limit " + n);
      }
    }
  }

  @ContractTest
  void aScanOfTheKeysOnlyIndex_fetchesWholeItems_andCountsThem(Flavour flavour) {
    ShopOps shop = shop(flavour);
    List<Order> scanned = shop.scanOrdersIndex("ByStatus").list();
    assertEquals(11, scanned.size());
    assertTrue(scanned.contains(orders.get(3)), "whole items: " + scanned);
    assertEquals(11, shop.scanOrdersIndex("ByStatus").count());
    assertEquals(11, shop.scanOrdersIndex("LSI1").count());
    assertEquals(11, shop.scanOrdersIndex("ByStatus").streamed().size());
  }

  @ContractTest
  void anExclusiveBoundOnTheLastTemplateField_leavesThatItemOut_ofListAndCount(Flavour flavour) {
    ShopOps shop = shop(flavour);
    assertEquals(List.of(3, 10, 100), lines(shop.itemsOfOrderByLineNo("o0").greaterThan(2).list()));
    assertEquals(3, shop.itemsOfOrderByLineNo("o0").greaterThan(2).count());
    assertEquals(List.of(-20, -3, -2), lines(shop.itemsOfOrderByLineNo("o0").lessThan(-1).list()));
    assertEquals(3, shop.itemsOfOrderByLineNo("o0").lessThan(-1).count());
    assertEquals(List.of("o6", "o7", "o8", "o9"),
        ids(shop.ordersByTotalByTotal("ada").greaterThan(new BigDecimal("50.5")).list()));
    assertEquals(4, shop.ordersByTotalByTotal("ada").greaterThan(new BigDecimal("50.5")).count());
  }

  @ContractTest
  void readingTheFirstItemsLazily_sendsOnlyTheQueriesTheyNeed(Flavour flavour) {
    AtomicInteger queries = new AtomicInteger();
    List<SdkAutoCloseable> clients = new ArrayList<>();
    try {
      ShopOps shop = flavour.shop(dynamo, tableName, new ExecutionInterceptor() {
        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
          queries.incrementAndGet();
        }
      }, clients::add);
      assertEquals(List.of(0L, 1L, 2L), seqs(shop.entriesOfStream("main").streamedFirst(3)));
      assertEquals(1, queries.get(), "one page of about 125 entries holds the first three");
      assertEquals(Set.of("b1", "o0"), Set.copyOf(ids(shop.ordersByStatus(OrderStatus.PAID).streamedFirst(2))),
          "a KEYS_ONLY index read lazily: whole items");
      queries.set(0);
      List<LogEntry> across = shop.entriesOfStream("main").streamedFirst(200);
      assertEquals(200, across.size());
      assertEquals(2, queries.get(), "200 entries of 8 KB: two 1 MB pages");
      assertEquals(List.of(299L, 298L), seqs(shop.entriesOfStream("main").descending().streamedFirst(2)));
    } finally {
      clients.forEach(SdkAutoCloseable::close);
    }
  }

  @ContractTest
  void hierarchicalSortKey_narrowsCountryThenStateThenACityRange_andAnEnumGrade(Flavour flavour) {
    ShopOps shop = shop(flavour);
    assertEquals(21, shop.storesOfChain("acme").count());
    assertEquals(List.of("Munich", "Fresno", "Los Angeles", "Modesto", "Oakland", "San Diego", "Albany"),
        cities(shop.storesOfChain("acme").list()));
    assertEquals(List.of("Fresno", "Los Angeles"),
        cities(shop.storesOfChainInStateByCity("acme", "US", "CA").between("A", "M").list()));
    assertEquals(List.of("Modesto", "Oakland", "San Diego"),
        cities(shop.storesOfChainInStateByCity("acme", "US", "CA").atLeast("M").list()));
    assertEquals(List.of("Oakland", "San Diego"),
        cities(shop.storesOfChainInStateByCity("acme", "US", "CA").greaterThan("Modesto").list()));
    assertEquals(6, shop.storesOfChainInStateByCity("acme", "US", "CA").greaterThan("Modesto").count());
    assertEquals(List.of("Modesto"), cities(shop.storesOfChainInStateByCity("acme", "US", "CA").beginsWith("Mo").list()));
    assertEquals(List.of(Store.Grade.GOLD, Store.Grade.SILVER), shop.storesOfChainInCityByGrade("acme", "DE", "BY",
        "Munich").greaterThan(Store.Grade.BRONZE).list().stream().map(Store::grade).toList());
    assertEquals(List.of(Store.Grade.SILVER, Store.Grade.GOLD), shop.storesOfChainInCityByGrade("acme", "DE", "BY",
        "Munich").greaterThan(Store.Grade.BRONZE).descending().list().stream().map(Store::grade).toList());
  }

  @ContractTest
  void globalIndexOnTwoFields_andAnInstantKeyWithNanoseconds(Flavour flavour) {
    ShopOps shop = shop(flavour);
    assertEquals(List.of("s1", "s2"), shop.shipmentsOfCarrier("UPS", "EU").list().stream().map(Shipment::id).toList());
    assertEquals(1, shop.shipmentsOfCarrier("UPS", "US").count());
    assertEquals(List.of(), shop.shipmentsOfCarrier("DHL", "EU").list());
    assertEquals(5, shop.activitiesOfUser("ada").count());
    assertEquals(List.of("click-3", "click-4"), shop.activitiesOfUserByOccurredAt("ada").atLeast(DAY.plusNanos(3000))
        .list().stream().map(Activity::action).toList());
    assertEquals(Optional.of(Map.of("n", "4")), shop.activitiesOfUser("ada").descending().first().map(Activity::tags));
  }
}
