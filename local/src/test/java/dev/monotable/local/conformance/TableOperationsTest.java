package dev.monotable.local.conformance;

import static dev.monotable.local.conformance.Values.assertValidation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monotable.local.MonotableLocal;
import dev.monotable.local.MovableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.CreateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveResponse;

/**
 * Control-plane conformance: CreateTable, DescribeTable, ListTables, DeleteTable, UpdateTable,
 * UpdateTimeToLive and DescribeTimeToLive, as the DynamoDB API Reference describes them. A local
 * engine has no provisioning delay, so tables (and time to live) are expected to be usable at once.
 */
class TableOperationsTest extends EngineTest {

  // ---------------------------------------------------------------- CreateTable / DescribeTable

  @Test
  void createTable_stringPartitionKeyOnDemand_describesActiveTableWithItsSchema() {
    String name = uniqueName("ops-s");
    Instant before = Instant.now().minus(Duration.ofMinutes(1));

    CreateTableResponse created = client.createTable(r -> r.tableName(name)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(hash("id"))
        .attributeDefinitions(attr("id", ScalarAttributeType.S)));

    TableDescription returned = created.tableDescription();
    assertEquals(name, returned.tableName());
    assertTrue(Set.of(TableStatus.CREATING, TableStatus.ACTIVE).contains(returned.tableStatus()),
        "CreateTable answers CREATING (or, locally, ACTIVE): " + returned.tableStatus());
    assertEquals(List.of(hash("id")), returned.keySchema());

    TableDescription table = describe(name);
    assertEquals(name, table.tableName());
    assertEquals(TableStatus.ACTIVE, table.tableStatus());
    assertEquals(List.of(hash("id")), table.keySchema());
    assertEquals(List.of(attr("id", ScalarAttributeType.S)), table.attributeDefinitions());
    assertEquals(0L, table.itemCount());
    assertEquals(BillingMode.PAY_PER_REQUEST, table.billingModeSummary().billingMode());
    assertEquals(0L, table.provisionedThroughput().readCapacityUnits());
    assertEquals(0L, table.provisionedThroughput().writeCapacityUnits());
    assertNotNull(table.creationDateTime());
    assertTrue(table.creationDateTime().isAfter(before), "creation time is now: " + table.creationDateTime());
    assertNotNull(table.tableArn());
    assertTrue(table.tableArn().startsWith("arn:"), table.tableArn());
    assertTrue(table.tableArn().endsWith(":table/" + name), table.tableArn());
    assertFalse(table.hasGlobalSecondaryIndexes() && !table.globalSecondaryIndexes().isEmpty());
    assertFalse(table.hasLocalSecondaryIndexes() && !table.localSecondaryIndexes().isEmpty());
    assertNull(table.latestStreamArn());
  }

