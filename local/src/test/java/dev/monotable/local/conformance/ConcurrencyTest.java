package dev.monotable.local.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

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

  @Test
  @Timeout(60)
  void updateItem_eightThreadsReadThenConditionalSet_noIncrementIsLost() throws Exception {
    String table = createTable("pk", null);
    client.putItem(r -> r.tableName(table).item(Map.of("pk", s("counter"), "n", n("0"))));
    int perThread = 100;
    AtomicInteger conflicts = new AtomicInteger();
    List<Callable<Integer>> tasks = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      tasks.add(() -> {
        int done = 0;
        while (done < perThread) {
          // optimistic: read the value, then write value + 1 only if nobody changed it meanwhile
          String seen = client.getItem(r -> r.tableName(table).key(Map.of("pk", s("counter"))).consistentRead(true))
              .item().get("n").n();
          try {
            client.updateItem(r -> r.tableName(table).key(Map.of("pk", s("counter")))
                .updateExpression("SET n = :next")
                .conditionExpression("n = :seen")
                .expressionAttributeValues(Map.of(":seen", n(seen), ":next", n(Integer.toString(Integer.parseInt(seen) + 1)))));
            done++;
          } catch (ConditionalCheckFailedException e) {
            conflicts.incrementAndGet();
          }
        }
        return done;
      });
    }

    int done = Together.run(pool, tasks).stream().mapToInt(Integer::intValue).sum();

    assertEquals(THREADS * perThread, done);
    assertEquals(n(Integer.toString(THREADS * perThread)), client.getItem(r -> r.tableName(table)
        .key(Map.of("pk", s("counter"))).consistentRead(true)).item().get("n"),
        "every successful conditional write counted once (" + conflicts.get() + " lost their race and retried)");
  }

  @Test
  @Timeout(60)
  void transactWriteItems_twoTablesInOppositeOrders_allCommitWithoutDeadlock() throws Exception {
    String first = createTable("pk", null);
    String second = createTable("pk", null);
    int perThread = 100;
    List<Callable<Integer>> tasks = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      boolean firstFirst = i % 2 == 0;
      tasks.add(() -> {
        int mine = 0;
        while (mine < perThread) {
          TransactWriteItem a = addOne(first, "shared");
          TransactWriteItem b = addOne(second, "shared");
          try {
            client.transactWriteItems(r -> r.transactItems(firstFirst ? List.of(a, b) : List.of(b, a)));
            mine++;
          } catch (TransactionCanceledException e) {
            assertTrue(e.cancellationReasons().stream().map(CancellationReason::code)
                .allMatch(code -> code.equals("TransactionConflict") || code.equals("None")), e.getMessage());
          }
        }
        return mine;
      });
    }

    int committed = Together.run(pool, tasks).stream().mapToInt(Integer::intValue).sum();

    assertEquals(THREADS * perThread, committed);
    for (String table : List.of(first, second)) {
      assertEquals(n(Integer.toString(THREADS * perThread)), client.getItem(r -> r.tableName(table)
          .key(Map.of("pk", s("shared"))).consistentRead(true)).item().get("n"), table);
    }
  }

  @Test
  @Timeout(60)
  void batchWriteItem_twoTablesInOppositeOrdersWithPutsBeside_everyWriteLands() throws Exception {
    String first = createTable("pk", null);
    String second = createTable("pk", null);
    int perThread = 100;
    List<Callable<Integer>> tasks = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      String writer = "writer-" + i;
      boolean firstFirst = i % 2 == 0;
      tasks.add(() -> {
        for (int j = 0; j < perThread; j++) {
          String single = writer + "-single-" + j;
          Map<String, AttributeValue> item = Map.of("pk", s(writer + "-" + j));
          Map<String, List<WriteRequest>> requests = new LinkedHashMap<>();
          for (String table : firstFirst ? List.of(first, second) : List.of(second, first)) {
            requests.put(table, List.of(WriteRequest.builder().putRequest(p -> p.item(item)).build()));
          }
          assertTrue(client.batchWriteItem(r -> r.requestItems(requests)).unprocessedItems().isEmpty());
          client.putItem(r -> r.tableName(firstFirst ? first : second).item(Map.of("pk", s(single))));
        }
        return perThread;
      });
    }

    Together.run(pool, tasks);

    assertEquals(THREADS * perThread * 3 / 2, client.scan(r -> r.tableName(first)).count());
    assertEquals(THREADS * perThread * 3 / 2, client.scan(r -> r.tableName(second)).count());
  }

  private static TransactWriteItem addOne(String table, String pk) {
    return TransactWriteItem.builder()
        .update(u -> u.tableName(table).key(Map.of("pk", AttributeValue.fromS(pk)))
            .updateExpression("ADD n :one")
            .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))))
        .build();
  }
}
