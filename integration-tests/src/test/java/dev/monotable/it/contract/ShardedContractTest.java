package dev.monotable.it.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monotable.it.sharded.ShardedOrder;
import dev.monotable.it.sharded.ShardedOrderFields;
import dev.monotable.it.sharded.ShardedOrderKeys;
import dev.monotable.it.sharded.ShardedOrdersTable;
import dev.monotable.it.sharded.Status;
import dev.monotable.it.sharded.Visit;
import dev.monotable.it.sharded.VisitFields;
import dev.monotable.it.sharded.VisitsTable;
import dev.monotable.runtime.InvalidCursorException;
import dev.monotable.runtime.Page;
import dev.monotable.testing.DynamoDbExtension;
import dev.monotable.testing.TestDynamoDb;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Write sharding, for both flavours (ShardingTest, CursorContinuationTest): the fan-out over the
 * eight shards of the status index answers as one sorted query would, in order both ways, narrowed,
 * limited and paged with one cursor that either flavour continues; a table partition written in
 * four shards is read by key and queried over every shard. The expected answers are computed here
 * from what was written.
 */
@ExtendWith(DynamoDbExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShardedContractTest {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final LocalDate DAY = LocalDate.parse("2026-11-26");
  private static final int ORDERS = 600;

  private TestDynamoDb dynamo;
  private String ordersTable;
  private String visitsTable;
  private final List<ShardedOrder> written = new ArrayList<>();
  private final List<Visit> visits = new ArrayList<>();

  @BeforeAll
  void write(TestDynamoDb dynamo) {
    this.dynamo = dynamo;
    ordersTable = dynamo.uniqueTableName("ShardedOrders");
    visitsTable = dynamo.uniqueTableName("Visits");
    ShardedOps sharded = Flavour.SYNC.sharded(dynamo, ordersTable, visitsTable);
    ShardedOrdersTable.of(dynamo.client(), ordersTable).createIfNotExists();
    VisitsTable.of(dynamo.client(), visitsTable).createIfNotExists();
    for (int i = 0; i < ORDERS; i++) {
      // a few orders share an instant: the order id breaks the tie
      Instant at = START.plusSeconds((i * 7919L) % 1500);
      Status status = i % 10 < 7 ? Status.PAID : i % 10 < 9 ? Status.SHIPPED : Status.NEW;
      written.add(new ShardedOrder("o-" + i, status, at, BigDecimal.valueOf(i % 97)));
    }
    sharded.shardedOrders().batchPut(written);
    for (int i = 0; i < 120; i++) {
      LocalDate on = i % 5 == 0 ? DAY.plusDays(1) : DAY;
      Instant at = on.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds((i * 37L) % 3600);
      visits.add(new Visit(on, at, "visitor-" + (i % 23), i % 9));
    }
    sharded.visits().batchPut(visits);
  }

  private ShardedOps sharded(Flavour flavour) {
    return flavour.sharded(dynamo, ordersTable, visitsTable);
  }

  /** The orders of {@code status} in index order: by date, then id. */
  private List<String> expected(Status status, boolean descending) {
    Comparator<ShardedOrder> order = Comparator.comparing(ShardedOrder::orderDate).thenComparing(ShardedOrder::orderId);
    return written.stream().filter(o -> o.status() == status)
        .sorted(descending ? order.reversed() : order).map(ShardedOrder::orderId).toList();
  }

  private static List<String> ids(List<ShardedOrder> orders) {
    return orders.stream().map(ShardedOrder::orderId).toList();
  }

  private static List<Instant> times(List<Visit> visits) {
    return visits.stream().map(Visit::at).toList();
  }

  private List<Instant> expectedVisits(LocalDate day, Instant from, boolean descending) {
    Comparator<Visit> order = Comparator.comparing(Visit::at).thenComparing(Visit::visitor);
    return visits.stream().filter(v -> v.day().equals(day) && !v.at().isBefore(from))
        .sorted(descending ? order.reversed() : order).map(Visit::at).toList();
  }

  @ContractTest
  void aFanOutOverEveryShard_answersAsOneSortedQuery_inOrderBothWays_andCounts(Flavour flavour) {
    ShardedOps sharded = sharded(flavour);
    for (Status status : Status.values()) {
      assertEquals(expected(status, false), ids(sharded.ordersByStatus(status).list()), status.toString());
      assertEquals(expected(status, true), ids(sharded.ordersByStatus(status).descending().list()));
      assertEquals(expected(status, false), ids(sharded.ordersByStatus(status).streamed()), "stream() / publisher()");
      assertEquals(expected(status, false).size(), sharded.ordersByStatus(status).count());
    }
  }

  @ContractTest
  void aNarrowedAndLimitedFanOut_answersAsOneSortedQuery(Flavour flavour) {
    ShardedOps sharded = sharded(flavour);
    Instant from = START.plusSeconds(300);
    Instant to = START.plusSeconds(900);
    List<String> between = written.stream()
        .filter(o -> o.status() == Status.SHIPPED && !o.orderDate().isBefore(from) && !o.orderDate().isAfter(to))
        .sorted(Comparator.comparing(ShardedOrder::orderDate).thenComparing(ShardedOrder::orderId))
        .map(ShardedOrder::orderId).toList();
    assertEquals(between, ids(sharded.ordersByStatusByOrderDate(Status.SHIPPED).between(from, to).list()));
    List<String> newest = written.stream().filter(o -> o.status() == Status.PAID && o.orderDate().isAfter(to))
        .sorted(Comparator.comparing(ShardedOrder::orderDate).thenComparing(ShardedOrder::orderId).reversed())
        .map(ShardedOrder::orderId).limit(33).toList();
    assertEquals(newest,
        ids(sharded.ordersByStatusByOrderDate(Status.PAID).greaterThan(to).descending().limit(33).list()));
    assertEquals(Optional.of(expected(Status.NEW, false).get(0)),
        sharded.ordersByStatus(Status.NEW).first().map(ShardedOrder::orderId));
    assertEquals(Optional.of(expected(Status.NEW, true).get(0)),
        sharded.ordersByStatus(Status.NEW).descending().first().map(ShardedOrder::orderId));
  }

  @ContractTest
  void fanOutPages_continueEveryShardWithOneCursor_alternatingFlavours_bothWays(Flavour flavour) {
    ShardedOps sharded = sharded(flavour);
    ShardedOps other = sharded(flavour.other());
    for (boolean descending : new boolean[] {false, true}) {
      List<String> paged = new ArrayList<>();
      String cursor = null;
      int pages = 0;
      do {
        QueryOps<ShardedOrder> query = (pages % 2 == 0 ? sharded : other).ordersByStatus(Status.PAID).limit(37);
        query = descending ? query.descending() : query;
        Page<ShardedOrder> page = (cursor == null ? query : query.after(cursor)).page();
        assertTrue(page.items().size() <= 37);
        paged.addAll(ids(page.items()));
        cursor = page.cursor().orElse(null);
        pages++;
      } while (cursor != null);
      assertEquals(expected(Status.PAID, descending), paged, "descending " + descending);
      assertTrue(pages >= 420 / 37, "pages: " + pages);
    }
  }

  @ContractTest
  void aFanOutCursor_ofAnotherPartitionOrDirection_isInvalidCursor(Flavour flavour) {
    ShardedOps sharded = sharded(flavour);
    String cursor = sharded.ordersByStatus(Status.PAID).limit(5).page().cursor().orElseThrow();
    assertThrows(InvalidCursorException.class, () -> sharded.ordersByStatus(Status.SHIPPED).after(cursor).page());
    assertThrows(InvalidCursorException.class,
        () -> sharded.ordersByStatus(Status.PAID).descending().after(cursor).list());
    assertEquals(expected(Status.PAID, false).size() - 5, sharded.ordersByStatus(Status.PAID).after(cursor).count());
  }

  @ContractTest
  void anUpdateOfTheStatus_movesTheIndexEntryWithinItsShard_andTheFanOutFindsIt(Flavour flavour) {
    ShardedOps sharded = sharded(flavour);
    DynamoDbClient client = dynamo.client();
    String id = flavour == Flavour.SYNC ? "o-42" : "o-43";
    ShardedOrder order = sharded.getShardedOrder(id).orElseThrow();
    String before = client.getItem(b -> b.tableName(ordersTable).key(ShardedOrderKeys.primaryKey(id)))
        .item().get("GSI1PK").s();
    String shard = before.substring(before.lastIndexOf('#'));
    Status other = order.status() == Status.NEW ? Status.PAID : Status.NEW;
    try {
      sharded.updateShardedOrder(id).set(ShardedOrderFields.STATUS, other).execute();
      Map<String, AttributeValue> moved = client.getItem(b -> b.tableName(ordersTable)
          .key(ShardedOrderKeys.primaryKey(id))).item();
      assertEquals("STATUS#" + other + shard, moved.get("GSI1PK").s());
      assertTrue(ids(sharded.ordersByStatus(other).list()).contains(id));
    } finally {
      sharded.shardedOrders().put(order);
    }
    assertEquals(before, client.getItem(b -> b.tableName(ordersTable).key(ShardedOrderKeys.primaryKey(id)))
        .item().get("GSI1PK").s());
  }

  @ContractTest
  void aShardedTablePartition_isReadByKey_andQueriedOverEveryShard(Flavour flavour) {
    ShardedOps sharded = sharded(flavour);
    Map<String, Integer> perPartition = new TreeMap<>();
    dynamo.client().scan(b -> b.tableName(visitsTable)).items()
        .forEach(item -> perPartition.merge(item.get("PK").s(), 1, Integer::sum));
    assertEquals(8, perPartition.size(), "two days of four shards: " + perPartition);

    Visit one = visits.get(7);
    assertEquals(Optional.of(one), sharded.getVisit(one.day(), one.at(), one.visitor()));
    Instant noon = DAY.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(1800);
    assertEquals(expectedVisits(DAY, Instant.MIN, false), times(sharded.visitsOfDay(DAY).list()));
    assertEquals(expectedVisits(DAY, noon, true), times(sharded.visitsOfDayByAt(DAY).atLeast(noon).descending().list()));
    assertEquals(expectedVisits(DAY, Instant.MIN, false).size(), sharded.visitsOfDay(DAY).count());
    List<Instant> ofVisitor4 = visits.stream().filter(v -> v.day().equals(DAY) && v.visitor().equals("visitor-4"))
        .map(Visit::at).sorted().toList();
    assertEquals(ofVisitor4, times(sharded.visitsOfDayByVisitor(DAY, "visitor-4").list()));

    List<Instant> paged = new ArrayList<>();
    Page<Visit> page = sharded.visitsOfDay(DAY).limit(17).page();
    paged.addAll(times(page.items()));
    while (page.cursor().isPresent()) {
      page = sharded(flavour.other()).visitsOfDay(DAY).limit(17).after(page.cursor().get()).page();
      paged.addAll(times(page.items()));
    }
    assertEquals(expectedVisits(DAY, Instant.MIN, false), paged);
  }

  @ContractTest
  void aShardedTablePartition_updatesAndDeletesInTheItemsShard(Flavour flavour) {
    ShardedOps sharded = sharded(flavour);
    LocalDate day = flavour == Flavour.SYNC ? LocalDate.parse("2026-12-01") : LocalDate.parse("2026-12-02");
    Instant at = day.atStartOfDay(ZoneOffset.UTC).toInstant();
    Visit visit = new Visit(day, at, "eve", 3);
    sharded.visits().put(visit);
    sharded.updateVisit(day, at, "eve").set(VisitFields.PAGES, 99).execute();
    assertEquals(99, sharded.getVisit(day, at, "eve").orElseThrow().pages());
    assertEquals(List.of(99), sharded.visitsOfDay(day).list().stream().map(Visit::pages).toList());
    sharded.deleteVisit(day, at, "eve");
    assertEquals(Optional.empty(), sharded.getVisit(day, at, "eve"));
    assertEquals(0, sharded.visitsOfDay(day).count());
  }

  @ContractTest
  void aVisitsCursorOfTheOtherDirection_isRefusedByEveryTerminal(Flavour flavour) {
    ShardedOps sharded = sharded(flavour);
    String forward = sharded.visitsOfDay(DAY).limit(5).page().cursor().orElseThrow();
    QueryOps<Visit> backwards = sharded(flavour.other()).visitsOfDay(DAY).descending().after(forward);
    List<Executable> terminals = List.of(backwards::page, backwards::list,
        backwards::first, backwards::count, backwards::streamed);
    for (Executable terminal : terminals) {
      InvalidCursorException e = assertThrows(InvalidCursorException.class, terminal);
      assertTrue(e.getMessage().contains("Visit.visitsOfDay"), e.getMessage());
    }
    assertEquals(expectedVisits(DAY, Instant.MIN, false).subList(5, 8),
        times(sharded(flavour.other()).visitsOfDay(DAY).limit(3).after(forward).list()));
  }
}
