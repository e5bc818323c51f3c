package dev.monotable.local;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Which operations wait for which: the locks {@link EngineLocks} takes, held by the test on one
 * thread while another tries to take those of a second operation.
 */
@Timeout(30)
class EngineLocksTest {
  /** How long an operation that should wait is given to (wrongly) get its locks. */
  private static final long BLOCKED_MILLIS = 300;

  private final EngineState state = new EngineState(Clock.systemUTC(), new Faults());
  private final EngineLocks locks = new EngineLocks(state);
  private final ExecutorService other = Executors.newSingleThreadExecutor();

  @BeforeEach
  void createTables() throws IOException {
    Operations operations = new Operations(state);
    try (EngineLocks.Held held = locks.exclusive()) {
      for (String name : new String[] {"Alpha", "Beta"}) {
        operations.run(Operations.DYNAMODB, "CreateTable", json("{\"TableName\":\"" + name + "\","
            + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],"
            + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}],"
            + "\"BillingMode\":\"PAY_PER_REQUEST\"}"));
      }
    }
  }

  @AfterEach
  void stop() {
    other.shutdownNow();
  }

  private static JsonNode json(String text) throws IOException {
    return Json.read(text.getBytes(UTF_8));
  }

  private static JsonNode onTable(String table) throws IOException {
    return json("{\"TableName\":\"" + table + "\"}");
  }

  private EngineLocks.Held lock(String operation, JsonNode request) {
    return locks.lockFor(Operations.DYNAMODB, operation, request, false, false);
  }

  /** Takes the locks of {@code operation} on the other thread and gives them back at once; done when it got them. */
  private Future<Boolean> onOtherThread(String operation, JsonNode request) {
    return other.submit(() -> {
      try (EngineLocks.Held held = lock(operation, request)) {
        return true;
      }
    });
  }

  private static void assertWaits(Future<Boolean> future) {
    assertThrows(TimeoutException.class, () -> future.get(BLOCKED_MILLIS, TimeUnit.MILLISECONDS));
  }

  @Test
  void putItem_onOneTable_doesNotHoldUpAWriteToAnother() throws Exception {
    try (EngineLocks.Held held = lock("PutItem", onTable("Alpha"))) {
      assertTrue(onOtherThread("PutItem", onTable("Beta")).get(5, TimeUnit.SECONDS));
    }
  }

  @Test
  void putItem_onOneTable_holdsUpAWriteAndAReadOfTheSameTableUntilItEnds() throws Exception {
    Future<Boolean> write;
    Future<Boolean> read;
    try (EngineLocks.Held held = lock("PutItem", onTable("Alpha"))) {
      write = onOtherThread("UpdateItem", onTable("Alpha"));
      assertWaits(write);
      read = onOtherThread("GetItem", onTable("Alpha"));
      assertWaits(read);
    }
    assertTrue(write.get(5, TimeUnit.SECONDS));
    assertTrue(read.get(5, TimeUnit.SECONDS));
  }

  @Test
  void query_onOneTable_sharesItWithOtherReadsButNotWithAWrite() throws Exception {
    Future<Boolean> write;
    try (EngineLocks.Held held = lock("Query", onTable("Alpha"))) {
      assertTrue(onOtherThread("GetItem", onTable("Alpha")).get(5, TimeUnit.SECONDS));
      write = onOtherThread("DeleteItem", onTable("Alpha"));
      assertWaits(write);
    }
    assertTrue(write.get(5, TimeUnit.SECONDS));
  }

  @Test
  void transactWriteItems_holdsEveryTableItNames_andAWriteToAnyWaits() throws Exception {
    JsonNode transaction = json("{\"TransactItems\":[{\"Put\":{\"TableName\":\"Beta\"}},"
        + "{\"ConditionCheck\":{\"TableName\":\"Alpha\"}}]}");
    Future<Boolean> alpha;
    try (EngineLocks.Held held = lock("TransactWriteItems", transaction)) {
      assertTrue(state.tables.get("Alpha").lock.isWriteLockedByCurrentThread());
      assertTrue(state.tables.get("Beta").lock.isWriteLockedByCurrentThread());
      alpha = onOtherThread("BatchWriteItem", json("{\"RequestItems\":{\"Alpha\":[]}}"));
      assertWaits(alpha);
    }
    assertTrue(alpha.get(5, TimeUnit.SECONDS));
    assertFalse(state.tables.get("Alpha").lock.isWriteLocked());
    assertFalse(state.tables.get("Beta").lock.isWriteLocked());
  }

  @Test
  void transactWriteItems_tablesNamedInReverse_takesTheirLocksInNameOrder() throws Exception {
    JsonNode transaction = json("{\"TransactItems\":[{\"Put\":{\"TableName\":\"Beta\"}},"
        + "{\"Put\":{\"TableName\":\"Alpha\"}}]}");
    Future<Boolean> other;
    try (EngineLocks.Held held = lock("PutItem", onTable("Beta"))) {
      other = onOtherThread("TransactWriteItems", transaction);
      assertWaits(other);
      // waiting for Beta, it already holds Alpha: taken first whatever the request's order, so no deadlock
      assertTrue(state.tables.get("Alpha").lock.isWriteLocked());
    }
    assertTrue(other.get(5, TimeUnit.SECONDS));
  }

  @Test
  void createTable_waitsForEveryOperationRunning_andItemOperationsWaitForIt() throws Exception {
    Future<Boolean> create;
    try (EngineLocks.Held held = lock("GetItem", onTable("Beta"))) {
      create = onOtherThread("CreateTable", onTable("Gamma"));
      assertWaits(create);
    }
    assertTrue(create.get(5, TimeUnit.SECONDS));
    Future<Boolean> put;
    try (EngineLocks.Held held = locks.exclusive()) {
      put = onOtherThread("PutItem", onTable("Alpha"));
      assertWaits(put);
    }
    assertTrue(put.get(5, TimeUnit.SECONDS));
  }

  @Test
  void durableWrite_holdsTheWholeEngine() throws Exception {
    Future<Boolean> get;
    try (EngineLocks.Held held = locks.lockFor(Operations.DYNAMODB, "PutItem", onTable("Alpha"), true, true)) {
      get = onOtherThread("GetItem", onTable("Beta"));
      assertWaits(get);
    }
    assertTrue(get.get(5, TimeUnit.SECONDS));
  }

  @Test
  void table_reachedWithoutItsLock_isRefused() throws Exception {
    IllegalStateException refused = assertThrows(IllegalStateException.class, () -> state.table("Alpha"));
    assertEquals("table Alpha used without its lock", refused.getMessage());
    try (EngineLocks.Held held = lock("GetItem", onTable("Alpha"))) {
      assertEquals("Alpha", state.table("Alpha").name);
      assertThrows(IllegalStateException.class, () -> state.table("Beta"));
    }
  }

  @Test
  void streamsApi_holdsTheWholeEngine() throws Exception {
    Future<Boolean> put;
    try (EngineLocks.Held held = locks.lockFor(Operations.STREAMS, "GetRecords", json("{}"), false, false)) {
      put = onOtherThread("PutItem", onTable("Alpha"));
      assertWaits(put);
    }
    assertTrue(put.get(5, TimeUnit.SECONDS));
  }
}
