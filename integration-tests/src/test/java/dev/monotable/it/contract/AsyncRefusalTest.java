package dev.monotable.it.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.monotable.it.shop.Counter;
import dev.monotable.it.shop.LogEntry;
import dev.monotable.it.shop.LogEntrySchema;
import dev.monotable.it.shop.Order;
import dev.monotable.it.shop.OrderFields;
import dev.monotable.it.shop.OrderRepository;
import dev.monotable.it.shop.OrderStatus;
import dev.monotable.it.shop.ShopAsyncTable;
import dev.monotable.it.shop.ShopTable;
import dev.monotable.it.shop.User;
import dev.monotable.runtime.InvalidCursorException;
import dev.monotable.runtime.InvalidKeyException;
import dev.monotable.runtime.InvalidUpdateException;
import dev.monotable.runtime.ItemTooLargeException;
import dev.monotable.runtime.internal.ItemSize;
import dev.monotable.testing.DynamoDbExtension;
import dev.monotable.testing.TestDynamoDb;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The one part of the contract the blocking facades cannot see: an argument the sync call refuses
 * is refused by the async call itself, thrown where it is made, not handed back as a failed future
 * (the contract scenarios see both the same way, since the facades wait at once).
 */
@ExtendWith(DynamoDbExtension.class)
class AsyncRefusalTest {
  private static final Instant DAY = Instant.parse("2024-05-01T00:00:00Z");

  private final ShopAsyncTable shop;

  AsyncRefusalTest(TestDynamoDb dynamo) {
    String name = dynamo.uniqueTableName("Shop");
    ShopTable.of(dynamo.client(), name).createIfNotExists();
    shop = ShopTable.async(dynamo.asyncClient(), name);
  }

  private record Refusal(String call, Class<? extends RuntimeException> type, Supplier<?> made) {}

  private static Order order(int n) {
    return new Order("ada", "o" + n, DAY, OrderStatus.PAID, BigDecimal.ONE);
  }

  @Test
  void everyArgumentTheSyncCallRefuses_isThrownByTheAsyncCall_notAFailedFuture() {
    long roomForPayload = ItemSize.MAX_BYTES - ItemSize
        .of(LogEntrySchema.INSTANCE.toItem(new LogEntry("big", DAY, 1, "")));
    List<Refusal> refusals = List.of(
        new Refusal("get with a delimiter in the key", InvalidKeyException.class, () -> shop.users().get("a#b")),
        new Refusal("put with a delimiter in the key", InvalidKeyException.class,
            () -> shop.users().put(new User("a#b", "x", "x", DAY))),
        new Refusal("delete of an entity with a null key field", InvalidKeyException.class,
            () -> shop.orders().delete(new Order("ada", null, DAY, OrderStatus.PAID, BigDecimal.ONE))),
        new Refusal("put over 400 KB", ItemTooLargeException.class,
            () -> shop.logEntries().put(new LogEntry("big", DAY, 1, "a".repeat((int) roomForPayload + 1)))),
        new Refusal("batchPut of two items with one key", IllegalArgumentException.class,
            () -> shop.orders().batchPut(List.of(order(1), order(1)))),
        new Refusal("batchPut of a versioned entity", IllegalStateException.class,
            () -> shop.counters().batchPut(List.of(new Counter("c", 0, 0)))),
        new Refusal("update of a primary key field", InvalidUpdateException.class,
            () -> shop.orders().update("ada", DAY, "o1").set(OrderFields.ORDER_ID, "o2").execute()),
        new Refusal("query list after a cursor that is none", InvalidCursorException.class,
            () -> shop.orders().ordersOfUser("ada").after("not a cursor!").list()),
        new Refusal("query count after a cursor that is none", InvalidCursorException.class,
            () -> shop.orders().ordersOfUser("ada").after("not a cursor!").count()),
        new Refusal("query page after a cursor that is none", InvalidCursorException.class,
            () -> shop.orders().ordersOfUser("ada").after("not a cursor!").page()),
        new Refusal("query first after a cursor that is none", InvalidCursorException.class,
            () -> shop.orders().ordersOfUser("ada").after("not a cursor!").first()),
        new Refusal("KEYS_ONLY index page after a cursor that is none", InvalidCursorException.class,
            () -> shop.orders().ordersByStatus(OrderStatus.PAID).after("not a cursor!").page()),
        new Refusal("scan list after a cursor that is none", InvalidCursorException.class,
            () -> shop.orders().scanAll().after("not a cursor!").list()),
        new Refusal("collection page after a cursor that is none", InvalidCursorException.class,
            () -> shop.customer("ada").page(5, "not a cursor!")),
        new Refusal("collection page of 0 items", IllegalArgumentException.class,
            () -> shop.customer("ada").page(0, null)),
        new Refusal("batchGet of a key with a delimiter", InvalidKeyException.class,
            () -> shop.orders().batchGet(List.of(new OrderRepository.Key("a#b", DAY, "o1")))),
        new Refusal("transaction with two actions on one item", IllegalStateException.class,
            () -> shop.transaction().put(shop.orders(), order(2)).delete(shop.orders(), order(2))));

    List<String> broken = new ArrayList<>();
    for (Refusal refusal : refusals) {
      try {
        Object made = refusal.made().get();
        if (made instanceof CompletableFuture<?> future) {
          String outcome;
          try {
            future.join();
            outcome = "a future that completed";
          } catch (RuntimeException failed) {
            outcome = "a future that failed with " + causeOf(failed);
          }
          broken.add(refusal.call() + ": not thrown by the call, but " + outcome);
        } else {
          broken.add(refusal.call() + ": not thrown by the call, which returned " + made);
        }
      } catch (RuntimeException thrown) {
        if (!refusal.type().isInstance(thrown)) {
          broken.add(refusal.call() + ": threw " + thrown + ", not a " + refusal.type().getSimpleName());
        }
      }
    }
    assertEquals(List.of(), broken);
  }

  private static String causeOf(Throwable failed) {
    return dev.monotable.runtime.internal.Futures.cause(failed).toString();
  }
}
