package dev.monotable.local.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB's first check: a member of the wrong JSON type is a {@code SerializationException} with
 * the parser's message, before any constraint or table is looked at. The SDK cannot send such a
 * request, so these tests send raw JSON.
 */
@EngineOnly("sends raw, unsigned request bodies that the SDK cannot build")
class SerializationTest extends EngineTest {
  private static final String SERIALIZATION = "com.amazon.coral.service#SerializationException";
  private static final String DYNAMODB = "DynamoDB_20120810.";

  private void assertSerialization(String operation, String body, String message) {
    RawRequest answer = RawRequest.send(local, DYNAMODB + operation, body);
    assertEquals(400, answer.status(), answer.body());
    assertEquals(SERIALIZATION, answer.type(), answer.body());
    assertEquals(message, answer.message(), answer.body());
  }

  // ---------------------------------------------------------------- strings

  @Test
  void putItem_booleanTableName_isTrueValueCannotBeConvertedToString() {
    assertSerialization("PutItem", "{\"TableName\":true,\"Item\":{\"pk\":{\"S\":\"a\"}}}",
        "TRUE_VALUE cannot be converted to String");
    assertSerialization("PutItem", "{\"TableName\":false,\"Item\":{\"pk\":{\"S\":\"a\"}}}",
        "FALSE_VALUE cannot be converted to String");
  }

  @Test
  void getItem_numberTableName_isNumberValueCannotBeConvertedToString() {
    assertSerialization("GetItem", "{\"TableName\":12,\"Key\":{\"pk\":{\"S\":\"a\"}}}",
        "NUMBER_VALUE cannot be converted to String");
    assertSerialization("GetItem", "{\"TableName\":1.5,\"Key\":{\"pk\":{\"S\":\"a\"}}}",
        "DECIMAL_VALUE cannot be converted to String");
  }

  @Test
  void describeTable_objectTableName_isStartOfStructureNotExpected() {
    assertSerialization("DescribeTable", "{\"TableName\":{}}", "Start of structure or map found where not expected");
  }

  @Test
  void query_listTableName_isUnrecognizedCollectionType() {
    assertSerialization("Query", "{\"TableName\":[\"t\"]}", "Unrecognized collection type class java.lang.String");
  }

  // ---------------------------------------------------------------- numbers and booleans

  @Test
  void scan_stringLimit_isStringValueCannotBeConvertedToInteger() {
    assertSerialization("Scan", "{\"TableName\":\"abc\",\"Limit\":\"10\"}", "STRING_VALUE cannot be converted to Integer");
    assertSerialization("Scan", "{\"TableName\":\"abc\",\"Limit\":true}", "TRUE_VALUE cannot be converted to Integer");
  }

  @Test
  void getItem_nonBooleanConsistentRead_isRefusedByTheParser() {
    assertSerialization("GetItem", "{\"TableName\":\"abc\",\"Key\":{},\"ConsistentRead\":\"true\"}",
        "Unexpected token received from parser");
    assertSerialization("GetItem", "{\"TableName\":\"abc\",\"Key\":{},\"ConsistentRead\":1}",
        "NUMBER_VALUE cannot be converted to Boolean");
  }

  // ---------------------------------------------------------------- structures, lists and maps

  @Test
  void putItem_itemNotAMap_isUnexpectedFieldTypeOrUnrecognizedCollection() {
    assertSerialization("PutItem", "{\"TableName\":\"abc\",\"Item\":\"pk\"}", "Unexpected field type");
    assertSerialization("PutItem", "{\"TableName\":\"abc\",\"Item\":[]}",
        "Unrecognized collection type java.util.Map<java.lang.String, com.amazonaws.dynamodb.v20120810.AttributeValue>");
  }

  @Test
  void putItem_attributeValueNotAStructure_isUnexpectedValueTypeInPayload() {
    assertSerialization("PutItem", "{\"TableName\":\"abc\",\"Item\":{\"pk\":\"a\"}}", "Unexpected value type in payload");
    assertSerialization("PutItem", "{\"TableName\":\"abc\",\"Item\":{\"pk\":[]}}",
        "Unrecognized collection type class com.amazonaws.dynamodb.v20120810.AttributeValue");
  }

