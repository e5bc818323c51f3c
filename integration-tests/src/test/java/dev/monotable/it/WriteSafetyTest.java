package dev.monotable.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monotable.it.expiry.CacheTable;
import dev.monotable.it.expiry.Entry;
import dev.monotable.it.expiry.EntryFields;
import dev.monotable.it.expiry.EntryKeys;
import dev.monotable.it.expiry.EntryRepository;
import dev.monotable.it.expiry.Label;
import dev.monotable.it.shop.Counter;
import dev.monotable.it.shop.CounterFields;
import dev.monotable.it.shop.CounterRepository;
import dev.monotable.it.shop.Order;
import dev.monotable.it.shop.OrderFields;
import dev.monotable.it.shop.OrderStatus;
import dev.monotable.it.shop.ShopTable;
import dev.monotable.runtime.ConditionFailedException;
import dev.monotable.runtime.OptimisticLockException;
import dev.monotable.runtime.TableBatchGet;
import dev.monotable.runtime.TableOptions;
import dev.monotable.runtime.TransactionFailedException;
import dev.monotable.testing.DynamoDbExtension;
import dev.monotable.testing.TestDynamoDb;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Writes that must never lose data: updates that would have created half items, deletes of stale
 * versions, and expired items that some reads used to return. Each is checked on the raw item.
 */
@ExtendWith(DynamoDbExtension.class)
class WriteSafetyTest {
  private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
  private static final Instant DAY = Instant.parse("2024-04-30T09:30:00Z");

  private final DynamoDbClient client;
  private final String shopName;
  private final ShopTable shop;
  private final String cacheName;
  private final CacheTable cache;

  WriteSafetyTest(DynamoDbClient client, TestDynamoDb dynamo) {
    this.client = client;
    shopName = dynamo.uniqueTableName("Shop");
    shop = ShopTable.of(client, shopName);
    shop.createIfNotExists();
    cacheName = dynamo.uniqueTableName("Cache");
    cache = CacheTable.of(client, cacheName, TableOptions.defaults().withClock(Clock.fixed(NOW, ZoneOffset.UTC)));
    cache.createIfNotExists();
  }

  private Map<String, AttributeValue> raw(String table, String pk, String sk) {
    Map<String, AttributeValue> item = client.getItem(b -> b.tableName(table).consistentRead(true)
        .key(Map.of("PK", AttributeValue.fromS(pk), "SK", AttributeValue.fromS(sk)))).item();
    return item == null || item.isEmpty() ? null : item;
  }

  private static String orderSortKey(Instant date, String orderId) {
    return dev.monotable.it.shop.OrderKeys.sortKey(date, orderId);
  }

  // ---- update changes an existing item only; upsert creates whole items

  @Test
  void update_ofAMissingItem_failsAndWritesNothing() {
    ConditionFailedException failed = assertThrows(ConditionFailedException.class,
        () -> shop.orders().update("ada", DAY, "o-1").set(OrderFields.TOTAL, BigDecimal.TEN).execute());
    assertTrue(failed.getMessage().contains("upsert()"), failed.getMessage());
    assertEquals(Optional.empty(), failed.current(Order.class));
    assertNull(raw(shopName, "USER#ada", orderSortKey(DAY, "o-1")));
  }

  @Test
  void update_ofAnExistingItem_changesItAndKeepsItsKeys() {
    shop.orders().put(new Order("ada", "o-2", DAY, OrderStatus.PAID, BigDecimal.ONE));
    shop.orders().update("ada", DAY, "o-2").set(OrderFields.TOTAL, BigDecimal.TEN).execute();
    assertEquals(new Order("ada", "o-2", DAY, OrderStatus.PAID, BigDecimal.TEN),
        shop.orders().get("ada", DAY, "o-2").orElseThrow());
  }

