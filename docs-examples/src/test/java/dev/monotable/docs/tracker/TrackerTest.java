package dev.monotable.docs.tracker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.monotable.testing.DynamoDbExtension;
import dev.monotable.testing.TestDynamoDb;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@ExtendWith(DynamoDbExtension.class)
class TrackerTest {
  @Test
  void aLocalIndex_sortsTheSamePartitionAnotherWay(DynamoDbClient client, TestDynamoDb dynamo) {
    TrackerTable tracker = TrackerTable.of(client, dynamo.uniqueTableName("Tracker"));
    tracker.createIfNotExists();
    UUID grace = UUID.fromString("0b7c8e2a-52b4-4d4e-9a57-3f1f4c8a9d10");
    Issue older = new Issue("mono", "I-1", "Docs", Instant.parse("2024-05-01T10:00:00Z"), Set.of(grace));
    Issue newer = new Issue("mono", "I-2", "Archetype", Instant.parse("2024-05-03T10:00:00Z"), Set.of());
    tracker.issues().put(older);
    tracker.issues().put(newer);

    // region recently-updated
    List<Issue> recent = tracker.issues().recentlyUpdated("mono").descending().limit(10).consistentRead().list();
    Optional<Issue> first = tracker.issues().get("mono", "I-1");   // watchers: a Set<UUID>, stored as SS
    // endregion
    assertEquals(List.of(newer, older), recent);
    assertEquals(Optional.of(older), first);
    assertEquals(List.of(older, newer), tracker.issues().issuesOfProject("mono").list());
  }
}
