package dev.monotable.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monotable.it.cost.ArchiveTable;
import dev.monotable.it.cost.Document;
import dev.monotable.it.cost.DocumentSchema;
import dev.monotable.runtime.CapacityEvent;
import dev.monotable.runtime.CapacityEvent.IndexUnits;
import dev.monotable.runtime.CostReport;
import dev.monotable.runtime.Read;
import dev.monotable.runtime.TableOptions;
import dev.monotable.testing.DynamoDbExtension;
import dev.monotable.testing.TestDynamoDb;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * The capacity each access pattern consumes, as the capacity listener is told it, against units
 * computed here by hand from DynamoDB's documented rules:
 * <ul>
 *   <li>an item's size is the UTF-8 bytes of its attribute names plus those of its values (every
 *       attribute of the design is a string);</li>
 *   <li>a read costs one unit per 4 KB, rounded up, and half of that when eventually consistent; a
 *       Query adds up the sizes of every item it reads and rounds the sum once, a BatchGetItem rounds
 *       each item on its own;</li>
 *   <li>a write costs one unit per 1 KB, rounded up, on the table and again on every global index
 *       whose entry it writes, sized as the index projects it.</li>
 * </ul>
 */
@ExtendWith(DynamoDbExtension.class)
class CapacityTest {
  private static final int KB = 1024;

  private final TestDynamoDb dynamo;
  private final List<SdkRequest> sent = new CopyOnWriteArrayList<>();
  private final DynamoDbClient client;
  private final List<CapacityEvent> events = new CopyOnWriteArrayList<>();
  private final ArchiveTable archive;
  private final String tableName;

