package dev.monotable.it.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monotable.it.shop.Counter;
import dev.monotable.it.shop.CounterFields;
import dev.monotable.it.shop.Dimension;
import dev.monotable.it.shop.LogEntry;
import dev.monotable.it.shop.LogEntryFields;
import dev.monotable.it.shop.LogEntrySchema;
import dev.monotable.it.shop.Order;
import dev.monotable.it.shop.OrderFields;
import dev.monotable.it.shop.OrderItem;
import dev.monotable.it.shop.OrderStatus;
import dev.monotable.it.shop.Product;
import dev.monotable.it.shop.ProductFields;
import dev.monotable.it.shop.User;
import dev.monotable.it.shop.UserFields;
import dev.monotable.runtime.ConditionFailedException;
import dev.monotable.runtime.InvalidKeyException;
import dev.monotable.runtime.InvalidUpdateException;
import dev.monotable.runtime.ItemTooLargeException;
import dev.monotable.runtime.MappingException;
import dev.monotable.runtime.OptimisticLockException;
import dev.monotable.runtime.UpdateReturn;
import dev.monotable.runtime.internal.ItemSize;
import dev.monotable.testing.DynamoDbExtension;
import dev.monotable.testing.TestDynamoDb;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Single-item writes and reads of the Shop design, for both flavours: round trips, the items they
 * store, conditions, versions, updates, and the errors of each (WriteTest, UpdateTest, VersionTest,
 * ShopTableTest). Each scenario gets a table of its own.
 */
@ExtendWith(DynamoDbExtension.class)
class ShopWriteContractTest {
  private static final Instant DAY = Instant.parse("2024-05-01T09:30:00.123456789Z");

  private final TestDynamoDb dynamo;
  private final DynamoDbClient client;
  private final String tableName;

  ShopWriteContractTest(TestDynamoDb dynamo) {
    this.dynamo = dynamo;
    this.client = dynamo.client();
    this.tableName = dynamo.uniqueTableName("Shop");
  }

  /** The flavour's facade on this scenario's table, created by the flavour itself. */
  private ShopOps shop(Flavour flavour) {
    ShopOps shop = flavour.shop(dynamo, tableName);
    assertTrue(shop.createIfNotExists(), "a new table is created");
    assertFalse(shop.createIfNotExists(), "a second create finds it");
    return shop;
  }

  private Map<String, AttributeValue> raw(String table, String pk, String sk) {
    return client.getItem(b -> b.tableName(table).consistentRead(true)
        .key(Map.of("PK", AttributeValue.fromS(pk), "SK", AttributeValue.fromS(sk)))).item();
  }

  private static Product lamp() {
    Product lamp = new Product();
    lamp.setSku("LAMP");
    lamp.setName("Lamp");
    lamp.setCategory("lighting");
    lamp.setPriceCents(2599L);
    lamp.setTags(Set.of("desk"));
    lamp.setDimensions(List.of(new Dimension("height", new BigDecimal("45"), "cm")));
    return lamp;
  }

  private static Order order(String user, String id, OrderStatus status, String total) {
    return new Order(user, id, DAY, status, new BigDecimal(total));
  }

  @ContractTest
  void putThenGet_roundTripsRecordsClassesAndBeans(Flavour flavour) {
    ShopOps shop = shop(flavour);
    User ada = new User("ada", "ada@example.com", "Ada", Instant.parse("2024-01-02T03:04:05Z"));
    Order order = order("ada", "o-1", OrderStatus.PAID, "12.50");
    assertEquals(ada, shop.users().put(ada), "put hands back what it wrote");
    shop.orders().put(order);
    shop.orderItems().put(new OrderItem("o-1", 3, "SKU-1", 2));
    shop.products().put(lamp());

    assertEquals(Optional.of(ada), shop.getUser("ada"));
    Order read = shop.getOrder("ada", DAY, "o-1").orElseThrow();
    assertEquals(DAY, read.orderDate(), "nanoseconds kept");
    assertEquals(0, order.total().compareTo(read.total()));
    assertEquals("SKU-1", shop.getOrderItem("o-1", 3).orElseThrow().getSku());
    Product product = shop.getProduct("LAMP").orElseThrow();
    assertEquals(Set.of("desk"), product.getTags());
    assertEquals("cm", product.getDimensions().get(0).unit());
    assertEquals(Optional.empty(), shop.getUser("nobody"));
  }

