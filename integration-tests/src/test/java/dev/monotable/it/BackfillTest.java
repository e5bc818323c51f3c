package dev.monotable.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monotable.it.plainkey.Tag;
import dev.monotable.it.plainkey.TagSchema;
import dev.monotable.it.plainkey.TagsTable;
import dev.monotable.it.sharded.Post;
import dev.monotable.it.sharded.PostSchema;
import dev.monotable.it.sharded.TimelineTable;
import dev.monotable.it.shop.Order;
import dev.monotable.it.shop.OrderSchema;
import dev.monotable.it.shop.OrderStatus;
import dev.monotable.it.shop.ShopTable;
import dev.monotable.runtime.Migration;
import dev.monotable.runtime.CapacityEvent;
import dev.monotable.runtime.InvalidCursorException;
import dev.monotable.runtime.TableOptions;
import dev.monotable.testing.DynamoDbExtension;
import dev.monotable.testing.TestDynamoDb;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.DoubleAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Backfills of derived attributes, on items written as they were before an index was added (the
 * items hold their fields but not the index keys the design now derives from them).
 */
@ExtendWith(DynamoDbExtension.class)
class BackfillTest {
  private static final Instant DAY = Instant.parse("2024-05-01T00:00:00Z");
  private static final Set<String> ORDER_INDEX_KEYS = Set.of("GSI1PK", "GSI1SK", "LSI1SK");

  private final DynamoDbClient client;
  private final TestDynamoDb dynamo;

  BackfillTest(DynamoDbClient client, TestDynamoDb dynamo) {
    this.client = client;
    this.dynamo = dynamo;
  }

  private static Order order(int n) {
    return new Order("user-" + (n % 50), "o-" + n, DAY.plusSeconds(n), OrderStatus.PENDING, BigDecimal.valueOf(n));
  }

