package dev.monotable.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monotable.it.shop.Counter;
import dev.monotable.it.shop.CounterFields;
import dev.monotable.it.shop.Order;
import dev.monotable.it.shop.OrderKeys;
import dev.monotable.it.shop.OrderStatus;
import dev.monotable.it.shop.ShopAsyncTable;
import dev.monotable.it.shop.ShopTable;
import dev.monotable.it.shop.User;
import dev.monotable.runtime.ConditionFailedException;
import dev.monotable.runtime.OptimisticLockException;
import dev.monotable.runtime.Page;
import dev.monotable.runtime.TableCheck;
import dev.monotable.runtime.TransactionRead;
import dev.monotable.runtime.UpdateReturn;
import dev.monotable.testing.DynamoDbExtension;
import dev.monotable.testing.TestDynamoDb;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The generated async twin of the Shop table, on monotable-local's in-process async client. */
@ExtendWith(DynamoDbExtension.class)
class AsyncTableTest {
  private static final Instant DAY = Instant.parse("2024-05-01T09:30:00Z");

  private final ShopTable sync;
  private final ShopAsyncTable shop;

  AsyncTableTest(DynamoDbClient client, DynamoDbAsyncClient asyncClient, TestDynamoDb dynamo) {
    String name = dynamo.uniqueTableName("Shop");
    this.shop = ShopTable.async(asyncClient, name);
    assertTrue(shop.createIfNotExists().join());
    this.sync = ShopTable.of(client, name);
  }

  private static Order order(String user, int n, OrderStatus status) {
    return new Order(user, "o-" + n, DAY.plusSeconds(n), status, BigDecimal.valueOf(n));
  }

  @Test
  void putGetDelete_roundTripThroughFutures() {
    Order order = order("ada", 1, OrderStatus.PENDING);
    assertEquals(order, shop.orders().put(order).join());
    assertEquals(Optional.of(order), shop.orders().get("ada", order.orderDate(), "o-1").join());
    assertEquals(Optional.of(order), sync.orders().get("ada", order.orderDate(), "o-1"), "the sync table reads it");
    shop.orders().delete("ada", order.orderDate(), "o-1").join();
    assertEquals(Optional.empty(), shop.orders().get("ada", order.orderDate(), "o-1").join());
    assertFalse(shop.createIfNotExists().join(), "a second create finds the table");
  }

  @Test
  void aFailedCondition_failsTheFutureWithTheExceptionItself() {
    Order order = order("ada", 2, OrderStatus.PENDING);
    shop.orders().putIfAbsent(order).join();
    CompletableFuture<Order> again = shop.orders().putIfAbsent(order);
    AtomicReference<Throwable> seen = new AtomicReference<>();
    again.exceptionally(failure -> {
      seen.set(failure);
      return null;
    }).join();
    ConditionFailedException failed = assertInstanceOf(ConditionFailedException.class, seen.get());
    assertEquals(order, failed.current(Order.class).orElseThrow());
    CompletionException joined = assertThrows(CompletionException.class, again::join);
    assertInstanceOf(ConditionFailedException.class, joined.getCause());
  }

  @Test
  void aConditionalPutWithoutACondition_isRefusedAtOnce_byBothTwins() {
    Order order = order("ada", 3, OrderStatus.PENDING);
    assertThrows(IllegalArgumentException.class, () -> sync.orders().put(order, null));
    assertThrows(IllegalArgumentException.class, () -> shop.orders().put(order, null));
    assertEquals(Optional.empty(), sync.orders().get("ada", order.orderDate(), "o-3"), "nothing was written");
  }

  @Test
  void updates_andOptimisticLocking() {
    Counter counter = shop.counters().put(new Counter("visits", 0, 0)).join();
    assertEquals(1, counter.version());
    Counter updated = shop.counters().update("visits").increment(CounterFields.VALUE)
        .returning(UpdateReturn.ALL_NEW).execute().join().orElseThrow();
    assertEquals(1, updated.value());
    CompletableFuture<Counter> stale = shop.counters().put(counter);
    assertInstanceOf(OptimisticLockException.class, assertThrows(CompletionException.class, stale::join).getCause());
    CompletableFuture<Optional<Counter>> absent = shop.counters().update("nobody").increment(CounterFields.VALUE)
        .execute();
    assertInstanceOf(ConditionFailedException.class, assertThrows(CompletionException.class, absent::join).getCause());
  }