  @Test
  void createTable_numberPartitionAndBinarySortKeys_describesTypesAndStoresItems() {
    String name = uniqueName("ops-nb");
    client.createTable(r -> r.tableName(name)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(hash("n"), range("b"))
        .attributeDefinitions(attr("n", ScalarAttributeType.N), attr("b", ScalarAttributeType.B)));

    TableDescription table = describe(name);
    assertEquals(List.of(hash("n"), range("b")), table.keySchema());
    assertEquals(Set.of(attr("n", ScalarAttributeType.N), attr("b", ScalarAttributeType.B)),
        new HashSet<>(table.attributeDefinitions()));

    Map<String, AttributeValue> key = Map.of(
        "n", AttributeValue.fromN("42"),
        "b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, 1, 2})));
    client.putItem(r -> r.tableName(name).item(Map.of(
        "n", key.get("n"), "b", key.get("b"), "payload", AttributeValue.fromS("x"))));
    Map<String, AttributeValue> got = client.getItem(r -> r.tableName(name).key(key)).item();
    assertEquals("x", got.get("payload").s());
    assertEquals("42", got.get("n").n());
  }

  @Test
  void createTable_binaryPartitionKeyOnly_describesBinaryKey() {
    String name = uniqueName("ops-b");
    client.createTable(r -> r.tableName(name)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(hash("blob"))
        .attributeDefinitions(attr("blob", ScalarAttributeType.B)));

    TableDescription table = describe(name);
    assertEquals(List.of(hash("blob")), table.keySchema());
    assertEquals(List.of(attr("blob", ScalarAttributeType.B)), table.attributeDefinitions());
  }

  @Test
  void createTable_provisionedWithThroughput_describesCapacity() {
    String name = uniqueName("ops-prov");
    client.createTable(r -> r.tableName(name)
        .billingMode(BillingMode.PROVISIONED)
        .provisionedThroughput(throughput(5, 7))
        .keySchema(hash("pk"))
        .attributeDefinitions(attr("pk", ScalarAttributeType.S)));

    TableDescription table = describe(name);
    assertEquals(TableStatus.ACTIVE, table.tableStatus());
    assertEquals(5L, table.provisionedThroughput().readCapacityUnits());
    assertEquals(7L, table.provisionedThroughput().writeCapacityUnits());
    assertTrue(table.billingModeSummary() == null
            || table.billingModeSummary().billingMode() == BillingMode.PROVISIONED,
        "a provisioned table has no on-demand billing summary: " + table.billingModeSummary());
  }

  @Test
  void createTable_globalAndLocalIndexesWithEveryProjection_describesEachIndex() {
    String name = uniqueName("ops-idx");
    client.createTable(r -> r.tableName(name)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(hash("pk"), range("sk"))
        .attributeDefinitions(
            attr("pk", ScalarAttributeType.S),
            attr("sk", ScalarAttributeType.S),
            attr("status", ScalarAttributeType.S),
            attr("owner", ScalarAttributeType.S),
            attr("created", ScalarAttributeType.N),
            attr("score", ScalarAttributeType.N),
            attr("rank", ScalarAttributeType.N),
            attr("label", ScalarAttributeType.B))
        .globalSecondaryIndexes(
            gsi("byStatus", projection(ProjectionType.ALL), hash("status")),
            gsi("byOwner", projection(ProjectionType.KEYS_ONLY), hash("owner"), range("created")),
            gsi("byScore", include("title", "tags"), hash("score")))
        .localSecondaryIndexes(
            lsi("byRank", projection(ProjectionType.ALL), hash("pk"), range("rank")),
            lsi("byLabel", projection(ProjectionType.KEYS_ONLY), hash("pk"), range("label")),
            lsi("byCreated", include("title"), hash("pk"), range("created"))));

    TableDescription table = describe(name);
    assertEquals(8, table.attributeDefinitions().size());
    assertTrue(table.attributeDefinitions().contains(attr("label", ScalarAttributeType.B)));

    Map<String, GlobalSecondaryIndexDescription> gsis = table.globalSecondaryIndexes().stream()
        .collect(Collectors.toMap(GlobalSecondaryIndexDescription::indexName, g -> g));
    assertEquals(Set.of("byStatus", "byOwner", "byScore"), gsis.keySet());
    for (GlobalSecondaryIndexDescription index : gsis.values()) {
      assertEquals(IndexStatus.ACTIVE, index.indexStatus(), index.indexName());
    }
    assertEquals(List.of(hash("status")), gsis.get("byStatus").keySchema());
    assertEquals(ProjectionType.ALL, gsis.get("byStatus").projection().projectionType());
    assertEquals(List.of(hash("owner"), range("created")), gsis.get("byOwner").keySchema());
    assertEquals(ProjectionType.KEYS_ONLY, gsis.get("byOwner").projection().projectionType());
    assertEquals(List.of(hash("score")), gsis.get("byScore").keySchema());
    assertEquals(ProjectionType.INCLUDE, gsis.get("byScore").projection().projectionType());
    assertEquals(Set.of("title", "tags"), new HashSet<>(gsis.get("byScore").projection().nonKeyAttributes()));

    Map<String, LocalSecondaryIndexDescription> lsis = table.localSecondaryIndexes().stream()
        .collect(Collectors.toMap(LocalSecondaryIndexDescription::indexName, l -> l));
    assertEquals(Set.of("byRank", "byLabel", "byCreated"), lsis.keySet());
    assertEquals(List.of(hash("pk"), range("rank")), lsis.get("byRank").keySchema());
    assertEquals(ProjectionType.ALL, lsis.get("byRank").projection().projectionType());
    assertEquals(List.of(hash("pk"), range("label")), lsis.get("byLabel").keySchema());
    assertEquals(ProjectionType.KEYS_ONLY, lsis.get("byLabel").projection().projectionType());
    assertEquals(ProjectionType.INCLUDE, lsis.get("byCreated").projection().projectionType());
    assertEquals(List.of("title"), lsis.get("byCreated").projection().nonKeyAttributes());
  }

  @Test
  void createTable_provisionedGlobalIndexWithThroughput_describesIndexCapacity() {
    String name = uniqueName("ops-gsiprov");
    client.createTable(r -> r.tableName(name)
        .billingMode(BillingMode.PROVISIONED)
        .provisionedThroughput(throughput(5, 5))
        .keySchema(hash("pk"))
        .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("g", ScalarAttributeType.S))
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
            .indexName("byG")
            .keySchema(hash("g"))
            .projection(projection(ProjectionType.ALL))
            .provisionedThroughput(throughput(3, 4))
            .build()));