  @Test
  void upsert_ofAMissingItem_writesKeyFieldsTypeAttributeAndEveryDerivableIndexKey() {
    shop.orders().upsert("ada", DAY, "o-3").set(OrderFields.TOTAL, new BigDecimal("12.5")).execute();

    Map<String, AttributeValue> item = raw(shopName, "USER#ada", orderSortKey(DAY, "o-3"));
    assertEquals("ada", item.get("userId").s());
    assertEquals("o-3", item.get("orderId").s());
    assertTrue(item.containsKey("orderDate"));
    assertEquals("Order", item.get("_type").s());
    assertEquals("ORDER#o-3", item.get("GSI1PK").s());
    assertEquals("ORDER", item.get("GSI1SK").s());
    assertTrue(item.containsKey("LSI1SK"), "the local index key built from the total set");

    Order expected = new Order("ada", "o-3", DAY, null, new BigDecimal("12.5"));
    assertEquals(expected, shop.orders().get("ada", DAY, "o-3").orElseThrow());
    assertEquals(Optional.of(expected), shop.orders().orderById("o-3").first());
    assertEquals(List.of(expected), shop.orders().ordersOfUser("ada").list());
    assertEquals(List.of(expected), shop.orders().ordersByTotal("ada").list());
  }

  @Test
  void upsert_ofAVersionedEntity_startsAtVersionOne_andMovesItOnAfterwards() {
    shop.counters().upsert("hits").increment(CounterFields.VALUE).execute();
    assertEquals(new Counter("hits", 1, 1), shop.counters().get("hits").orElseThrow());
    shop.counters().upsert("hits").increment(CounterFields.VALUE).execute();
    assertEquals(new Counter("hits", 2, 2), shop.counters().get("hits").orElseThrow());
    shop.counters().update("hits").increment(CounterFields.VALUE).execute();
    assertEquals(new Counter("hits", 3, 3), shop.counters().get("hits").orElseThrow());
  }

  @Test
  void anUpdate_sentTwice_sendsTheSameRequest_andSucceedsBothTimes() {
    shop.orders().put(new Order("ada", "o-5", DAY, OrderStatus.PAID, BigDecimal.ONE));
    var update = shop.orders().update("ada", DAY, "o-5").set(OrderFields.TOTAL, BigDecimal.TEN);
    update.execute();
    update.execute();   // the index key it rewrites and its placeholders are not added a second time
    assertEquals(new Order("ada", "o-5", DAY, OrderStatus.PAID, BigDecimal.TEN),
        shop.orders().get("ada", DAY, "o-5").orElseThrow());

    var upsert = shop.counters().upsert("twice").increment(CounterFields.VALUE);
    upsert.execute();
    upsert.execute();
    assertEquals(new Counter("twice", 2, 2), shop.counters().get("twice").orElseThrow());
  }

  // ---- deleting an entity checks its version

  @Test
  void delete_ofAStaleVersion_throwsAndKeepsTheNewerItem() {
    shop.counters().put(new Counter("c", 0, 0));
    Counter first = shop.counters().get("c").orElseThrow();
    shop.counters().put(new Counter("c", 5, first.version()));
    Counter second = shop.counters().get("c").orElseThrow();
    assertEquals(2, second.version());

    OptimisticLockException stale = assertThrows(OptimisticLockException.class, () -> shop.counters().delete(first));
    assertEquals(Optional.of(second), stale.current(Counter.class));
    assertEquals(second, shop.counters().get("c").orElseThrow());

    TransactionFailedException cancelled = assertThrows(TransactionFailedException.class,
        () -> shop.transaction().delete(shop.counters(), first).execute());
    assertEquals("ConditionalCheckFailed", cancelled.reasons().get(0).code());
    assertEquals(second, shop.counters().get("c").orElseThrow());

    shop.transaction().delete(shop.counters(), second).execute();
    assertTrue(shop.counters().get("c").isEmpty());
  }

  @Test
  void delete_ofTheCurrentVersion_deletes_andDeleteByKeyStaysUnconditional() {
    shop.counters().put(new Counter("d", 0, 0));
    shop.counters().delete(shop.counters().get("d").orElseThrow());
    assertTrue(shop.counters().get("d").isEmpty());

    shop.counters().put(new Counter("e", 0, 0));
    shop.counters().put(new Counter("e", 1, 1));
    shop.counters().delete("e");
    assertTrue(shop.counters().get("e").isEmpty());
  }

