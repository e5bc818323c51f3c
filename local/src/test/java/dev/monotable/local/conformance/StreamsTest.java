package dev.monotable.local.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.CreateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsRequest;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListStreamsResponse;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;
import software.amazon.awssdk.services.dynamodb.model.StreamStatus;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * DynamoDB Streams through the SDK's DynamoDbStreamsClient. From the Developer Guide ("Change data
 * capture for DynamoDB Streams") and the Streams API Reference: a record per item modification,
 * images cut to the StreamViewType, records for an item in the order of its modifications,
 * sequence numbers in publishing order, and no record for a PutItem or UpdateItem that changes
 * nothing.
 */
class StreamsTest extends EngineTest {
  private DynamoDbStreamsClient streams;

  /** A table and its stream. */
  private record Streamed(String table, String streamArn) {}

  /** A record and the shard it was read from. */
  private record ShardRecord(String shardId, Record record) {}

  @BeforeAll
  void startStreamsClient() {
    streams = DynamoDbStreamsClient.builder()
        .httpClient(httpClient())
        .endpointOverride(endpoint())
        .region(region())
        .credentialsProvider(credentials())
        .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }

  @AfterAll
  void stopStreamsClient() {
    streams.close();
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static Map<String, AttributeValue> key(String pk) {
    return Map.of("pk", s(pk));
  }

  private Streamed createStreamedTable(StreamViewType viewType) {
    String name = uniqueName("streamed");
    CreateTableResponse response = client.createTable(r -> r.tableName(name)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
        .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build())
        .streamSpecification(spec -> spec.streamEnabled(true).streamViewType(viewType)));
    String arn = response.tableDescription().latestStreamArn();
    assertNotNull(arn, "CreateTable with a stream answers LatestStreamArn");
    return new Streamed(name, arn);
  }

  private void put(String table, Map<String, AttributeValue> item) {
    client.putItem(r -> r.tableName(table).item(item));
  }

  /** Every record of the stream, shard by shard as DescribeStream lists them, each from TRIM_HORIZON. */
  private List<ShardRecord> readAll(String streamArn) {
    List<ShardRecord> all = new ArrayList<>();
    for (Shard shard : describe(streamArn).shards()) {
      String iterator = streams.getShardIterator(r -> r.streamArn(streamArn).shardId(shard.shardId())
          .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
      for (Record record : drain(iterator)) {
        all.add(new ShardRecord(shard.shardId(), record));
      }
    }
    return all;
  }

  private List<Record> records(String streamArn) {
    return readAll(streamArn).stream().map(ShardRecord::record).toList();
  }

  /** Reads from {@code iterator} until a call returns no records or the shard is closed. */
  private List<Record> drain(String iterator) {
    List<Record> out = new ArrayList<>();
    String next = iterator;
    for (int call = 0; call < 100 && next != null; call++) {
      GetRecordsResponse response = streams.getRecords(GetRecordsRequest.builder().shardIterator(next).build());
      out.addAll(response.records());
      if (response.records().isEmpty()) {
        break;
      }
      next = response.nextShardIterator();
    }
    return out;
  }

  private StreamDescription describe(String streamArn) {
    return streams.describeStream(r -> r.streamArn(streamArn)).streamDescription();
  }

  private static String pkOf(Record record) {
    return record.dynamodb().keys().get("pk").s();
  }

  private static String event(Record record) {
    return record.eventName() + " " + pkOf(record);
  }

  @Test
  void createTable_withStream_describeTableShowsSpecificationAndLatestStream() {
    Streamed streamed = createStreamedTable(StreamViewType.NEW_AND_OLD_IMAGES);

    TableDescription table = client.describeTable(r -> r.tableName(streamed.table())).table();

    assertTrue(table.streamSpecification().streamEnabled());
    assertEquals(StreamViewType.NEW_AND_OLD_IMAGES, table.streamSpecification().streamViewType());
    assertEquals(streamed.streamArn(), table.latestStreamArn());
    assertNotNull(table.latestStreamLabel());
    assertTrue(streamed.streamArn().startsWith(table.tableArn() + "/stream/"), streamed.streamArn());
  }

  @Test
  void listStreams_byTableName_returnsOnlyThatTablesStream() {
    Streamed streamed = createStreamedTable(StreamViewType.KEYS_ONLY);
    createStreamedTable(StreamViewType.KEYS_ONLY);
    String label = client.describeTable(r -> r.tableName(streamed.table())).table().latestStreamLabel();

    List<software.amazon.awssdk.services.dynamodb.model.Stream> listed =
        streams.listStreams(r -> r.tableName(streamed.table())).streams();

    assertEquals(1, listed.size());
    assertEquals(streamed.streamArn(), listed.get(0).streamArn());
    assertEquals(streamed.table(), listed.get(0).tableName());
    assertEquals(label, listed.get(0).streamLabel());
  }

  @Test
  void listStreams_withoutTableName_includesEveryStreamedTable() {
    Streamed first = createStreamedTable(StreamViewType.NEW_IMAGE);
    Streamed second = createStreamedTable(StreamViewType.OLD_IMAGE);

    Set<String> arns = new HashSet<>();
    String start = null;
    for (int page = 0; page < 100; page++) {
      String from = start;
      ListStreamsResponse response = streams.listStreams(r -> r.exclusiveStartStreamArn(from));
      response.streams().forEach(stream -> arns.add(stream.streamArn()));
      start = response.lastEvaluatedStreamArn();
      if (start == null) {
        break;
      }
    }

    assertTrue(arns.contains(first.streamArn()));
    assertTrue(arns.contains(second.streamArn()));
  }

  @Test
  void listStreams_tableWithoutStream_isEmpty() {
    String table = createTable("pk", null);

    assertTrue(streams.listStreams(r -> r.tableName(table)).streams().isEmpty());
    assertNull(client.describeTable(r -> r.tableName(table)).table().latestStreamArn());
  }

  @ParameterizedTest
  @EnumSource(value = StreamViewType.class, names = {"KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES"})
  void describeStream_newStream_enabledWithViewTypeKeySchemaAndShard(StreamViewType viewType) {
    Streamed streamed = createStreamedTable(viewType);

    StreamDescription description = describe(streamed.streamArn());

    assertEquals(streamed.streamArn(), description.streamArn());
    assertEquals(StreamStatus.ENABLED, description.streamStatus());
    assertEquals(viewType, description.streamViewType());
    assertEquals(streamed.table(), description.tableName());
    assertEquals(List.of(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build()),
        description.keySchema());
    assertNotNull(description.streamLabel());
    assertNotNull(description.creationRequestDateTime());
    assertFalse(description.shards().isEmpty(), "an enabled stream has an open shard");
    assertNotNull(description.shards().get(0).shardId());
  }

  @Test
  void describeStream_compositeKeyTable_keySchemaHasHashAndRange() {
    String name = uniqueName("streamed");
    String arn = client.createTable(r -> r.tableName(name)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
            KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
        .attributeDefinitions(
            AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
            AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.S).build())
        .streamSpecification(spec -> spec.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY)))
        .tableDescription().latestStreamArn();
    client.putItem(r -> r.tableName(name).item(Map.of("pk", s("p"), "sk", s("s"), "v", s("x"))));