    GlobalSecondaryIndexDescription index = describe(name).globalSecondaryIndexes().get(0);
    assertEquals("byG", index.indexName());
    assertEquals(3L, index.provisionedThroughput().readCapacityUnits());
    assertEquals(4L, index.provisionedThroughput().writeCapacityUnits());
  }

  @Test
  void createTable_withStreamSpecification_describesStreamAndLatestStreamArn() {
    String name = uniqueName("ops-stream");
    client.createTable(r -> r.tableName(name)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(hash("pk"))
        .attributeDefinitions(attr("pk", ScalarAttributeType.S))
        .streamSpecification(stream(StreamViewType.NEW_AND_OLD_IMAGES)));

    TableDescription table = describe(name);
    assertTrue(table.streamSpecification().streamEnabled());
    assertEquals(StreamViewType.NEW_AND_OLD_IMAGES, table.streamSpecification().streamViewType());
    assertNotNull(table.latestStreamLabel());
    assertFalse(table.latestStreamLabel().isEmpty());
    assertNotNull(table.latestStreamArn());
    // Stream ARNs have the form arn:aws:dynamodb:<region>:<account>:table/<table>/stream/<label>.
    assertTrue(table.latestStreamArn().contains(":table/" + name + "/stream/"), table.latestStreamArn());
    assertTrue(table.latestStreamArn().endsWith("/stream/" + table.latestStreamLabel()), table.latestStreamArn());
  }

  // TableId: "Unique identifier for the table" (API Reference, TableDescription), a UUID:
  // pattern [0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}.
  private static final String UUID_PATTERN =
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

  @Test
  void describeTable_tableId_isAUuidThatStaysForTheTablesLife() {
    String name = createTable("pk", null);
    String id = describe(name).tableId();

    assertTrue(id.matches(UUID_PATTERN), id);
    client.updateTable(r -> r.tableName(name).deletionProtectionEnabled(false));
    client.putItem(r -> r.tableName(name).item(Map.of("pk", AttributeValue.fromS("a"))));
    assertEquals(id, describe(name).tableId());
  }

  @Test
  @EngineOnly("needs an engine of its own: its tables alone, or a clock that stands still")
  void createTable_sameNameAgainAtTheSameInstant_isAnotherTableWithAnotherId() {
    // the clock stands still: an id made of name and creation time would come back the same
    try (Isolated isolated = new Isolated(new MovableClock(Instant.parse("2025-01-01T00:00:00Z")))) {
      isolated.create("again");
      String first = isolated.client.describeTable(r -> r.tableName("again")).table().tableId();
      isolated.client.deleteTable(r -> r.tableName("again"));
      isolated.create("again");
      String second = isolated.client.describeTable(r -> r.tableName("again")).table().tableId();

      assertTrue(first.matches(UUID_PATTERN), first);
      assertTrue(second.matches(UUID_PATTERN), second);
      assertFalse(first.equals(second), "a recreated table has a new TableId: " + first);
    }
  }

  @Test
  void createTable_tableArn_isTheRegionsTableArn() {
    String name = createTable("pk", null);

    // arn:${Partition}:dynamodb:${Region}:${Account}:table/${TableName}
    assertTrue(describe(name).tableArn().matches("arn:aws:dynamodb:[a-z0-9-]+:[0-9]{12}:table/" + name),
        describe(name).tableArn());
  }

  @Test
  @EngineOnly("needs an engine of its own: its tables alone, or a clock that stands still")
  void createTable_streamOnAWholeSecond_labelHasMillisecondsAndArnEndsWithIt() {
    // a stream label is the stream's creation time to the millisecond, even when that is .000
    try (Isolated isolated = new Isolated(new MovableClock(Instant.parse("2025-03-04T05:06:07Z")))) {
      isolated.client.createTable(r -> r.tableName("streamed")
          .billingMode(BillingMode.PAY_PER_REQUEST)
          .keySchema(hash("pk"))
          .attributeDefinitions(attr("pk", ScalarAttributeType.S))
          .streamSpecification(stream(StreamViewType.KEYS_ONLY)));
      TableDescription table = isolated.client.describeTable(r -> r.tableName("streamed")).table();

      assertEquals("2025-03-04T05:06:07.000", table.latestStreamLabel());
      assertEquals(table.tableArn() + "/stream/2025-03-04T05:06:07.000", table.latestStreamArn());
      assertTrue(table.latestStreamArn().matches(
          "arn:aws:dynamodb:[a-z0-9-]+:[0-9]{12}:table/streamed/stream/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}\\.[0-9]{3}"),
          table.latestStreamArn());
    }
  }

  @Test
  void describeTable_afterWrites_itemCountFollowsTheItems() {
    // DynamoDB refreshes ItemCount about every six hours; an in-memory engine can count at once.
    String name = createTable("pk", null);
    for (String key : List.of("a", "b", "c")) {
      client.putItem(r -> r.tableName(name).item(Map.of("pk", AttributeValue.fromS(key))));
    }
    assertEquals(3L, describe(name).itemCount());

    client.deleteItem(r -> r.tableName(name).key(Map.of("pk", AttributeValue.fromS("b"))));
    assertEquals(2L, describe(name).itemCount());
  }

  @Test
  void describeTable_missingTable_throwsResourceNotFound() {
    assertThrows(ResourceNotFoundException.class,
        () -> client.describeTable(r -> r.tableName(uniqueName("never-created"))));
  }

  @Test
  void createTable_sameNameTwice_throwsResourceInUseAndKeepsFirstTable() {
    String name = createTable("pk", null);
    client.putItem(r -> r.tableName(name).item(Map.of("pk", AttributeValue.fromS("kept"))));

    assertThrows(ResourceInUseException.class, () -> client.createTable(r -> r.tableName(name)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(hash("other"))
        .attributeDefinitions(attr("other", ScalarAttributeType.N))));

    assertEquals(List.of(hash("pk")), describe(name).keySchema());
    assertTrue(client.getItem(r -> r.tableName(name).key(Map.of("pk", AttributeValue.fromS("kept")))).hasItem());
  }

  // ---------------------------------------------------------------- invalid definitions

  @Test
  void createTable_keyAttributeWithoutDefinition_throwsValidation() {
    assertCreateRejected("One or more parameter values were invalid: Some index key attributes are not defined in "
        + "AttributeDefinitions. Keys: [pk], AttributeDefinitions: [other]",
        r -> r.billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(hash("pk"))
        .attributeDefinitions(attr("other", ScalarAttributeType.S)));
  }

  @Test
  void createTable_definitionNotUsedByAnyKey_throwsValidation() {
    // without indexes DynamoDB counts the definitions; with indexes it names the unused ones
    assertCreateRejected("One or more parameter values were invalid: Number of attributes in KeySchema does not "
        + "exactly match number of attributes defined in AttributeDefinitions",
        r -> r.billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(hash("pk"))
        .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("unused", ScalarAttributeType.S)));
  }

  @Test
  void createTable_twoHashKeys_throwsValidation() {
    assertCreateRejected("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type",
        r -> r.billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(hash("a"), hash("b"))
        .attributeDefinitions(attr("a", ScalarAttributeType.S), attr("b", ScalarAttributeType.S)));
  }

  @Test
  void createTable_rangeKeyOnly_throwsValidation() {
    assertCreateRejected("Invalid KeySchema: The first KeySchemaElement is not a HASH key type",
        r -> r.billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(range("a"))
        .attributeDefinitions(attr("a", ScalarAttributeType.S)));
  }

  @Test
  void createTable_nonScalarKeyType_throwsValidation() {
    assertCreateRejected("1 validation error detected: Value 'BOOL' at "
        + "'attributeDefinitions.1.member.attributeType' failed to satisfy constraint: Member must satisfy enum value "
        + "set: [B, N, S]",
        r -> r.billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(hash("a"))
        .attributeDefinitions(AttributeDefinition.builder().attributeName("a").attributeType("BOOL").build()));
  }

  @Test
  void createTable_tableNameTooShortOrWithBadCharacters_throwsValidation() {
    for (String bad : List.of("has space", "bad/name")) {
      DynamoDbException e = assertThrows(DynamoDbException.class, () -> client.createTable(r -> r.tableName(bad)
          .billingMode(BillingMode.PAY_PER_REQUEST)
          .keySchema(hash("pk"))
          .attributeDefinitions(attr("pk", ScalarAttributeType.S))), bad);
      assertEquals("ValidationException", e.awsErrorDetails().errorCode(), bad);
      String constraint = "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+";
      assertEquals("1 validation error detected: Value '" + bad + "' at 'tableName' failed to satisfy constraint: "
          + constraint, e.awsErrorDetails().errorMessage());
    }
  }

  @Test
  void createTable_tableNameTooShortAndWithBadCharacters_throwsBothConstraintsInOneValidation() {
    // a name of the wrong length is refused alone, before the constraints, in words of its own
    assertValidation("TableName must be at least 3 characters long and at most 255 characters long",
        () -> client.createTable(r -> r.tableName("a;")
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .keySchema(hash("pk"))
            .attributeDefinitions(attr("pk", ScalarAttributeType.S))));
  }

  @Test
  void createTable_provisionedWithoutThroughput_throwsValidation() {
    assertCreateRejected("One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must "
        + "both be specified when BillingMode is PROVISIONED",
        r -> r.billingMode(BillingMode.PROVISIONED)
        .keySchema(hash("pk"))
        .attributeDefinitions(attr("pk", ScalarAttributeType.S)));
  }

  @Test
  void createTable_payPerRequestWithThroughput_throwsValidation() {
    assertCreateRejected("One or more parameter values were invalid: Neither ReadCapacityUnits nor "
        + "WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST",
        r -> r.billingMode(BillingMode.PAY_PER_REQUEST)
        .provisionedThroughput(throughput(5, 5))
        .keySchema(hash("pk"))
        .attributeDefinitions(attr("pk", ScalarAttributeType.S)));
  }

  @Test
  void createTable_zeroProvisionedCapacity_throwsValidation() {
    assertCreateRejected("1 validation error detected: Value '0' at 'provisionedThroughput.readCapacityUnits' "
        + "failed to satisfy constraint: Member must have value greater than or equal to 1",
        r -> r.billingMode(BillingMode.PROVISIONED)
        .provisionedThroughput(throughput(0, 5))
        .keySchema(hash("pk"))
        .attributeDefinitions(attr("pk", ScalarAttributeType.S)));
  }

  @Test
  void createTable_provisionedGlobalIndexWithoutThroughput_throwsValidation() {
    assertCreateRejected("One or more parameter values were invalid: ProvisionedThroughput must be specified for "
        + "index: byG",
        r -> r.billingMode(BillingMode.PROVISIONED)
        .provisionedThroughput(throughput(5, 5))
        .keySchema(hash("pk"))
        .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("g", ScalarAttributeType.S))
        .globalSecondaryIndexes(gsi("byG", projection(ProjectionType.ALL), hash("g"))));
  }

  @Test
  void createTable_localIndexOnTableWithoutSortKey_throwsValidation() {
    assertCreateRejected("One or more parameter values were invalid: Table KeySchema does not have a range key, "
        + "which is required when specifying a LocalSecondaryIndex",
        r -> r.billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(hash("pk"))
        .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("alt", ScalarAttributeType.S))
        .localSecondaryIndexes(lsi("byAlt", projection(ProjectionType.ALL), hash("pk"), range("alt"))));
  }

  @Test
  void createTable_localIndexWithOtherPartitionKey_throwsValidation() {
    assertCreateRejected("One or more parameter values were invalid: Index KeySchema does not have the same leading "
        + "hash key as table KeySchema for index: byAlt. index hash key: other, table hash key: pk",
        r -> r.billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(hash("pk"), range("sk"))
        .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("sk", ScalarAttributeType.S),
            attr("other", ScalarAttributeType.S), attr("alt", ScalarAttributeType.S))
        .localSecondaryIndexes(lsi("byAlt", projection(ProjectionType.ALL), hash("other"), range("alt"))));
  }

  @Test
  void createTable_duplicateIndexNames_throwsValidation() {
    assertCreateRejected("One or more parameter values were invalid: Duplicate index name: same",
        r -> r.billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(hash("pk"))
        .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("a", ScalarAttributeType.S),
            attr("b", ScalarAttributeType.S))
        .globalSecondaryIndexes(
            gsi("same", projection(ProjectionType.ALL), hash("a")),
            gsi("same", projection(ProjectionType.ALL), hash("b"))));
  }

  @Test
  void createTable_indexKeyWithoutDefinition_throwsValidation() {
    assertCreateRejected("One or more parameter values were invalid: Some index key attributes are not defined in "
        + "AttributeDefinitions. Keys: [g], AttributeDefinitions: [pk]",
        r -> r.billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(hash("pk"))
        .attributeDefinitions(attr("pk", ScalarAttributeType.S))
        .globalSecondaryIndexes(gsi("byG", projection(ProjectionType.ALL), hash("g"))));
  }

  @Test
  void createTable_keysOnlyProjectionWithNonKeyAttributes_throwsValidation() {
    assertCreateRejected("One or more parameter values were invalid: ProjectionType is KEYS_ONLY, but "
        + "NonKeyAttributes is specified",
        r -> r.billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(hash("pk"))
        .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("g", ScalarAttributeType.S))
        .globalSecondaryIndexes(gsi("byG",
            Projection.builder().projectionType(ProjectionType.KEYS_ONLY).nonKeyAttributes("x").build(),
            hash("g"))));
  }

  @Test
  void createTable_streamEnabledWithoutViewType_throwsValidation() {
    assertCreateRejected("1 validation error detected: Value 'null' at 'streamViewType' failed to satisfy "
        + "constraint: Member must satisfy enum value set: KEYS_ONLY, NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES",
        r -> r.billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(hash("pk"))
        .attributeDefinitions(attr("pk", ScalarAttributeType.S))
        .streamSpecification(StreamSpecification.builder().streamEnabled(true).build()));
  }

  // ---------------------------------------------------------------- ListTables

  @Test
  @EngineOnly("needs an engine of its own: its tables alone, or a clock that stands still")
  void listTables_limitTwo_pagesThroughEveryTableInNameOrder() {
    try (Isolated isolated = new Isolated()) {
      for (String name : List.of("list-c", "list-a", "list-e", "list-b", "list-d")) {
        isolated.create(name);
      }

      ListTablesResponse first = isolated.client.listTables(r -> r.limit(2));
      assertEquals(List.of("list-a", "list-b"), first.tableNames());
      assertEquals("list-b", first.lastEvaluatedTableName());

      ListTablesResponse second = isolated.client.listTables(r -> r.limit(2).exclusiveStartTableName("list-b"));
      assertEquals(List.of("list-c", "list-d"), second.tableNames());
      assertEquals("list-d", second.lastEvaluatedTableName());

      ListTablesResponse third = isolated.client.listTables(r -> r.limit(2).exclusiveStartTableName("list-d"));
      assertEquals(List.of("list-e"), third.tableNames());
      assertNull(third.lastEvaluatedTableName());
    }
  }

  @Test
  @EngineOnly("needs an engine of its own: its tables alone, or a clock that stands still")
  void listTables_withoutLimit_returnsEveryTableAndNoContinuation() {
    try (Isolated isolated = new Isolated()) {
      for (String name : List.of("zeta", "alpha", "mid")) {
        isolated.create(name);
      }
      ListTablesResponse all = isolated.client.listTables();
      assertEquals(List.of("alpha", "mid", "zeta"), all.tableNames());
      assertNull(all.lastEvaluatedTableName());
    }
  }

  @Test
  @EngineOnly("needs an engine of its own: its tables alone, or a clock that stands still")
  void listTables_paginatorAcrossManyTables_visitsEachOnce() {
    try (Isolated isolated = new Isolated()) {
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < 23; i++) {
        String name = String.format("tbl-%02d", i);
        expected.add(name);
        isolated.create(name);
      }
      List<String> seen = new ArrayList<>();
      isolated.client.listTablesPaginator(r -> r.limit(5)).forEach(page -> {
        assertTrue(page.tableNames().size() <= 5, "a page holds at most Limit names");
        seen.addAll(page.tableNames());
      });
      assertEquals(expected, seen);
    }
  }

  @Test
  @EngineOnly("needs an engine of its own: its tables alone, or a clock that stands still")
  void listTables_emptyEngine_returnsNoNames() {
    try (Isolated isolated = new Isolated()) {
      ListTablesResponse none = isolated.client.listTables();
      assertTrue(none.tableNames().isEmpty());
      assertNull(none.lastEvaluatedTableName());
    }
  }

  @Test
  @EngineOnly("needs an engine of its own: its tables alone, or a clock that stands still")
  void listTables_pageEndsWithTheLastTable_hasNoLastEvaluatedTableName() {
    // "If you do not receive a LastEvaluatedTableName value in the response, this means that
    // there are no more table names to be retrieved": a full last page is still the last page
    try (Isolated isolated = new Isolated()) {
      for (String name : List.of("full-a", "full-b", "full-c", "full-d")) {
        isolated.create(name);
      }

      ListTablesResponse first = isolated.client.listTables(r -> r.limit(2));
      ListTablesResponse last = isolated.client.listTables(r -> r.limit(2).exclusiveStartTableName("full-b"));
      ListTablesResponse exactly = isolated.client.listTables(r -> r.limit(4));

      assertEquals("full-b", first.lastEvaluatedTableName());
      assertEquals(List.of("full-c", "full-d"), last.tableNames());
      assertNull(last.lastEvaluatedTableName());
      assertEquals(4, exactly.tableNames().size());
      assertNull(exactly.lastEvaluatedTableName());
    }
  }

  @Test
  @EngineOnly("needs an engine of its own: its tables alone, or a clock that stands still")
  void listTables_exclusiveStartTableNameNotATable_startsAfterItInNameOrder() {
    try (Isolated isolated = new Isolated()) {
      for (String name : List.of("from-a", "from-c", "from-e")) {
        isolated.create(name);
      }

      assertEquals(List.of("from-c", "from-e"),
          isolated.client.listTables(r -> r.exclusiveStartTableName("from-b")).tableNames());
      assertEquals(List.of("from-e"),
          isolated.client.listTables(r -> r.exclusiveStartTableName("from-c")).tableNames());
      assertTrue(isolated.client.listTables(r -> r.exclusiveStartTableName("from-z")).tableNames().isEmpty());
    }
  }

  @Test
  @EngineOnly("needs an engine of its own: its tables alone, or a clock that stands still")
  void listTables_limitOneAndHundred_areAccepted() {
    try (Isolated isolated = new Isolated()) {
      isolated.create("edge-a");
      isolated.create("edge-b");

      ListTablesResponse one = isolated.client.listTables(r -> r.limit(1));
      assertEquals(List.of("edge-a"), one.tableNames());
      assertEquals("edge-a", one.lastEvaluatedTableName());
      assertEquals(List.of("edge-a", "edge-b"), isolated.client.listTables(r -> r.limit(100)).tableNames());
    }
  }

  @Test
  void listTables_limitOutsideOneToHundred_throwsValidation() {
    assertValidation("1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must "
        + "have value greater than or equal to 1",
        () -> client.listTables(r -> r.limit(0)));
    assertValidation("1 validation error detected: Value '101' at 'limit' failed to satisfy constraint: Member must "
        + "have value less than or equal to 100",
        () -> client.listTables(r -> r.limit(101)));
  }

  @Test
  void listTables_limitOutsideOneToHundred_namesTheBoundItBreaks() {
    // Limit: "Valid Range: Minimum value of 1. Maximum value of 100." (API Reference, ListTables)
    Values.assertValidation("1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: "
        + "Member must have value greater than or equal to 1", () -> client.listTables(r -> r.limit(0)));
    Values.assertValidation("1 validation error detected: Value '101' at 'limit' failed to satisfy constraint: "
        + "Member must have value less than or equal to 100", () -> client.listTables(r -> r.limit(101)));
  }

  // ---------------------------------------------------------------- DeleteTable

  @Test
  void deleteTable_existingTable_describesDeletingThenIsGone() {
    String name = createTable("pk", null);
    client.putItem(r -> r.tableName(name).item(Map.of("pk", AttributeValue.fromS("doomed"))));

    DeleteTableResponse deleted = client.deleteTable(r -> r.tableName(name));
    assertEquals(name, deleted.tableDescription().tableName());
    assertEquals(TableStatus.DELETING, deleted.tableDescription().tableStatus());

    assertThrows(ResourceNotFoundException.class, () -> client.describeTable(r -> r.tableName(name)));
    assertFalse(client.listTables().tableNames().contains(name));
    assertThrows(ResourceNotFoundException.class,
        () -> client.getItem(r -> r.tableName(name).key(Map.of("pk", AttributeValue.fromS("doomed")))));
  }

  @Test
  void deleteTable_twice_throwsResourceNotFound() {
    String name = createTable("pk", null);
    client.deleteTable(r -> r.tableName(name));
    assertThrows(ResourceNotFoundException.class, () -> client.deleteTable(r -> r.tableName(name)));
  }

  @Test
  void deleteTable_thenCreateSameName_startsEmpty() {
    String name = uniqueName("ops-reuse");
    Consumer<CreateTableRequest.Builder> definition = r -> r.tableName(name)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(hash("pk"))
        .attributeDefinitions(attr("pk", ScalarAttributeType.S));
    client.createTable(definition);
    client.putItem(r -> r.tableName(name).item(Map.of("pk", AttributeValue.fromS("old"))));
    client.deleteTable(r -> r.tableName(name));

    client.createTable(definition);
    assertFalse(client.getItem(r -> r.tableName(name).key(Map.of("pk", AttributeValue.fromS("old")))).hasItem());
    assertEquals(0L, describe(name).itemCount());
  }

  // ---------------------------------------------------------------- UpdateTable

  @Test
  void updateTable_enableStream_describesStreamAndArn() {
    String name = createTable("pk", null);
    TableDescription before = describe(name);
    assertTrue(before.streamSpecification() == null || !before.streamSpecification().streamEnabled());
    assertNull(before.latestStreamArn());

    client.updateTable(r -> r.tableName(name).streamSpecification(stream(StreamViewType.NEW_IMAGE)));

    TableDescription after = describe(name);
    assertTrue(after.streamSpecification().streamEnabled());
    assertEquals(StreamViewType.NEW_IMAGE, after.streamSpecification().streamViewType());
    assertNotNull(after.latestStreamArn());
    assertTrue(after.latestStreamArn().contains(":table/" + name + "/stream/"), after.latestStreamArn());
  }

  @Test
  void updateTable_enableStreamWhenAlreadyEnabled_throwsValidation() {
    String name = uniqueName("ops-stream2");
    client.createTable(r -> r.tableName(name)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(hash("pk"))
        .attributeDefinitions(attr("pk", ScalarAttributeType.S))
        .streamSpecification(stream(StreamViewType.KEYS_ONLY)));

    assertValidation("Table already has an enabled stream: TableName: " + name,
        () -> client.updateTable(r -> r.tableName(name).streamSpecification(stream(StreamViewType.NEW_IMAGE))));
    assertEquals(StreamViewType.KEYS_ONLY, describe(name).streamSpecification().streamViewType());
  }

  @Test
  void updateTable_disableStream_describesNoEnabledStream() {
    String name = uniqueName("ops-stream3");
    client.createTable(r -> r.tableName(name)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(hash("pk"))
        .attributeDefinitions(attr("pk", ScalarAttributeType.S))
        .streamSpecification(stream(StreamViewType.OLD_IMAGE)));

    client.updateTable(r -> r.tableName(name).streamSpecification(s -> s.streamEnabled(false)));

    TableDescription after = describe(name);
    assertTrue(after.streamSpecification() == null || !after.streamSpecification().streamEnabled(),
        "no enabled stream after disabling: " + after.streamSpecification());
  }

  @Test
  void updateTable_onDemandToProvisioned_describesNewCapacity() {
    String name = createTable("pk", null);

    client.updateTable(r -> r.tableName(name)
        .billingMode(BillingMode.PROVISIONED)
        .provisionedThroughput(throughput(4, 6)));

    TableDescription after = describe(name);
    assertEquals(BillingMode.PROVISIONED, after.billingModeSummary().billingMode());
    assertEquals(4L, after.provisionedThroughput().readCapacityUnits());
    assertEquals(6L, after.provisionedThroughput().writeCapacityUnits());
  }

  @Test
  void updateTable_provisionedToOnDemand_describesPayPerRequest() {
    String name = uniqueName("ops-toondemand");
    client.createTable(r -> r.tableName(name)
        .billingMode(BillingMode.PROVISIONED)
        .provisionedThroughput(throughput(5, 5))
        .keySchema(hash("pk"))
        .attributeDefinitions(attr("pk", ScalarAttributeType.S)));

    client.updateTable(r -> r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST));

    assertEquals(BillingMode.PAY_PER_REQUEST, describe(name).billingModeSummary().billingMode());
  }

  @Test
  void updateTable_provisionedThroughputChange_describesNewCapacity() {
    String name = uniqueName("ops-capacity");
    client.createTable(r -> r.tableName(name)
        .billingMode(BillingMode.PROVISIONED)
        .provisionedThroughput(throughput(5, 5))
        .keySchema(hash("pk"))
        .attributeDefinitions(attr("pk", ScalarAttributeType.S)));

    client.updateTable(r -> r.tableName(name).provisionedThroughput(throughput(10, 12)));

    TableDescription after = describe(name);
    assertEquals(10L, after.provisionedThroughput().readCapacityUnits());
    assertEquals(12L, after.provisionedThroughput().writeCapacityUnits());
  }

  @Test
  void updateTable_toProvisionedWithoutThroughput_throwsValidation() {
    String name = createTable("pk", null);
    assertValidation("One or more parameter values were invalid: ProvisionedThroughput must be specified when "
        + "BillingMode is PROVISIONED",
        () -> client.updateTable(r -> r.tableName(name).billingMode(BillingMode.PROVISIONED)));
    assertEquals(BillingMode.PAY_PER_REQUEST, describe(name).billingModeSummary().billingMode());
  }

  @Test
  void updateTable_missingTable_throwsResourceNotFound() {
    assertThrows(ResourceNotFoundException.class, () -> client.updateTable(r -> r.tableName(uniqueName("never"))
        .streamSpecification(stream(StreamViewType.KEYS_ONLY))));
  }

  // ---------------------------------------------------------------- time to live

  @Test
  void describeTimeToLive_newTable_isDisabled() {
    String name = createTable("pk", null);
    TimeToLiveDescription ttl = client.describeTimeToLive(r -> r.tableName(name)).timeToLiveDescription();
    assertEquals(TimeToLiveStatus.DISABLED, ttl.timeToLiveStatus());
    assertNull(ttl.attributeName());
  }

  @Test
  void updateTimeToLive_enable_echoesSpecificationAndDescribesEnabledAttribute() {
    String name = createTable("pk", null);

    UpdateTimeToLiveResponse response = client.updateTimeToLive(r -> r.tableName(name)
        .timeToLiveSpecification(ttl(true, "expiresAt")));
    assertTrue(response.timeToLiveSpecification().enabled());
    assertEquals("expiresAt", response.timeToLiveSpecification().attributeName());

    TimeToLiveDescription ttl = client.describeTimeToLive(r -> r.tableName(name)).timeToLiveDescription();
    assertEquals(TimeToLiveStatus.ENABLED, ttl.timeToLiveStatus());
    assertEquals("expiresAt", ttl.attributeName());
  }

  @Test
  void updateTimeToLive_enableWhenAlreadyEnabled_throwsValidation() {
    String name = createTable("pk", null);
    client.updateTimeToLive(r -> r.tableName(name).timeToLiveSpecification(ttl(true, "expiresAt")));

    assertValidation("TimeToLive is already enabled",
        () -> client.updateTimeToLive(r -> r.tableName(name).timeToLiveSpecification(ttl(true, "other"))));
    assertEquals("expiresAt",
        client.describeTimeToLive(r -> r.tableName(name)).timeToLiveDescription().attributeName());
  }

  @Test
  void updateTimeToLive_secondChangeWithinTheHour_throwsValidationAndKeepsFirst() {
    // "Any additional UpdateTimeToLive calls for the same table during this one hour duration
    // result in a ValidationException."
    String name = createTable("pk", null);
    client.updateTimeToLive(r -> r.tableName(name).timeToLiveSpecification(ttl(true, "expiresAt")));

    assertValidation("Time to live has been modified multiple times within a fixed interval",
        () -> client.updateTimeToLive(r -> r.tableName(name)
        .timeToLiveSpecification(ttl(false, "expiresAt"))));

    TimeToLiveDescription ttl = client.describeTimeToLive(r -> r.tableName(name)).timeToLiveDescription();
    assertEquals(TimeToLiveStatus.ENABLED, ttl.timeToLiveStatus());
    assertEquals("expiresAt", ttl.attributeName());
  }

  @Test
  @EngineOnly("needs an engine of its own: its tables alone, or a clock that stands still")
  void updateTimeToLive_disableAfterTheHour_describesDisabled() {
    MovableClock clock = new MovableClock(Instant.parse("2025-01-01T00:00:00Z"));
    try (Isolated isolated = new Isolated(clock)) {
      isolated.create("ttl-table");
      isolated.client.updateTimeToLive(r -> r.tableName("ttl-table").timeToLiveSpecification(ttl(true, "expiresAt")));

      clock.advance(Duration.ofMinutes(61));
      UpdateTimeToLiveResponse response = isolated.client.updateTimeToLive(r -> r.tableName("ttl-table")
          .timeToLiveSpecification(ttl(false, "expiresAt")));

      assertFalse(response.timeToLiveSpecification().enabled());
      assertEquals(TimeToLiveStatus.DISABLED, isolated.client.describeTimeToLive(r -> r.tableName("ttl-table"))
          .timeToLiveDescription().timeToLiveStatus());
    }
  }

  @Test
  void timeToLive_missingTable_throwsResourceNotFound() {
    String missing = uniqueName("never");
    assertThrows(ResourceNotFoundException.class, () -> client.describeTimeToLive(r -> r.tableName(missing)));
    assertThrows(ResourceNotFoundException.class, () -> client.updateTimeToLive(r -> r.tableName(missing)
        .timeToLiveSpecification(ttl(true, "expiresAt"))));
  }

  // ---------------------------------------------------------------- helpers

  private TableDescription describe(String name) {
    return client.describeTable(r -> r.tableName(name)).table();
  }

  /**
   * Asserts that CreateTable with {@code definition} (under a fresh name) is the ValidationException
   * {@code message} and creates nothing.
   */
  private void assertCreateRejected(String message, Consumer<CreateTableRequest.Builder> definition) {
    String name = uniqueName("ops-bad");
    assertValidation(message, () -> client.createTable(r -> {
      definition.accept(r);
      r.tableName(name);
    }));
    assertThrows(ResourceNotFoundException.class, () -> client.describeTable(r -> r.tableName(name)));
  }

  private static KeySchemaElement hash(String name) {
    return KeySchemaElement.builder().attributeName(name).keyType(KeyType.HASH).build();
  }

  private static KeySchemaElement range(String name) {
    return KeySchemaElement.builder().attributeName(name).keyType(KeyType.RANGE).build();
  }

  private static AttributeDefinition attr(String name, ScalarAttributeType type) {
    return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
  }

  private static ProvisionedThroughput throughput(long read, long write) {
    return ProvisionedThroughput.builder().readCapacityUnits(read).writeCapacityUnits(write).build();
  }

  private static Projection projection(ProjectionType type) {
    return Projection.builder().projectionType(type).build();
  }

  private static Projection include(String... nonKeyAttributes) {
    return Projection.builder().projectionType(ProjectionType.INCLUDE).nonKeyAttributes(nonKeyAttributes).build();
  }

  private static GlobalSecondaryIndex gsi(String name, Projection projection, KeySchemaElement... keys) {
    return GlobalSecondaryIndex.builder().indexName(name).keySchema(keys).projection(projection).build();
  }

  private static LocalSecondaryIndex lsi(String name, Projection projection, KeySchemaElement... keys) {
    return LocalSecondaryIndex.builder().indexName(name).keySchema(keys).projection(projection).build();
  }

  private static StreamSpecification stream(StreamViewType viewType) {
    return StreamSpecification.builder().streamEnabled(true).streamViewType(viewType).build();
  }

  private static TimeToLiveSpecification ttl(boolean enabled, String attributeName) {
    return TimeToLiveSpecification.builder().enabled(enabled).attributeName(attributeName).build();
  }

  /** An engine of its own, so that ListTables sees exactly the tables a test made. */
  private static final class Isolated implements AutoCloseable {
    final MonotableLocal engine;
    final DynamoDbClient client;

    Isolated() {
      this(null);
    }

    Isolated(Clock clock) {
      engine = clock == null ? MonotableLocal.inProcess() : MonotableLocal.inProcess().withClock(clock);
      client = DynamoDbClient.builder()
          .httpClient(engine.httpClient())
          .endpointOverride(engine.endpoint())
          .region(Region.US_EAST_1)
          .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
          .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
          .build();
    }

    void create(String name) {
      client.createTable(r -> r.tableName(name)
          .billingMode(BillingMode.PAY_PER_REQUEST)
          .keySchema(hash("pk"))
          .attributeDefinitions(attr("pk", ScalarAttributeType.S)));
    }

    @Override
    public void close() {
      client.close();
      engine.close();
    }
  }
}
