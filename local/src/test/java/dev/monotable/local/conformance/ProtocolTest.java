package dev.monotable.local.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * The JSON 1.0 wire protocol as the SDK and raw HTTP callers see it: operations named by
 * {@code X-Amz-Target}, errors as HTTP 400 with a {@code __type}, UnknownOperationException for an
 * operation the engine does not serve, ResourceNotFoundException for a missing table.
 */
class ProtocolTest extends EngineTest {
  private static final String TARGET_PREFIX = "DynamoDB_20120810.";
  private static final ObjectMapper JSON = new ObjectMapper();

  // ---------------------------------------------------------------- unknown operations

  @Test
  @EngineOnly("DynamoDB serves backups; the engine does not")
  void listBackups_backupsNotServed_failsWithUnknownOperationException() {
    DynamoDbException e = assertThrows(DynamoDbException.class, () -> client.listBackups(r -> r.limit(1)));

    assertEquals("UnknownOperationException", e.awsErrorDetails().errorCode());
    assertEquals(400, e.statusCode());
  }

  @Test
  @EngineOnly("sends unsigned requests through the in-process HTTP client")
  void rawRequest_unknownTarget_isHttp400WithUnknownOperationType() throws IOException {
    for (String target : new String[] {TARGET_PREFIX + "ListTable", "whatever", ""}) {
      for (String body : new String[] {"{}", ""}) {
        Raw response = raw(target, body);

        // as DynamoDB answers it: the service framework's type, no message, the body not read
        assertEquals(400, response.status(), target);
        assertEquals("{\"__type\":\"com.amazon.coral.service#UnknownOperationException\"}", response.body(), target);
      }
    }
  }

  // ---------------------------------------------------------------- missing tables

