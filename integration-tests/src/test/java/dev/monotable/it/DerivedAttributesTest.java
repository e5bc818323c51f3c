package dev.monotable.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monotable.it.tracker.Issue;
import dev.monotable.it.tracker.IssueFields;
import dev.monotable.it.tracker.IssueKeys;
import dev.monotable.it.tracker.LedgerLine;
import dev.monotable.it.tracker.LedgerTable;
import dev.monotable.it.tracker.TrackerTable;
import dev.monotable.it.tracker.Watcher;
import dev.monotable.it.tracker.WatcherKeys;
import dev.monotable.runtime.InvalidUpdateException;
import dev.monotable.runtime.TableOptions;
import dev.monotable.runtime.UpdateReturn;
import dev.monotable.testing.DynamoDbExtension;
import dev.monotable.testing.TestDynamoDb;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Derived attributes (index keys, timestamps, version) computed from the values actually stored, on
 * every write path: index keys built from {@code @CreatedAt}/{@code @UpdatedAt}, and what put,
 * putIfAbsent and upsert hand back.
 */
@ExtendWith(DynamoDbExtension.class)
class DerivedAttributesTest {
  private static final Instant T0 = Instant.parse("2020-01-01T00:00:00Z");
  private static final Instant T1 = Instant.parse("2024-05-01T10:00:00Z");
  private static final Instant T2 = T1.plusSeconds(60);
  private static final Instant T3 = T1.plusSeconds(120);

  private final MovableClock clock = new MovableClock(T1);
  private final DynamoDbClient client;
  private final TrackerTable tracker;

  DerivedAttributesTest(DynamoDbClient client, TestDynamoDb dynamo) {
    this.client = client;
    tracker = TrackerTable.of(client, dynamo.uniqueTableName("Tracker"), TableOptions.defaults().withClock(clock));
    tracker.createIfNotExists();
  }

  private Map<String, AttributeValue> stored(String tenantId, String issueId) {
    return client.getItem(b -> b.tableName(tracker.tableName()).key(IssueKeys.primaryKey(tenantId, issueId))).item();
  }

  private static List<String> ids(List<Issue> issues) {
    return issues.stream().map(Issue::issueId).toList();
  }

  @Test
  void put_ofAnIssueWithoutStamps_writesEveryIndexKeyFromTheStampedTimes() {
    Issue stored = tracker.issues().put(Issue.of("t1", "i1", "Crash on save", "ada", "OPEN"));

    assertEquals(T1, stored.createdAt());
    assertEquals(T1, stored.updatedAt());
    assertEquals(1, stored.version());
    Map<String, AttributeValue> item = stored("t1", "i1");
    assertEquals("TENANT#t1#ASSIGNEE#ada", item.get("GSI1PK").s());
    assertEquals(IssueKeys.gsi1SortKey(T1, "i1"), item.get("GSI1SK").s());
    assertEquals(IssueKeys.lsi1SortKey("OPEN", T1, "i1"), item.get("LSI1SK").s());
    assertEquals(List.of("i1"), ids(tracker.issues().assignedTo("t1", "ada").list()));
    assertEquals(List.of("i1"), ids(tracker.issues().byStatus("t1").status("OPEN").list()));
    assertEquals(stored, tracker.issues().get("t1", "i1").orElseThrow());
  }

  @Test
  void put_ofARecordWithAnOldUpdateTime_ordersTheIndexByTheStoredUpdateTime() {
    Issue first = tracker.issues().put(Issue.of("t1", "i1", "first", "ada", "OPEN"));
    clock.now = T2;
    tracker.issues().put(Issue.of("t1", "i2", "second", "ada", "OPEN"));
    clock.now = T3;
    // i1 is written again as it was read: its updatedAt still says T1
    Issue rewritten = tracker.issues().put(new Issue("t1", "i1", "first, edited", "ada", "OPEN", null, null,
        first.createdAt(), T0, null, first.version()));

    assertEquals(T3, rewritten.updatedAt());
    assertEquals(T1, rewritten.createdAt());
    assertEquals(IssueKeys.gsi1SortKey(T3, "i1"), stored("t1", "i1").get("GSI1SK").s());
    assertEquals(List.of("i1", "i2"), ids(tracker.issues().assignedTo("t1", "ada").descending().list()),
        "assigned to me, newest first");
  }