  CapacityTest(TestDynamoDb dynamo) {
    this.dynamo = dynamo;
    client = dynamo.newClient(b -> b.overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
      @Override
      public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        sent.add(context.request());
      }
    })));
    tableName = dynamo.uniqueTableName("Archive");
    archive = ArchiveTable.of(client, tableName, TableOptions.defaults().withCapacityListener(events::add));
    archive.createIfNotExists();
  }

  /** The item size by DynamoDB's rule, for items whose every attribute is a string. */
  private static int size(Map<String, AttributeValue> item) {
    int size = 0;
    for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
      String value = attribute.getValue().s();
      if (value == null) {
        throw new AssertionError("not a string: " + attribute);
      }
      size += utf8(attribute.getKey()) + utf8(value);
    }
    return size;
  }

  private static int utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  /**
   * A document whose item is exactly {@code bytes} long: its payload of ASCII letters pads it. Tests
   * check the size of the item as stored.
   */
  private static Document document(String folder, String name, String tag, String owner, int bytes) {
    Map<String, AttributeValue> unpadded = DocumentSchema.INSTANCE.toItem(new Document(folder, name, tag, owner, ""));
    return new Document(folder, name, tag, owner, "x".repeat(bytes - size(unpadded)));
  }

  /** The item as stored: put it, read it back raw. */
  private Map<String, AttributeValue> stored(Document document) {
    archive.documents().put(document);
    Map<String, AttributeValue> key = Map.of("PK", AttributeValue.fromS("FOLDER#" + document.folder()),
        "SK", AttributeValue.fromS("DOC#" + document.name()));
    return raw(key);
  }

  private Map<String, AttributeValue> raw(Map<String, AttributeValue> key) {
    return client.getItem(b -> b.tableName(tableName).key(key).consistentRead(true)).item();
  }

  private static double readUnits(long bytes, boolean consistent) {
    double units = Math.ceil(bytes / 4096.0);
    return consistent ? units : units / 2;
  }

  private static double writeUnits(long bytes) {
    return Math.ceil(bytes / 1024.0);
  }

  /** The keys a keys-only index entry holds: the table's and the index's. */
  private static Map<String, AttributeValue> keysOnlyEntry(Map<String, AttributeValue> item) {
    return Map.of("PK", item.get("PK"), "SK", item.get("SK"), "GSI2PK", item.get("GSI2PK"),
        "GSI2SK", item.get("GSI2SK"));
  }

  private List<Map<String, AttributeValue>> folderOf25(String folder, int bytes) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      Document document = document(folder, String.format("d%02d", i), "tag-" + folder, "owner-" + folder, bytes);
      items.add(stored(document));
      assertEquals(bytes, size(items.get(i)));
    }
    return items;
  }

  @Test
  void put_ofTwoAndAHalfKilobytes_costsThreeUnitsOnTheTableAndEachIndexItsEntry() {
    Document document = document("f", "report", "red", "ada", 2560);

    archive.documents().put(document);

    Map<String, AttributeValue> item = raw(Map.of("PK", AttributeValue.fromS("FOLDER#f"),
        "SK", AttributeValue.fromS("DOC#report")));
    assertEquals(2560, size(item));
    int keysOnly = size(keysOnlyEntry(item));

    assertEquals(1, events.size(), events.toString());
    CapacityEvent put = events.get(0);
    assertEquals(tableName, put.table());
    assertEquals("Document", put.entity());
    assertEquals("PutItem", put.operation());
    assertEquals("put", put.pattern());
    assertNull(put.index());
    // a new item of 2560 B: 3 units on the table; ByTag projects the whole item (3 units), ByOwner
    // its keys only (1 unit)
    assertEquals(3.0, writeUnits(2560));
    assertEquals(1.0, writeUnits(keysOnly));
    assertEquals(List.of(new IndexUnits(null, 0, 3), new IndexUnits("ByTag", 0, 3), new IndexUnits("ByOwner", 0, 1)),
        put.byIndex());
    assertEquals(7.0, put.writeUnits());
    assertEquals(0.0, put.readUnits());
    assertEquals(1, put.items());
    assertEquals(1, put.pages());
  }

  @Test
  void query_of25ItemsOf3Kilobytes_roundsTheirSumOnce_halvedWhenEventuallyConsistent() {
    folderOf25("q", 3 * KB);
    events.clear();

    assertEquals(25, archive.documents().documentsOfFolder("q").list().size());

    // 25 x 3072 B = 76800 B = 18.75 x 4 KB -> 19 units, halved: 9.5 (rounding each item would give 12.5)
    assertEquals(9.5, readUnits(25L * 3 * KB, false));
    assertEquals(List.of(new CapacityEvent(tableName, "Document", "Query", "documentsOfFolder", null, 9.5, 0, 25, 1,
        List.of(new IndexUnits(null, 9.5, 0)))), events);
  }

  @Test
  void query_ofAnIndexProjectingWholeItems_isCountedOnTheIndex() {
    folderOf25("t", 3 * KB);
    events.clear();

    assertEquals(25, archive.documents().documentsByTag("tag-t").list().size());

    assertEquals(List.of(new CapacityEvent(tableName, "Document", "Query", "documentsByTag", "ByTag", 9.5, 0, 25, 1,
        List.of(new IndexUnits("ByTag", 9.5, 0)))), events);
  }

  @Test
  void query_ofAKeysOnlyIndex_costsTheEntries_thenABatchGetRoundingEachItem() {
    List<Map<String, AttributeValue>> items = folderOf25("k", 3 * KB);
    long entries = 0;
    for (Map<String, AttributeValue> item : items) {
      entries += size(keysOnlyEntry(item));
    }
    events.clear();

    assertEquals(25, archive.documents().documentsByOwner("owner-k").list().size());

    assertEquals(2, events.size(), events.toString());
    double entryUnits = readUnits(entries, false);
    assertEquals(new CapacityEvent(tableName, "Document", "Query", "documentsByOwner", "ByOwner", entryUnits, 0, 25, 1,
        List.of(new IndexUnits("ByOwner", entryUnits, 0))), events.get(0));
    // each 3 KB item rounds to 4 KB on its own: 25 x 1 unit, halved
    CapacityEvent fetch = events.get(1);
    assertEquals("BatchGetItem", fetch.operation());
    assertEquals("documentsByOwner", fetch.pattern());
    assertEquals("Document", fetch.entity());
    assertEquals(25 * readUnits(3 * KB, false), fetch.readUnits());
    assertEquals(12.5, fetch.readUnits());
    assertEquals(25, fetch.items());
  }

  @Test
  void get_ofNineKilobytes_costsThreeUnitsConsistent_andOneAndAHalfEventually() {
    Document document = document("g", "big", "blue", "bob", 9 * KB);
    assertEquals(9 * KB, size(stored(document)));
    events.clear();

    assertTrue(archive.documents().get("g", "big", Read.consistent()).isPresent());
    assertTrue(archive.documents().get("g", "big").isPresent());

    assertEquals(3.0, readUnits(9 * KB, true));
    assertEquals(List.of(
        new CapacityEvent(tableName, "Document", "GetItem", "get", null, 3, 0, 1, 1,
            List.of(new IndexUnits(null, 3, 0))),
        new CapacityEvent(tableName, "Document", "GetItem", "get", null, 1.5, 0, 1, 1,
            List.of(new IndexUnits(null, 1.5, 0)))), events);
  }

  @Test
  void delete_andAnAbsentGet_areReported() {
    Document document = document("d", "gone", "red", "ada", 1500);
    stored(document);
    events.clear();

    archive.documents().delete("d", "gone");
    assertTrue(archive.documents().get("d", "gone").isEmpty());

    assertEquals(2, events.size(), events.toString());
    CapacityEvent delete = events.get(0);
    assertEquals("DeleteItem", delete.operation());
    assertEquals("delete", delete.pattern());
    // the deleted item's size: 2 units on the table, 2 on ByTag (whole item), 1 on ByOwner (keys)
    assertEquals(List.of(new IndexUnits(null, 0, 2), new IndexUnits("ByTag", 0, 2), new IndexUnits("ByOwner", 0, 1)),
        delete.byIndex());
    // an absent item is read as 0 bytes, which costs what 4 KB does: half a unit
    assertEquals(new CapacityEvent(tableName, "Document", "GetItem", "get", null, 0.5, 0, 0, 1,
        List.of(new IndexUnits(null, 0.5, 0))), events.get(1));
  }

  @Test
  void transactionAndBatch_areReported_theTransactionWithoutAnEntity() {
    Document first = document("c", "one", "red", "ada", 900);
    Document second = document("c", "two", "red", "ada", 900);
    events.clear();

    archive.transaction().put(archive.documents(), first).put(archive.documents(), second).execute();
    archive.documents().batchPut(List.of(first, second));

    assertEquals(2, events.size(), events.toString());
    CapacityEvent transaction = events.get(0);
    assertEquals("TransactWriteItems", transaction.operation());
    assertEquals("transaction", transaction.pattern());
    assertNull(transaction.entity());
    assertEquals(2, transaction.items());
    // two items of 900 B: 1 unit each, doubled in a transaction, on the table
    assertEquals(4.0, transaction.byIndex().get(0).writeUnits());
    CapacityEvent batch = events.get(1);
    assertEquals("BatchWriteItem", batch.operation());
    assertEquals("batchPut", batch.pattern());
    assertEquals("Document", batch.entity());
    assertEquals(2, batch.items());
    assertEquals(new IndexUnits(null, 0, 2), batch.byIndex().get(0));
  }

  @Test
  void aListenerThatThrows_failsNoWrite() {
    ArchiveTable failing = ArchiveTable.of(client, tableName, TableOptions.defaults().withCapacityListener(event -> {
      throw new IllegalStateException("listener down");
    }));
    Document document = new Document("x", "kept", "red", "ada", "payload");

    failing.documents().put(document);

    assertEquals(document, failing.documents().get("x", "kept").orElseThrow());
  }

  @Test
  void withoutAListener_requestsDoNotAskForTheirCapacity() {
    ArchiveTable plain = ArchiveTable.of(client, tableName);
    Document document = new Document("p", "plain", "red", "ada", "payload");
    sent.clear();
    plain.documents().put(document);
    archive.documents().put(document);

    List<PutItemRequest> puts = sent.stream().filter(PutItemRequest.class::isInstance)
        .map(PutItemRequest.class::cast).toList();
    assertEquals(2, puts.size());
    assertNull(puts.get(0).returnConsumedCapacity());
    assertEquals("INDEXES", puts.get(1).returnConsumedCapacityAsString());
  }

  @Test
  void costReport_sumsAndPricesEachPattern() {
    CostReport costs = CostReport.onDemand();
    ArchiveTable priced = ArchiveTable.of(client, tableName, TableOptions.defaults().withCapacityListener(costs));
    for (int i = 0; i < 4; i++) {
      priced.documents().put(document("r", "doc" + i, "green", "eve", 2560));
    }
    priced.documents().documentsOfFolder("r").list();

    CostReport.Row puts = costs.rows().stream().filter(row -> row.pattern().equals("Document.put")).findFirst()
        .orElseThrow();
    // 4 new items, each 3 units on the table, 3 on ByTag and 1 on ByOwner
    assertEquals(4, puts.calls());
    assertEquals(4 * 7.0, puts.writeUnits());
    CostReport.Row query = costs.rows().stream().filter(row -> row.pattern().equals("Document.documentsOfFolder"))
        .findFirst().orElseThrow();
    assertEquals(1, query.calls());
    assertEquals(4, query.items());
    // 4 x 2560 B = 10240 B -> 3 x 4 KB, halved
    assertEquals(1.5, query.readUnits());
    assertEquals(1.5 * CostReport.DEFAULT_READ_PRICE, query.costPerMillionCalls(), 1e-9);
    assertTrue(costs.render().contains("Document.documentsOfFolder"), costs.render());
  }
}
