package dev.monotable.local.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monotable.local.MonotableLocal;
import dev.monotable.local.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsRequest;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveResponse;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Time to live, with the engine's clock fixed. From the Developer Guide and the UpdateTimeToLive
 * reference: the TTL attribute is a Number of epoch seconds; an item is expired when that value is
 * less than the current time; items whose attribute is not a Number are ignored, and so are values
 * more than five years in the past; expired items stay readable until deleted; a deletion by TTL
 * goes to the stream as a service deletion (userIdentity type "Service", principalId
 * "dynamodb.amazonaws.com"); a further UpdateTimeToLive within an hour is a ValidationException.
 *
 * <p>An item whose TTL equals the current second is not yet expired: the UpdateTimeToLive reference
 * says an item is expired when its value "is less than the current time", and the Developer Guide
 * ("Computing time to live") that "the item will be expired after the specified time".
 */
@EngineOnly("fixes the engine's clock and sweeps expired items with local.expireNow()")
class TimeToLiveTest extends EngineTest {
  /** The fixed now of this class: 2023-11-14T22:13:20Z. */
  private static final long NOW = 1_700_000_000L;
  private static final long YEAR = 365L * 24 * 3600;
  private static final String TTL = "expiresAt";

  private final MovableClock clock = new MovableClock(Instant.ofEpochSecond(NOW));
  private DynamoDbStreamsClient streams;
  @BeforeAll
  void fixClockAndStartStreamsClient() {
    local.withClock(clock);
    streams = DynamoDbStreamsClient.builder()
        .httpClient(local.httpClient())
        .endpointOverride(local.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }

  @AfterAll
  void stopStreamsClient() {
    streams.close();
  }

  /** Every test starts at NOW with nothing left to expire, whatever an earlier test left behind. */
  @BeforeEach
  void resetClockAndFlush() {
    clock.set(Instant.ofEpochSecond(NOW));
    local.expireNow();
  }

  /** DynamoDB's ValidationException, which the SDK has no class of its own for. */
  private static DynamoDbException assertValidationException(Executable call) {
    DynamoDbException e = assertThrows(DynamoDbException.class, call);
    assertEquals("ValidationException", e.awsErrorDetails().errorCode(), e.getMessage());
    assertEquals(400, e.statusCode());
    return e;
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  private static Map<String, AttributeValue> key(String pk) {
    return Map.of("pk", s(pk));
  }

  private String createTtlTable() {
    String table = createTable("pk", null);
    enableTtl(client, table);
    return table;
  }

  private static UpdateTimeToLiveResponse enableTtl(DynamoDbClient dynamo, String table) {
    return dynamo.updateTimeToLive(r -> r.tableName(table)
        .timeToLiveSpecification(spec -> spec.attributeName(TTL).enabled(true)));
  }

  private boolean exists(DynamoDbClient dynamo, String table, String pk) {
    GetItemResponse response = dynamo.getItem(r -> r.tableName(table).key(key(pk)).consistentRead(true));
    return response.hasItem();
  }

  private boolean exists(String table, String pk) {
    return exists(client, table, pk);
  }

  private void putWithTtl(String table, String pk, AttributeValue ttl) {
    client.putItem(r -> r.tableName(table).item(Map.of("pk", s(pk), TTL, ttl)));
  }

  private List<Record> streamRecords(String streamArn) {
    List<Record> out = new ArrayList<>();
    for (Shard shard : streams.describeStream(r -> r.streamArn(streamArn)).streamDescription().shards()) {
      String next = streams.getShardIterator(r -> r.streamArn(streamArn).shardId(shard.shardId())
          .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
      for (int call = 0; call < 100 && next != null; call++) {
        GetRecordsResponse response = streams.getRecords(GetRecordsRequest.builder().shardIterator(next).build());
        out.addAll(response.records());
        if (response.records().isEmpty()) {
          break;
        }
        next = response.nextShardIterator();
      }
    }
    return out;
  }

  @Test
  void describeTimeToLive_newTable_disabled() {
    String table = createTable("pk", null);

    TimeToLiveDescription description = client.describeTimeToLive(r -> r.tableName(table)).timeToLiveDescription();

    assertEquals(TimeToLiveStatus.DISABLED, description.timeToLiveStatus());
  }

  @Test
  void updateTimeToLive_enable_returnsSpecificationAndDescribeShowsAttribute() {
    String table = createTable("pk", null);

    UpdateTimeToLiveResponse response = enableTtl(client, table);
    TimeToLiveDescription description = client.describeTimeToLive(r -> r.tableName(table)).timeToLiveDescription();

    assertEquals(TimeToLiveSpecification.builder().attributeName(TTL).enabled(true).build(),
        response.timeToLiveSpecification());
    assertTrue(Set.of(TimeToLiveStatus.ENABLING, TimeToLiveStatus.ENABLED).contains(description.timeToLiveStatus()),
        "status " + description.timeToLiveStatus());
    assertEquals(TTL, description.attributeName());
  }

  @Test
  void updateTimeToLive_secondChangeWithinAnHour_validationException() {
    String table = createTtlTable();

    DynamoDbException e = assertValidationException(() -> client.updateTimeToLive(r -> r.tableName(table)
        .timeToLiveSpecification(spec -> spec.attributeName(TTL).enabled(false))));
    assertEquals("Time to live has been modified multiple times within a fixed interval", e.awsErrorDetails().errorMessage());

    assertEquals(TTL, client.describeTimeToLive(r -> r.tableName(table)).timeToLiveDescription().attributeName());
  }

  @Test
  void updateTimeToLive_missingTable_resourceNotFound() {
    assertThrows(software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException.class,
        () -> enableTtl(client, uniqueName("no-such-table")));
  }

  @Test
  void expireNow_mixedItems_deletesOnlyValidExpiredOnes() {
    String table = createTtlTable();
    putWithTtl(table, "expired-a-minute-ago", n(NOW - 60));
    putWithTtl(table, "expired-four-years-ago", n(NOW - 4 * YEAR));
    putWithTtl(table, "expires-in-an-hour", n(NOW + 3600));
    putWithTtl(table, "more-than-five-years-old", n(NOW - 6 * YEAR));
    putWithTtl(table, "ttl-is-a-string", s(Long.toString(NOW - 60)));
    putWithTtl(table, "ttl-in-milliseconds", n((NOW - 60) * 1000));
    client.putItem(r -> r.tableName(table).item(Map.of("pk", s("no-ttl-attribute"), "other", n(NOW - 60))));

    int deleted = local.expireNow();

    assertEquals(2, deleted);
    assertFalse(exists(table, "expired-a-minute-ago"));
    assertFalse(exists(table, "expired-four-years-ago"));
    assertTrue(exists(table, "expires-in-an-hour"));
    assertTrue(exists(table, "more-than-five-years-old"), "values more than five years in the past are ignored");
    assertTrue(exists(table, "ttl-is-a-string"), "a TTL attribute that is not a Number is ignored");
    assertTrue(exists(table, "ttl-in-milliseconds"), "milliseconds read as seconds lie far in the future");
    assertTrue(exists(table, "no-ttl-attribute"));
  }

  @Test
  void expireNow_ttlEqualToCurrentSecond_notYetExpired() {
    String table = createTtlTable();
    putWithTtl(table, "due-now", n(NOW));

    assertEquals(0, local.expireNow(), "a TTL equal to the current time is not less than it");
    assertTrue(exists(table, "due-now"));

    clock.set(Instant.ofEpochSecond(NOW + 1));

    assertEquals(1, local.expireNow());
    assertFalse(exists(table, "due-now"));
  }

  @Test
  void expireNow_tableWithoutTtl_deletesNothing() {
    String table = createTable("pk", null);
    putWithTtl(table, "old", n(NOW - 60));

    int deleted = local.expireNow();

    assertEquals(0, deleted);
    assertTrue(exists(table, "old"));
  }

  @Test
  void expireNow_nothingExpired_returnsZero() {
    String table = createTtlTable();
    putWithTtl(table, "future", n(NOW + 3600));

    assertEquals(0, local.expireNow());
    assertTrue(exists(table, "future"));
  }

  @Test
  void getItem_expiredButNotYetDeleted_stillReturned() {
    String table = createTtlTable();
    putWithTtl(table, "k", n(NOW - 60));

    assertTrue(exists(table, "k"), "expired items show up in reads until deleted");
    assertEquals(1, local.expireNow());
    assertFalse(exists(table, "k"));
  }

  @Test
  void expireNow_afterClockPassesTtl_deletesItemThatWasLive() {
    String table = createTtlTable();
    putWithTtl(table, "k", n(NOW + 60));
    assertEquals(0, local.expireNow());
    assertTrue(exists(table, "k"));

    clock.set(Instant.ofEpochSecond(NOW + 120));

    assertEquals(1, local.expireNow());
    assertFalse(exists(table, "k"));
  }

  @Test
  void expireNow_ttlMovedIntoFutureBeforeSweep_keepsItem() {
    String table = createTtlTable();
    putWithTtl(table, "k", n(NOW - 60));
    client.updateItem(r -> r.tableName(table).key(key("k"))
        .updateExpression("SET #t = :later")
        .expressionAttributeNames(Map.of("#t", TTL))
        .expressionAttributeValues(Map.of(":later", n(NOW + 3600))));

    assertEquals(0, local.expireNow());
    assertTrue(exists(table, "k"));
  }

  @Test
  void expireNow_itemInGlobalSecondaryIndex_removedFromIndexToo() {
    String table = uniqueName("ttl-gsi");
    client.createTable(r -> r.tableName(table)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
        .attributeDefinitions(
            AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
            AttributeDefinition.builder().attributeName("grp").attributeType(ScalarAttributeType.S).build())
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byGroup")
            .keySchema(KeySchemaElement.builder().attributeName("grp").keyType(KeyType.HASH).build())
            .projection(p -> p.projectionType(ProjectionType.ALL)).build()));
    enableTtl(client, table);
    client.putItem(r -> r.tableName(table).item(Map.of("pk", s("old"), "grp", s("g"), TTL, n(NOW - 60))));
    client.putItem(r -> r.tableName(table).item(Map.of("pk", s("live"), "grp", s("g"), TTL, n(NOW + 3600))));

    assertEquals(1, local.expireNow());

    List<Map<String, AttributeValue>> inIndex = client.query(r -> r.tableName(table).indexName("byGroup")
        .keyConditionExpression("grp = :g").expressionAttributeValues(Map.of(":g", s("g")))).items();
    assertEquals(List.of("live"), inIndex.stream().map(item -> item.get("pk").s()).toList());
  }

  @Test
  void expireNow_streamedTable_removeRecordByService() {
    String table = uniqueName("ttl-stream");
    String streamArn = client.createTable(r -> r.tableName(table)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
        .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build())
        .streamSpecification(spec -> spec.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)))
        .tableDescription().latestStreamArn();
    enableTtl(client, table);
    Map<String, AttributeValue> item = Map.of("pk", s("k"), TTL, n(NOW - 60), "v", s("x"));
    client.putItem(r -> r.tableName(table).item(item));

    assertEquals(1, local.expireNow());

    List<Record> records = streamRecords(streamArn);
    assertEquals(List.of(OperationType.INSERT, OperationType.REMOVE), records.stream().map(Record::eventName).toList());
    Record removal = records.get(1);
    assertNotNull(removal.userIdentity(), "a deletion by Time to Live names the service");
    assertEquals("Service", removal.userIdentity().type());
    assertEquals("dynamodb.amazonaws.com", removal.userIdentity().principalId());
    assertEquals(key("k"), removal.dynamodb().keys());
    assertEquals(item, removal.dynamodb().oldImage());
    assertFalse(removal.dynamodb().hasNewImage());
    assertNull(records.get(0).userIdentity(), "the user's own write has no service identity");
  }

