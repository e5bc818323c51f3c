package dev.monotable.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.monotable.it.lab.LabTable;
import dev.monotable.it.lab.Note;
import dev.monotable.it.lab.NoteFields;
import dev.monotable.runtime.TableOptions;
import dev.monotable.testing.DynamoDbExtension;
import dev.monotable.testing.TestDynamoDb;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@code @CreatedAt} and {@code @UpdatedAt} from the table's clock, against a real DynamoDB (monotable-local by default). */
@ExtendWith(DynamoDbExtension.class)
class TimestampTest {
  private static final Instant T1 = Instant.parse("2024-05-01T10:00:00Z");

  private final MovableClock clock = new MovableClock(T1);
  private final LabTable lab;

  TimestampTest(DynamoDbClient client, TestDynamoDb dynamo) {
    lab = LabTable.of(client, dynamo.uniqueTableName("Lab"), TableOptions.defaults().withClock(clock));
    lab.createIfNotExists();
  }

  @Test
  void putsAndUpdates_stampCreationOnceAndEveryChange() {
    lab.notes().put(new Note("n1", "first", null, null));
    Note created = lab.notes().get("n1").orElseThrow();
    assertEquals(T1, created.createdAt());
    assertEquals(T1, created.updatedAt());

    clock.now = T1.plusSeconds(60);
    lab.notes().update("n1").set(NoteFields.TEXT, "second").execute();
    Note updated = lab.notes().get("n1").orElseThrow();
    assertEquals(T1, updated.createdAt());
    assertEquals(T1.plusSeconds(60), updated.updatedAt());

    clock.now = T1.plusSeconds(120);
    lab.notes().put(new Note("n1", "third", updated.createdAt(), updated.updatedAt()));
    Note rewritten = lab.notes().get("n1").orElseThrow();
    assertEquals(T1, rewritten.createdAt(), "a put keeps the creation time the entity carries");
    assertEquals(T1.plusSeconds(120), rewritten.updatedAt());

    lab.notes().upsert("n2").set(NoteFields.TEXT, "made by an upsert").execute();
    assertEquals(T1.plusSeconds(120), lab.notes().get("n2").orElseThrow().createdAt());
  }
}
