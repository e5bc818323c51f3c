package dev.monotable.local.durable;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The server with {@code --data-dir}, killed with SIGKILL ({@link Process#destroyForcibly()}) at a
 * random moment of a concurrent write load and started again on the same directory, round after
 * round: every write it acknowledged is there, and a write in flight at the kill is either wholly
 * there or not at all — a transaction of two items is never half applied.
 *
 * <p>Each client thread owns its keys, so a model of its acknowledged writes says what they must
 * hold; the call in flight at the kill (at most one a thread) may have been applied or not, and the
 * thread's keys must then match the model with it or the model without it, nothing in between.
 * {@code -Dmonotable.crash.rounds=50} sets the rounds, {@code -Dmonotable.crash.seed} the seed (both
 * are in every failure message).
 */
class DurabilityCrashTest {
  private static final int ROUNDS = Integer.getInteger("monotable.crash.rounds", 50);
  private static final long SEED = Long.getLong("monotable.crash.seed", 20261207L);
  private static final int THREADS = 4;
  private static final int KEYS_PER_THREAD = 6;
  private static final String TABLE = "crash";
  private static final int COMPACT_ABOVE = 150;
  private static final AttributeValue ONE = AttributeValue.fromN("1");

  @TempDir
  Path directory;

  /** One write of a thread, applied to its model of the table the way the engine applies it. */
  private record Write(String description, java.util.function.Consumer<Map<String, Map<String, AttributeValue>>> effect,
      java.util.function.Consumer<DynamoDbClient> call) {}

  /** What one thread did in a round: writes acknowledged, and the one in doubt at the kill, if any. */
  private static final class Worker extends Thread {
    final int number;
    final DynamoDbClient client;
    final Random random;
    final AtomicBoolean killed;
    final List<Write> acknowledged = new ArrayList<>();
    volatile Write inDoubt;
    volatile Throwable beforeKill;
    final AtomicLong counter;

    Worker(int number, DynamoDbClient client, long seed, AtomicBoolean killed, AtomicLong counter) {
      super("crash-load-" + number);
      this.number = number;
      this.client = client;
      this.random = new Random(seed);
      this.killed = killed;
      this.counter = counter;
    }

    String key(int i) {
      return "t" + number + "-k" + i;
    }

    @Override
    public void run() {
      while (true) {
        Write write = next();
        try {
          write.call().accept(client);
          acknowledged.add(write);
        } catch (RuntimeException e) {
          if (!killed.get()) {
            beforeKill = e;
          }
          inDoubt = write;
          return;
        }
      }
    }

    private Write next() {
      long value = counter.incrementAndGet();
      AttributeValue v = AttributeValue.fromN(Long.toString(value));
      String key = key(random.nextInt(KEYS_PER_THREAD));
      int kind = random.nextInt(10);
      if (kind < 3) {
        return new Write("put " + key + " v=" + value,
            model -> model.put(key, Map.of("pk", AttributeValue.fromS(key), "v", v)),
            c -> c.putItem(r -> r.tableName(TABLE).item(Map.of("pk", AttributeValue.fromS(key), "v", v))));
      }
      if (kind < 6) {
        return new Write("update " + key + " v=" + value,
            model -> model.put(key, updated(model.get(key), key, v, null)),
            c -> c.updateItem(r -> r.tableName(TABLE).key(Map.of("pk", AttributeValue.fromS(key)))
                .updateExpression("SET v = :v ADD cnt :one").expressionAttributeValues(Map.of(":v", v, ":one", ONE))));
      }
      if (kind < 7) {
        return new Write("delete " + key, model -> model.remove(key),
            c -> c.deleteItem(r -> r.tableName(TABLE).key(Map.of("pk", AttributeValue.fromS(key)))));
      }
      String other = key(Math.floorMod(Integer.parseInt(key.substring(key.indexOf('k') + 1)) + 1 + random.nextInt(KEYS_PER_THREAD - 1),
          KEYS_PER_THREAD));
      return new Write("transaction put " + key + " + update " + other + " tx=" + value,
          model -> {
            model.put(key, Map.of("pk", AttributeValue.fromS(key), "v", v, "tx", v));
            model.put(other, updated(model.get(other), other, v, v));
          },
          c -> c.transactWriteItems(r -> r.transactItems(
              t -> t.put(p -> p.tableName(TABLE).item(Map.of("pk", AttributeValue.fromS(key), "v", v, "tx", v))),
              t -> t.update(u -> u.tableName(TABLE).key(Map.of("pk", AttributeValue.fromS(other)))
                  .updateExpression("SET v = :v, tx = :v ADD cnt :one")
                  .expressionAttributeValues(Map.of(":v", v, ":one", ONE))))));
    }

    private static Map<String, AttributeValue> updated(Map<String, AttributeValue> old, String key, AttributeValue v,
        AttributeValue tx) {
      Map<String, AttributeValue> item = new HashMap<>(old == null ? Map.of("pk", AttributeValue.fromS(key)) : old);
      item.put("v", v);
      if (tx != null) {
        item.put("tx", tx);
      }
      long count = item.containsKey("cnt") ? Long.parseLong(item.get("cnt").n()) : 0;
      item.put("cnt", AttributeValue.fromN(Long.toString(count + 1)));
      return Map.copyOf(item);
    }
  }

  /** A server process on the data directory, and a client of it. */
  private final class Server implements AutoCloseable {
    final Process process;
    final SdkHttpClient http;
    final DynamoDbClient client;

    Server(int start) throws IOException {
      Path log = directory.resolve("server-" + start + ".log");
      ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
          // compact often, so that restarts also load snapshots
          "-Dmonotable.local.compactAbove=" + COMPACT_ABOVE,
          "-cp", System.getProperty("java.class.path"), "dev.monotable.local.Main",
          "--host", "127.0.0.1", "--port", "0", "--ttl-sweep-seconds", "0", "--data-dir", directory.resolve("data").toString());
      builder.redirectError(log.toFile());
      process = builder.start();
      URI endpoint = null;
      BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8));
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("MonotableLocal listening on ")) {
          endpoint = URI.create(line.substring("MonotableLocal listening on ".length()).trim());
          break;
        }
      }
      if (endpoint == null) {
        process.destroyForcibly();
        fail("the server did not start (start " + start + ", seed " + SEED + "): " + Files.readString(log));
      }
      assertTrue(endpoint.getHost().equals("127.0.0.1"), "loopback only: " + endpoint);
      http = UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(2))
          .socketTimeout(Duration.ofSeconds(10)).build();
      client = DynamoDbClient.builder().httpClient(http).endpointOverride(endpoint).region(Region.US_EAST_1)
          .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
          .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none())).build();
    }

    void kill() throws InterruptedException {
      process.destroyForcibly();
      assertTrue(process.waitFor(20, TimeUnit.SECONDS), "the killed server did not end");
    }

    /** Every item, by key. */
    Map<String, Map<String, AttributeValue>> items() {
      Map<String, Map<String, AttributeValue>> items = new TreeMap<>();
      client.scanPaginator(r -> r.tableName(TABLE).consistentRead(true)).items()
          .forEach(item -> items.put(item.get("pk").s(), item));
      return items;
    }

    @Override
    public void close() throws InterruptedException {
      client.close();
      http.close();
      if (process.isAlive()) {
        kill();
      }
    }
  }

  @Test
  @org.junit.jupiter.api.Timeout(value = 10, unit = TimeUnit.MINUTES)
  void serverKilledDuringWrites_restarted_hasEveryAcknowledgedWriteAndNoHalfTransaction() throws Exception {
    Random random = new Random(SEED);
    AtomicLong counter = new AtomicLong();
    Map<String, Map<String, AttributeValue>> state = new TreeMap<>();
    long acknowledged = 0;
    long inDoubt = 0;
    long appliedInDoubt = 0;
    Server server = new Server(0);
    try {
      server.client.createTable(r -> r.tableName(TABLE)
          .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build())
          .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
          .billingMode(BillingMode.PAY_PER_REQUEST));
      for (int round = 1; round <= ROUNDS; round++) {
        String where = "round " + round + " of " + ROUNDS + ", seed " + SEED + " (-Dmonotable.crash.seed=" + SEED + ")";
        AtomicBoolean killed = new AtomicBoolean();
        List<Worker> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          workers.add(new Worker(t, server.client, random.nextLong(), killed, counter));
        }
        long loadMillis = 200 + random.nextInt(300);
        workers.forEach(Thread::start);
        Thread.sleep(loadMillis);
        killed.set(true);
        server.kill();
        for (Worker worker : workers) {
          worker.join(30_000);
          assertTrue(!worker.isAlive(), "a load thread hangs after the kill; " + where);
          if (worker.beforeKill != null) {
            throw new AssertionError("a write failed before the kill; " + where, worker.beforeKill);
          }
        }
        server.close();
        Map<String, Map<String, AttributeValue>> found;
        try {
          server = new Server(round);
          found = server.items();
        } catch (IOException | RuntimeException e) {
          throw new AssertionError("the restarted server does not answer; " + where, e);
        }
        Map<String, Map<String, AttributeValue>> next = new TreeMap<>();
        for (Worker worker : workers) {
          Map<String, Map<String, AttributeValue>> without = own(state, worker);
          worker.acknowledged.forEach(write -> write.effect().accept(without));
          acknowledged += worker.acknowledged.size();
          Map<String, Map<String, AttributeValue>> actual = own(found, worker);
          if (actual.equals(without)) {
            next.putAll(actual);
          } else if (worker.inDoubt != null && actual.equals(with(without, worker.inDoubt))) {
            next.putAll(actual);
            appliedInDoubt++;
          } else {
            fail("thread " + worker.number + " after " + worker.acknowledged.size() + " acknowledged writes, the last "
                + (worker.acknowledged.isEmpty() ? "none" : worker.acknowledged.get(worker.acknowledged.size() - 1).description())
                + ", and in doubt " + (worker.inDoubt == null ? "none" : worker.inDoubt.description()) + "; " + where
                + "\n expected " + without
                + (worker.inDoubt == null ? "" : "\n or " + with(without, worker.inDoubt))
                + "\n found    " + actual);
          }
          if (worker.inDoubt != null) {
            inDoubt++;
          }
        }
        assertEquals(next.keySet(), found.keySet(), "no key outside the threads' own; " + where);
        state = next;
      }
    } finally {
      server.close();
    }
    System.out.printf("DurabilityCrashTest: %d rounds, %d acknowledged writes checked, %d in doubt at a kill "
        + "(%d of them applied), seed %d%n", ROUNDS, acknowledged, inDoubt, appliedInDoubt, SEED);
    assertTrue(acknowledged > ROUNDS * 10L, "the load wrote too little to test anything: " + acknowledged);
    if (acknowledged > COMPACT_ABOVE) {
      assertTrue(Files.exists(directory.resolve("data").resolve(WriteAheadLog.SNAPSHOT_NAME)), "restarts compacted the log");
    }
  }

  private static Map<String, Map<String, AttributeValue>> own(Map<String, Map<String, AttributeValue>> items, Worker worker) {
    Map<String, Map<String, AttributeValue>> own = new LinkedHashMap<>();
    items.forEach((key, item) -> {
      if (key.startsWith("t" + worker.number + "-")) {
        own.put(key, item);
      }
    });
    return new TreeMap<>(own);
  }

  private static Map<String, Map<String, AttributeValue>> with(Map<String, Map<String, AttributeValue>> model, Write write) {
    Map<String, Map<String, AttributeValue>> copy = new TreeMap<>(model);
    write.effect().accept(copy);
    return copy;
  }
}
