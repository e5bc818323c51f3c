package dev.monotable.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monotable.it.tracker.Issue;
import dev.monotable.it.tracker.IssueFields;
import dev.monotable.it.tracker.IssueKeys;
import dev.monotable.it.tracker.IssueRepository;
import dev.monotable.it.tracker.LedgerLine;
import dev.monotable.it.tracker.LedgerTable;
import dev.monotable.it.tracker.TrackerTable;
import dev.monotable.runtime.MappingException;
import dev.monotable.runtime.Read;
import dev.monotable.testing.DynamoDbExtension;
import dev.monotable.testing.TestDynamoDb;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Items written by other code, read by a key: a key field never comes back null, zero or another
 * item's value; such an item is refused with a {@link MappingException} naming what is wrong.
 */
@ExtendWith(DynamoDbExtension.class)
class KeyFieldReadTest {
  private final DynamoDbClient client;
  private final TestDynamoDb dynamo;

  KeyFieldReadTest(DynamoDbClient client, TestDynamoDb dynamo) {
    this.client = client;
    this.dynamo = dynamo;
  }

  @Test
  void typelessTable_itemWithoutItsKeyFieldAttributes_isRefused_namingTheAttribute() {
    LedgerTable ledger = LedgerTable.of(client, dynamo.uniqueTableName("Ledger"));
    ledger.createIfNotExists();
    client.putItem(b -> b.tableName(ledger.tableName()).item(Map.of(
        "PK", AttributeValue.fromS("T#t1"), "SK", AttributeValue.fromS("I#0000000003"),
        "foreign", AttributeValue.fromS("x"))));

    MappingException refused = assertThrows(MappingException.class, () -> ledger.ledgerLines().get("t1", 3));
    assertEquals("n", refused.attribute(), "the id comes from the key; the number is not its stored form");
    assertTrue(refused.getMessage().contains("LedgerLine"), refused.getMessage());
    assertThrows(MappingException.class,
        () -> ledger.ledgerLines().batchGet(List.of(new dev.monotable.it.tracker.LedgerLineRepository.Key("t1", 3))));
  }

  @Test
  void typelessTable_itemsWrittenByTheRepository_readBack() {
    LedgerTable ledger = LedgerTable.of(client, dynamo.uniqueTableName("Ledger"));
    ledger.createIfNotExists();
    ledger.ledgerLines().put(new LedgerLine("t1", 3, "rent"));

    assertEquals(new LedgerLine("t1", 3, "rent"), ledger.ledgerLines().get("t1", 3).orElseThrow());
  }

  @Test
  void typedTable_itemWhoseKeyFieldsGiveAnotherKey_isRefused_notReadAsAnotherIssue() {
    TrackerTable tracker = TrackerTable.of(client, dynamo.uniqueTableName("Tracker"));
    tracker.createIfNotExists();
    IssueRepository issues = tracker.issues();
    Issue written = issues.put(Issue.of("t1", "a21", "mine", "ada", "OPEN"));
    Map<String, AttributeValue> item = new HashMap<>(client.getItem(b -> b.tableName(tracker.tableName())
        .key(IssueKeys.primaryKey("t1", "a21"))).item());
    item.put("issueId", AttributeValue.fromS("somebodyElse"));
    client.putItem(b -> b.tableName(tracker.tableName()).item(item));

    MappingException refused = assertThrows(MappingException.class, () -> issues.get("t1", "a21"));
    assertTrue(refused.getMessage().contains("somebodyElse") && refused.getMessage().contains("a21"),
        refused.getMessage());
    assertThrows(MappingException.class, () -> issues.batchGet(List.of(new IssueRepository.Key("t1", "a21"))));
    dev.monotable.runtime.TransactionRead read = tracker.transactionRead();
    read.get(issues, IssueKeys.primaryKey("t1", "a21"));
    assertThrows(MappingException.class, read::execute);
    dev.monotable.runtime.TableBatchGet batch = tracker.batchGet();
    batch.get(issues, IssueKeys.primaryKey("t1", "a21"));
    assertThrows(MappingException.class, batch::execute);
    assertEquals(written.version(), 1);
  }

  @Test
  void projectedRead_readsTheKeyFieldsToo() {
    TrackerTable tracker = TrackerTable.of(client, dynamo.uniqueTableName("Tracker"));
    tracker.createIfNotExists();
    tracker.issues().put(Issue.of("t1", "i1", "title", "ada", "OPEN"));

    Issue projected = tracker.issues().get("t1", "i1", Read.projecting(IssueFields.TITLE)).orElseThrow();

    assertEquals("t1", projected.tenantId());
    assertEquals("i1", projected.issueId());
    assertEquals("title", projected.title());
    assertEquals(null, projected.assignee());
  }
}
