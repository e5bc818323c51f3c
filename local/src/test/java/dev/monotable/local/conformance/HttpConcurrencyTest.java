package dev.monotable.local.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monotable.local.MonotableLocal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Get;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Many clients at once over the loopback HTTP server, each request on a connection of its own
 * thread: read-modify-write with a condition loses no update, a transaction over two tables is
 * never half visible to TransactGetItems, and tables created while others are written to get
 * every item sent to them.
 */
@EngineOnly("starts an engine of its own on a loopback port")
class HttpConcurrencyTest extends EngineTest {
  private static final int THREADS = 6;
  private MonotableLocal server;
  private DynamoDbClient http;
  private ExecutorService pool;

  @BeforeAll
  void startServer() {
    server = MonotableLocal.start();
    http = DynamoDbClient.builder()
        .httpClient(UrlConnectionHttpClient.create())
        .endpointOverride(server.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
    pool = Executors.newFixedThreadPool(THREADS + 1);
  }

  @AfterAll
  void stopServer() {
    pool.shutdownNow();
    http.close();
    server.close();
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  private String createHttpTable() {
    String name = uniqueName("httpc");
    http.createTable(r -> r.tableName(name)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
        .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build()));
    return name;
  }

  @Test
  @Timeout(60)
  void updateItem_readThenConditionalSetFromSixThreads_noUpdateLost() throws Exception {
    String table = createHttpTable();
    http.putItem(r -> r.tableName(table).item(Map.of("pk", s("counter"), "n", n(0))));
    int perThread = 40;
    List<Callable<Integer>> tasks = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      tasks.add(() -> {
        int conflicts = 0;
        for (int done = 0; done < perThread; ) {
          long seen = Long.parseLong(http.getItem(r -> r.tableName(table).key(Map.of("pk", s("counter")))
              .consistentRead(true)).item().get("n").n());
          try {
            http.updateItem(r -> r.tableName(table).key(Map.of("pk", s("counter")))
                .updateExpression("SET n = :next")
                .conditionExpression("n = :seen")
                .expressionAttributeValues(Map.of(":seen", n(seen), ":next", n(seen + 1))));
            done++;
          } catch (ConditionalCheckFailedException e) {
            conflicts++;  // another thread wrote in between: read again
          }
        }
        return conflicts;
      });
    }

    Together.run(pool, tasks);

    assertEquals(n((long) THREADS * perThread), http.getItem(r -> r.tableName(table)
        .key(Map.of("pk", s("counter"))).consistentRead(true)).item().get("n"));
  }

  @Test
  @Timeout(60)
  void transactWriteItems_transfersBetweenTwoTables_transactGetItemsNeverSeesHalfATransfer() throws Exception {
    String from = createHttpTable();
    String to = createHttpTable();
    long total = 1_000;
    http.putItem(r -> r.tableName(from).item(Map.of("pk", s("account"), "n", n(total))));
    http.putItem(r -> r.tableName(to).item(Map.of("pk", s("account"), "n", n(0))));
    int writers = THREADS - 1;
    int perWriter = 30;
    AtomicBoolean writing = new AtomicBoolean(true);
    List<Callable<String>> tasks = new ArrayList<>();
    for (int i = 0; i < writers; i++) {
      tasks.add(() -> {
        for (int done = 0; done < perWriter; ) {
          try {
            http.transactWriteItems(r -> r.transactItems(add(from, -1), add(to, 1)));
            done++;
          } catch (TransactionCanceledException e) {
            // a conflict with a concurrent transaction cancels it: try again
          }
        }
        return "writer";
      });
    }
    tasks.add(() -> {
      int reads = 0;
      try {
        while (writing.get() || reads == 0) {
          try {
            List<ItemResponse> both = http.transactGetItems(r -> r.transactItems(get(from), get(to))).responses();
            long sum = Long.parseLong(both.get(0).item().get("n").n()) + Long.parseLong(both.get(1).item().get("n").n());
            if (sum != total) {
              return "torn read: the two tables hold " + sum;
            }
            reads++;
          } catch (TransactionCanceledException conflict) {
            // a read that conflicts with a write in progress is cancelled, never torn
          }
        }
        return "reader";
      } finally {
        writing.set(false);
      }
    });
    List<Future<String>> running = new ArrayList<>();
    CountDownLatch start = new CountDownLatch(1);
    for (Callable<String> task : tasks) {
      running.add(pool.submit(() -> {
        start.await();
        return task.call();
      }));
    }
    start.countDown();
    for (int i = 0; i < writers; i++) {
      assertEquals("writer", running.get(i).get(60, TimeUnit.SECONDS));
    }
    writing.set(false);

    assertEquals("reader", running.get(writers).get(60, TimeUnit.SECONDS));
    long moved = (long) writers * perWriter;
    assertEquals(n(total - moved), http.getItem(r -> r.tableName(from).key(Map.of("pk", s("account")))
        .consistentRead(true)).item().get("n"));
    assertEquals(n(moved), http.getItem(r -> r.tableName(to).key(Map.of("pk", s("account")))
        .consistentRead(true)).item().get("n"));
  }

  @Test
  @Timeout(60)
  void createTable_whileOtherThreadsPutIntoAnotherTable_everyTableGetsEveryItem() throws Exception {
    String shared = createHttpTable();
    int items = 25;
    List<Callable<String>> tasks = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      int thread = i;
      if (i % 2 == 0) {
        tasks.add(() -> {
          String own = createHttpTable();
          for (int j = 0; j < items; j++) {
            String pk = "item-" + j;
            http.putItem(r -> r.tableName(own).item(Map.of("pk", s(pk))));
          }
          return own;
        });
      } else {
        tasks.add(() -> {
          for (int j = 0; j < items; j++) {
            String pk = "thread-" + thread + "-item-" + j;
            http.putItem(r -> r.tableName(shared).item(Map.of("pk", s(pk))));
          }
          return shared;
        });
      }
    }

    List<String> tables = Together.run(pool, tasks);

    List<String> listed = http.listTablesPaginator().tableNames().stream().toList();
    for (String table : tables) {
      assertTrue(listed.contains(table), table + " not in " + listed);
      int expected = table.equals(shared) ? items * (THREADS / 2) : items;
      assertEquals(expected, http.scan(r -> r.tableName(table).consistentRead(true)).count(), table);
    }
  }

  private static TransactWriteItem add(String table, long amount) {
    return TransactWriteItem.builder()
        .update(u -> u.tableName(table).key(Map.of("pk", AttributeValue.fromS("account")))
            .updateExpression("ADD n :amount")
            .expressionAttributeValues(Map.of(":amount", AttributeValue.fromN(Long.toString(amount)))))
        .build();
  }

  private static TransactGetItem get(String table) {
    return TransactGetItem.builder()
        .get(Get.builder().tableName(table).key(Map.of("pk", AttributeValue.fromS("account"))).build())
        .build();
  }
}
