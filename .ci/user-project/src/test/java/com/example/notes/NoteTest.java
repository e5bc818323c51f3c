package com.example.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.monotable.testing.DynamoDbExtension;
import dev.monotable.testing.TestDynamoDb;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@ExtendWith(DynamoDbExtension.class)
class NoteTest {
  private static final Instant MONDAY = Instant.parse("2024-05-06T09:00:00Z");

  @Test
  void notesOfAuthor_readsTheAuthorsNotesFromAGivenTime(DynamoDbClient client, TestDynamoDb dynamo) {
    NotebookTable notebook = NotebookTable.of(client, dynamo.uniqueTableName("Notebook"));
    notebook.createIfNotExists();
    Note first = new Note("ada", MONDAY, "n1", "engines");
    Note second = new Note("ada", MONDAY.plusSeconds(3600), "n2", "looms");
    notebook.notes().put(first);
    notebook.notes().put(second);
    notebook.notes().put(new Note("bob", MONDAY, "n3", "bridges"));

    assertEquals(Optional.of(first), notebook.notes().get("ada", MONDAY, "n1"));
    assertEquals(List.of(first, second), notebook.notes().notesOfAuthor("ada").list());
    assertEquals(List.of(second),
        notebook.notes().notesOfAuthor("ada").writtenAt().greaterThan(MONDAY).list());
    assertEquals("AUTHOR#ada", NoteKeys.partitionKey("ada"));
  }
}
