package dev.monotable.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monotable.it.tracker.Issue;
import dev.monotable.it.tracker.IssueFields;
import dev.monotable.it.tracker.IssueKeys;
import dev.monotable.it.tracker.TrackerTable;
import dev.monotable.runtime.Change;
import dev.monotable.runtime.ConditionFailedException;
import dev.monotable.runtime.StreamReader;
import dev.monotable.runtime.TransactionFailedException;
import dev.monotable.testing.DynamoDbExtension;
import dev.monotable.testing.TestDynamoDb;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * An upsert over an item whose time to live has passed but which DynamoDB has not deleted yet: the
 * item is created afresh in one write, in a transaction too, and its stream record says so. The
 * table's clock is the system's, as the stream's record times are.
 */
@ExtendWith(DynamoDbExtension.class)
class ExpiredUpsertTest {
  private final DynamoDbClient client;
  private final DynamoDbStreamsClient streams;
  private final TrackerTable tracker;
  private final Instant past = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

  ExpiredUpsertTest(DynamoDbClient client, TestDynamoDb dynamo) {
    this.client = client;
    this.streams = dynamo.newStreamsClient();
    tracker = TrackerTable.of(client, dynamo.uniqueTableName("Tracker"));
    tracker.createIfNotExists();
  }

  @AfterEach
  void closeStreams() {
    streams.close();
  }

  /** An issue that expired an hour ago, with labels, votes and two versions behind it. */
  private void expiredIssue() {
    Issue old = new Issue("t1", "i1", "old", "ada", "OPEN", Set.of("bug"), 5L, past.minusSeconds(600), null, past, 0);
    tracker.issues().put(tracker.issues().put(old));
    assertEquals("2", stored().get("version").n());
    assertTrue(tracker.issues().get("t1", "i1").isEmpty(), "expired: hidden from reads");
  }

  private Map<String, AttributeValue> stored() {
    return client.getItem(b -> b.tableName(tracker.tableName()).key(IssueKeys.primaryKey("t1", "i1"))).item();
  }

  @Test
  void upsert_overAnExpiredItem_createsItAfresh_inOneWrite_decodedAsAnInsertion() {
    expiredIssue();
    StreamReader reader = tracker.changes().poll(streams, ShardIteratorType.LATEST);

    Issue created = tracker.issues().upsert("t1", "i1").set(IssueFields.TITLE, "new").add(IssueFields.VOTES, 1L)
        .execute().orElseThrow();

    assertEquals("new", created.title());
    assertEquals(1L, created.votes(), "the expired item's votes do not count");
    assertEquals(1, created.version());
    assertEquals(Set.of(), created.labels());
    assertEquals(null, created.assignee());
    assertEquals(null, created.expiresAt());
    assertFalse(created.createdAt().isBefore(past.plusSeconds(3000)), "created now, not when the expired item was");
    Map<String, AttributeValue> item = stored();
    assertFalse(item.containsKey("labels") || item.containsKey("ttl") || item.containsKey("GSI1PK")
        || item.containsKey("assignee"), item.toString());
    assertEquals(created, tracker.issues().get("t1", "i1").orElseThrow());

    List<Change<?>> changes = tracker.changes().decode(reader.read());
    assertEquals(1, changes.size(), "one write: " + changes);
    Change.Inserted<?> inserted = assertInstanceOf(Change.Inserted.class, changes.get(0));
    assertTrue(inserted.replacedExpired());
    assertEquals(created, inserted.newImage());
    assertEquals("old", inserted.source().oldImage().orElseThrow().get("title").s());
  }

  @Test
  void upsert_overAnExpiredItem_inATransaction_createsItAfresh() {
    expiredIssue();

    tracker.transaction()
        .update(tracker.issues().upsert("t1", "i1").set(IssueFields.TITLE, "new").set(IssueFields.ASSIGNEE, "bob"))
        .put(tracker.issues(), Issue.of("t1", "i2", "other", "bob", "OPEN"))
        .execute();

    Issue created = tracker.issues().get("t1", "i1").orElseThrow();
    assertEquals("new", created.title());
    assertEquals("bob", created.assignee());
    assertEquals(1, created.version());
    assertEquals(null, created.votes());
    assertEquals(List.of("i1", "i2"), tracker.issues().assignedTo("t1", "bob").list().stream()
        .map(Issue::issueId).sorted().toList());
  }

  @Test
  void upsert_overAnExpiredItem_withAConditionThatNoItemMeets_failsAndWritesNothing() {
    expiredIssue();

    assertThrows(ConditionFailedException.class, () -> tracker.issues().upsert("t1", "i1")
        .set(IssueFields.TITLE, "new").when(IssueFields.TITLE.eq("old")).execute());
    assertEquals("old", stored().get("title").s());
    TransactionFailedException failed = assertThrows(TransactionFailedException.class, () -> tracker.transaction()
        .update(tracker.issues().upsert("t1", "i1").set(IssueFields.TITLE, "new").when(IssueFields.TITLE.eq("old")))
        .execute());
    assertEquals("ConditionalCheckFailed", failed.reasons().get(0).code());
    assertEquals("old", stored().get("title").s());

    // a condition an absent item meets holds
    Issue created = tracker.issues().upsert("t1", "i1").set(IssueFields.TITLE, "new")
        .when(IssueFields.TITLE.notExists()).execute().orElseThrow();
    assertEquals("new", created.title());
  }

  @Test
  void upsert_overALiveItem_keepsItsAttributes() {
    tracker.issues().put(new Issue("t1", "i1", "old", "ada", "OPEN", Set.of("bug"), 5L, null, null, null, 0));

    Issue changed = tracker.issues().upsert("t1", "i1").add(IssueFields.VOTES, 1L).execute().orElseThrow();

    assertEquals(6L, changed.votes());
    assertEquals(Set.of("bug"), changed.labels());
    assertEquals(2, changed.version());
  }
}
