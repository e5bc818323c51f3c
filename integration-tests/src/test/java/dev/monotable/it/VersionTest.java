package dev.monotable.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.monotable.it.shop.Counter;
import dev.monotable.it.shop.CounterFields;
import dev.monotable.it.shop.ShopTable;
import dev.monotable.runtime.OptimisticLockException;
import dev.monotable.testing.DynamoDbExtension;
import dev.monotable.testing.TestDynamoDb;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Optimistic locking with {@code @Version}, against a real DynamoDB (monotable-local by default). */
@ExtendWith(DynamoDbExtension.class)
class VersionTest {
  private final ShopTable shop;

  VersionTest(DynamoDbClient client, TestDynamoDb dynamo) {
    shop = ShopTable.of(client, dynamo.uniqueTableName("Shop"));
    shop.createIfNotExists();
  }

  @Test
  void newItemsStartAtVersion1_andStaleWritesAreRefused() {
    shop.counters().put(new Counter("a", 0, 0));
    assertEquals(1, shop.counters().get("a").orElseThrow().version());
    assertThrows(OptimisticLockException.class, () -> shop.counters().put(new Counter("a", 5, 0)),
        "version 0 means new, and the item exists");

    Counter read = shop.counters().get("a").orElseThrow();
    shop.counters().put(new Counter("a", 1, read.version()));
    OptimisticLockException stale = assertThrows(OptimisticLockException.class,
        () -> shop.counters().put(new Counter("a", 2, read.version())));
    assertEquals(2, stale.current(Counter.class).orElseThrow().version());
    assertEquals(1, shop.counters().get("a").orElseThrow().value());

    shop.counters().update("a").add(CounterFields.VALUE, 10L).expectingVersion(2).execute();
    assertEquals(3, shop.counters().get("a").orElseThrow().version());
    assertThrows(OptimisticLockException.class,
        () -> shop.counters().update("a").add(CounterFields.VALUE, 10L).expectingVersion(2).execute());
  }

  @Test
  void eightThreadsOf200ReadModifyWriteCycles_loseNoUpdate() throws Exception {
    shop.counters().put(new Counter("shared", 0, 0));
    AtomicInteger conflicts = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        done.add(pool.submit(() -> {
          for (int i = 0; i < 200; i++) {
            while (true) {
              Counter read = shop.counters().get("shared").orElseThrow();
              try {
                shop.counters().put(new Counter("shared", read.value() + 1, read.version()));
                break;
              } catch (OptimisticLockException lost) {
                conflicts.incrementAndGet();
              }
            }
          }
        }));
      }
      for (Future<?> future : done) {
        future.get(10, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    Counter end = shop.counters().get("shared").orElseThrow();
    assertEquals(1601, end.version());
    assertEquals(1600, end.value());
    System.out.println("optimistic-lock conflicts retried: " + conflicts.get());
  }
}