  @Test
  void everyTableOperation_missingTable_failsWithResourceNotFound() {
    String missing = uniqueName("missing");
    Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("k"));
    List<Executable> calls = List.of(
        () -> client.describeTable(r -> r.tableName(missing)),
        () -> client.deleteTable(r -> r.tableName(missing)),
        () -> client.updateTable(r -> r.tableName(missing).streamSpecification(
            s -> s.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY))),
        () -> client.describeTimeToLive(r -> r.tableName(missing)),
        () -> client.putItem(r -> r.tableName(missing).item(key)),
        () -> client.getItem(r -> r.tableName(missing).key(key)),
        () -> client.updateItem(r -> r.tableName(missing).key(key).updateExpression("SET v = :v")
            .expressionAttributeValues(Map.of(":v", AttributeValue.fromS("x")))),
        () -> client.deleteItem(r -> r.tableName(missing).key(key)));
    for (Executable call : calls) {
      ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class, call);
      assertEquals("ResourceNotFoundException", e.awsErrorDetails().errorCode());
      assertEquals(400, e.statusCode());
    }
  }

  @Test
  @EngineOnly("sends unsigned requests through the in-process HTTP client")
  void rawRequest_missingTable_isHttp400WithResourceNotFoundType() throws IOException {
    Raw response = raw(TARGET_PREFIX + "DescribeTable", "{\"TableName\":\"" + uniqueName("missing") + "\"}");

    assertEquals(400, response.status());
    assertTrue(response.json().path("__type").asText().endsWith("ResourceNotFoundException"), response.body());
  }

  // ---------------------------------------------------------------- requests and responses on the wire

  @Test
  @EngineOnly("sends unsigned requests through the in-process HTTP client")
  void rawRequest_listTables_isHttp200JsonWithTableNames() throws IOException {
    String table = createTable("pk", null);

    Raw response = raw(TARGET_PREFIX + "ListTables", "{}");

    assertEquals(200, response.status());
    assertEquals("application/x-amz-json-1.0", response.contentType());
    JsonNode names = response.json().path("TableNames");
    assertTrue(names.isArray(), response.body());
    boolean found = false;
    for (JsonNode name : names) {
      found |= name.asText().equals(table);
    }
    assertTrue(found, response.body());
  }

  @Test
  @EngineOnly("sends unsigned requests through the in-process HTTP client")
  void rawRequest_putAndGetItem_speakAttributeValueJson() throws IOException {
    String table = createTable("pk", null);

    Raw put = raw(TARGET_PREFIX + "PutItem", "{\"TableName\":\"" + table + "\",\"Item\":{"
        + "\"pk\":{\"S\":\"raw\"},\"n\":{\"N\":\"1.50\"},\"l\":{\"L\":[{\"BOOL\":true},{\"NULL\":true}]},"
        + "\"b\":{\"B\":\"AAEC\"}}}");
    assertEquals(200, put.status(), put.body());

    Raw get = raw(TARGET_PREFIX + "GetItem", "{\"TableName\":\"" + table + "\",\"Key\":{\"pk\":{\"S\":\"raw\"}}}");
    assertEquals(200, get.status(), get.body());
    JsonNode item = get.json().path("Item");
    assertEquals("raw", item.path("pk").path("S").asText());
    assertEquals("1.5", item.path("n").path("N").asText());
    assertTrue(item.path("l").path("L").get(0).path("BOOL").asBoolean());
    assertTrue(item.path("l").path("L").get(1).path("NULL").asBoolean());
    assertEquals("AAEC", item.path("b").path("B").asText());
  }

  @Test
  @EngineOnly("sends unsigned requests through the in-process HTTP client")
  void rawRequest_missingRequiredTableName_isValidationException() throws IOException {
    Raw response = raw(TARGET_PREFIX + "GetItem", "{\"Key\":{\"pk\":{\"S\":\"k\"}}}");

    assertEquals(400, response.status());
    assertTrue(response.json().path("__type").asText().endsWith("ValidationException"), response.body());
    assertFalse(response.json().path("message").asText("").isEmpty()
            && response.json().path("Message").asText("").isEmpty(),
        "an error carries a message: " + response.body());
  }

  @Test
  @EngineOnly("sends unsigned requests through the in-process HTTP client")
  void rawRequest_malformedJson_isHttp400WithAnErrorType() throws IOException {
    Raw response = raw(TARGET_PREFIX + "ListTables", "{not json");

    assertEquals(400, response.status());
    assertFalse(response.json().path("__type").asText("").isEmpty(), response.body());
  }

  @Test
  void errorResponse_carriesStatus400TypeAndRequestId() {
    DynamoDbException e = assertThrows(DynamoDbException.class, () -> client.listTables(r -> r.limit(0)));

    assertEquals(400, e.statusCode());
    assertEquals("ValidationException", e.awsErrorDetails().errorCode());
    assertEquals("1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value "
        + "greater than or equal to 1", e.awsErrorDetails().errorMessage());
    assertNotNull(e.requestId());
    assertFalse(e.requestId().isBlank());
  }

  @Test
  void successResponses_carryDistinctRequestIds() {
    ListTablesResponse first = client.listTables();
    ListTablesResponse second = client.listTables();

    String firstId = first.responseMetadata().requestId();
    String secondId = second.responseMetadata().requestId();
    assertNotNull(firstId);
    assertNotEquals("UNKNOWN", firstId);
    assertNotEquals(firstId, secondId);
    assertTrue(firstId.matches("[0-9A-Z]{52}"), firstId);
  }

  @Test
  void invalidEnumValue_isValidationException() {
    String table = createTable("pk", null);
    DynamoDbException e = assertThrows(DynamoDbException.class, () -> client.putItem(r -> r.tableName(table)
        .item(Map.of("pk", AttributeValue.fromS("k")))
        .returnValues("SOMETIMES")));

    assertEquals("ValidationException", e.awsErrorDetails().errorCode());
    assertEquals("1 validation error detected: Value 'SOMETIMES' at 'returnValues' failed to satisfy constraint: Member "
        + "must satisfy enum value set: [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]", e.awsErrorDetails().errorMessage());
    assertFalse(client.getItem(r -> r.tableName(table).key(Map.of("pk", AttributeValue.fromS("k")))).hasItem());
  }

  @Test
  void twoClientsOfOneEngine_seeTheSameTablesAndItems() {
    String table = createTable("pk", null);
    DynamoDbClient other = newClient();

    other.putItem(r -> r.tableName(table).item(Map.of("pk", AttributeValue.fromS("shared"),
        "v", AttributeValue.fromS("from other"))));

    assertTrue(other.listTables().tableNames().contains(table));
    assertEquals("from other", client.getItem(r -> r.tableName(table)
        .key(Map.of("pk", AttributeValue.fromS("shared")))).item().get("v").s());
  }

  @Test
  void serviceErrors_areAwsServiceExceptionsNotClientFailures() {
    AwsServiceException e = assertThrows(AwsServiceException.class,
        () -> client.describeTable(r -> r.tableName(uniqueName("missing"))));
    assertEquals("ResourceNotFoundException", e.awsErrorDetails().errorCode());
    assertEquals(400, e.statusCode());
  }

  // ---------------------------------------------------------------- raw HTTP

  private record Raw(int status, String contentType, String body) {
    JsonNode json() throws IOException {
      return JSON.readTree(body);
    }
  }

  /**
   * Sends {@code body} as operation {@code target} through the engine's HTTP client, with a
   * well-formed but not genuinely signed Authorization header, as a local engine needs no signature.
   */
  private Raw raw(String target, String body) throws IOException {
    SdkHttpFullRequest request = SdkHttpFullRequest.builder()
        .method(SdkHttpMethod.POST)
        .uri(local.endpoint())
        .encodedPath("/")
        .putHeader("Content-Type", "application/x-amz-json-1.0")
        .putHeader("X-Amz-Target", target)
        .putHeader("X-Amz-Date", "20250101T000000Z")
        .putHeader("Authorization", "AWS4-HMAC-SHA256 Credential=test/20250101/us-east-1/dynamodb/aws4_request, "
            + "SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=" + "0".repeat(64))
        .build();
    HttpExecuteResponse response = local.httpClient().prepareRequest(HttpExecuteRequest.builder()
            .request(request)
            .contentStreamProvider(ContentStreamProvider.fromUtf8String(body))
            .build())
        .call();
    byte[] bytes = new byte[0];
    if (response.responseBody().isPresent()) {
      try (InputStream in = response.responseBody().get()) {
        bytes = in.readAllBytes();
      }
    }
    return new Raw(response.httpResponse().statusCode(),
        response.httpResponse().firstMatchingHeader("Content-Type").orElse(null),
        new String(bytes, StandardCharsets.UTF_8));
  }
}