    StreamDescription description = describe(arn);
    List<Record> records = records(arn);

    assertEquals(List.of(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build()), description.keySchema());
    assertEquals(1, records.size());
    assertEquals(Map.of("pk", s("p"), "sk", s("s")), records.get(0).dynamodb().keys());
  }

  @ParameterizedTest
  @EnumSource(value = StreamViewType.class, names = {"KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES"})
  void getRecords_putUpdateDelete_insertModifyRemoveWithImagesOfViewType(StreamViewType viewType) {
    Streamed streamed = createStreamedTable(viewType);
    Map<String, AttributeValue> first = Map.of("pk", s("k"), "v", s("1"));
    Map<String, AttributeValue> second = Map.of("pk", s("k"), "v", s("2"));
    put(streamed.table(), first);
    client.updateItem(r -> r.tableName(streamed.table()).key(key("k"))
        .updateExpression("SET v = :two").expressionAttributeValues(Map.of(":two", s("2"))));
    client.deleteItem(r -> r.tableName(streamed.table()).key(key("k")));

    List<Record> records = records(streamed.streamArn());

    assertEquals(List.of(OperationType.INSERT, OperationType.MODIFY, OperationType.REMOVE),
        records.stream().map(Record::eventName).toList());
    boolean newImages = viewType == StreamViewType.NEW_IMAGE || viewType == StreamViewType.NEW_AND_OLD_IMAGES;
    boolean oldImages = viewType == StreamViewType.OLD_IMAGE || viewType == StreamViewType.NEW_AND_OLD_IMAGES;
    for (Record record : records) {
      StreamRecord data = record.dynamodb();
      assertEquals(key("k"), data.keys(), "every record carries the key");
      assertEquals(viewType, data.streamViewType());
      assertEquals("aws:dynamodb", record.eventSource());
      assertNotNull(record.eventID());
      assertNotNull(data.sequenceNumber());
      assertTrue(data.sizeBytes() != null && data.sizeBytes() > 0, "SizeBytes");
      assertNotNull(data.approximateCreationDateTime());
    }
    StreamRecord insert = records.get(0).dynamodb();
    StreamRecord modify = records.get(1).dynamodb();
    StreamRecord remove = records.get(2).dynamodb();
    assertFalse(insert.hasOldImage(), "an INSERT has no old image");
    assertFalse(remove.hasNewImage(), "a REMOVE has no new image");
    if (newImages) {
      assertEquals(first, insert.newImage());
      assertEquals(second, modify.newImage());
    } else {
      assertFalse(insert.hasNewImage());
      assertFalse(modify.hasNewImage());
    }
    if (oldImages) {
      assertEquals(first, modify.oldImage());
      assertEquals(second, remove.oldImage());
    } else {
      assertFalse(modify.hasOldImage());
      assertFalse(remove.hasOldImage());
    }
    assertEquals(3, records.stream().map(Record::eventID).distinct().count(), "event ids are unique");
  }

  @Test
  void getRecords_manyWrites_sequenceNumbersStrictlyIncreaseWithinShard() {
    Streamed streamed = createStreamedTable(StreamViewType.KEYS_ONLY);
    for (int i = 0; i < 12; i++) {
      put(streamed.table(), Map.of("pk", s("k" + (i % 4)), "v", s("v" + i)));
    }

    List<ShardRecord> all = readAll(streamed.streamArn());

    assertEquals(12, all.size());
    Map<String, BigInteger> lastByShard = new java.util.HashMap<>();
    for (ShardRecord shardRecord : all) {
      BigInteger sequence = new BigInteger(shardRecord.record().dynamodb().sequenceNumber());
      BigInteger previous = lastByShard.put(shardRecord.shardId(), sequence);
      if (previous != null) {
        assertTrue(sequence.compareTo(previous) > 0, previous + " then " + sequence);
      }
    }
  }

  @Test
  void getRecords_oneItemModifiedRepeatedly_recordsInModificationOrder() {
    Streamed streamed = createStreamedTable(StreamViewType.NEW_IMAGE);
    for (int i = 1; i <= 5; i++) {
      put(streamed.table(), Map.of("pk", s("k"), "v", s("v" + i)));
    }

    List<Record> records = records(streamed.streamArn());

    assertEquals(List.of("v1", "v2", "v3", "v4", "v5"),
        records.stream().map(r -> r.dynamodb().newImage().get("v").s()).toList());
    assertEquals(OperationType.INSERT, records.get(0).eventName());
    assertTrue(records.subList(1, 5).stream().allMatch(r -> r.eventName() == OperationType.MODIFY));
  }

  @Test
  void putItem_identicalToStoredItem_writesNoRecord() {
    Streamed streamed = createStreamedTable(StreamViewType.NEW_AND_OLD_IMAGES);
    Map<String, AttributeValue> item = Map.of("pk", s("k"), "v", s("same"));
    put(streamed.table(), item);
    put(streamed.table(), item);

    List<Record> records = records(streamed.streamArn());

    assertEquals(List.of("INSERT k"), records.stream().map(StreamsTest::event).toList());
  }

  @Test
  void updateItem_settingSameValue_writesNoRecord() {
    Streamed streamed = createStreamedTable(StreamViewType.NEW_AND_OLD_IMAGES);
    put(streamed.table(), Map.of("pk", s("k"), "v", s("same")));
    client.updateItem(r -> r.tableName(streamed.table()).key(key("k"))
        .updateExpression("SET v = :same").expressionAttributeValues(Map.of(":same", s("same"))));

    List<Record> records = records(streamed.streamArn());

    assertEquals(List.of("INSERT k"), records.stream().map(StreamsTest::event).toList());
  }

  @Test
  void deleteItem_missingItem_writesNoRecord() {
    Streamed streamed = createStreamedTable(StreamViewType.NEW_AND_OLD_IMAGES);
    client.deleteItem(r -> r.tableName(streamed.table()).key(key("never-written")));

    assertTrue(records(streamed.streamArn()).isEmpty());
  }

  @Test
  void putItem_failedCondition_writesNoRecord() {
    Streamed streamed = createStreamedTable(StreamViewType.NEW_AND_OLD_IMAGES);
    put(streamed.table(), Map.of("pk", s("k"), "v", s("first")));

    try {
      client.putItem(r -> r.tableName(streamed.table()).item(Map.of("pk", s("k"), "v", s("second")))
          .conditionExpression("attribute_not_exists(pk)"));
    } catch (ConditionalCheckFailedException expected) {
      // the condition fails: the item exists
    }

    assertEquals(List.of("INSERT k"), records(streamed.streamArn()).stream().map(StreamsTest::event).toList());
  }

  @Test
  void transactWriteItems_committed_recordPerModifiedItemAndNoneForConditionCheck() {
    Streamed streamed = createStreamedTable(StreamViewType.NEW_AND_OLD_IMAGES);
    put(streamed.table(), Map.of("pk", s("updated"), "v", s("old")));
    put(streamed.table(), Map.of("pk", s("checked"), "v", s("x")));
    put(streamed.table(), Map.of("pk", s("deleted"), "v", s("x")));
    int before = records(streamed.streamArn()).size();

    client.transactWriteItems(r -> r.transactItems(
        TransactWriteItem.builder().put(p -> p.tableName(streamed.table()).item(Map.of("pk", s("new"), "v", s("n")))).build(),
        TransactWriteItem.builder().update(u -> u.tableName(streamed.table()).key(key("updated"))
            .updateExpression("SET v = :new").expressionAttributeValues(Map.of(":new", s("new")))).build(),
        TransactWriteItem.builder().delete(d -> d.tableName(streamed.table()).key(key("deleted"))).build(),
        TransactWriteItem.builder().conditionCheck(c -> c.tableName(streamed.table()).key(key("checked"))
            .conditionExpression("attribute_exists(pk)")).build()));

    List<Record> records = records(streamed.streamArn());
    List<Record> fromTransaction = records.subList(before, records.size());

    assertEquals(3, before);
    assertEquals(Set.of("INSERT new", "MODIFY updated", "REMOVE deleted"),
        new HashSet<>(fromTransaction.stream().map(StreamsTest::event).toList()));
    assertEquals(3, fromTransaction.size());
    Record modify = fromTransaction.stream().filter(r -> r.eventName() == OperationType.MODIFY).findFirst().orElseThrow();
    assertEquals(s("old"), modify.dynamodb().oldImage().get("v"));
    assertEquals(s("new"), modify.dynamodb().newImage().get("v"));
  }

  @Test
  void transactWriteItems_cancelled_writesNoRecord() {
    Streamed streamed = createStreamedTable(StreamViewType.NEW_AND_OLD_IMAGES);
    put(streamed.table(), Map.of("pk", s("exists")));

    try {
      client.transactWriteItems(r -> r.transactItems(
          TransactWriteItem.builder().put(p -> p.tableName(streamed.table()).item(Map.of("pk", s("new")))).build(),
          TransactWriteItem.builder().conditionCheck(c -> c.tableName(streamed.table()).key(key("exists"))
              .conditionExpression("attribute_not_exists(pk)")).build()));
    } catch (TransactionCanceledException expected) {
      // the condition check fails
    }

    assertEquals(List.of("INSERT exists"), records(streamed.streamArn()).stream().map(StreamsTest::event).toList());
  }

  @Test
  void batchWriteItem_putsAndDeletes_recordPerItem() {
    Streamed streamed = createStreamedTable(StreamViewType.NEW_AND_OLD_IMAGES);
    put(streamed.table(), Map.of("pk", s("gone"), "v", s("x")));

    client.batchWriteItem(r -> r.requestItems(Map.of(streamed.table(), List.of(
        WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of("pk", s("b1"), "v", s("1"))).build()).build(),
        WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of("pk", s("b2"), "v", s("2"))).build()).build(),
        WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key("gone")).build()).build()))));

    List<Record> records = records(streamed.streamArn());

    assertEquals(4, records.size());
    assertEquals("INSERT gone", event(records.get(0)));
    assertEquals(Set.of("INSERT b1", "INSERT b2", "REMOVE gone"),
        new HashSet<>(records.subList(1, 4).stream().map(StreamsTest::event).toList()));
    Record removal = records.stream().filter(r -> r.eventName() == OperationType.REMOVE).findFirst().orElseThrow();
    assertEquals(Map.of("pk", s("gone"), "v", s("x")), removal.dynamodb().oldImage());
  }

  @Test
  void getShardIterator_latest_readsOnlyLaterRecords() {
    Streamed streamed = createStreamedTable(StreamViewType.KEYS_ONLY);
    put(streamed.table(), Map.of("pk", s("before")));
    List<String> iterators = new ArrayList<>();
    for (Shard shard : describe(streamed.streamArn()).shards()) {
      iterators.add(streams.getShardIterator(r -> r.streamArn(streamed.streamArn()).shardId(shard.shardId())
          .shardIteratorType(ShardIteratorType.LATEST)).shardIterator());
    }
    put(streamed.table(), Map.of("pk", s("after")));

    List<String> seen = new ArrayList<>();
    for (String iterator : iterators) {
      drain(iterator).forEach(record -> seen.add(event(record)));
    }

    assertEquals(List.of("INSERT after"), seen);
  }

  @Test
  void getShardIterator_atAndAfterSequenceNumber_startAtAndJustAfterThatRecord() {
    Streamed streamed = createStreamedTable(StreamViewType.KEYS_ONLY);
    put(streamed.table(), Map.of("pk", s("one")));
    put(streamed.table(), Map.of("pk", s("two")));
    put(streamed.table(), Map.of("pk", s("three")));
    List<ShardRecord> all = readAll(streamed.streamArn());
    ShardRecord middle = all.stream().filter(r -> pkOf(r.record()).equals("two")).findFirst().orElseThrow();
    String sequence = middle.record().dynamodb().sequenceNumber();

    String at = streams.getShardIterator(r -> r.streamArn(streamed.streamArn()).shardId(middle.shardId())
        .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER).sequenceNumber(sequence)).shardIterator();
    String after = streams.getShardIterator(r -> r.streamArn(streamed.streamArn()).shardId(middle.shardId())
        .shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(sequence)).shardIterator();

    assertEquals(List.of("INSERT two", "INSERT three"), drain(at).stream().map(StreamsTest::event).toList());
    assertEquals(List.of("INSERT three"), drain(after).stream().map(StreamsTest::event).toList());
  }

  @Test
  void getRecords_withLimit_pagesThroughNextShardIterator() {
    Streamed streamed = createStreamedTable(StreamViewType.KEYS_ONLY);
    put(streamed.table(), Map.of("pk", s("a")));
    put(streamed.table(), Map.of("pk", s("b")));
    put(streamed.table(), Map.of("pk", s("c")));
    Shard shard = describe(streamed.streamArn()).shards().get(0);
    String iterator = streams.getShardIterator(r -> r.streamArn(streamed.streamArn()).shardId(shard.shardId())
        .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();

    GetRecordsResponse first = streams.getRecords(r -> r.shardIterator(iterator).limit(2));
    GetRecordsResponse second = streams.getRecords(r -> r.shardIterator(first.nextShardIterator()).limit(2));

    assertEquals(List.of("INSERT a", "INSERT b"), first.records().stream().map(StreamsTest::event).toList());
    assertNotNull(first.nextShardIterator(), "an open shard always gives a next iterator");
    assertEquals(List.of("INSERT c"), second.records().stream().map(StreamsTest::event).toList());
  }

  @Test
  @Timeout(60)
  void putItem_eightThreadsOnTwoStreamedTables_eachStreamHasEveryChangeOnceInOrder() throws Exception {
    List<Streamed> tables = List.of(createStreamedTable(StreamViewType.KEYS_ONLY),
        createStreamedTable(StreamViewType.KEYS_ONLY));
    int threads = 8;
    int perThread = 50;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Callable<Integer>> tasks = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        String table = tables.get(i % 2).table();
        String writer = "writer-" + i;
        tasks.add(() -> {
          for (int j = 0; j < perThread; j++) {
            put(table, key(writer + "-" + j));
          }
          return perThread;
        });
      }
      Together.run(pool, tasks);
    } finally {
      pool.shutdownNow();
    }

    for (Streamed streamed : tables) {
      List<ShardRecord> all = readAll(streamed.streamArn());
      Set<String> keys = new HashSet<>();
      Map<String, BigInteger> lastOfShard = new HashMap<>();
      for (ShardRecord shardRecord : all) {
        keys.add(shardRecord.record().dynamodb().keys().get("pk").s());
        BigInteger sequence = new BigInteger(shardRecord.record().dynamodb().sequenceNumber());
        BigInteger before = lastOfShard.put(shardRecord.shardId(), sequence);
        assertTrue(before == null || sequence.compareTo(before) > 0, sequence + " after " + before);
      }
      assertEquals(threads / 2 * perThread, all.size(), "one record for every write to " + streamed.table());
      assertEquals(threads / 2 * perThread, keys.size());
    }
  }

  @Test
  void getRecords_userDelete_hasNoServiceIdentity() {
    Streamed streamed = createStreamedTable(StreamViewType.OLD_IMAGE);
    put(streamed.table(), Map.of("pk", s("k")));
    client.deleteItem(r -> r.tableName(streamed.table()).key(key("k")));

    List<Record> records = records(streamed.streamArn());

    assertEquals(OperationType.REMOVE, records.get(1).eventName());
    assertNull(records.get(1).userIdentity(), "only deletions by Time to Live carry a userIdentity");
  }
}