  @Test
  void update_ofTheAssignee_rewritesBothKeysOfTheIndex_forTheUpdateTimeChangesToo() {
    tracker.issues().put(Issue.of("t1", "i1", "first", "ada", "OPEN"));
    clock.now = T3;

    tracker.issues().update("t1", "i1").set(IssueFields.ASSIGNEE, "bob").execute();

    Map<String, AttributeValue> item = stored("t1", "i1");
    assertEquals("TENANT#t1#ASSIGNEE#bob", item.get("GSI1PK").s());
    assertEquals(IssueKeys.gsi1SortKey(T3, "i1"), item.get("GSI1SK").s());
    assertEquals(List.of(), tracker.issues().assignedTo("t1", "ada").list());
    Issue moved = tracker.issues().assignedTo("t1", "bob").updatedAt(T3).list().get(0);
    assertEquals(T3, moved.updatedAt());
  }

  @Test
  void update_ofAnotherField_rewritesTheIndexKeyBuiltFromTheUpdateTime() {
    tracker.issues().put(Issue.of("t1", "i1", "first", "ada", "OPEN"));
    clock.now = T2;
    tracker.issues().put(Issue.of("t1", "i2", "second", "ada", "OPEN"));
    clock.now = T3;

    tracker.issues().update("t1", "i1").set(IssueFields.TITLE, "first, edited").execute();

    assertEquals(IssueKeys.gsi1SortKey(T3, "i1"), stored("t1", "i1").get("GSI1SK").s());
    assertEquals(List.of("i1", "i2"), ids(tracker.issues().assignedTo("t1", "ada").descending().list()));
  }

  @Test
  void update_ofTheStatus_asksForTheCreationTime_andFollowingTheAdviceWorks() {
    Issue seen = tracker.issues().put(Issue.of("t1", "i1", "first", "ada", "OPEN"));
    clock.now = T3;

    InvalidUpdateException refused = assertThrows(InvalidUpdateException.class,
        () -> tracker.issues().update("t1", "i1").set(IssueFields.STATUS, "CLOSED").execute());
    assertTrue(refused.getMessage().contains("LSI1SK") && refused.getMessage().contains("createdAt"),
        refused.getMessage());
    assertEquals("OPEN", stored("t1", "i1").get("status").s(), "nothing was sent");

    tracker.issues().update("t1", "i1").set(IssueFields.STATUS, "CLOSED")
        .set(IssueFields.CREATED_AT, seen.createdAt()).execute();

    Map<String, AttributeValue> item = stored("t1", "i1");
    assertEquals(IssueKeys.lsi1SortKey("CLOSED", T1, "i1"), item.get("LSI1SK").s());
    assertEquals(IssueKeys.gsi1SortKey(T3, "i1"), item.get("GSI1SK").s());
    Issue closed = tracker.issues().get("t1", "i1").orElseThrow();
    assertEquals(T1, closed.createdAt());
    assertEquals(T3, closed.updatedAt());
    assertEquals(2, closed.version());
    assertEquals(List.of("i1"), ids(tracker.issues().byStatus("t1").status("CLOSED").list()));
  }

  @Test
  void update_thatSetsTheUpdateTimeItself_storesThatTime_andBuildsTheIndexKeyFromIt() {
    tracker.issues().put(Issue.of("t1", "i1", "first", "ada", "OPEN"));
    clock.now = T3;

    tracker.issues().update("t1", "i1").set(IssueFields.UPDATED_AT, T2).execute();

    Map<String, AttributeValue> item = stored("t1", "i1");
    assertEquals(T2, tracker.issues().get("t1", "i1").orElseThrow().updatedAt());
    assertEquals(IssueKeys.gsi1SortKey(T2, "i1"), item.get("GSI1SK").s());
  }

  @Test
  void update_ofTheVersion_isRefusedBeforeSending_forEveryUpdateMovesItOn() {
    tracker.issues().put(Issue.of("t1", "i1", "first", "ada", "OPEN"));

    InvalidUpdateException set = assertThrows(InvalidUpdateException.class,
        () -> tracker.issues().update("t1", "i1").set(IssueFields.VERSION, 7L).execute());
    assertTrue(set.getMessage().contains("version") && set.getMessage().contains("expectingVersion"),
        set.getMessage());
    assertThrows(InvalidUpdateException.class,
        () -> tracker.issues().update("t1", "i1").increment(IssueFields.VERSION).execute());
    assertEquals("1", stored("t1", "i1").get("version").n());
  }

  @Test
  void update_namingOnePathTwice_isRefusedBeforeSending_notByDynamoDb() {
    tracker.issues().put(Issue.of("t1", "i1", "first", "ada", "OPEN"));

    InvalidUpdateException twice = assertThrows(InvalidUpdateException.class,
        () -> tracker.issues().update("t1", "i1").set(IssueFields.TITLE, "a").set(IssueFields.TITLE, "b"));
    assertTrue(twice.getMessage().contains("title"), twice.getMessage());
    assertThrows(InvalidUpdateException.class,
        () -> tracker.issues().update("t1", "i1").set(IssueFields.VOTES, 1L).remove(IssueFields.VOTES));
    assertThrows(InvalidUpdateException.class,
        () -> tracker.issues().update("t1", "i1").addToSet(IssueFields.LABELS, java.util.Set.of("a"))
            .removeFromSet(IssueFields.LABELS, java.util.Set.of("b")));
    assertEquals("first", stored("t1", "i1").get("title").s());
  }