  @Test
  void batches_refuseVersionedDeletes_andSendNothing() {
    shop.counters().put(new Counter("f", 0, 0));
    Counter read = shop.counters().get("f").orElseThrow();
    assertThrows(IllegalStateException.class, () -> shop.batchWrite().delete(shop.counters(), read));
    assertThrows(IllegalStateException.class,
        () -> shop.counters().batchDelete(List.of(new CounterRepository.Key("f"))));
    assertEquals(read, shop.counters().get("f").orElseThrow());
  }

  // ---- expired items are absent for every read and for "is it absent?" conditions

  private void putExpiredAndLive() {
    cache.entries().put(new Entry("b", "old", "ann", "stale", NOW.minusSeconds(60), 0));
    cache.entries().put(new Entry("b", "new", "ann", "fresh", NOW.plusSeconds(60), 0));
    cache.labels().put(new Label("b", "expired label", NOW.minusSeconds(1)));
  }

  @Test
  @SuppressWarnings("monotable.scan")
  void expiredItems_areHiddenFromScansBatchesCollectionsAndQueries() {
    putExpiredAndLive();
    Entry fresh = cache.entries().get("b", "new").orElseThrow();

    assertEquals(List.of(fresh), cache.entries().scanAll().list());
    assertEquals(List.of(Optional.empty(), Optional.of(fresh)), cache.entries().batchGet(
        List.of(new EntryRepository.Key("b", "old"), new EntryRepository.Key("b", "new"))));

    TableBatchGet batch = cache.batchGet();
    TableBatchGet.Result<Entry> old = batch.get(cache.entries(), EntryKeys.primaryKey("b", "old"));
    TableBatchGet.Result<Entry> current = batch.get(cache.entries(), EntryKeys.primaryKey("b", "new"));
    batch.execute();
    assertEquals(Optional.empty(), old.value());
    assertEquals(Optional.of(fresh), current.value());

    var bucket = cache.bucket("b").read();
    assertEquals(List.of(fresh), bucket.entries());
    assertEquals(Optional.empty(), bucket.label());

    assertEquals(List.of(fresh), cache.entries().entriesOfBucket("b").list());
    assertEquals(List.of(fresh), cache.entries().entriesOfOwner("ann").list());
    assertEquals(1, cache.entries().entriesOfBucket("b").count());
  }

  @Test
  void putIfAbsent_andUpsert_treatAnExpiredItemAsAbsent() {
    putExpiredAndLive();
    cache.labels().putIfAbsent(new Label("b", "new label", NOW.plusSeconds(60)));
    assertEquals("new label", cache.labels().get("b").orElseThrow().text());

    cache.entries().upsert("b", "old").set(EntryFields.VALUE, "reborn").execute();
    Map<String, AttributeValue> item = raw(cacheName, "BUCKET#b", "ENTRY#old");
    assertEquals("reborn", item.get("value").s());
    assertEquals("1", item.get("version").n(), "a fresh item, not version 2 of the expired one");
    assertFalse(item.containsKey("owner"), "nothing of the expired item survives");
    assertFalse(item.containsKey("ttl"));
    assertEquals(new Entry("b", "old", null, "reborn", null, 1), cache.entries().get("b", "old").orElseThrow());

    assertThrows(ConditionFailedException.class,
        () -> cache.labels().putIfAbsent(new Label("b", "third", NOW.plusSeconds(60))));
  }

  @Test
  void update_ofAnExpiredItem_failsAsForAMissingOne() {
    putExpiredAndLive();
    assertThrows(ConditionFailedException.class,
        () -> cache.entries().update("b", "old").set(EntryFields.VALUE, "x").execute());
    assertEquals("stale", raw(cacheName, "BUCKET#b", "ENTRY#old").get("value").s());
  }
}
