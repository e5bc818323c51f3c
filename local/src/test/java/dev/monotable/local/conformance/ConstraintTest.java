package dev.monotable.local.conformance;

import static dev.monotable.local.conformance.Values.assertValidation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * DynamoDB's second check: every declared constraint of every member (required, length, range,
 * pattern, enum), all violations in one {@code ValidationException}, before the request's meaning
 * (its table, keys and expressions) is looked at.
 */
class ConstraintTest extends EngineTest {
  private static final Map<String, AttributeValue> KEY = Map.of("pk", AttributeValue.fromS("k"));
  private static final String SUFFIX = "' failed to satisfy constraint: ";

  // ---------------------------------------------------------------- required

  @Test
  void getItem_withoutTableName_isValueNullMustNotBeNull() {
    assertValidation("1 validation error detected: Value null at 'tableName' failed to satisfy constraint: "
        + "Member must not be null", () -> client.getItem(r -> r.key(KEY)));
  }

  @EngineOnly("sends a raw, unsigned request body that the SDK cannot build")
  @Test
  void putItem_withoutTableNameOrItem_listsBothInMemberOrder() {
    RawRequest answer = RawRequest.send(local, "DynamoDB_20120810.PutItem", "{}");

    assertEquals("com.amazon.coral.validate#ValidationException", answer.type(), answer.body());
    assertEquals("2 validation errors detected: "
        + "Value null at 'tableName' failed to satisfy constraint: Member must not be null; "
        + "Value null at 'item' failed to satisfy constraint: Member must not be null", answer.message());
  }

  @Test
  void transactWriteItems_putWithoutItem_namesTheElementsPath() {
    String table = createTable("pk", null);

    assertValidation("1 validation error detected: Value null at 'transactItems.2.member.put.item"
            + SUFFIX + "Member must not be null",
        () -> client.transactWriteItems(r -> r.transactItems(
            TransactWriteItem.builder().conditionCheck(c -> c.tableName(table).key(KEY)
                .conditionExpression("attribute_exists(pk)")).build(),
            TransactWriteItem.builder().put(p -> p.tableName(table)).build())));
  }

  @Test
  void updateTimeToLive_withoutSpecification_isValueNull() {
    String table = createTable("pk", null);

    assertValidation("1 validation error detected: Value null at 'timeToLiveSpecification" + SUFFIX
        + "Member must not be null", () -> client.updateTimeToLive(r -> r.tableName(table)));
  }

  // ---------------------------------------------------------------- enums

  @Test
  void putItem_unknownReturnValues_listsTheEnumValueSet() {
    String table = createTable("pk", null);

    assertValidation("1 validation error detected: Value 'SOMETIMES' at 'returnValues" + SUFFIX
            + "Member must satisfy enum value set: [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]",
        () -> client.putItem(r -> r.tableName(table).item(KEY).returnValues("SOMETIMES")));
  }

  @Test
  void batchWriteItem_unknownReturnConsumedCapacity_listsTheEnumValueSet() {
    String table = createTable("pk", null);

    assertValidation("1 validation error detected: Value 'ALL' at 'returnConsumedCapacity" + SUFFIX
            + "Member must satisfy enum value set: [INDEXES, TOTAL, NONE]",
        () -> client.batchWriteItem(r -> r.requestItems(Map.of(table,
            List.of(WriteRequest.builder().putRequest(p -> p.item(KEY)).build()))).returnConsumedCapacity("ALL")));
  }

  // ---------------------------------------------------------------- ranges and lengths

  @Test
  void scan_limitZero_mustHaveValueAtLeastOne() {
    assertValidation("1 validation error detected: Value '0' at 'limit" + SUFFIX
        + "Member must have value greater than or equal to 1", () -> client.scan(r -> r.tableName("abc").limit(0)));
  }

  @Test
  void scan_segmentsOutOfRange_areBothReported() {
    assertValidation("2 validation errors detected: "
            + "Value '1000001' at 'totalSegments" + SUFFIX + "Member must have value less than or equal to 1000000; "
            + "Value '-1' at 'segment" + SUFFIX + "Member must have value greater than or equal to 0",
        () -> client.scan(r -> r.tableName("abc").totalSegments(1000001).segment(-1)));
  }

  @Test
  void listTables_shortExclusiveStartTableName_mustHaveLengthAtLeastThree() {
    assertValidation("1 validation error detected: Value 'ab' at 'exclusiveStartTableName" + SUFFIX
        + "Member must have length greater than or equal to 3", () -> client.listTables(r -> r.exclusiveStartTableName("ab")));
  }

