package dev.monotable.local.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Get;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Many clients at once on one item. DynamoDB documents a conditional write as succeeding only if
 * its condition holds at the moment of the write, UpdateItem's ADD as an atomic counter, and
 * serializable isolation between TransactWriteItems and TransactGetItems.
 */
class ConcurrencyTest extends EngineTest {
  private static final int THREADS = 8;
  private ExecutorService pool;

  @BeforeAll
  void startPool() {
    pool = Executors.newFixedThreadPool(THREADS + 1);
  }

  @AfterAll
  void stopPool() {
    pool.shutdownNow();
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(String value) {
    return AttributeValue.fromN(value);
  }

  @Test
  @Timeout(60)
  void putItem_eightThreadsAttributeNotExistsOnOneKey_exactlyOneSucceeds() throws Exception {
    String table = createTable("pk", null);
    List<Callable<String>> tasks = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      String who = "writer-" + i;
      tasks.add(() -> {
        try {
          client.putItem(r -> r.tableName(table)
              .item(Map.of("pk", s("contested"), "who", s(who)))
              .conditionExpression("attribute_not_exists(pk)"));
          return who;
        } catch (ConditionalCheckFailedException e) {
          return "failed";
        }
      });
    }

    List<String> results = Together.run(pool, tasks);

    List<String> winners = results.stream().filter(result -> !result.equals("failed")).toList();
    assertEquals(1, winners.size(), "results " + results);
    assertEquals(THREADS - 1, results.stream().filter(result -> result.equals("failed")).count());
    Map<String, AttributeValue> stored = client.getItem(r -> r.tableName(table)
        .key(Map.of("pk", s("contested"))).consistentRead(true)).item();
    assertEquals(s(winners.get(0)), stored.get("who"), "the stored item is the winner's");
  }

  @Test
  @Timeout(60)
  void updateItem_eightThreadsFiveHundredAddsEach_counterEndsAt4000WithEveryValueSeenOnce() throws Exception {
    String table = createTable("pk", null);
    int perThread = 500;
    Set<String> seen = ConcurrentHashMap.newKeySet();
    List<Callable<Integer>> tasks = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      tasks.add(() -> {
        for (int j = 0; j < perThread; j++) {
          String after = client.updateItem(r -> r.tableName(table)
              .key(Map.of("pk", s("counter")))
              .updateExpression("ADD n :one")
              .expressionAttributeValues(Map.of(":one", n("1")))
              .returnValues(ReturnValue.UPDATED_NEW)).attributes().get("n").n();
          seen.add(after);
        }
        return perThread;
      });
    }

    int done = Together.run(pool, tasks).stream().mapToInt(Integer::intValue).sum();

    assertEquals(THREADS * perThread, done);
    Map<String, AttributeValue> stored = client.getItem(r -> r.tableName(table)
        .key(Map.of("pk", s("counter"))).consistentRead(true)).item();
    assertEquals(n("4000"), stored.get("n"));
    assertEquals(THREADS * perThread, seen.size(), "each increment returned a distinct new value");
    assertTrue(seen.contains("1") && seen.contains("4000"));
  }

  @Test
  @Timeout(60)
  void transactWriteItems_concurrentWritersAndReader_readerNeverSeesHalfATransaction() throws Exception {
    String table = createTable("pk", null);
    client.putItem(r -> r.tableName(table).item(Map.of("pk", s("left"), "n", n("0"))));
    client.putItem(r -> r.tableName(table).item(Map.of("pk", s("right"), "n", n("0"))));
    int writers = 4;
    int perWriter = 50;
    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicInteger committed = new AtomicInteger();
    List<Callable<String>> tasks = new ArrayList<>();
    for (int i = 0; i < writers; i++) {
      tasks.add(() -> {
        int mine = 0;
        while (mine < perWriter) {
          try {
            client.transactWriteItems(r -> r.transactItems(
                addOne(table, "left"),
                addOne(table, "right")));
            mine++;
            committed.incrementAndGet();
          } catch (TransactionCanceledException e) {
            // a conflict with a concurrent transaction cancels it: try again
            assertTrue(e.cancellationReasons().stream().map(CancellationReason::code)
                .allMatch(code -> code.equals("TransactionConflict") || code.equals("None")), e.getMessage());
          }
        }
        return "writer";
      });
    }
    tasks.add(() -> {
      int reads = 0;
      while ((writing.get() || reads == 0) && !Thread.currentThread().isInterrupted()) {
        try {
          List<ItemResponse> both = client.transactGetItems(r -> r.transactItems(
              TransactGetItem.builder().get(Get.builder().tableName(table).key(Map.of("pk", s("left"))).build()).build(),
              TransactGetItem.builder().get(Get.builder().tableName(table).key(Map.of("pk", s("right"))).build()).build()))
              .responses();
          String left = both.get(0).item().get("n").n();
          String right = both.get(1).item().get("n").n();
          if (!left.equals(right)) {
            return "torn read: left " + left + ", right " + right;
          }
          reads++;
        } catch (TransactionCanceledException conflict) {
          // a read that conflicts with a write in progress is cancelled, never torn
        }
        if (committed.get() >= writers * perWriter) {
          writing.set(false);
        }
      }
      return "reader";
    });

    List<String> results = Together.run(pool, tasks);

    assertEquals("reader", results.get(writers), results.get(writers));
    assertEquals(writers * perWriter, committed.get());
    for (String side : List.of("left", "right")) {
      assertEquals(n(Integer.toString(writers * perWriter)), client.getItem(r -> r.tableName(table)
          .key(Map.of("pk", s(side))).consistentRead(true)).item().get("n"));
    }
  }

  private static TransactWriteItem addOne(String table, String pk) {
    return TransactWriteItem.builder()
        .update(u -> u.tableName(table).key(Map.of("pk", AttributeValue.fromS(pk)))
            .updateExpression("ADD n :one")
            .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))))
        .build();
  }
}