  @ContractTest
  void whatOneFlavourWrites_theOtherReads_andBothStoreTheSameRawItem(Flavour flavour) {
    ShopOps shop = shop(flavour);
    String otherName = dynamo.uniqueTableName("Shop");
    ShopOps other = flavour.other().shop(dynamo, otherName);
    other.createIfNotExists();
    ShopOps otherOnThisTable = flavour.other().shop(dynamo, tableName);

    User ada = new User("ada", "ada@example.com", "Ada", DAY);
    Order order = order("ada", "o-17", OrderStatus.PAID, "12.50");
    Product lamp = lamp();
    for (ShopOps writer : List.of(shop, other)) {
      writer.users().put(ada);
      writer.orders().put(order);
      writer.products().put(lamp);
    }
    for (String[] key : new String[][] {{"USER#ada", "PROFILE"}, {"PRODUCT#LAMP", "DETAILS"},
        {"USER#ada", "ORDER#2024-05-01T09:30:00.123456789Z#o-17"}}) {
      Map<String, AttributeValue> mine = raw(tableName, key[0], key[1]);
      assertFalse(mine.isEmpty(), "stored under " + key[0] + " " + key[1]);
      assertEquals(raw(otherName, key[0], key[1]), mine, "the same raw item from both flavours");
    }
    assertEquals("ORDER#o-17", raw(tableName, "USER#ada", "ORDER#2024-05-01T09:30:00.123456789Z#o-17")
        .get("GSI1PK").s(), "every index key attribute is written");

    assertEquals(Optional.of(ada), otherOnThisTable.getUser("ada"));
    assertEquals(shop.getOrder("ada", DAY, "o-17"), otherOnThisTable.getOrder("ada", DAY, "o-17"));
    otherOnThisTable.updateUser("ada").set(UserFields.NAME, "Ada L.").execute();
    assertEquals("Ada L.", shop.getUser("ada").orElseThrow().name(), "and the other way round");
  }

  @ContractTest
  void delete_byKeyAndByEntity_removesTheItem_andAnAbsentItemIsNoError(Flavour flavour) {
    ShopOps shop = shop(flavour);
    Order first = order("u2", "o-1", OrderStatus.PENDING, "1");
    Order second = order("u2", "o-2", OrderStatus.PENDING, "10");
    shop.orders().put(first);
    shop.orders().put(second);

    shop.deleteOrder("u2", DAY, "o-1");
    shop.orders().delete(second);
    shop.deleteOrder("u2", DAY, "never-there");

    assertEquals(Optional.empty(), shop.getOrder("u2", DAY, "o-1"));
    assertEquals(Optional.empty(), shop.getOrder("u2", DAY, "o-2"));
    assertTrue(client.scan(b -> b.tableName(tableName)).items().isEmpty());
  }

  @ContractTest
  void putIfAbsent_refusesASecondItem_withConditionFailedCarryingTheCurrentOne(Flavour flavour) {
    ShopOps shop = shop(flavour);
    User first = new User("grace", "grace@example.com", "Grace", Instant.EPOCH);
    assertEquals(first, shop.users().putIfAbsent(first));
    ConditionFailedException failed = assertThrows(ConditionFailedException.class,
        () -> shop.users().putIfAbsent(new User("grace", "other@example.com", "Impostor", Instant.EPOCH)));
    assertEquals(Optional.of(first), failed.current(User.class));
    assertEquals("Grace", shop.getUser("grace").orElseThrow().name());
  }

  @ContractTest
  void conditionalPut_onAReservedWord_failsWithTheCurrentItem_whenTheConditionIsFalse(Flavour flavour) {
    ShopOps shop = shop(flavour);
    User ada = new User("ada", "ada@example.com", "Ada", Instant.EPOCH);
    shop.users().put(ada);
    shop.users().put(new User("ada", "ada@new.example", "Ada", Instant.EPOCH), UserFields.NAME.eq("Ada"));
    assertEquals("ada@new.example", shop.getUser("ada").orElseThrow().email());

    ConditionFailedException failed = assertThrows(ConditionFailedException.class,
        () -> shop.users().put(ada, UserFields.NAME.eq("Somebody else")));
    assertEquals("ada@new.example", failed.current(User.class).orElseThrow().email());
    assertEquals("ada@new.example", shop.getUser("ada").orElseThrow().email(), "nothing written");
  }

