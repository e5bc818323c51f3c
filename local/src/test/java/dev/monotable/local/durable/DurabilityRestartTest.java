package dev.monotable.local.durable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monotable.local.MonotableLocal;
import dev.monotable.local.MovableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * {@link MonotableLocal#persistent(Path)}: a new engine on the same directory has every table,
 * item, index, time-to-live setting, tag and stream the last one had, to the ids, times and
 * sequence numbers, and goes on from there.
 */
class DurabilityRestartTest {
  private static final Instant START = Instant.parse("2026-03-01T10:00:00.123Z");

  @TempDir
  protected Path directory;

  private final MovableClock clock = new MovableClock(START);
  private MonotableLocal local;
  private DynamoDbClient client;
  private DynamoDbStreamsClient streams;

  @BeforeEach
  void start() {
    open();
  }

  @AfterEach
  void stop() {
    closeEngine();
  }

  private void open() {
    local = MonotableLocal.persistent(directory).withClock(clock);
    var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    client = DynamoDbClient.builder().httpClient(local.httpClient()).endpointOverride(local.endpoint())
        .region(Region.US_EAST_1).credentialsProvider(credentials)
        .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none())).build();
    streams = DynamoDbStreamsClient.builder().httpClient(local.httpClient()).endpointOverride(local.endpoint())
        .region(Region.US_EAST_1).credentialsProvider(credentials)
        .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none())).build();
  }

  private void closeEngine() {
    if (local != null) {
      client.close();
      streams.close();
      local.close();
      local = null;
    }
  }

  /** Stops the engine (as a process exit would: nothing is flushed at close that was not before) and starts another. */
  void restart() {
    closeEngine();
    clock.advance(Duration.ofMinutes(1));
    open();
    afterRestart();
  }

  /** Checks on the files after a restart; none here. */
  void afterRestart() {}

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  private void createOrders() {
    client.createTable(r -> r.tableName("Orders")
        .attributeDefinitions(
            AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
            AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.S).build(),
            AttributeDefinition.builder().attributeName("status").attributeType(ScalarAttributeType.S).build(),
            AttributeDefinition.builder().attributeName("total").attributeType(ScalarAttributeType.N).build())
        .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
            KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
        .globalSecondaryIndexes(g -> g.indexName("byStatus")
            .keySchema(KeySchemaElement.builder().attributeName("status").keyType(KeyType.HASH).build())
            .projection(p -> p.projectionType(ProjectionType.ALL)))
        .localSecondaryIndexes(l -> l.indexName("byTotal")
            .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                KeySchemaElement.builder().attributeName("total").keyType(KeyType.RANGE).build())
            .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)))
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES))
        .deletionProtectionEnabled(true)
        .tags(t -> t.key("team").value("orders")));
  }

  private void putOrder(String pk, String sk, String status, long total) {
    client.putItem(r -> r.tableName("Orders").item(Map.of("pk", s(pk), "sk", s(sk), "status", s(status), "total", n(total))));
  }

  private TableDescription describe(String table) {
    return client.describeTable(r -> r.tableName(table)).table();
  }

  private List<Map<String, AttributeValue>> scan(String table) {
    List<Map<String, AttributeValue>> items = new ArrayList<>(client.scan(r -> r.tableName(table)).items());
    items.sort(Comparator.comparing(Object::toString));
    return items;
  }

  private List<Record> records(String streamArn) {
    String shard = streams.describeStream(r -> r.streamArn(streamArn)).streamDescription().shards().get(0).shardId();
    String iterator = streams.getShardIterator(r -> r.streamArn(streamArn).shardId(shard)
        .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
    return streams.getRecords(r -> r.shardIterator(iterator)).records();
  }

  @Test
  void tables_restarted_areDescribedExactlyAsBefore() {
    createOrders();
    client.createTable(r -> r.tableName("Plain")
        .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.N).build())
        .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
        .billingMode(BillingMode.PROVISIONED).provisionedThroughput(p -> p.readCapacityUnits(3L).writeCapacityUnits(4L)));
    clock.advance(Duration.ofSeconds(5));
    client.updateTable(r -> r.tableName("Plain").provisionedThroughput(p -> p.readCapacityUnits(7L).writeCapacityUnits(8L)));
    client.createTable(r -> r.tableName("Gone")
        .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build())
        .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
        .billingMode(BillingMode.PAY_PER_REQUEST));
    client.deleteTable(r -> r.tableName("Gone"));
    String ordersArn = describe("Orders").tableArn();
    client.tagResource(r -> r.resourceArn(ordersArn).tags(t -> t.key("cost-centre").value("42")));
    client.untagResource(r -> r.resourceArn(ordersArn).tagKeys("team"));
    TableDescription orders = describe("Orders");
    TableDescription plain = describe("Plain");

    restart();

    assertEquals(List.of("Orders", "Plain"), client.listTables().tableNames());
    assertEquals(orders, describe("Orders"), "ids, creation times, indexes, stream, protection");
    assertEquals(plain, describe("Plain"), "provisioned throughput as updated");
    assertEquals(7L, describe("Plain").provisionedThroughput().readCapacityUnits());
    assertThrows(ResourceNotFoundException.class, () -> describe("Gone"));
    assertEquals(Map.of("cost-centre", "42"), client.listTagsOfResource(r -> r.resourceArn(ordersArn)).tags().stream()
        .collect(Collectors.toMap(t -> t.key(), t -> t.value())));
    assertThrows(DynamoDbException.class, () -> client.deleteTable(r -> r.tableName("Orders")), "still protected");

    // the new engine goes on: a table created again under a deleted name is another table
    client.createTable(r -> r.tableName("Gone")
        .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build())
        .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
        .billingMode(BillingMode.PAY_PER_REQUEST));
    TableDescription gone = describe("Gone");
    restart();
    assertEquals(gone, describe("Gone"));
    assertNotEquals(orders.tableId(), gone.tableId());
  }

  @Test
  void itemsAndIndexes_restarted_answerQueriesAsBefore() {
    createOrders();
    putOrder("c1", "o1", "OPEN", 30);
    putOrder("c1", "o2", "SHIPPED", 10);
    putOrder("c2", "o1", "OPEN", 20);
    client.updateItem(r -> r.tableName("Orders").key(Map.of("pk", s("c1"), "sk", s("o1")))
        .updateExpression("SET #s = :s, notes = list_append(if_not_exists(notes, :empty), :n)")
        .expressionAttributeNames(Map.of("#s", "status"))
        .expressionAttributeValues(Map.of(":s", s("SHIPPED"), ":empty", AttributeValue.fromL(List.of()),
            ":n", AttributeValue.fromL(List.of(s("packed"))))));
    client.deleteItem(r -> r.tableName("Orders").key(Map.of("pk", s("c2"), "sk", s("o1"))));
    client.batchWriteItem(r -> r.requestItems(Map.of("Orders", List.of(
        WriteRequest.builder().putRequest(p -> p.item(Map.of("pk", s("c3"), "sk", s("o1"), "status", s("OPEN"), "total", n(5)))).build(),
        WriteRequest.builder().putRequest(p -> p.item(Map.of("pk", s("c3"), "sk", s("o2"), "total", n(6)))).build()))));
    client.transactWriteItems(r -> r.transactItems(
        t -> t.update(u -> u.tableName("Orders").key(Map.of("pk", s("c3"), "sk", s("o2")))
            .updateExpression("SET #s = :s").expressionAttributeNames(Map.of("#s", "status"))
            .expressionAttributeValues(Map.of(":s", s("OPEN")))),
        t -> t.put(p -> p.tableName("Orders").item(Map.of("pk", s("c4"), "sk", s("o1"), "status", s("OPEN"), "total", n(1))))));
    // a failed write changes nothing, before or after the restart
    assertThrows(ConditionalCheckFailedException.class, () -> client.putItem(r -> r.tableName("Orders")
        .item(Map.of("pk", s("c1"), "sk", s("o1"))).conditionExpression("attribute_not_exists(pk)")));
    List<Map<String, AttributeValue>> items = scan("Orders");
    var open = client.query(r -> r.tableName("Orders").indexName("byStatus").keyConditionExpression("#s = :s")
        .expressionAttributeNames(Map.of("#s", "status")).expressionAttributeValues(Map.of(":s", s("OPEN")))).items();
    var byTotal = client.query(r -> r.tableName("Orders").indexName("byTotal").keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", s("c1")))).items();

    restart();

    assertEquals(items, scan("Orders"));
    assertEquals(5, items.size());
    assertEquals(List.of(s("packed")), client.getItem(r -> r.tableName("Orders")
        .key(Map.of("pk", s("c1"), "sk", s("o1")))).item().get("notes").l());
    var openAfter = client.query(r -> r.tableName("Orders").indexName("byStatus").keyConditionExpression("#s = :s")
        .expressionAttributeNames(Map.of("#s", "status")).expressionAttributeValues(Map.of(":s", s("OPEN")))).items();
    assertEquals(open, openAfter);
    assertEquals(3, openAfter.size(), "c3/o1, c3/o2 (by the transaction), c4/o1");
    assertEquals(byTotal, client.query(r -> r.tableName("Orders").indexName("byTotal").keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", s("c1")))).items());
    assertEquals(List.of(n(10), n(30)), byTotal.stream().map(item -> item.get("total")).toList());
    assertEquals(5L, describe("Orders").itemCount());
  }

  @Test
  void partiqlWrite_restarted_isKept() {
    createOrders();
    client.executeStatement(r -> r.statement("INSERT INTO \"Orders\" VALUE {'pk': 'p1', 'sk': 's1', 'total': 3}"));
    restart();
    assertEquals(n(3), client.getItem(r -> r.tableName("Orders").key(Map.of("pk", s("p1"), "sk", s("s1")))).item().get("total"));
  }

  @Test
  void batchWithUnprocessedRequests_restarted_keepsOnlyWhatWasWritten() {
    createOrders();
    List<WriteRequest> writes = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      writes.add(WriteRequest.builder().putRequest(p -> p.item(Map.of("pk", s("b"), "sk", s("" + writes.size())))).build());
    }
    local.faults().seed(7).unprocessed(0.5, 1);
    var unprocessed = client.batchWriteItem(r -> r.requestItems(Map.of("Orders", writes))).unprocessedItems();
    int left = unprocessed.getOrDefault("Orders", List.of()).size();
    assertTrue(left > 0 && left < 20, "the fault left some, not all: " + left);
    List<Map<String, AttributeValue>> written = scan("Orders");
    assertEquals(20 - left, written.size());

    restart();

    assertEquals(written, scan("Orders"));
  }

  @Test
  void timeToLive_restarted_staysOnAndItsDeletionsStay() {
    createOrders();
    long now = START.getEpochSecond();
    client.putItem(r -> r.tableName("Orders").item(Map.of("pk", s("t"), "sk", s("soon"), "expires", n(now + 60))));
    client.putItem(r -> r.tableName("Orders").item(Map.of("pk", s("t"), "sk", s("later"), "expires", n(now + 86_400))));
    client.updateTimeToLive(r -> r.tableName("Orders").timeToLiveSpecification(t -> t.enabled(true).attributeName("expires")));

    restart();

    var description = client.describeTimeToLive(r -> r.tableName("Orders")).timeToLiveDescription();
    assertEquals(TimeToLiveStatus.ENABLED, description.timeToLiveStatus());
    assertEquals("expires", description.attributeName());
    // the time of the last change survives too: a second change within the hour is still refused
    assertThrows(DynamoDbException.class, () -> client.updateTimeToLive(r -> r.tableName("Orders")
        .timeToLiveSpecification(t -> t.enabled(false).attributeName("expires"))));
    clock.advance(Duration.ofMinutes(5));
    assertEquals(1, local.expireNow());
    String streamArn = describe("Orders").latestStreamArn();
    Record expiry = records(streamArn).get(2);

    restart();

    assertEquals(List.of("later"), scan("Orders").stream().map(item -> item.get("sk").s()).toList());
    Record expiryAfter = records(streamArn).get(2);
    assertEquals(expiry, expiryAfter);
    assertEquals("REMOVE", expiryAfter.eventNameAsString());
    assertEquals("dynamodb.amazonaws.com", expiryAfter.userIdentity().principalId());
  }

  @Test
  void streams_restarted_keepTheirRecordsAndGoOnAfterThem() {
    createOrders();
    putOrder("s", "1", "OPEN", 1);
    clock.advance(Duration.ofSeconds(2));
    client.updateItem(r -> r.tableName("Orders").key(Map.of("pk", s("s"), "sk", s("1")))
        .updateExpression("SET #t = :t").expressionAttributeNames(Map.of("#t", "total"))
        .expressionAttributeValues(Map.of(":t", n(2))));
    client.deleteItem(r -> r.tableName("Orders").key(Map.of("pk", s("s"), "sk", s("1"))));
    String first = describe("Orders").latestStreamArn();
    client.updateTable(r -> r.tableName("Orders").streamSpecification(s -> s.streamEnabled(false)));
    clock.advance(Duration.ofSeconds(1));
    client.updateTable(r -> r.tableName("Orders")
        .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY)));
    String second = describe("Orders").latestStreamArn();
    putOrder("s", "2", "OPEN", 3);
    List<Record> firstRecords = records(first);
    List<Record> secondRecords = records(second);
    var listed = streams.listStreams(r -> r.tableName("Orders")).streams();
    var firstDescription = streams.describeStream(r -> r.streamArn(first)).streamDescription();

    restart();

    assertEquals(firstRecords, records(first));
    assertEquals(List.of("INSERT", "MODIFY", "REMOVE"), firstRecords.stream().map(Record::eventNameAsString).toList());
    assertEquals(secondRecords, records(second));
    assertEquals(listed, streams.listStreams(r -> r.tableName("Orders")).streams());
    assertEquals(firstDescription, streams.describeStream(r -> r.streamArn(first)).streamDescription());
    assertEquals("DISABLED", firstDescription.streamStatusAsString());

    putOrder("s", "3", "OPEN", 4);
    List<Record> more = records(second);
    assertEquals(2, more.size());
    assertEquals(secondRecords.get(0), more.get(0));
    assertTrue(new java.math.BigInteger(more.get(1).dynamodb().sequenceNumber())
        .compareTo(new java.math.BigInteger(more.get(0).dynamodb().sequenceNumber())) > 0, "sequence numbers go on increasing");
    assertEquals(START.plus(Duration.ofSeconds(3)).plus(Duration.ofMinutes(1)).getEpochSecond(),
        more.get(1).dynamodb().approximateCreationDateTime().getEpochSecond(), "the new engine's clock");
  }

  @Test
  void closedEngine_afterwards_refusesRequestsRatherThanLoseThem() {
    createOrders();
    MonotableLocal closed = local;
    DynamoDbClient stale = client;
    closed.close();
    assertThrows(DynamoDbException.class, () -> stale.putItem(r -> r.tableName("Orders")
        .item(Map.of("pk", s("x"), "sk", s("y")))));
    open();
    assertFalse(client.getItem(r -> r.tableName("Orders").key(Map.of("pk", s("x"), "sk", s("y")))).hasItem());
    assertFalse(client.listTables().tableNames().isEmpty());
  }
}
