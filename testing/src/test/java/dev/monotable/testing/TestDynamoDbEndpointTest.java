package dev.monotable.testing;

import static dev.monotable.testing.DynamoDbExtensionTest.createTable;
import static dev.monotable.testing.DynamoDbExtensionTest.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monotable.local.MonotableLocal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The endpoint settings of {@link TestDynamoDb}, against monotable-local's HTTP server on a loopback
 * port standing in for a remote DynamoDB.
 */
class TestDynamoDbEndpointTest {
  private final MonotableLocal server = MonotableLocal.start();
  private final Map<String, String> properties = new HashMap<>();
  private final Map<String, String> environment = new HashMap<>();
  private TestDynamoDb dynamo;

  @AfterEach
  void close() {
    if (dynamo != null) {
      dynamo.close();
    }
    server.close();
  }

  private TestDynamoDb configured() {
    dynamo = TestDynamoDb.fromSettings(properties::get, environment::get);
    return dynamo;
  }

  /** A client of the server's engine that does not go through TestDynamoDb. */
  private DynamoDbClient serverClient() {
    return DynamoDbClient.builder().httpClient(server.httpClient()).endpointOverride(server.endpoint())
        .region(Region.US_EAST_1).credentialsProvider(AnonymousCredentialsProvider.create()).build();
  }

  @Test
  void endpointProperty_sendsRequestsOverHttp_toPrefixedTables_deletedOnClose() {
    properties.put(TestDynamoDb.ENDPOINT_PROPERTY, server.endpoint().toString());
    properties.put(TestDynamoDb.TABLE_PREFIX_PROPERTY, "ci-");
    TestDynamoDb remote = configured();

    assertFalse(remote.isLocal());
    assertTrue(remote.local().isEmpty());
    assertEquals("endpoint " + server.endpoint() + " (us-east-1)", remote.toString());
    String table = remote.uniqueTableName("Orders");
    assertTrue(table.matches("ci-Orders-[0-9a-z]+-\\d+"), table);

    createTable(remote.client(), table);
    remote.client().putItem(b -> b.tableName(table).item(Map.of("PK", AttributeValue.fromS("a"), "v", AttributeValue.fromS("b"))));
    assertEquals("b", remote.client().getItem(b -> b.tableName(table).key(key("a"))).item().get("v").s());
    try (DynamoDbClient direct = serverClient()) {
      assertTrue(direct.getItem(b -> b.tableName(table).key(key("a"))).hasItem(), "written on the server's engine");

      remote.close();
      dynamo = null;
      assertFalse(direct.listTables().tableNames().contains(table), "the named table is deleted on close");
    }
  }

  @Test
  void asyncClient_onAnEndpoint_sendsRequestsOverHttp() {
    properties.put(TestDynamoDb.ENDPOINT_PROPERTY, server.endpoint().toString());
    TestDynamoDb remote = configured();
    String table = createTable(remote.client(), remote.uniqueTableName("Async"));

    remote.asyncClient().putItem(b -> b.tableName(table).item(Map.of("PK", AttributeValue.fromS("a")))).join();

    try (DynamoDbClient direct = serverClient()) {
      assertTrue(direct.getItem(b -> b.tableName(table).key(key("a"))).hasItem(), "written on the server's engine");
    }
    assertSame(remote.asyncClient(), DynamoDbExtension.resolve(DynamoDbAsyncClient.class, remote));
  }

  @Test
  void environmentVariables_areReadWhenNoPropertyIsSet_withTheDefaultPrefix() {
    environment.put(TestDynamoDb.ENDPOINT_VARIABLE, server.endpoint().toString());
    environment.put("AWS_REGION", "eu-west-1");
    TestDynamoDb remote = configured();

    assertFalse(remote.isLocal());
    assertEquals(Region.EU_WEST_1, remote.client().serviceClientConfiguration().region());
    assertTrue(remote.uniqueTableName("Orders").startsWith(TestDynamoDb.DEFAULT_TABLE_PREFIX + "Orders-"));
    assertTrue(remote.client().listTables().tableNames().isEmpty(), "a real request, answered by the server");
  }

  @Test
  void regionProperty_winsOverTheEnvironment() {
    properties.put(TestDynamoDb.ENDPOINT_PROPERTY, server.endpoint().toString());
    properties.put(TestDynamoDb.REGION_PROPERTY, "ap-southeast-2");
    environment.put("AWS_REGION", "eu-west-1");
    assertEquals(Region.AP_SOUTHEAST_2, configured().client().serviceClientConfiguration().region());
  }

  @Test
  void noEndpoint_meansMonotableLocalInProcess() {
    properties.put(TestDynamoDb.ENDPOINT_PROPERTY, " ");
    TestDynamoDb local = configured();

    assertTrue(local.isLocal());
    assertEquals(Region.US_EAST_1, local.client().serviceClientConfiguration().region());
    String table = createTable(local.client(), local.uniqueTableName("Orders"));
    local.client().putItem(b -> b.tableName(table).item(Map.of("PK", AttributeValue.fromS("a"))));
    assertTrue(local.client().getItem(b -> b.tableName(table).key(key("a"))).hasItem());
    try (DynamoDbClient direct = serverClient()) {
      assertFalse(direct.listTables().tableNames().contains(table), "not on the HTTP server: an engine of its own");
    }
  }

  @Test
  void extension_refusesToInjectMonotableLocal_onAnEndpoint_sayingWhatToDo() {
    properties.put(TestDynamoDb.ENDPOINT_PROPERTY, server.endpoint().toString());
    TestDynamoDb remote = configured();

    ParameterResolutionException e = assertThrows(ParameterResolutionException.class,
        () -> DynamoDbExtension.resolve(MonotableLocal.class, remote));
    assertTrue(e.getMessage().contains(server.endpoint().toString()), e.getMessage());
    assertTrue(e.getMessage().contains("assumeTrue(dynamo.isLocal())"), e.getMessage());
    assertSame(remote, DynamoDbExtension.resolve(TestDynamoDb.class, remote));
    assertInstanceOf(DynamoDbClient.class, DynamoDbExtension.resolve(DynamoDbClient.class, remote));
  }

  @Test
  void endpointThatIsNoAbsoluteUrl_isRefused() {
    properties.put(TestDynamoDb.ENDPOINT_PROPERTY, "localhost:8000");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, this::configured);
    assertTrue(e.getMessage().contains("http://localhost:8000"), e.getMessage());
  }
}