  @ContractTest
  void conditionalDelete_failsWithTheCurrentItem_thenDeletesWhenTheConditionHolds(Flavour flavour) {
    ShopOps shop = shop(flavour);
    shop.users().put(new User("ada", "ada@example.com", "Ada", Instant.EPOCH));
    ConditionFailedException refused = assertThrows(ConditionFailedException.class,
        () -> shop.deleteUser("ada", UserFields.EMAIL.eq("someone@else.example")));
    assertEquals("ada@example.com", refused.current(User.class).orElseThrow().email());
    assertTrue(shop.getUser("ada").isPresent());

    Order order = order("ada", "o-1", OrderStatus.PAID, "5");
    shop.orders().put(order);
    assertThrows(ConditionFailedException.class,
        () -> shop.deleteOrder("ada", DAY, "o-1", OrderFields.STATUS.eq(OrderStatus.SHIPPED)));
    shop.deleteOrder("ada", DAY, "o-1", OrderFields.STATUS.eq(OrderStatus.PAID));
    shop.deleteUser("ada", UserFields.EMAIL.eq("ada@example.com"));
    assertEquals(Optional.empty(), shop.getUser("ada"));
    assertEquals(Optional.empty(), shop.getOrder("ada", DAY, "o-1"));
  }

  @ContractTest
  void versionedPut_startsAtVersion1_andAStalePutIsOptimisticLock_carryingTheCurrentItem(Flavour flavour) {
    ShopOps shop = shop(flavour);
    assertEquals(1, shop.counters().put(new Counter("a", 0, 0)).version(), "put hands back the new version");
    assertEquals(1, shop.getCounter("a").orElseThrow().version());
    assertThrows(OptimisticLockException.class, () -> shop.counters().put(new Counter("a", 5, 0)),
        "version 0 means new, and the item exists");

    Counter read = shop.getCounter("a").orElseThrow();
    assertEquals(2, shop.counters().put(new Counter("a", 1, read.version())).version());
    OptimisticLockException stale = assertThrows(OptimisticLockException.class,
        () -> shop.counters().put(new Counter("a", 2, read.version())));
    assertEquals(new Counter("a", 1, 2), stale.current(Counter.class).orElseThrow());
    assertEquals(1, shop.getCounter("a").orElseThrow().value());
  }

  @ContractTest
  void versionedUpdate_expectingTheCurrentVersionWrites_andAStaleOneIsOptimisticLock(Flavour flavour) {
    ShopOps shop = shop(flavour);
    shop.counters().put(new Counter("a", 0, 0));
    Counter added = shop.updateCounter("a").add(CounterFields.VALUE, 10L).expectingVersion(1)
        .returning(UpdateReturn.ALL_NEW).execute().orElseThrow();
    assertEquals(new Counter("a", 10, 2), added);
    assertThrows(OptimisticLockException.class,
        () -> shop.updateCounter("a").add(CounterFields.VALUE, 10L).expectingVersion(1).execute());
    Counter incremented = shop.updateCounter("a").increment(CounterFields.VALUE)
        .returning(UpdateReturn.ALL_NEW).execute().orElseThrow();
    assertEquals(new Counter("a", 11, 3), incremented, "an update without a version still bumps it");
  }

  @ContractTest
  void update_setAddAddToSetAndRemove_inOneRequest_returningAllNew(Flavour flavour) {
    ShopOps shop = shop(flavour);
    shop.products().put(lamp());
    Product updated = shop.updateProduct("LAMP")
        .set(ProductFields.NAME, "Desk lamp")
        .add(ProductFields.PRICE_CENTS, 100L)
        .addToSet(ProductFields.TAGS, Set.of("led"))
        .remove(ProductFields.CATEGORY)
        .returning(UpdateReturn.ALL_NEW)
        .execute().orElseThrow();
    assertEquals("Desk lamp", updated.getName());
    assertEquals(2699L, updated.getPriceCents());
    assertEquals(Set.of("desk", "led"), updated.getTags());
    assertNull(updated.getCategory());
    assertEquals("height", updated.getDimensions().get(0).name(), "ALL_NEW: the untouched attributes too");
  }