  @Test
  void queries_pageAndPublish_withCursorsTheSyncQueryAccepts() throws InterruptedException {
    for (int i = 0; i < 25; i++) {
      sync.orders().put(order("bob", i, i % 2 == 0 ? OrderStatus.PENDING : OrderStatus.SHIPPED));
    }
    Page<Order> first = shop.orders().ordersOfUser("bob").limit(10).page().join();
    assertEquals(10, first.items().size());
    Page<Order> second = sync.orders().ordersOfUser("bob").limit(10).after(first.cursor().orElseThrow()).page();
    assertEquals("o-10", second.items().get(0).orderId());
    assertEquals(25, shop.orders().ordersOfUser("bob").list().join().size());
    assertEquals(25L, shop.orders().ordersOfUser("bob").count().join());
    assertEquals("o-24", shop.orders().ordersOfUser("bob").descending().first().join().orElseThrow().orderId());
    // a KEYS_ONLY global index: entries, then whole items by batch get
    assertEquals(13, shop.orders().ordersByStatus(OrderStatus.PENDING).list().join().size());

    // the publisher honours demand: one at a time, 25 in all, in order
    List<String> seen = new CopyOnWriteArrayList<>();
    CountDownLatch done = new CountDownLatch(1);
    shop.orders().ordersOfUser("bob").limit(100).publisher().subscribe(new Subscriber<Order>() {
      private Subscription subscription;

      @Override
      public void onSubscribe(Subscription given) {
        subscription = given;
        given.request(1);
      }

      @Override
      public void onNext(Order order) {
        seen.add(order.orderId());
        subscription.request(1);
      }

      @Override
      public void onError(Throwable failure) {
        done.countDown();
      }

      @Override
      public void onComplete() {
        done.countDown();
      }
    });
    assertTrue(done.await(30, TimeUnit.SECONDS));
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      expected.add("o-" + i);
    }
    assertEquals(expected, seen);
  }

  @Test
  void transactions_batches_andReadTransactions() {
    Order a = order("cy", 1, OrderStatus.PENDING);
    Order b = order("cy", 2, OrderStatus.PENDING);
    shop.transaction().put(shop.orders(), a).put(shop.orders(), b).execute().join();
    assertEquals(2, sync.orders().ordersOfUser("cy").count());
    var reads = shop.transactionRead();
    TransactionRead.Result<Order> first = reads.get(shop.orders(), OrderKeys.primaryKey("cy", a.orderDate(), "o-1"));
    reads.execute().join();
    assertEquals(Optional.of(a), first.value());

    shop.batchWrite().delete(shop.orders(), a).delete(shop.orders(), b).execute().join();
    assertEquals(0, sync.orders().ordersOfUser("cy").count());
    shop.orders().batchPut(List.of(a, b)).join();
    var batch = shop.batchGet();
    var got = batch.get(shop.orders(), OrderKeys.primaryKey("cy", b.orderDate(), "o-2"));
    batch.execute().join();
    assertEquals(Optional.of(b), got.value());
  }

  @Test
  void theStream_isPolledThroughTheAsyncStreamsClient(DynamoDbAsyncClient asyncClient, TestDynamoDb dynamo) {
    var table = dev.monotable.it.stream.ShopTable.async(asyncClient, dynamo.uniqueTableName("StreamShop"));
    table.createIfNotExists().join();
    try (var streams = dynamo.newStreamsAsyncClient()) {
      var reader = table.pollChanges(streams, software.amazon.awssdk.services.dynamodb.model.ShardIteratorType.LATEST)
          .join();
      table.customers().put(new dev.monotable.it.stream.Customer("c-1", "Ada")).join();
      table.customers().put(new dev.monotable.it.stream.Customer("c-1", "Ada L.")).join();
      var changes = table.changes().decode(reader.read().join());
      assertEquals(2, changes.size());
      assertInstanceOf(dev.monotable.runtime.Change.Inserted.class, changes.get(0));
      assertInstanceOf(dev.monotable.runtime.Change.Modified.class, changes.get(1));
      assertEquals(List.of(), reader.read().join(), "a second read finds nothing new");
    }
  }

  @Test
  void collections_scans_andTheTableCheck() {
    sync.users().put(new User("dee", "dee@example.com", "Dee", null));
    sync.orders().put(order("dee", 1, OrderStatus.PENDING));
    var customer = shop.customer("dee").read().join();
    assertEquals(1, customer.orders().size());
    assertTrue(customer.user().isPresent());
    assertEquals(1, shop.orders().scanAll().list().join().size());
    assertEquals(1, shop.orders().scanAll().segments(3).list().join().size());
    assertEquals(1L, shop.orders().scanAll().count().join());

    TableCheck check = sync.check();
    assertTrue(check.healthy(), check.toString());
    assertEquals(new TableCheck(sync.tableName(), "ACTIVE", List.of()), check);
    assertEquals(sync.tableName(), shop.tableName());
  }
}
