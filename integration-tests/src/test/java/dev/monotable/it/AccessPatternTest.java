package dev.monotable.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monotable.it.shop.LogEntry;
import dev.monotable.it.shop.Order;
import dev.monotable.it.shop.OrderItem;
import dev.monotable.it.shop.OrderFields;
import dev.monotable.it.shop.OrderNote;
import dev.monotable.it.shop.LogEntryFields;
import dev.monotable.it.shop.OrderStatus;
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
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The generated query methods of access patterns, against a real DynamoDB (monotable-local by default). */
@ExtendWith(DynamoDbExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessPatternTest {
  private static final Instant DAY = Instant.parse("2024-05-01T00:00:00Z");
  private static final int LOG_ENTRIES = 400;

  private ShopTable shop;
  private final List<Order> orders = new ArrayList<>();

  @BeforeAll
  void fill(DynamoDbClient client, TestDynamoDb dynamo) {
    shop = ShopTable.of(client, dynamo.uniqueTableName("Shop"));
    shop.createIfNotExists();
    shop.users().put(new User("ada", "ada@example.com", "Ada", DAY));
    for (int day = 0; day < 10; day++) {
      Order order = new Order("ada", "o" + day, DAY.plusSeconds(86_400L * day),
          day % 2 == 0 ? OrderStatus.PAID : OrderStatus.SHIPPED, new BigDecimal(day * 10 + "." + day));
      orders.add(order);
      shop.orders().put(order);
    }
    shop.orders().put(new Order("bob", "b1", DAY, OrderStatus.PAID, BigDecimal.ONE));
    shop.orderNotes().put(new OrderNote("ada", DAY, "o0", "n1", "gift wrap"));
    for (int lineNo : List.of(-20, -3, -2, -1, 0, 1, 2, 3, 10, 100)) {
      shop.orderItems().put(new OrderItem("o0", lineNo, "SKU-" + Math.abs(lineNo % 3), 1));
    }
    String payload = "x".repeat(8_000);
    for (int i = 0; i < LOG_ENTRIES; i++) {
      shop.logEntries().put(new LogEntry("main", DAY.plusMillis(i), i, payload));
    }
    shop.logEntries().put(new LogEntry("other", DAY, 0, "elsewhere"));
    for (String[] place : new String[][] {
        {"US", "CA", "Fresno"}, {"US", "CA", "Los Angeles"}, {"US", "CA", "Oakland"}, {"US", "CA", "San Diego"},
        {"US", "NY", "Albany"}, {"US", "NY", "Buffalo"}, {"DE", "BY", "Munich"}, {"US", "CA", "Modesto"}}) {
      for (Store.Grade grade : Store.Grade.values()) {
        shop.stores().put(new Store("acme", place[0], place[1], place[2], grade));
      }
    }
  }

  private static List<String> cities(List<Store> stores) {
    return stores.stream().map(Store::city).distinct().toList();
  }

  private static List<String> ids(List<Order> orders) {
    return orders.stream().map(Order::orderId).toList();
  }

  private static List<Integer> lines(List<OrderItem> items) {
    return items.stream().map(OrderItem::getLineNo).toList();
  }

  @Test
  void partitionQuery_returnsOnlyThisEntity_inSortKeyOrder() {
    List<Order> read = shop.orders().ordersOfUser("ada").list();
    assertEquals(ids(orders), ids(read), "not the profile item, not the note inside the ORDER# territory");
    assertEquals(List.of("o9", "o8", "o7"), ids(shop.orders().ordersOfUser("ada").descending().limit(3).list()));
    assertEquals(Optional.of("o0"), shop.orders().ordersOfUser("ada").first().map(Order::orderId));
    assertEquals(10, shop.orders().ordersOfUser("ada").count());
    assertEquals(List.of("b1"), ids(shop.orders().ordersOfUser("bob").list()));
    assertEquals(List.of(), shop.orders().ordersOfUser("nobody").list());
  }

  @Test
  void instantComponent_everyOperator() {
    Instant third = DAY.plusSeconds(86_400L * 3);
    Instant sixth = DAY.plusSeconds(86_400L * 6);
    assertEquals(List.of("o0", "o1", "o2"), ids(shop.orders().ordersOfUser("ada").orderDate().lessThan(third).list()));
    assertEquals(List.of("o0", "o1", "o2", "o3"), ids(shop.orders().ordersOfUser("ada").orderDate().atMost(third).list()));
    assertEquals(List.of("o7", "o8", "o9"), ids(shop.orders().ordersOfUser("ada").orderDate().greaterThan(sixth).list()));
    assertEquals(List.of("o6", "o7", "o8", "o9"), ids(shop.orders().ordersOfUser("ada").orderDate().atLeast(sixth).list()));
    assertEquals(List.of("o3", "o4", "o5", "o6"), ids(shop.orders().ordersOfUser("ada").orderDate().between(third, sixth).list()));
    assertEquals(List.of("o3"), ids(shop.orders().ordersOfUser("ada").orderDate(third).list()));
    assertEquals(List.of("o3"), ids(shop.orders().ordersOfUser("ada").orderDate(third).orderId("o3").list()));
    assertEquals(List.of("o3"), ids(shop.orders().ordersOfUser("ada").orderDate(third).orderId().beginsWith("o").list()));
    assertEquals(List.of(), ids(shop.orders().ordersOfUser("ada").orderDate(third).orderId().greaterThan("o3").list()));
  }

  @Test
  void intComponent_lastInTheTemplate_everyOperatorWithNegatives() {
    assertEquals(List.of(-20, -3, -2, -1, 0, 1, 2, 3, 10, 100), lines(shop.orderItems().itemsOfOrder("o0").list()));
    assertEquals(List.of(-20, -3, -2), lines(shop.orderItems().itemsOfOrder("o0").lineNo().lessThan(-1).list()));
    assertEquals(3, shop.orderItems().itemsOfOrder("o0").lineNo().lessThan(-1).count());
    assertEquals(List.of(-20, -3, -2, -1), lines(shop.orderItems().itemsOfOrder("o0").lineNo().atMost(-1).list()));
    assertEquals(List.of(3, 10, 100), lines(shop.orderItems().itemsOfOrder("o0").lineNo().greaterThan(2).list()));
    assertEquals(List.of(2, 3, 10, 100), lines(shop.orderItems().itemsOfOrder("o0").lineNo().atLeast(2).list()));
    assertEquals(List.of(-2, -1, 0, 1, 2, 3, 10), lines(shop.orderItems().itemsOfOrder("o0").lineNo().between(-2, 10).list()));
    assertEquals(List.of(0), lines(shop.orderItems().itemsOfOrder("o0").lineNo(0).list()));
    assertEquals(List.of(100, 10, 3), lines(shop.orderItems().itemsOfOrder("o0").lineNo().greaterThan(2).descending().list()));
  }

  @Test
  void globalIndex_onATemplateKey_andOnRawAttributes_withKeysOnlyProjectionFetchedInFull() {
    assertEquals(Optional.of("o4"), shop.orders().orderById("o4").first().map(Order::orderId));
    List<Order> paid = shop.orders().ordersByStatus(OrderStatus.PAID).list();
    // b1 and o0 share their orderDate, the index sort key: DynamoDB does not define their order
    assertEquals(Set.of("b1", "o0"), Set.copyOf(ids(paid).subList(0, 2)));
    assertEquals(List.of("o2", "o4", "o6", "o8"), ids(paid).subList(2, 6));
    assertTrue(paid.stream().allMatch(o -> o.total() != null), "KEYS_ONLY index: full items were fetched");
    Instant fifth = DAY.plusSeconds(86_400L * 5);
    assertEquals(List.of("o1", "o3", "o5"), ids(shop.orders().ordersByStatus(OrderStatus.SHIPPED).orderDate().atMost(fifth).list()));
    assertEquals(List.of("o6", "o8"), ids(shop.orders().ordersByStatus(OrderStatus.PAID).orderDate().greaterThan(fifth).list()));
    assertEquals(List.of(-1, 1, 10, 100), lines(shop.orderItems().ordersOfProduct("SKU-1").list()));
    assertEquals(List.of(-20, -2, 2), lines(shop.orderItems().ordersOfProduct("SKU-2").list()));
  }

  @Test
  void localIndex_onADecimalTemplate_canReadConsistently() {
    List<Order> big = shop.orders().ordersByTotal("ada").total().greaterThan(new BigDecimal("50")).consistentRead().list();
    assertEquals(List.of("o5", "o6", "o7", "o8", "o9"), ids(big));
    assertEquals(List.of("o0", "o1"), ids(shop.orders().ordersByTotal("ada").total().lessThan(new BigDecimal("20")).list()));
  }

  @Test
  void largePartition_isReadAcrossSeveral1MbPages_eachItemOnce() {
    List<LogEntry> all = shop.logEntries().entriesOfStream("main").list();
    assertEquals(LOG_ENTRIES, all.size());
    assertEquals(IntStream.range(0, LOG_ENTRIES).boxed().toList(), all.stream().map(e -> (int) e.seq()).toList());

    Page<LogEntry> first = shop.logEntries().entriesOfStream("main").page();
    assertTrue(first.items().size() < LOG_ENTRIES && first.cursor().isPresent(),
        "a 1 MB page holds about 125 entries of 8 KB, got " + first.items().size());
    assertEquals(LOG_ENTRIES, shop.logEntries().entriesOfStream("main").stream().count());
  }

  @Test
  void pagesWithLimit_andCursors_seeEveryItemExactlyOnce() {
    Set<Long> seen = new HashSet<>();
    List<Long> order = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      var query = shop.logEntries().entriesOfStream("main").limit(37);
      Page<LogEntry> page = cursor == null ? query.page() : query.after(cursor).page();
      for (LogEntry entry : page.items()) {
        assertTrue(seen.add(entry.seq()), "entry " + entry.seq() + " seen twice");
        order.add(entry.seq());
      }
      assertTrue(page.items().size() <= 37);
      cursor = page.cursor().orElse(null);
      pages++;
    } while (cursor != null);
    assertEquals(LOG_ENTRIES, seen.size());
    assertEquals(order.stream().sorted().collect(Collectors.toList()), order);
    assertTrue(pages >= LOG_ENTRIES / 37, "pages: " + pages);
  }

  @Test
  void cursors_fromAnotherPatternOrPartition_orAltered_areRefused() {
    String cursor = shop.logEntries().entriesOfStream("main").limit(5).page().cursor().orElseThrow();
    assertEquals(5, shop.logEntries().entriesOfStream("main").limit(5).after(cursor).page().items().get(0).seq());
    assertTrue(cursor.matches("[A-Za-z0-9_-]+"), "URL-safe: " + cursor);

    InvalidCursorException otherPattern = assertThrows(InvalidCursorException.class,
        () -> shop.orders().ordersOfUser("ada").after(cursor));
    assertTrue(otherPattern.getMessage().contains("LogEntry.entriesOfStream"), otherPattern.getMessage());
    assertThrows(InvalidCursorException.class, () -> shop.logEntries().entriesOfStream("other").after(cursor));
    char[] altered = cursor.toCharArray();
    altered[altered.length / 2] = altered[altered.length / 2] == 'A' ? 'B' : 'A';
    assertThrows(InvalidCursorException.class,
        () -> shop.logEntries().entriesOfStream("main").after(new String(altered)));
    assertThrows(InvalidCursorException.class, () -> shop.logEntries().entriesOfStream("main").after("not a cursor!"));
  }

  @Test
  void narrowingValues_areCheckedLikeKeys() {
    assertThrows(InvalidKeyException.class, () -> shop.orders().ordersOfUser("ada#x"));
    assertThrows(InvalidKeyException.class,
        () -> shop.orders().ordersOfUser("ada").orderDate(DAY).orderId().beginsWith("o#"));
    assertThrows(InvalidKeyException.class, () -> shop.orders().ordersByStatus(null));
    assertThrows(IllegalArgumentException.class, () -> shop.orders().ordersOfUser("ada").limit(0));
  }

  @Test
  void itemCollection_readsEveryMemberOfThePartition_andSkipsOtherTypes() {
    ShopTable.Customer ada = shop.customer("ada").read();
    assertEquals(Optional.of("Ada"), ada.user().map(User::name));
    assertEquals(ids(orders), ids(ada.orders()), "the OrderNote in the partition is not a member and is skipped");

    ShopTable.Customer nobody = shop.customer("nobody").read();
    assertEquals(Optional.empty(), nobody.user());
    assertEquals(List.of(), nobody.orders());
    assertThrows(InvalidKeyException.class, () -> shop.customer("ada#ORDER"));
  }

  @Test
  void hierarchicalSortKey_narrowsCountryThenStateThenACityRange() {
    assertEquals(24, shop.stores().storesOfChain("acme").count());
    assertEquals(List.of("Munich"), cities(shop.stores().storesOfChain("acme").country("DE").list()));
    assertEquals(List.of("Albany", "Buffalo"), cities(shop.stores().storesOfChain("acme").country("US").state("NY").list()));
    assertEquals(List.of("Fresno", "Los Angeles"),
        cities(shop.stores().storesOfChain("acme").country("US").state("CA").city().between("A", "M").list()));
    assertEquals(List.of("Modesto", "Oakland", "San Diego"),
        cities(shop.stores().storesOfChain("acme").country("US").state("CA").city().atLeast("M").list()));
    assertEquals(List.of("Fresno", "Los Angeles"),
        cities(shop.stores().storesOfChain("acme").country("US").state("CA").city().lessThan("Modesto").list()));
    assertEquals(List.of("Fresno", "Los Angeles", "Modesto"),
        cities(shop.stores().storesOfChain("acme").country("US").state("CA").city().atMost("Modesto").list()));
    assertEquals(List.of("Oakland", "San Diego"),
        cities(shop.stores().storesOfChain("acme").country("US").state("CA").city().greaterThan("Modesto").list()));
    assertEquals(List.of("Modesto"),
        cities(shop.stores().storesOfChain("acme").country("US").state("CA").city().beginsWith("Mo").list()));
    assertEquals(List.of("CA", "NY"), shop.stores().storesOfChain("acme").country().greaterThan("DE").list().stream()
        .map(Store::state).distinct().toList());
  }

  @Test
  void enumComponent_comparesByConstantName() {
    var munich = shop.stores().storesOfChain("acme").country("DE").state("BY").city("Munich");
    assertEquals(List.of(Store.Grade.BRONZE, Store.Grade.GOLD, Store.Grade.SILVER),
        munich.list().stream().map(Store::grade).toList());
    assertEquals(List.of(Store.Grade.GOLD), shop.stores().storesOfChain("acme").country("DE").state("BY").city("Munich")
        .grade(Store.Grade.GOLD).list().stream().map(Store::grade).toList());
    assertEquals(List.of(Store.Grade.GOLD, Store.Grade.SILVER), shop.stores().storesOfChain("acme").country("DE")
        .state("BY").city("Munich").grade().greaterThan(Store.Grade.BRONZE).list().stream().map(Store::grade).toList());
    assertEquals(List.of(Store.Grade.BRONZE), shop.stores().storesOfChain("acme").country("DE")
        .state("BY").city("Munich").grade().lessThan(Store.Grade.GOLD).list().stream().map(Store::grade).toList());
  }

  @Test
  void stringComponent_followedByMoreTemplate_everyOperator() {
    Instant third = DAY.plusSeconds(86_400L * 3);
    assertEquals(List.of("o3"), ids(shop.orders().ordersOfUser("ada").orderDate(third).orderId().atLeast("o3").list()));
    assertEquals(List.of("o3"), ids(shop.orders().ordersOfUser("ada").orderDate(third).orderId().atMost("o3").list()));
    assertEquals(List.of(), ids(shop.orders().ordersOfUser("ada").orderDate(third).orderId().lessThan("o3").list()));
    assertEquals(List.of("o3"), ids(shop.orders().ordersOfUser("ada").orderDate(third).orderId().between("o0", "o9").list()));
  }

  @Test
  void filters_useTypedPaths_andPlaceholdersForReservedWords() {
    // "status" is a DynamoDB reserved word: every name goes through a placeholder
    assertEquals(List.of("o4", "o6", "o8"), ids(shop.orders().ordersOfUser("ada")
        .filter(OrderFields.STATUS.eq(OrderStatus.PAID).and(OrderFields.TOTAL.ge(new BigDecimal("40")))).list()));
    assertEquals(List.of("o1", "o2", "o9"), ids(shop.orders().ordersOfUser("ada")
        .filter(OrderFields.ORDER_ID.in("o1", "o2", "o9")).list()));
    assertEquals(List.of("o0", "o9"), ids(shop.orders().ordersOfUser("ada")
        .filter(OrderFields.TOTAL.lt(new BigDecimal("1")).or(OrderFields.TOTAL.gt(new BigDecimal("90")))).list()));
    assertEquals(List.of("o2", "o3"), ids(shop.orders().ordersOfUser("ada")
        .filter(OrderFields.TOTAL.between(new BigDecimal("20"), new BigDecimal("39")))
        .filter(OrderFields.USER_ID.exists()).list()));
    assertEquals(8, shop.orders().ordersOfUser("ada")
        .filter(Condition.not(OrderFields.ORDER_ID.in("o0", "o1"))).count());
    assertEquals(List.of(), shop.orders().ordersOfUser("ada").filter(OrderFields.TOTAL.notExists()).list());
    assertEquals(List.of("o7"), ids(shop.orders().ordersOfUser("ada").descending()
        .filter(OrderFields.ORDER_ID.beginsWith("o7")).list()));
    assertThrows(IllegalStateException.class,
        () -> shop.orders().ordersByStatus(OrderStatus.PAID).filter(OrderFields.TOTAL.gt(BigDecimal.ONE)),
        "a KEYS_ONLY index does not hold the filtered attributes");
  }

  @Test
  @SuppressWarnings("monotable.scan")
  void scanAll_readsOneEntityTypeOfTheWholeTable_pagedAndFiltered() {
    assertEquals(List.of("ada"), shop.users().scanAll().list().stream().map(User::id).toList());
    assertEquals(5, shop.orders().scanAll().filter(OrderFields.STATUS.eq(OrderStatus.SHIPPED)).count());
    assertEquals(11, shop.orders().scanAll().list().size());

    Set<String> seen = new HashSet<>();
    String cursor = null;
    do {
      var scan = shop.logEntries().scanAll().limit(60).filter(LogEntryFields.STREAM.eq("main"));
      Page<LogEntry> page = cursor == null ? scan.page() : scan.after(cursor).page();
      page.items().forEach(entry -> assertTrue(seen.add(entry.stream() + entry.seq()), "seen twice: " + entry.seq()));
      cursor = page.cursor().orElse(null);
    } while (cursor != null);
    assertEquals(LOG_ENTRIES, seen.size());

    String scanCursor = shop.logEntries().scanAll().limit(3).page().cursor().orElseThrow();
    assertThrows(InvalidCursorException.class, () -> shop.logEntries().entriesOfStream("main").after(scanCursor));
  }

  @Test
  void projection_readsOnlyThePathsAskedFor_andTheRestReadsAsAbsent() {
    List<Order> slim = shop.orders().ordersOfUser("ada").project(OrderFields.ORDER_ID, OrderFields.STATUS).limit(2).list();
    assertEquals(List.of("o0", "o1"), ids(slim));
    assertEquals(OrderStatus.PAID, slim.get(0).status());
    assertEquals(null, slim.get(0).total(), "not projected");
    assertEquals(DAY, slim.get(0).orderDate(), "a key field is always read, so the entity is never read with a null key");
    // DynamoDB counts the filtered-out OrderNote (inside the ORDER# territory) against the page limit
    Page<Order> first = shop.orders().ordersOfUser("ada").project(OrderFields.ORDER_ID).limit(2).page();
    Page<Order> second = shop.orders().ordersOfUser("ada").limit(2).after(first.cursor().orElseThrow()).page();
    List<String> both = new ArrayList<>(ids(first.items()));
    both.addAll(ids(second.items()));
    assertEquals(ids(orders).subList(0, both.size()), both);
    assertTrue(both.size() >= 3, both.toString());
  }
}