  @ContractTest
  void update_returningUpdatedNew_readsOnlyTheChangedAttributes_andNoneReturnsNothing(Flavour flavour) {
    ShopOps shop = shop(flavour);
    shop.products().put(lamp());
    Product changed = shop.updateProduct("LAMP").set(ProductFields.NAME, "Desk lamp")
        .returning(UpdateReturn.UPDATED_NEW).execute().orElseThrow();
    assertEquals("Desk lamp", changed.getName());
    assertNull(changed.getPriceCents(), "not updated, so not returned");
    Product old = shop.updateProduct("LAMP").set(ProductFields.NAME, "Lamp")
        .returning(UpdateReturn.ALL_OLD).execute().orElseThrow();
    assertEquals("Desk lamp", old.getName());
    assertEquals(2599L, old.getPriceCents());
    assertEquals(Optional.empty(), shop.updateProduct("LAMP").set(ProductFields.NAME, "Lamp").execute(),
        "no returning(): nothing read back");
  }

  @ContractTest
  void update_incrementDecrementSetIfAbsentRemoveFromSet_andListAppendPrepend(Flavour flavour) {
    ShopOps shop = shop(flavour);
    shop.products().put(lamp());
    shop.updateProduct("LAMP").increment(ProductFields.STOCK).increment(ProductFields.PRICE_CENTS).execute();
    shop.updateProduct("LAMP").decrement(ProductFields.PRICE_CENTS).setIfAbsent(ProductFields.STOCK, 99L)
        .removeFromSet(ProductFields.TAGS, Set.of("desk")).execute();
    Dimension width = new Dimension("width", new BigDecimal("20"), "cm");
    Dimension depth = new Dimension("depth", new BigDecimal("15"), "cm");
    shop.updateProduct("LAMP").append(ProductFields.DIMENSIONS, List.of(width)).execute();
    shop.updateProduct("LAMP").prepend(ProductFields.DIMENSIONS, List.of(depth)).execute();

    Product read = shop.getProduct("LAMP").orElseThrow();
    assertEquals(1L, read.getStock(), "setIfAbsent keeps the incremented value");
    assertEquals(2599L, read.getPriceCents());
    assertEquals(Set.of(), read.getTags(), "the last tag removed: the set is gone, read back empty");
    assertEquals(List.of("depth", "height", "width"), read.getDimensions().stream().map(Dimension::name).toList());
  }

  @ContractTest
  void update_isAValue_eachClauseMakesANewOne_andSendingTwiceSendsTheSame(Flavour flavour) {
    ShopOps shop = shop(flavour);
    shop.products().put(lamp());
    UpdateOps<Product> rename = shop.updateProduct("LAMP").set(ProductFields.NAME, "Desk lamp");
    UpdateOps<Product> restock = rename.increment(ProductFields.STOCK);
    rename.execute();
    assertNull(shop.getProduct("LAMP").orElseThrow().getStock(), "the stock clause went to another update");
    restock.execute();
    restock.execute();
    assertEquals(2L, shop.getProduct("LAMP").orElseThrow().getStock());
    assertThrows(InvalidUpdateException.class, () -> rename.set(ProductFields.NAME, "Lamp"),
        "a second clause on one path is refused where it is given");
  }

  @ContractTest
  void update_when_failsWithConditionFailedCarryingTheCurrentItem(Flavour flavour) {
    ShopOps shop = shop(flavour);
    shop.users().put(new User("ada", "ada@example.com", "Ada", Instant.EPOCH));
    shop.updateUser("ada").set(UserFields.NAME, "Ada L.").when(UserFields.NAME.eq("Ada")).execute();
    ConditionFailedException failed = assertThrows(ConditionFailedException.class,
        () -> shop.updateUser("ada").set(UserFields.NAME, "X").when(UserFields.NAME.eq("Ada")).execute());
    assertEquals("Ada L.", failed.current(User.class).orElseThrow().name());
    assertEquals("Ada L.", shop.getUser("ada").orElseThrow().name());
  }

  @ContractTest
  void update_ofAMissingItem_failsWithConditionFailed_andCreatesNothing(Flavour flavour) {
    ShopOps shop = shop(flavour);
    ConditionFailedException failed = assertThrows(ConditionFailedException.class,
        () -> shop.updateCounter("nobody").increment(CounterFields.VALUE).execute());
    assertEquals(Optional.empty(), failed.current(Counter.class));
    assertEquals(Optional.empty(), shop.getCounter("nobody"));
  }