  @Test
  void updateTimeToLive_disableAfterAnHour_accepted() {
    MovableClock ownClock = new MovableClock(Instant.ofEpochSecond(NOW));
    try (MonotableLocal own = MonotableLocal.inProcess().withClock(ownClock);
        DynamoDbClient dynamo = DynamoDbClient.builder()
            .httpClient(own.httpClient())
            .endpointOverride(own.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
            .build()) {
      String table = uniqueName("ttl-disable");
      dynamo.createTable(r -> r.tableName(table)
          .billingMode(BillingMode.PAY_PER_REQUEST)
          .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
          .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build()));
      enableTtl(dynamo, table);
      ownClock.set(Instant.ofEpochSecond(NOW).plus(Duration.ofHours(2)));

      UpdateTimeToLiveResponse response = dynamo.updateTimeToLive(r -> r.tableName(table)
          .timeToLiveSpecification(spec -> spec.attributeName(TTL).enabled(false)));
      dynamo.putItem(r -> r.tableName(table).item(Map.of("pk", s("old"), TTL, n(NOW))));

      TimeToLiveStatus status = dynamo.describeTimeToLive(r -> r.tableName(table)).timeToLiveDescription()
          .timeToLiveStatus();

      assertEquals(Boolean.FALSE, response.timeToLiveSpecification().enabled());
      assertTrue(Set.of(TimeToLiveStatus.DISABLING, TimeToLiveStatus.DISABLED).contains(status), "status " + status);
      if (status == TimeToLiveStatus.DISABLED) {
        assertEquals(0, own.expireNow(), "a table with TTL disabled expires nothing");
        assertTrue(exists(dynamo, table, "old"));
      }
    }
  }
}
