package dev.monotable.local.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monotable.local.MonotableLocal;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * {@link MonotableLocal#start()} serves the wire protocol on a loopback port: a DynamoDbClient with
 * the SDK's URLConnection HTTP client, pointed at {@link MonotableLocal#endpoint()}, works against
 * it as against DynamoDB, errors included.
 */
@EngineOnly("starts an engine of its own on a loopback port")
class HttpServerTest extends EngineTest {
  private MonotableLocal server;
  private DynamoDbClient http;

  @BeforeAll
  void startServer() {
    server = MonotableLocal.start();
    http = DynamoDbClient.builder()
        .httpClient(UrlConnectionHttpClient.create())
        .endpointOverride(server.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }

  @AfterAll
  void stopServer() {
    http.close();
    server.close();
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private String createHttpTable() {
    String name = uniqueName("http");
    http.createTable(r -> r.tableName(name)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
        .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build()));
    return name;
  }

  @Test
  void endpoint_started_isHttpOnLoopbackPort() {
    URI endpoint = server.endpoint();

    assertEquals("http", endpoint.getScheme());
    assertEquals("127.0.0.1", endpoint.getHost());
    assertTrue(endpoint.getPort() > 0, endpoint.toString());
  }

  @Test
  void createTable_overLoopbackHttp_listedAndActive() {
    String table = createHttpTable();

    assertTrue(http.listTables().tableNames().contains(table));
    assertEquals(TableStatus.ACTIVE, http.describeTable(r -> r.tableName(table)).table().tableStatus());
  }

  @Test
  void putAndGetItem_overLoopbackHttp_everyTypeRoundTrips() {
    String table = createHttpTable();
    byte[] bytes = {0, 1, 2, (byte) 0xFE, (byte) 0xFF};
    Map<String, AttributeValue> item = Map.of(
        "pk", s("k"),
        "text", s("héllo, wörld ✓"),
        "number", AttributeValue.fromN("-12.5"),
        "binary", AttributeValue.fromB(SdkBytes.fromByteArray(bytes)),
        "flag", AttributeValue.fromBool(true),
        "nothing", AttributeValue.fromNul(true),
        "list", AttributeValue.fromL(List.of(s("a"), AttributeValue.fromN("1"))),
        "map", AttributeValue.fromM(Map.of("inner", s("v"))),
        "strings", AttributeValue.fromSs(List.of("x", "y")),
        "numbers", AttributeValue.fromNs(List.of("1", "2")));

    http.putItem(r -> r.tableName(table).item(item));
    Map<String, AttributeValue> read = http.getItem(r -> r.tableName(table).key(Map.of("pk", s("k")))
        .consistentRead(true)).item();

    assertEquals(s("héllo, wörld ✓"), read.get("text"));
    assertEquals(AttributeValue.fromN("-12.5"), read.get("number"));
    assertArrayEquals(bytes, read.get("binary").b().asByteArray());
    assertEquals(Boolean.TRUE, read.get("flag").bool());
    assertEquals(Boolean.TRUE, read.get("nothing").nul());
    assertEquals(item.get("list"), read.get("list"));
    assertEquals(item.get("map"), read.get("map"));
    assertEquals(Set.of("x", "y"), new HashSet<>(read.get("strings").ss()));
    assertEquals(Set.of("1", "2"), new HashSet<>(read.get("numbers").ns()));
    assertEquals(item.keySet(), read.keySet());
  }

  @Test
  void putItem_300KilobyteItemOverHttp_roundTrips() {
    String table = createHttpTable();
    String large = "z".repeat(300 * 1024);

    http.putItem(r -> r.tableName(table).item(Map.of("pk", s("large"), "d", s(large))));

    String read = http.getItem(r -> r.tableName(table).key(Map.of("pk", s("large"))).consistentRead(true))
        .item().get("d").s();
    assertEquals(large.length(), read.length());
    assertEquals(large, read);
  }

  @Test
  void putItem_failedConditionOverHttp_conditionalCheckFailedException() {
    String table = createHttpTable();
    http.putItem(r -> r.tableName(table).item(Map.of("pk", s("k"), "v", s("first"))));

    ConditionalCheckFailedException e = assertThrows(ConditionalCheckFailedException.class,
        () -> http.putItem(r -> r.tableName(table).item(Map.of("pk", s("k"), "v", s("second")))
            .conditionExpression("attribute_not_exists(pk)")));

    assertEquals(400, e.statusCode());
    assertEquals(s("first"), http.getItem(r -> r.tableName(table).key(Map.of("pk", s("k"))).consistentRead(true))
        .item().get("v"));
  }

  @Test
  void getItem_missingTableOverHttp_resourceNotFound() {
    ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class,
        () -> http.getItem(r -> r.tableName(uniqueName("absent")).key(Map.of("pk", s("k")))));

    assertEquals(400, e.statusCode());
  }

  @Test
  void inProcessClientOfStartedEngine_seesTablesWrittenOverHttp() {
    String table = createHttpTable();
    http.putItem(r -> r.tableName(table).item(Map.of("pk", s("shared"), "v", s("over-http"))));

    try (DynamoDbClient inProcess = DynamoDbClient.builder()
        .httpClient(server.httpClient())
        .endpointOverride(server.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build()) {
      assertEquals(s("over-http"), inProcess.getItem(r -> r.tableName(table).key(Map.of("pk", s("shared")))
          .consistentRead(true)).item().get("v"));
    }
    assertFalse(client.listTables().tableNames().contains(table), "another engine has its own tables");
  }

  // ---------------------------------------------------------------- CORS, for browser tools

  private static final List<String> CORS_HEADERS = List.of("Access-Control-Allow-Origin",
      "Access-Control-Allow-Methods", "Access-Control-Allow-Headers", "Access-Control-Expose-Headers",
      "Access-Control-Max-Age");

  /** What a browser tool sends with: plain HTTP, an Origin of its own. */
  private final HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return browser.send(request.uri(server.endpoint()).header("Origin", "http://localhost:3000").build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void options_browserPreflight_answers200WithCorsHeadersAndNoBody() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder()
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "content-type,x-amz-target,x-amz-date,authorization"));

    assertEquals(200, response.statusCode());
    assertEquals("", response.body());
    assertCors(response);
    String allowed = response.headers().firstValue("Access-Control-Allow-Headers").orElseThrow().toLowerCase();
    for (String header : List.of("content-type", "x-amz-target", "x-amz-date", "authorization")) {
      assertTrue(allowed.contains(header), "Access-Control-Allow-Headers: " + allowed);
    }
    assertTrue(response.headers().firstValue("Access-Control-Allow-Methods").orElseThrow().contains("POST"));
    assertTrue(Integer.parseInt(response.headers().firstValue("Access-Control-Max-Age").orElseThrow()) > 0);
  }

  @Test
  void post_fromABrowserOrigin_answersWithCorsHeadersAndExposesTheRequestId() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder()
        .POST(HttpRequest.BodyPublishers.ofString("{}"))
        .header("Content-Type", "application/x-amz-json-1.0")
        .header("X-Amz-Target", "DynamoDB_20120810.ListTables"));

    assertEquals(200, response.statusCode());
    assertTrue(response.body().contains("\"TableNames\""), response.body());
    assertCors(response);
    assertTrue(response.headers().firstValue("Access-Control-Expose-Headers").orElseThrow().toLowerCase()
        .contains("x-amzn-requestid"));
  }

  @Test
  void post_failingRequest_errorAnswerCarriesCorsHeadersToo() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder()
        .POST(HttpRequest.BodyPublishers.ofString("{\"TableName\":\"absent-table\"}"))
        .header("Content-Type", "application/x-amz-json-1.0")
        .header("X-Amz-Target", "DynamoDB_20120810.DescribeTable"));

    assertEquals(400, response.statusCode());
    assertTrue(response.body().contains("ResourceNotFoundException"), response.body());
    assertCors(response);
  }

  private static void assertCors(HttpResponse<String> response) {
    for (String header : CORS_HEADERS) {
      assertTrue(response.headers().firstValue(header).isPresent(), header + " missing: " + response.headers().map());
    }
    assertEquals("*", response.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
  }

  // ---------------------------------------------------------------- what is not a DynamoDB request

  /** Without an Origin of its own, for what DynamoDB answers without one. */
  private HttpResponse<String> sendPlain(HttpRequest.Builder request) throws IOException, InterruptedException {
    return browser.send(request.uri(server.endpoint()).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void preflight_namingItsHeadersAndMethod_isAllowedThoseForTwoDays() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder()
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Access-Control-Request-Headers", "a, b, c")
        .header("Access-Control-Request-Method", "d"));

    assertEquals(200, response.statusCode());
    assertEquals("a, b, c", response.headers().firstValue("Access-Control-Allow-Headers").orElseThrow());
    assertEquals("d", response.headers().firstValue("Access-Control-Allow-Methods").orElseThrow());
    assertEquals("172800", response.headers().firstValue("Access-Control-Max-Age").orElseThrow());
    assertEquals("0", response.headers().firstValue("Content-Length").orElseThrow());
  }

  @Test
  void notADynamoDbRequest_isNotFound() throws Exception {
    List<HttpRequest.Builder> requests = List.of(
        HttpRequest.newBuilder().method("OPTIONS", HttpRequest.BodyPublishers.noBody()),
        HttpRequest.newBuilder().GET(),
        HttpRequest.newBuilder().PUT(HttpRequest.BodyPublishers.ofString("{}")),
        HttpRequest.newBuilder().DELETE(),
        HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString("hi")),
        HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString("hi")).header("Content-Type", "whatever"));
    for (HttpRequest.Builder request : requests) {
      HttpResponse<String> response = sendPlain(request);

      assertEquals(404, response.statusCode(), response.request().method());
      assertEquals("<UnknownOperationException/>\n", response.body(), response.request().method());
      // DynamoDB's checksum of that body, as recorded from it
      assertEquals("3552371480", response.headers().firstValue("x-amz-crc32").orElseThrow());
    }
  }

  @Test
  void post_asApplicationJson_isAnsweredAsApplicationJson() throws Exception {
    HttpResponse<String> json = sendPlain(HttpRequest.newBuilder()
        .POST(HttpRequest.BodyPublishers.ofString("{}"))
        .header("Content-Type", "application/json")
        .header("X-Amz-Target", "DynamoDB_20120810.ListTables"));
    HttpResponse<String> amzJson = sendPlain(HttpRequest.newBuilder()
        .POST(HttpRequest.BodyPublishers.ofString("{}"))
        .header("Content-Type", "application/x-amz-json-1.0; charset=utf-8")
        .header("X-Amz-Target", "DynamoDB_20120810.ListTables"));
    HttpResponse<String> notJson = sendPlain(HttpRequest.newBuilder()
        .POST(HttpRequest.BodyPublishers.ofString("hi"))
        .header("Content-Type", "application/json")
        .header("X-Amz-Target", "DynamoDB_20120810.ListTables"));

    assertEquals(200, json.statusCode(), json.body());
    assertEquals("application/json", json.headers().firstValue("Content-Type").orElseThrow());
    CRC32 crc = new CRC32();
    crc.update(json.body().getBytes(StandardCharsets.UTF_8));
    assertEquals(Long.toString(crc.getValue()), json.headers().firstValue("x-amz-crc32").orElseThrow());
    assertEquals(200, amzJson.statusCode(), amzJson.body());
    assertEquals("application/x-amz-json-1.0", amzJson.headers().firstValue("Content-Type").orElseThrow());
    assertEquals(400, notJson.statusCode());
    assertTrue(notJson.body().contains("com.amazon.coral.service#SerializationException"), notJson.body());
    assertEquals("application/json", notJson.headers().firstValue("Content-Type").orElseThrow());
  }
}