  @Test
  void upsert_returnsTheEntityAsStored_whetherItCreatesOrChanges() {
    Issue created = tracker.issues().upsert("t1", "i1").set(IssueFields.TITLE, "new")
        .set(IssueFields.ASSIGNEE, "ada").execute().orElseThrow();
    assertEquals("new", created.title());
    assertEquals(T1, created.createdAt());
    assertEquals(T1, created.updatedAt());
    assertEquals(1, created.version());
    assertEquals(IssueKeys.gsi1SortKey(T1, "i1"), stored("t1", "i1").get("GSI1SK").s());

    clock.now = T2;
    Issue changed = tracker.issues().upsert("t1", "i1").set(IssueFields.TITLE, "newer").execute().orElseThrow();
    assertEquals("newer", changed.title());
    assertEquals(T1, changed.createdAt());
    assertEquals(T2, changed.updatedAt());
    assertEquals(2, changed.version());
    assertEquals(IssueKeys.gsi1SortKey(T2, "i1"), stored("t1", "i1").get("GSI1SK").s());

    assertTrue(tracker.issues().upsert("t1", "i1").set(IssueFields.TITLE, "quiet").returning(UpdateReturn.NONE)
        .execute().isEmpty());
  }

  @Test
  void putIfAbsent_andConditionalPut_returnTheEntityAsStored() {
    Issue first = tracker.issues().putIfAbsent(Issue.of("t1", "i1", "first", "ada", "OPEN"));
    assertEquals(1, first.version());
    assertEquals(T1, first.createdAt());

    clock.now = T2;
    Issue second = tracker.issues().put(first, IssueFields.STATUS.eq("OPEN"));
    assertEquals(2, second.version());
    assertEquals(T1, second.createdAt());
    assertEquals(T2, second.updatedAt());
    assertEquals(second, tracker.issues().get("t1", "i1").orElseThrow());
  }

  @Test
  void transactionAndBatchWrites_buildIndexKeysFromTheStampedTimes() {
    tracker.transaction().put(tracker.issues(), Issue.of("t1", "i1", "first", "ada", "OPEN")).execute();
    Map<String, AttributeValue> item = stored("t1", "i1");
    assertEquals(IssueKeys.gsi1SortKey(T1, "i1"), item.get("GSI1SK").s());
    assertEquals(IssueKeys.lsi1SortKey("OPEN", T1, "i1"), item.get("LSI1SK").s());
    assertEquals("1", item.get("version").n());

    Watcher watcher = new Watcher();
    watcher.setTenantId("t1");
    watcher.setIssueId("i1");
    watcher.setUser("bob");
    clock.now = T2;
    tracker.batchWrite().put(tracker.watchers(), watcher).execute();
    Map<String, AttributeValue> watch = client.getItem(b -> b.tableName(tracker.tableName())
        .key(WatcherKeys.primaryKey("t1", "i1", "bob"))).item();
    assertEquals("USER#bob", watch.get("GSI1PK").s());
    assertEquals(WatcherKeys.gsi1SortKey(T2), watch.get("GSI1SK").s());
  }

  @Test
  void put_ofABeanWithoutItsCreationTime_returnsAStampedCopy_andLeavesTheBeanAsItWas() {
    Watcher watcher = new Watcher();
    watcher.setTenantId("t1");
    watcher.setIssueId("i1");
    watcher.setUser("bob");

    Watcher stored = tracker.watchers().put(watcher);

    assertNotSame(watcher, stored);
    assertEquals(T1, stored.getSince());
    assertEquals("bob", stored.getUser());
    assertEquals(null, watcher.getSince());
    assertEquals(WatcherKeys.gsi1SortKey(T1), client.getItem(b -> b.tableName(tracker.tableName())
        .key(WatcherKeys.primaryKey("t1", "i1", "bob"))).item().get("GSI1SK").s());
  }

  @Test
  void put_ofAnEntityWithoutDerivedFields_returnsTheEntityItself(TestDynamoDb dynamo) {
    LedgerTable ledger = LedgerTable.of(client, dynamo.uniqueTableName("Ledger"));
    ledger.createIfNotExists();
    LedgerLine line = new LedgerLine("t1", 3, "rent");

    assertSame(line, ledger.ledgerLines().put(line));
    assertEquals(line, ledger.ledgerLines().get("t1", 3).orElseThrow());
  }
}