  /** {@code items} written raw, without the attributes named {@code stripped}, 25 a request. */
  private void writeRaw(String table, List<Map<String, AttributeValue>> items, Set<String> stripped) {
    for (int from = 0; from < items.size(); from += 25) {
      List<WriteRequest> writes = new ArrayList<>();
      for (Map<String, AttributeValue> item : items.subList(from, Math.min(items.size(), from + 25))) {
        Map<String, AttributeValue> old = new HashMap<>(item);
        old.keySet().removeAll(stripped);
        writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(old).build()).build());
      }
      client.batchWriteItem(b -> b.requestItems(Map.of(table, writes)));
    }
  }

  private ShopTable shopWithOldOrders(int count) {
    ShopTable shop = ShopTable.of(client, dynamo.uniqueTableName("Shop"));
    shop.createIfNotExists();
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      items.add(OrderSchema.INSTANCE.toItem(order(i)));
    }
    writeRaw(shop.tableName(), items, ORDER_INDEX_KEYS);
    return shop;
  }

  @Test
  void tenThousandOldItems_getTheirIndexKeys_onceEach_andASecondRunWritesNothing() {
    ShopTable shop = shopWithOldOrders(10_000);
    assertTrue(shop.orders().orderById("o-7").list().isEmpty(), "written before the index: not in it");

    Migration.Progress dry = shop.migrations().backfill(Order.class).segments(4).dryRun().run();
    assertEquals(new Migration.Progress(10_000, 10_000, 0, 0, null), dry);
    assertTrue(shop.orders().orderById("o-7").list().isEmpty(), "a dry run writes nothing");

    Migration.Progress done = shop.migrations().backfill(Order.class).segments(4).run();
    assertEquals(new Migration.Progress(10_000, 10_000, 0, 0, null), done);
    assertEquals(List.of(order(7)), shop.orders().orderById("o-7").list());
    assertEquals(order(1234), shop.orders().ordersByTotal("user-34").total(BigDecimal.valueOf(1234)).first()
        .orElseThrow());

    assertEquals(new Migration.Progress(10_000, 0, 10_000, 0, null),
        shop.migrations().backfill(Order.class).segments(3).run(), "idempotent");
  }

  @Test
  void concurrentWrites_areNeverOverwritten_andEveryItemEndsAsItsFieldsSay() throws InterruptedException {
    ShopTable shop = shopWithOldOrders(3_000);
    Map<String, BigDecimal> written = new ConcurrentHashMap<>();
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicReference<Throwable> writerFailed = new AtomicReference<>();
    Thread writer = new Thread(() -> {
      int n = 0;
      try {
        while (running.get()) {
          Order changed = order((n * 7) % 3_000);
          BigDecimal total = BigDecimal.valueOf(100_000 + n);
          // through the repository: the put derives the index keys from the new fields
          shop.orders().put(new Order(changed.userId(), changed.orderId(), changed.orderDate(), OrderStatus.PAID, total));
          written.put(changed.orderId(), total);
          n++;
        }
      } catch (Throwable failed) {
        writerFailed.set(failed);
      }
    });
    writer.start();
    Migration.Progress done = shop.migrations().backfill(Order.class).segments(4).run();
    running.set(false);
    writer.join();
    assertNull(writerFailed.get());
    assertEquals(3_000, done.scanned());
    assertEquals(3_000, done.updated() + done.alreadyRight() + done.skipped());

    for (Map<String, AttributeValue> item : client.scan(b -> b.tableName(shop.tableName())).items()) {
      Order stored = OrderSchema.INSTANCE.fromItem(item);
      Map<String, AttributeValue> derived = OrderSchema.INSTANCE.toItem(stored);
      for (String attribute : ORDER_INDEX_KEYS) {
        assertEquals(derived.get(attribute), item.get(attribute), attribute + " of " + stored.orderId());
      }
      BigDecimal last = written.get(stored.orderId());
      if (last != null) {
        assertEquals(0, last.compareTo(stored.total()), "the writer's last total of " + stored.orderId());
      }
    }
    assertTrue(written.size() > 0);
  }

  @Test
  void aRunStoppedMidway_resumesFromItsCheckpoint_andMigratesEveryItemExactlyOnce() {
    ShopTable shop = shopWithOldOrders(2_000);
    AtomicReference<String> checkpoint = new AtomicReference<>();
    List<Migration.Progress> seen = new ArrayList<>();
    RuntimeException crash = assertThrows(IllegalStateException.class, () -> shop.migrations().backfill(Order.class)
        .segments(2)
        .pageSize(100)
        .listener(progress -> {
          seen.add(progress);
          if (seen.size() == 3) {
            checkpoint.set(progress.checkpoint());
            throw new IllegalStateException("the process died");
          }
        })
        .run());
    assertEquals("the process died", crash.getMessage());
    assertNotNull(checkpoint.get());
    long before = migrated(shop);

    Migration.Progress rest = shop.migrations().backfill(Order.class).segments(2).resumeFrom(checkpoint.get()).run();
    assertNull(rest.checkpoint());
    assertEquals(2_000, migrated(shop));
    // each item written once: by the first run, or by the second (which finds the first's items right)
    assertEquals(2_000 - before, rest.updated());
    assertEquals(rest.scanned(), rest.updated() + rest.alreadyRight());

    assertThrows(InvalidCursorException.class,
        () -> shop.migrations().backfill(Order.class).segments(3).resumeFrom(checkpoint.get()).run(),
        "a checkpoint of two segments continues no run of three");
  }

  private long migrated(ShopTable shop) {
    return client.scan(b -> b.tableName(shop.tableName())).items().stream()
        .filter(item -> item.containsKey("GSI1PK")).count();
  }

  @Test
  void theWriteBudget_isHonoured_inConsumedCapacityPerSecond() {
    DoubleAdder units = new DoubleAdder();
    String name = dynamo.uniqueTableName("Shop");
    ShopTable shop = ShopTable.of(client, name, TableOptions.defaults().withCapacityListener(event -> {
      if (event.pattern().equals("backfill") && event.operation().equals("UpdateItem")) {
        units.add(event.writeUnits());
      }
    }));
    shop.createIfNotExists();
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      items.add(OrderSchema.INSTANCE.toItem(order(i)));
    }
    writeRaw(name, items, ORDER_INDEX_KEYS);

    long started = System.nanoTime();
    Migration.Progress done = shop.migrations().backfill(Order.class).segments(2).writeBudget(200).run();
    double seconds = (System.nanoTime() - started) / 1e9;
    assertEquals(400, done.updated());
    assertTrue(units.sum() >= 400, "each update consumed a write unit or more: " + units.sum());
    // the budget bounds the rate from above (a slow machine is only slower)
    assertTrue(units.sum() / seconds <= 200 * 1.1, units.sum() + " units in " + seconds + " s");
  }

  @Test
  void aShardedIndexKey_andAPlainKeyedEntitysTypeAttribute_areBackfilledToo() {
    TimelineTable timeline = TimelineTable.of(client, dynamo.uniqueTableName("Timeline"));
    timeline.createIfNotExists();
    List<Map<String, AttributeValue>> posts = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      posts.add(PostSchema.INSTANCE.toItem(new Post("p-" + i, DAY.plusSeconds(i), "post " + i)));
    }
    Set<String> indexKeys = new java.util.HashSet<>(posts.get(0).keySet());
    indexKeys.removeAll(Set.of("PK", "SK", "_type", "id", "at", "text"));
    assertTrue(!indexKeys.isEmpty(), "the sharded index key attributes: " + indexKeys);
    writeRaw(timeline.tableName(), posts, indexKeys);
    assertEquals(0, timeline.posts().everyPost().count());
    assertEquals(200, timeline.migrations().backfill(Post.class).run().updated());
    assertEquals(200, timeline.posts().everyPost().count());

    TagsTable tags = TagsTable.of(client, dynamo.uniqueTableName("Tags"));
    tags.createIfNotExists();
    List<Map<String, AttributeValue>> written = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      written.add(TagSchema.INSTANCE.toItem(new Tag("ada", "tag-" + i, i)));
    }
    writeRaw(tags.tableName(), written, Set.of("_type"));
    assertEquals(0, tags.tags().tagsOfOwner("ada").count(), "a query keeps items of its type");
    assertEquals(new Migration.Progress(30, 30, 0, 0, null), tags.migrations().backfill(Tag.class).run());
    assertEquals(30, tags.tags().tagsOfOwner("ada").count());
  }

  @Test
  void aClassThatIsNotAnEntityOfTheTable_isRefused() {
    ShopTable shop = ShopTable.of(client, dynamo.uniqueTableName("Shop"));
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> shop.migrations().backfill(Post.class));
    assertTrue(refused.getMessage().contains("is not an entity of this table"), refused.getMessage());
  }
}