  @Test
  void query_badIndexNameSelectAndLimit_allReportedInMemberOrder() {
    assertValidation("4 validation errors detected: "
            + "Value 'a;' at 'indexName" + SUFFIX + "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; "
            + "Value 'a;' at 'indexName" + SUFFIX + "Member must have length greater than or equal to 3; "
            + "Value 'SOME' at 'select" + SUFFIX
            + "Member must satisfy enum value set: [SPECIFIC_ATTRIBUTES, COUNT, ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES]; "
            + "Value '0' at 'limit" + SUFFIX + "Member must have value greater than or equal to 1",
        () -> client.query(r -> r.tableName("abc").indexName("a;").select("SOME").limit(0)
            .keyConditionExpression("pk = :v").expressionAttributeValues(Map.of(":v", AttributeValue.fromS("x")))));
  }

  @Test
  void batchGetItem_emptyKeys_namesTheMapValuesPath() {
    String table = createTable("pk", null);

    assertValidation("1 validation error detected: Value '[]' at 'requestItems." + table + ".member.keys" + SUFFIX
            + "Member must have length greater than or equal to 1",
        () -> client.batchGetItem(r -> r.requestItems(Map.of(table, software.amazon.awssdk.services.dynamodb.model
            .KeysAndAttributes.builder().keys(List.of()).build()))));
  }

  @Test
  void batchWriteItem_26Requests_mapValueMustSatisfyItsLengths() {
    String table = createTable("pk", null);
    List<WriteRequest> requests = new ArrayList<>();
    for (int i = 0; i < 26; i++) {
      String id = "k" + i;
      requests.add(WriteRequest.builder().putRequest(p -> p.item(Map.of("pk", AttributeValue.fromS(id)))).build());
    }

    DynamoDbException e = assertThrows(DynamoDbException.class,
        () -> client.batchWriteItem(r -> r.requestItems(Map.of(table, requests))));

    String message = e.awsErrorDetails().errorMessage();
    assertEquals("ValidationException", e.awsErrorDetails().errorCode());
    assertTrue(message.startsWith("1 validation error detected: Value '{" + table + "=[com.amazonaws.dynamodb.v20120810"
        + ".WriteRequest@"), message);
    assertTrue(message.endsWith("]}' at 'requestItems" + SUFFIX + "Map value must satisfy constraint: "
        + "[Member must have length less than or equal to 25, Member must have length greater than or equal to 1]"),
        message);
  }

  @Test
  void transactGetItems_emptyList_mustHaveLengthAtLeastOne() {
    assertValidation("1 validation error detected: Value '[]' at 'transactItems" + SUFFIX
        + "Member must have length greater than or equal to 1", () -> client.transactGetItems(r -> r.transactItems(List.of())));
  }

  @Test
  void executeStatement_emptyStatementAndZeroLimit_bothReported() {
    assertValidation("2 validation errors detected: "
            + "Value '' at 'statement" + SUFFIX + "Member must have length greater than or equal to 1; "
            + "Value '0' at 'limit" + SUFFIX + "Member must have value greater than or equal to 1",
        () -> client.executeStatement(r -> r.statement("").limit(0)));
  }

  @EngineOnly("sends a raw, unsigned request body that the SDK cannot build")
  @Test
  void getRecords_limitZero_isCheckedForTheStreamsServiceToo() {
    RawRequest answer = RawRequest.send(local, "DynamoDBStreams_20120810.GetRecords", "{\"Limit\":0}");

    assertEquals("com.amazon.coral.validate#ValidationException", answer.type(), answer.body());
    assertEquals("2 validation errors detected: "
        + "Value null at 'shardIterator" + SUFFIX + "Member must not be null; "
        + "Value '0' at 'limit" + SUFFIX + "Member must have value greater than or equal to 1", answer.message());
  }

  // ---------------------------------------------------------------- before the request's meaning

  @Test
  void constraintViolationOnAMissingTable_isValidationNotResourceNotFound() {
    assertValidation("1 validation error detected: Value 'SOMETIMES' at 'returnValues" + SUFFIX
            + "Member must satisfy enum value set: [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]",
        () -> client.deleteItem(r -> r.tableName(uniqueName("missing")).key(KEY).returnValues("SOMETIMES")));
  }

  @Test
  void validRequest_passesBothChecks() {
    String table = createTable("pk", null);

    client.putItem(r -> r.tableName(table).item(KEY).returnValues("NONE"));

    assertEquals(KEY, client.getItem(r -> r.tableName(table).key(KEY)).item());
  }
}