  @Test
  void putItem_wrongTypeDeepInAnAttributeValue_isFound() {
    assertSerialization("PutItem", "{\"TableName\":\"abc\",\"Item\":{\"pk\":{\"S\":\"a\"},"
        + "\"l\":{\"L\":[{\"M\":{\"n\":{\"N\":5}}}]}}}", "NUMBER_VALUE cannot be converted to String");
    assertSerialization("PutItem", "{\"TableName\":\"abc\",\"Item\":{\"pk\":{\"SS\":{}}}}",
        "Start of structure or map found where not expected");
  }

  @Test
  void putItem_binaryNotBase64_isRefusedWithItsLength() {
    assertSerialization("PutItem", "{\"TableName\":\"abc\",\"Item\":{\"pk\":{\"B\":\"23456\"}}}",
        "Base64 encoded length is expected a multiple of 4 bytes but found: 5");
    assertSerialization("PutItem", "{\"TableName\":\"abc\",\"Item\":{\"pk\":{\"B\":\"+/+=\"}}}",
        "Invalid last non-pad Base64 character dectected");
    assertSerialization("PutItem", "{\"TableName\":\"abc\",\"Item\":{\"pk\":{\"B\":12}}}",
        "only base-64-encoded strings are convertible to bytes");
  }

  @Test
  void batchWriteItem_wrongTypesInRequestItems_areNamedByWhereTheyAre() {
    assertSerialization("BatchWriteItem", "{\"RequestItems\":[]}", "Unrecognized collection type "
        + "java.util.Map<java.lang.String, java.util.List<com.amazonaws.dynamodb.v20120810.WriteRequest>>");
    assertSerialization("BatchWriteItem", "{\"RequestItems\":{\"abc\":[5]}}", "Unexpected value type in payload");
    assertSerialization("BatchWriteItem", "{\"RequestItems\":{\"abc\":[{\"PutRequest\":true}]}}",
        "Unexpected field type");
    assertSerialization("BatchWriteItem", "{\"RequestItems\":{\"abc\":{}}}",
        "Start of structure or map found where not expected");
  }

  @Test
  void transactWriteItems_putNotAStructure_isUnexpectedFieldType() {
    assertSerialization("TransactWriteItems", "{\"TransactItems\":[{\"Put\":\"x\"}]}", "Unexpected field type");
  }

  @Test
  void createTable_keySchemaAnObject_isStartOfStructureNotExpected() {
    assertSerialization("CreateTable", "{\"TableName\":\"abc\",\"KeySchema\":{\"AttributeName\":\"pk\"}}",
        "Start of structure or map found where not expected");
  }

  @Test
  void getRecords_stringLimit_isRefusedByTheStreamsService() {
    RawRequest answer = RawRequest.send(local, "DynamoDBStreams_20120810.GetRecords",
        "{\"ShardIterator\":\"abc\",\"Limit\":\"ten\"}");
    assertEquals(SERIALIZATION, answer.type(), answer.body());
    assertEquals("STRING_VALUE cannot be converted to Integer", answer.message());
  }

  // ---------------------------------------------------------------- order and scope

  @Test
  void wrongTypeAndMissingMember_serializationComesBeforeValidation() {
    assertSerialization("PutItem", "{\"Item\":{\"pk\":5}}", "Unexpected value type in payload");
  }

  @Test
  void firstWrongTypeInDocumentOrder_isTheOneReported() {
    assertSerialization("Scan", "{\"Limit\":\"x\",\"TableName\":true}", "STRING_VALUE cannot be converted to Integer");
    assertSerialization("Scan", "{\"TableName\":true,\"Limit\":\"x\"}", "TRUE_VALUE cannot be converted to String");
  }

  @Test
  void unknownMemberOfAnyType_andNullMembers_areIgnored() {
    String table = createTable("pk", null);

    RawRequest answer = RawRequest.send(local, DYNAMODB + "PutItem", "{\"TableName\":\"" + table + "\","
        + "\"Item\":{\"pk\":{\"S\":\"a\"}},\"NotAMember\":[true],\"ReturnValues\":null}");

    assertEquals(200, answer.status(), answer.body());
    assertEquals(Map.of("pk", AttributeValue.fromS("a")),
        client.getItem(r -> r.tableName(table).key(Map.of("pk", AttributeValue.fromS("a")))).item());
  }
}