  @ContractTest
  void upsert_createsAMissingItemWithItsKeyFields_thenUpdatesIt(Flavour flavour) {
    ShopOps shop = shop(flavour);
    Counter created = shop.upsertCounter("visits").increment(CounterFields.VALUE)
        .returning(UpdateReturn.ALL_NEW).execute().orElseThrow();
    assertEquals(new Counter("visits", 1, 1), created);
    shop.upsertCounter("visits").add(CounterFields.VALUE, 4L).execute();
    assertEquals(new Counter("visits", 5, 2), shop.getCounter("visits").orElseThrow());

    Product made = shop.upsertProduct("NEW").set(ProductFields.NAME, "New")
        .returning(UpdateReturn.ALL_NEW).execute().orElseThrow();
    assertEquals("NEW", made.getSku());
    assertEquals("Product", raw(tableName, "PRODUCT#NEW", "DETAILS").get("_type").s());
  }

  @ContractTest
  void updateOfAnIndexTemplateField_rewritesTheIndexKey_andOneItCannotBuildIsRefused(Flavour flavour) {
    ShopOps shop = shop(flavour);
    shop.orders().put(order("bob", "o1", OrderStatus.PAID, "10"));
    shop.updateOrder("bob", DAY, "o1").set(OrderFields.TOTAL, new BigDecimal("99")).execute();
    assertEquals(List.of("o1"), shop.ordersByTotalByTotal("bob").greaterThan(new BigDecimal("50")).list().stream()
        .map(Order::orderId).toList(), "LSI1SK follows the new total");
    InvalidUpdateException refused = assertThrows(InvalidUpdateException.class,
        () -> shop.updateOrder("bob", DAY, "o1").set(OrderFields.ORDER_ID, "o2").execute());
    assertTrue(refused.getMessage().contains("[orderId]"), refused.getMessage());
    assertThrows(InvalidUpdateException.class,
        () -> shop.updateOrder("bob", DAY, "o1").add(OrderFields.TOTAL, BigDecimal.ONE).execute());
  }

  @ContractTest
  void keysWithTheDelimiterOrEmpty_areInvalidKey_beforeAnythingIsSent(Flavour flavour) {
    ShopOps shop = shop(flavour);
    InvalidKeyException delimiter = assertThrows(InvalidKeyException.class, () -> shop.getUser("victim#ORDER"));
    assertEquals("id", delimiter.field());
    assertThrows(InvalidKeyException.class, () -> shop.getUser(""));
    assertThrows(InvalidKeyException.class,
        () -> shop.users().put(new User("victim#ORDER", "x", "x", Instant.EPOCH)));
    assertThrows(InvalidKeyException.class, () -> shop.updateUser("a#b"));
    assertThrows(InvalidKeyException.class, () -> shop.ordersOfUser("ada#x"));
    assertTrue(client.scan(b -> b.tableName(tableName)).items().isEmpty());
  }

  @ContractTest
  void anItemOfAnotherType_orWithAWrongAttributeType_isAMappingError(Flavour flavour) {
    ShopOps shop = shop(flavour);
    client.putItem(b -> b.tableName(tableName).item(Map.of(
        "PK", AttributeValue.fromS("USER#imposter"), "SK", AttributeValue.fromS("PROFILE"),
        "_type", AttributeValue.fromS("Order"))));
    MappingException otherType = assertThrows(MappingException.class, () -> shop.getUser("imposter"));
    assertTrue(otherType.getMessage().contains("is a Order, not a User"), otherType.getMessage());

    client.putItem(b -> b.tableName(tableName).item(Map.of(
        "PK", AttributeValue.fromS("USER#broken"), "SK", AttributeValue.fromS("PROFILE"),
        "_type", AttributeValue.fromS("User"), "createdAt", AttributeValue.fromN("12"))));
    MappingException wrongType = assertThrows(MappingException.class, () -> shop.getUser("broken"));
    assertEquals("createdAt", wrongType.attribute());
  }

