package dev.monotable.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monotable.it.sharded.PlainOrder;
import dev.monotable.it.sharded.PlainOrdersTable;
import dev.monotable.it.sharded.ShardedOrder;
import dev.monotable.it.sharded.ShardedOrderFields;
import dev.monotable.it.sharded.ShardedOrderKeys;
import dev.monotable.it.sharded.ShardedOrdersTable;
import dev.monotable.it.sharded.PlainVisit;
import dev.monotable.it.sharded.PlainVisitsTable;
import dev.monotable.it.sharded.Post;
import dev.monotable.it.sharded.PostFields;
import dev.monotable.it.sharded.PostKeys;
import dev.monotable.it.sharded.Status;
import dev.monotable.it.sharded.TimelineTable;
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
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Write sharding of an index partition ({@code @IndexKey(shards = 8)}): 2,000 orders written through
 * the repository land in every shard, and the access pattern's fan-out over the shards answers as
 * the same pattern on an unsharded twin table does — in order both ways, with limits and cursors.
 */
@ExtendWith(DynamoDbExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShardingTest {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final int ORDERS = 2000;

  private final DynamoDbClient client;
  private final TestDynamoDb dynamo;
  private final ShardedOrdersTable sharded;
  private final PlainOrdersTable plain;

  ShardingTest(DynamoDbClient client, TestDynamoDb dynamo) {
    this.client = client;
    this.dynamo = dynamo;
    this.sharded = ShardedOrdersTable.of(client, dynamo.uniqueTableName("ShardedOrders"));
    this.plain = PlainOrdersTable.of(client, dynamo.uniqueTableName("PlainOrders"));
  }

  @BeforeAll
  void writeTheOrders() {
    sharded.createIfNotExists();
    plain.createIfNotExists();
    List<ShardedOrder> shardedOrders = new ArrayList<>();
    List<PlainOrder> plainOrders = new ArrayList<>();
    for (int i = 0; i < ORDERS; i++) {
      // a few orders share an instant: the order id breaks the tie in both tables alike
      Instant at = START.plusSeconds((i * 7919L) % 5000);
      Status status = i % 10 < 7 ? Status.PAID : i % 10 < 9 ? Status.SHIPPED : Status.NEW;
      BigDecimal total = BigDecimal.valueOf(i % 97);
      shardedOrders.add(new ShardedOrder("o-" + i, status, at, total));
      plainOrders.add(new PlainOrder("o-" + i, status, at, total));
    }
    for (int from = 0; from < ORDERS; from += 500) {
      sharded.shardedOrders().batchPut(shardedOrders.subList(from, from + 500));
      plain.plainOrders().batchPut(plainOrders.subList(from, from + 500));
    }
  }

  @Test
  void writes_spreadOverEveryShard_deterministically() {
    Map<String, Integer> perPartition = new TreeMap<>();
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> from = start;
      var response = client.scan(b -> b.tableName(sharded.tableName()).exclusiveStartKey(from));
      response.items().forEach(item -> perPartition.merge(item.get("GSI1PK").s(), 1, Integer::sum));
      start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
          ? response.lastEvaluatedKey() : null;
    } while (start != null);

    for (int shard = 0; shard < 8; shard++) {
      int paid = perPartition.getOrDefault("STATUS#PAID#" + shard, 0);
      // 1,400 PAID orders over 8 shards: 175 each on average
      assertTrue(paid > 100 && paid < 250, "shard " + shard + " holds " + paid + " PAID orders: " + perPartition);
    }
    assertEquals(24, perPartition.size(), perPartition.toString());
    assertEquals(ORDERS, perPartition.values().stream().mapToInt(Integer::intValue).sum());
  }

  @Test
  void aRewrite_andAnUpdateOfTheStatus_keepTheItemInItsShard() {
    ShardedOrder order = sharded.shardedOrders().get("o-42").orElseThrow();
    String before = gsi1pk("o-42");
    sharded.shardedOrders().put(new ShardedOrder("o-42", order.status(), order.orderDate(), new BigDecimal("1234")));
    assertEquals(before, gsi1pk("o-42"));

    String shard = before.substring(before.lastIndexOf('#'));
    Status other = order.status() == Status.NEW ? Status.PAID : Status.NEW;
    sharded.shardedOrders().update("o-42").set(ShardedOrderFields.STATUS, other).execute();
    assertEquals("STATUS#" + other + shard, gsi1pk("o-42"));
    sharded.shardedOrders().update("o-42").set(ShardedOrderFields.STATUS, order.status()).execute();
    sharded.shardedOrders().put(order);
    assertEquals(before, gsi1pk("o-42"));
  }

  @Test
  void aFanOut_answersAsTheUnshardedQuery_inOrderBothWays() {
    for (Status status : Status.values()) {
      assertEquals(ids(plain.plainOrders().ordersByStatus(status).list(), PlainOrder::orderId),
          ids(sharded.shardedOrders().ordersByStatus(status).list(), ShardedOrder::orderId), status.toString());
      assertEquals(ids(plain.plainOrders().ordersByStatus(status).descending().list(), PlainOrder::orderId),
          ids(sharded.shardedOrders().ordersByStatus(status).descending().list(), ShardedOrder::orderId));
      assertEquals(plain.plainOrders().ordersByStatus(status).count(),
          sharded.shardedOrders().ordersByStatus(status).count());
    }
    List<ShardedOrder> paid = sharded.shardedOrders().ordersByStatus(Status.PAID).list();
    assertEquals(1400, paid.size());
    List<ShardedOrder> sorted = new ArrayList<>(paid);
    sorted.sort(Comparator.comparing(ShardedOrder::orderDate).thenComparing(ShardedOrder::orderId));
    assertEquals(sorted, paid);
  }

  @Test
  void narrowedAndLimitedFanOuts_answerAsTheUnshardedQuery() {
    Instant from = START.plusSeconds(1000);
    Instant to = START.plusSeconds(2500);
    assertEquals(
        ids(plain.plainOrders().ordersByStatus(Status.SHIPPED).orderDate().between(from, to).list(), PlainOrder::orderId),
        ids(sharded.shardedOrders().ordersByStatus(Status.SHIPPED).orderDate().between(from, to).list(),
            ShardedOrder::orderId));
    assertEquals(
        ids(plain.plainOrders().ordersByStatus(Status.PAID).orderDate().greaterThan(to).descending().limit(33).list(),
            PlainOrder::orderId),
        ids(sharded.shardedOrders().ordersByStatus(Status.PAID).orderDate().greaterThan(to).descending().limit(33).list(),
            ShardedOrder::orderId));
    assertEquals(plain.plainOrders().ordersByStatus(Status.NEW).first().map(PlainOrder::orderId),
        sharded.shardedOrders().ordersByStatus(Status.NEW).first().map(ShardedOrder::orderId));
  }

  @Test
  void pages_continueEveryShardWithOneCursor_bothWays() {
    for (boolean descending : new boolean[] {false, true}) {
      var query = sharded.shardedOrders().ordersByStatus(Status.PAID).limit(37);
      var unsharded = plain.plainOrders().ordersByStatus(Status.PAID);
      List<String> expected = ids((descending ? unsharded.descending() : unsharded).list(), PlainOrder::orderId);
      List<String> paged = new ArrayList<>();
      int pages = 0;
      Page<ShardedOrder> page = (descending ? query.descending() : query).page();
      while (true) {
        pages++;
        assertTrue(page.items().size() <= 37);
        paged.addAll(ids(page.items(), ShardedOrder::orderId));
        if (page.cursor().isEmpty()) {
          break;
        }
        page = (descending ? query.descending() : query).after(page.cursor().get()).page();
      }
      assertEquals(expected, paged, "descending " + descending);
      assertTrue(pages >= 1400 / 37, "pages: " + pages);
    }
  }

  @Test
  void aCursor_ofAnotherPartitionOrQuery_isRefused() {
    String cursor = sharded.shardedOrders().ordersByStatus(Status.PAID).limit(5).page().cursor().orElseThrow();
    assertThrows(InvalidCursorException.class,
        () -> sharded.shardedOrders().ordersByStatus(Status.SHIPPED).after(cursor).page());
    String plainCursor = plain.plainOrders().ordersByStatus(Status.PAID).limit(5).page().cursor().orElseThrow();
    assertThrows(InvalidCursorException.class,
        () -> sharded.shardedOrders().ordersByStatus(Status.PAID).after(plainCursor).page());
  }

  @Test
  void theShardedKeyBuilders_nameEveryShard() {
    assertEquals("STATUS#PAID#3", ShardedOrderKeys.byStatusPartitionKey(Status.PAID, 3));
    assertEquals(8, ShardedOrderKeys.byStatusPartitionKeys(Status.PAID).size());
    assertThrows(IllegalArgumentException.class, () -> ShardedOrderKeys.byStatusPartitionKey(Status.PAID, 8));
  }

  @Test
  void aShardedTablePartition_isWrittenPerItem_readByKey_andQueriedOverEveryShard() {
    VisitsTable visits = VisitsTable.of(client, dynamo.uniqueTableName("Visits"));
    PlainVisitsTable twin = PlainVisitsTable.of(client, dynamo.uniqueTableName("PlainVisits"));
    visits.createIfNotExists();
    twin.createIfNotExists();
    LocalDate day = LocalDate.parse("2026-11-26");
    List<Visit> written = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      LocalDate on = i % 5 == 0 ? day.plusDays(1) : day;
      Instant at = on.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds((i * 37L) % 3600);
      Visit visit = new Visit(on, at, "visitor-" + (i % 23), i % 9);
      written.add(visit);
      visits.visits().put(visit);
      twin.plainVisits().put(new PlainVisit(visit.day(), visit.at(), visit.visitor(), visit.pages()));
    }

    Map<String, Integer> perPartition = new TreeMap<>();
    client.scan(b -> b.tableName(visits.tableName())).items()
        .forEach(item -> perPartition.merge(item.get("PK").s(), 1, Integer::sum));
    assertEquals(Set.of("DAY#2026-11-26#0", "DAY#2026-11-26#1", "DAY#2026-11-26#2", "DAY#2026-11-26#3",
        "DAY#2026-11-27#0", "DAY#2026-11-27#1", "DAY#2026-11-27#2", "DAY#2026-11-27#3"), perPartition.keySet());

    // a get, an update and a delete compute the item's shard from its key
    Visit one = written.get(7);
    assertEquals(Optional.of(one), visits.visits().get(one.day(), one.at(), one.visitor()));
    visits.visits().update(one.day(), one.at(), one.visitor()).set(VisitFields.PAGES, 99).execute();
    assertEquals(99, visits.visits().get(one.day(), one.at(), one.visitor()).orElseThrow().pages());
    visits.visits().delete(one.day(), one.at(), one.visitor());
    twin.plainVisits().delete(one.day(), one.at(), one.visitor());
    assertEquals(Optional.empty(), visits.visits().get(one.day(), one.at(), one.visitor()));

    Instant noon = day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(1800);
    assertEquals(ids(twin.plainVisits().visitsOfDay(day).list(), PlainVisit::at),
        ids(visits.visits().visitsOfDay(day).list(), Visit::at));
    assertEquals(ids(twin.plainVisits().visitsOfDay(day).at().atLeast(noon).descending().list(), PlainVisit::at),
        ids(visits.visits().visitsOfDay(day).at().atLeast(noon).descending().list(), Visit::at));
    assertEquals(ids(twin.plainVisits().visitsOfDayByVisitor(day).visitor("visitor-4").list(), PlainVisit::at),
        ids(visits.visits().visitsOfDayByVisitor(day).visitor("visitor-4").list(), Visit::at));
    assertEquals(twin.plainVisits().visitsOfDay(day).count(), visits.visits().visitsOfDay(day).count());

    List<Instant> paged = new ArrayList<>();
    Page<Visit> page = visits.visits().visitsOfDay(day).limit(17).page();
    paged.addAll(ids(page.items(), Visit::at));
    while (page.cursor().isPresent()) {
      page = visits.visits().visitsOfDay(day).limit(17).after(page.cursor().get()).page();
      paged.addAll(ids(page.items(), Visit::at));
    }
    assertEquals(ids(twin.plainVisits().visitsOfDay(day).list(), PlainVisit::at), paged);
  }

  @Test
  void aShardedIndexPartitionWithoutPlaceholders_isWrittenInEveryShard_andReadOverAll() {
    TimelineTable timeline = TimelineTable.of(client, dynamo.uniqueTableName("Timeline"));
    timeline.createIfNotExists();
    List<Post> written = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      Post post = new Post("p-" + i, START.plusSeconds((i * 13L) % 60), "post " + i);
      written.add(post);
      timeline.posts().put(post);
    }
    Map<String, Integer> perPartition = new TreeMap<>();
    client.scan(b -> b.tableName(timeline.tableName())).items()
        .forEach(item -> perPartition.merge(item.get("GSI1PK").s(), 1, Integer::sum));
    assertEquals(Set.of("ALL#0", "ALL#1", "ALL#2", "ALL#3"), perPartition.keySet());

    List<Post> byTime = new ArrayList<>(written);
    byTime.sort(Comparator.comparing(Post::at).thenComparing(Post::id));
    assertEquals(byTime, timeline.posts().everyPost().list());
    List<Post> newestFirst = new ArrayList<>(byTime);
    java.util.Collections.reverse(newestFirst);
    assertEquals(newestFirst, timeline.posts().everyPost().descending().list());
    assertEquals(60, timeline.posts().everyPost().count());

    // an update of the sort-key field moves the post in the index, in the shard it was in
    String shard = timelineKey(timeline, "p-7");
    timeline.posts().update("p-7").set(PostFields.AT, START.minusSeconds(1)).execute();
    assertEquals(shard, timelineKey(timeline, "p-7"));
    assertEquals(Optional.of("p-7"), timeline.posts().everyPost().first().map(Post::id));
    // an upsert writes the fixed partition key in the new item's shard
    timeline.posts().upsert("p-new").set(PostFields.AT, START.plusSeconds(3600)).set(PostFields.TEXT, "late").execute();
    assertTrue(timelineKey(timeline, "p-new").startsWith("ALL#"));
    assertEquals(Optional.of("p-new"), timeline.posts().everyPost().descending().first().map(Post::id));
  }

  private String timelineKey(TimelineTable timeline, String postId) {
    return client.getItem(b -> b.tableName(timeline.tableName()).key(PostKeys.primaryKey(postId)))
        .item().get("GSI1PK").s();
  }

  private String gsi1pk(String orderId) {
    return client.getItem(b -> b.tableName(sharded.tableName()).key(ShardedOrderKeys.primaryKey(orderId)))
        .item().get("GSI1PK").s();
  }

  private static <T, K> List<K> ids(List<T> orders, Function<T, K> id) {
    return orders.stream().map(id).toList();
  }
}