  @ContractTest
  void aPutOneByteOver400Kb_isItemTooLarge_beforeSending_andAtTheLimitIsStored(Flavour flavour) {
    ShopOps shop = shop(flavour);
    long empty = ItemSize.of(LogEntrySchema.INSTANCE.toItem(new LogEntry("big", DAY, 1, "")));
    long room = ItemSize.MAX_BYTES - empty;
    String payload = "é".repeat((int) (room / 2)) + "a".repeat((int) (room % 2));
    shop.logEntries().put(new LogEntry("big", DAY, 1, payload));
    assertEquals(payload, shop.getLogEntry("big", DAY, 1).orElseThrow().payload());

    ItemTooLargeException tooLarge = assertThrows(ItemTooLargeException.class,
        () -> shop.logEntries().put(new LogEntry("big", DAY, 1, payload + "a")));
    assertEquals("LogEntry", tooLarge.entity());
    assertEquals(ItemSize.MAX_BYTES + 1, tooLarge.size());
    assertEquals(payload, shop.getLogEntry("big", DAY, 1).orElseThrow().payload(), "nothing was sent");
  }

  @ContractTest
  void anUpdateGrowingTheItemPast400Kb_isItemTooLarge_fromDynamoDb_andChangesNothing(Flavour flavour) {
    ShopOps shop = shop(flavour);
    shop.logEntries().put(new LogEntry("grows", DAY, 1, "x".repeat(200_000)));
    ItemTooLargeException tooLarge = assertThrows(ItemTooLargeException.class,
        () -> shop.updateLogEntry("grows", DAY, 1).set(LogEntryFields.PAYLOAD, "y".repeat(410_000)).execute());
    assertEquals("LogEntry", tooLarge.entity());
    assertEquals(-1, tooLarge.size(), "DynamoDB's refusal: the size is not known");
    assertTrue(tooLarge.getMessage().contains("UpdateItem"), tooLarge.getMessage());
    assertEquals(200_000, shop.getLogEntry("grows", DAY, 1).orElseThrow().payload().length());
  }

  @ContractTest
  void aTransactionUpdateGrowingTheItemPast400Kb_isItemTooLarge_andWritesNothingOfTheTransaction(Flavour flavour) {
    ShopOps shop = shop(flavour);
    shop.logEntries().put(new LogEntry("grows", DAY, 1, "x".repeat(200_000)));
    ItemTooLargeException tooLarge = assertThrows(ItemTooLargeException.class, () -> shop.transaction()
        .put(shop.users(), new User("small", "s@example.com", "S", DAY))
        .update(shop.updateLogEntry("grows", DAY, 1).set(LogEntryFields.PAYLOAD, "y".repeat(410_000)))
        .execute());
    assertEquals("LogEntry", tooLarge.entity());
    assertInstanceOf(
        TransactionCanceledException.class, tooLarge.getCause());
    assertEquals(Optional.empty(), shop.getUser("small"), "nothing of the transaction was written");
  }

  @ContractTest
  void anUpsertWhoseConditionNoItemMeets_failsWithConditionFailed_andCreatesNothing(Flavour flavour) {
    ShopOps shop = shop(flavour);
    assertThrows(ConditionFailedException.class, () -> shop.upsertProduct("GHOST").set(ProductFields.NAME, "G")
        .when(ProductFields.NAME.eq("G")).execute());
    assertEquals(Optional.empty(), shop.getProduct("GHOST"));
  }

  @ContractTest
  void fourThreadsOf100Increments_endAtExactly400(Flavour flavour) throws Exception {
    ShopOps shop = shop(flavour);
    shop.products().put(lamp());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        done.add(pool.submit(() -> {
          for (int i = 0; i < 100; i++) {
            shop.updateProduct("LAMP").increment(ProductFields.STOCK).execute();
          }
        }));
      }
      for (Future<?> future : done) {
        future.get(5, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(400L, shop.getProduct("LAMP").orElseThrow().getStock());
  }

  @ContractTest
  void fourThreadsOfVersionedReadModifyWrite_loseNoUpdate_retryingOnOptimisticLock(Flavour flavour) throws Exception {
    ShopOps shop = shop(flavour);
    shop.counters().put(new Counter("shared", 0, 0));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        done.add(pool.submit(() -> {
          for (int i = 0; i < 50; i++) {
            while (true) {
              Counter read = shop.getCounter("shared").orElseThrow();
              try {
                shop.counters().put(new Counter("shared", read.value() + 1, read.version()));
                break;
              } catch (OptimisticLockException lost) {
                // another thread wrote first: read again
              }
            }
          }
        }));
      }
      for (Future<?> future : done) {
        future.get(5, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(new Counter("shared", 200, 201), shop.getCounter("shared").orElseThrow());
  }
}
