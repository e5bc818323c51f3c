package dev.monotable.local.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monotable.local.MonotableLocal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The tenant-isolation policy of issue 24 enforced end to end, through the SDK's own clients: an
 * administrator with a policy of its own creates the table; tenants A and B share the default
 * policy that binds {@code dynamodb:LeadingKeys} to their {@code tenantId} principal tag. A works on
 * its own partitions and is refused every operation on B's, a batch or transaction that mixes them
 * is refused whole with nothing written, Scan is refused, and the refusal is DynamoDB's
 * AccessDeniedException, in process (sync and async) and over HTTP.
 */
class TenantIsolationTest {
  static final String ADMIN_POLICY = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"dynamodb:*\",\"Resource\":\"*\"}]}";
  static final String TENANT_POLICY = """
      {"Version": "2012-10-17",
       "Statement": [{
         "Sid": "TenantItemsOnly",
         "Effect": "Allow",
         "Action": ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem",
                    "dynamodb:Query", "dynamodb:BatchGetItem", "dynamodb:BatchWriteItem",
                    "dynamodb:TransactGetItems", "dynamodb:TransactWriteItems", "dynamodb:ConditionCheckItem"],
         "Resource": ["arn:aws:dynamodb:us-east-1:000000000000:table/Users",
                      "arn:aws:dynamodb:us-east-1:000000000000:table/Users/index/*"],
         "Condition": {"ForAllValues:StringLike": {"dynamodb:LeadingKeys": ["TENANT#${aws:PrincipalTag/tenantId}#*"]}}
       }]}""";
  static final String TABLE_ARN = "arn:aws:dynamodb:us-east-1:000000000000:table/Users";

  private MonotableLocal local;
  private DynamoDbClient admin;
  private DynamoDbClient tenantA;

  @BeforeEach
  void start() {
    local = MonotableLocal.inProcess()
        .withPrincipal("ADMIN", Map.of(), ADMIN_POLICY)
        .withPolicy(TENANT_POLICY)
        .withPrincipal("TENANT-A", Map.of("tenantId", "A"))
        .withPrincipal("TENANT-B", Map.of("tenantId", "B"));
    admin = client(local, credentials("ADMIN"));
    tenantA = client(local, credentials("TENANT-A"));
    createUsersTable(admin);
    admin.putItem(put -> put.tableName("Users").item(user("A", "1", "ann")));
    admin.putItem(put -> put.tableName("Users").item(user("B", "1", "bob")));
  }

  @AfterEach
  void stop() {
    admin.close();
    tenantA.close();
    local.close();
  }

  static AwsCredentialsProvider credentials(String accessKeyId) {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, "not-checked"));
  }

  static DynamoDbClient client(MonotableLocal local, AwsCredentialsProvider credentials) {
    return DynamoDbClient.builder()
        .httpClient(local.httpClient())
        .endpointOverride(local.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(credentials)
        .build();
  }

  static void createUsersTable(DynamoDbClient admin) {
    admin.createTable(create -> create.tableName("Users")
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(
            AttributeDefinition.builder().attributeName("PK").attributeType(ScalarAttributeType.S).build(),
            AttributeDefinition.builder().attributeName("SK").attributeType(ScalarAttributeType.S).build(),
            AttributeDefinition.builder().attributeName("GPK").attributeType(ScalarAttributeType.S).build())
        .keySchema(KeySchemaElement.builder().attributeName("PK").keyType(KeyType.HASH).build(),
            KeySchemaElement.builder().attributeName("SK").keyType(KeyType.RANGE).build())
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("ByName")
            .keySchema(KeySchemaElement.builder().attributeName("GPK").keyType(KeyType.HASH).build(),
                KeySchemaElement.builder().attributeName("SK").keyType(KeyType.RANGE).build())
            .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
            .build()));
  }

  /** User {@code id} of {@code tenant}: PK {@code TENANT#<tenant>#USER#<id>}, and in the index under {@code TENANT#<tenant>#NAMES}. */
  static Map<String, AttributeValue> user(String tenant, String id, String name) {
    return Map.of("PK", s("TENANT#" + tenant + "#USER#" + id), "SK", s("PROFILE"),
        "GPK", s("TENANT#" + tenant + "#NAMES"), "name", s(name));
  }

  static Map<String, AttributeValue> key(String tenant, String id) {
    return Map.of("PK", s("TENANT#" + tenant + "#USER#" + id), "SK", s("PROFILE"));
  }

  static AttributeValue s(String value) {
    return AttributeValue.builder().s(value).build();
  }

  /** The AccessDeniedException DynamoDB answers, as the SDK raises it, with DynamoDB's message for {@code action}. */
  static DynamoDbException assertDenied(String accessKeyId, String action, String resource, Executable call) {
    DynamoDbException e = assertThrows(DynamoDbException.class, call);
    assertDenied(accessKeyId, action, resource, e);
    return e;
  }

  static void assertDenied(String accessKeyId, String action, String resource, DynamoDbException e) {
    assertEquals("AccessDeniedException", e.awsErrorDetails().errorCode());
    assertEquals(400, e.statusCode());
    assertEquals("User: arn:aws:iam::000000000000:user/" + accessKeyId + " is not authorized to perform: " + action
        + " on resource: " + resource + " because no identity-based policy allows the " + action + " action",
        e.awsErrorDetails().errorMessage());
  }

  private Map<String, AttributeValue> adminGet(String tenant, String id) {
    return admin.getItem(get -> get.tableName("Users").key(key(tenant, id)).consistentRead(true)).item();
  }

  @Test
  void getItem_ownPartitionAllowed_otherTenantsDenied() {
    assertEquals("ann", tenantA.getItem(get -> get.tableName("Users").key(key("A", "1"))).item().get("name").s());
    assertDenied("TENANT-A", "dynamodb:GetItem", TABLE_ARN,
        () -> tenantA.getItem(get -> get.tableName("Users").key(key("B", "1"))));
  }

  @Test
  void putItem_otherTenantsPartition_deniedAndNothingWritten() {
    tenantA.putItem(put -> put.tableName("Users").item(user("A", "2", "amy")));
    assertEquals("amy", adminGet("A", "2").get("name").s());
    assertDenied("TENANT-A", "dynamodb:PutItem", TABLE_ARN,
        () -> tenantA.putItem(put -> put.tableName("Users").item(user("B", "2", "mallory"))));
    assertTrue(adminGet("B", "2").isEmpty());
    // overwriting B's item is refused too, and leaves it as it was
    assertDenied("TENANT-A", "dynamodb:PutItem", TABLE_ARN,
        () -> tenantA.putItem(put -> put.tableName("Users").item(user("B", "1", "mallory"))));
    assertEquals("bob", adminGet("B", "1").get("name").s());
  }

  @Test
  void updateItem_otherTenantsPartition_deniedAndUnchanged() {
    tenantA.updateItem(update -> update.tableName("Users").key(key("A", "1"))
        .updateExpression("SET #n = :n").expressionAttributeNames(Map.of("#n", "name"))
        .expressionAttributeValues(Map.of(":n", s("anne"))));
    assertEquals("anne", adminGet("A", "1").get("name").s());
    assertDenied("TENANT-A", "dynamodb:UpdateItem", TABLE_ARN,
        () -> tenantA.updateItem(update -> update.tableName("Users").key(key("B", "1"))
            .updateExpression("SET #n = :n").expressionAttributeNames(Map.of("#n", "name"))
            .expressionAttributeValues(Map.of(":n", s("mallory")))));
    assertEquals("bob", adminGet("B", "1").get("name").s());
  }

  @Test
  void deleteItem_otherTenantsPartition_deniedAndKept() {
    assertDenied("TENANT-A", "dynamodb:DeleteItem", TABLE_ARN,
        () -> tenantA.deleteItem(delete -> delete.tableName("Users").key(key("B", "1"))));
    assertEquals("bob", adminGet("B", "1").get("name").s());
    tenantA.deleteItem(delete -> delete.tableName("Users").key(key("A", "1")));
    assertTrue(adminGet("A", "1").isEmpty());
  }

  @Test
  void query_onTheTable_ownPartitionAllowed_otherDenied_expressionOrLegacy() {
    QueryResponse own = tenantA.query(query -> query.tableName("Users").keyConditionExpression("PK = :pk")
        .expressionAttributeValues(Map.of(":pk", s("TENANT#A#USER#1"))));
    assertEquals(1, own.count());
    assertDenied("TENANT-A", "dynamodb:Query", TABLE_ARN,
        () -> tenantA.query(query -> query.tableName("Users").keyConditionExpression("#pk = :pk AND SK = :sk")
            .expressionAttributeNames(Map.of("#pk", "PK"))
            .expressionAttributeValues(Map.of(":pk", s("TENANT#B#USER#1"), ":sk", s("PROFILE")))));
    assertDenied("TENANT-A", "dynamodb:Query", TABLE_ARN,
        () -> tenantA.query(query -> query.tableName("Users").keyConditions(Map.of("PK",
            Condition.builder().comparisonOperator(ComparisonOperator.EQ).attributeValueList(s("TENANT#B#USER#1")).build()))));
  }

  @Test
  void query_onAnIndex_leadingKeysIsTheIndexPartitionKey() {
    QueryResponse own = tenantA.query(query -> query.tableName("Users").indexName("ByName")
        .keyConditionExpression("GPK = :g").expressionAttributeValues(Map.of(":g", s("TENANT#A#NAMES"))));
    assertEquals(List.of("ann"), own.items().stream().map(item -> item.get("name").s()).toList());
    assertDenied("TENANT-A", "dynamodb:Query", TABLE_ARN + "/index/ByName",
        () -> tenantA.query(query -> query.tableName("Users").indexName("ByName")
            .keyConditionExpression("GPK = :g").expressionAttributeValues(Map.of(":g", s("TENANT#B#NAMES")))));
  }

  @Test
  void scan_notGranted_isDenied_onTableAndIndex() {
    assertDenied("TENANT-A", "dynamodb:Scan", TABLE_ARN, () -> tenantA.scan(scan -> scan.tableName("Users")));
    assertDenied("TENANT-A", "dynamodb:Scan", TABLE_ARN + "/index/ByName",
        () -> tenantA.scan(scan -> scan.tableName("Users").indexName("ByName")));
    assertEquals(2, admin.scan(scan -> scan.tableName("Users")).count());
  }

  @Test
  void batchGetItem_mixingTenants_isRefusedWhole() {
    var own = tenantA.batchGetItem(batch -> batch.requestItems(Map.of("Users",
        KeysAndAttributes.builder().keys(key("A", "1"), key("A", "9")).build())));
    assertEquals(1, own.responses().get("Users").size());
    assertDenied("TENANT-A", "dynamodb:BatchGetItem", TABLE_ARN,
        () -> tenantA.batchGetItem(batch -> batch.requestItems(Map.of("Users",
            KeysAndAttributes.builder().keys(key("A", "1"), key("B", "1")).build()))));
  }

  @Test
  void batchWriteItem_mixingTenants_isRefusedWhole_nothingWritten() {
    assertDenied("TENANT-A", "dynamodb:BatchWriteItem", TABLE_ARN,
        () -> tenantA.batchWriteItem(batch -> batch.requestItems(Map.of("Users", List.of(
            WriteRequest.builder().putRequest(PutRequest.builder().item(user("A", "3", "abe")).build()).build(),
            WriteRequest.builder().deleteRequest(delete -> delete.key(key("B", "1"))).build())))));
    assertTrue(adminGet("A", "3").isEmpty());
    assertEquals("bob", adminGet("B", "1").get("name").s());
    tenantA.batchWriteItem(batch -> batch.requestItems(Map.of("Users", List.of(
        WriteRequest.builder().putRequest(PutRequest.builder().item(user("A", "3", "abe")).build()).build()))));
    assertEquals("abe", adminGet("A", "3").get("name").s());
  }

  @Test
  void transactWriteItems_mixingTenants_isRefusedWhole_nothingWritten() {
    assertDenied("TENANT-A", "dynamodb:DeleteItem", TABLE_ARN,
        () -> tenantA.transactWriteItems(transaction -> transaction.transactItems(
            TransactWriteItem.builder().put(put -> put.tableName("Users").item(user("A", "4", "ada"))).build(),
            TransactWriteItem.builder().delete(delete -> delete.tableName("Users").key(key("B", "1"))).build())));
    assertTrue(adminGet("A", "4").isEmpty());
    assertEquals("bob", adminGet("B", "1").get("name").s());
    assertDenied("TENANT-A", "dynamodb:ConditionCheckItem", TABLE_ARN,
        () -> tenantA.transactWriteItems(transaction -> transaction.transactItems(
            TransactWriteItem.builder().put(put -> put.tableName("Users").item(user("A", "4", "ada"))).build(),
            TransactWriteItem.builder().conditionCheck(check -> check.tableName("Users").key(key("B", "1"))
                .conditionExpression("attribute_exists(PK)")).build())));
    assertTrue(adminGet("A", "4").isEmpty());
    tenantA.transactWriteItems(transaction -> transaction.transactItems(
        TransactWriteItem.builder().put(put -> put.tableName("Users").item(user("A", "4", "ada"))).build(),
        TransactWriteItem.builder().conditionCheck(check -> check.tableName("Users").key(key("A", "1"))
            .conditionExpression("attribute_exists(PK)")).build()));
    assertEquals("ada", adminGet("A", "4").get("name").s());
  }

  @Test
  void transactGetItems_mixingTenants_isRefusedWhole() {
    var own = tenantA.transactGetItems(transaction -> transaction.transactItems(
        TransactGetItem.builder().get(get -> get.tableName("Users").key(key("A", "1"))).build()));
    assertEquals("ann", own.responses().get(0).item().get("name").s());
    assertDenied("TENANT-A", "dynamodb:GetItem", TABLE_ARN,
        () -> tenantA.transactGetItems(transaction -> transaction.transactItems(
            TransactGetItem.builder().get(get -> get.tableName("Users").key(key("A", "1"))).build(),
            TransactGetItem.builder().get(get -> get.tableName("Users").key(key("B", "1"))).build())));
  }

  @Test
  void tableOperations_needTheirOwnGrant_andIamComesBeforeTheTablesExistence() {
    assertDenied("TENANT-A", "dynamodb:DescribeTable", TABLE_ARN,
        () -> tenantA.describeTable(describe -> describe.tableName("Users")));
    assertDenied("TENANT-A", "dynamodb:ListTables", "arn:aws:dynamodb:us-east-1:000000000000:table/*",
        tenantA::listTables);
    assertDenied("TENANT-A", "dynamodb:DeleteTable", TABLE_ARN, () -> tenantA.deleteTable(delete -> delete.tableName("Users")));
    // a table that does not exist: IAM refuses before DynamoDB would say ResourceNotFoundException
    assertDenied("TENANT-A", "dynamodb:GetItem", "arn:aws:dynamodb:us-east-1:000000000000:table/Missing",
        () -> tenantA.getItem(get -> get.tableName("Missing").key(key("A", "1"))));
    assertDenied("TENANT-A", "dynamodb:CreateTable", "arn:aws:dynamodb:us-east-1:000000000000:table/Mine",
        () -> tenantA.createTable(create -> create.tableName("Mine").billingMode(BillingMode.PAY_PER_REQUEST)
            .attributeDefinitions(AttributeDefinition.builder().attributeName("PK").attributeType(ScalarAttributeType.S).build())
            .keySchema(KeySchemaElement.builder().attributeName("PK").keyType(KeyType.HASH).build())));
    assertEquals(List.of("Users"), admin.listTables().tableNames());
  }

  @Test
  void partiql_notGranted_isDenied_andGrantedIsBoundToLeadingKeysToo() {
    assertDenied("TENANT-A", "dynamodb:PartiQLSelect", TABLE_ARN,
        () -> tenantA.executeStatement(statement -> statement.statement(
            "SELECT * FROM \"Users\" WHERE PK = 'TENANT#A#USER#1'")));
    local.withPolicy(TENANT_POLICY.replace("\"dynamodb:GetItem\",", "\"dynamodb:GetItem\", \"dynamodb:PartiQL*\","));
    assertEquals("ann", tenantA.executeStatement(statement -> statement.statement(
        "SELECT * FROM \"Users\" WHERE PK = 'TENANT#A#USER#1'")).items().get(0).get("name").s());
    assertDenied("TENANT-A", "dynamodb:PartiQLSelect", TABLE_ARN,
        () -> tenantA.executeStatement(statement -> statement.statement(
            "SELECT * FROM \"Users\" WHERE PK = 'TENANT#B#USER#1'")));
    assertDenied("TENANT-A", "dynamodb:PartiQLUpdate", TABLE_ARN,
        () -> tenantA.executeStatement(statement -> statement.statement(
            "UPDATE \"Users\" SET name = 'mallory' WHERE PK = 'TENANT#B#USER#1' AND SK = 'PROFILE'")));
    assertEquals("bob", adminGet("B", "1").get("name").s());
    // a SELECT without a key is a Scan and names no partition: ForAllValues holds for it, as IAM documents ...
    assertEquals(2, tenantA.executeStatement(statement -> statement.statement("SELECT * FROM \"Users\"")).items().size());
    // ... so a policy that grants PartiQLSelect denies full table scans, as AWS's PartiQL examples do
    local.withPolicy(TENANT_POLICY.replace("\"dynamodb:GetItem\",", "\"dynamodb:GetItem\", \"dynamodb:PartiQL*\",")
        .replace("}]}", "}, {\"Effect\": \"Deny\", \"Action\": \"dynamodb:PartiQLSelect\", \"Resource\": \"*\","
            + " \"Condition\": {\"Bool\": {\"dynamodb:FullTableScan\": \"true\"}}}]}"));
    DynamoDbException scan = assertThrows(DynamoDbException.class,
        () -> tenantA.executeStatement(statement -> statement.statement("SELECT * FROM \"Users\"")));
    assertTrue(scan.awsErrorDetails().errorMessage().endsWith("with an explicit deny in an identity-based policy"),
        scan.awsErrorDetails().errorMessage());
    assertEquals("ann", tenantA.executeStatement(statement -> statement.statement(
        "SELECT * FROM \"Users\" WHERE PK = 'TENANT#A#USER#1'")).items().get(0).get("name").s());
  }

  @Test
  void principals_unknownUnsignedOrUntagged_areDenied() {
    try (DynamoDbClient stranger = client(local, credentials("STRANGER"));
        DynamoDbClient anonymous = client(local, AnonymousCredentialsProvider.create())) {
      DynamoDbException unknown = assertThrows(DynamoDbException.class,
          () -> stranger.getItem(get -> get.tableName("Users").key(key("A", "1"))));
      assertEquals("AccessDeniedException", unknown.awsErrorDetails().errorCode());
      assertTrue(unknown.getMessage().contains("STRANGER"), unknown.getMessage());
      DynamoDbException unsigned = assertThrows(DynamoDbException.class,
          () -> anonymous.getItem(get -> get.tableName("Users").key(key("A", "1"))));
      assertEquals("AccessDeniedException", unsigned.awsErrorDetails().errorCode());
    }
    local.withPrincipal("NO-TAG", Map.of());
    try (DynamoDbClient untagged = client(local, credentials("NO-TAG"))) {
      assertDenied("NO-TAG", "dynamodb:GetItem", TABLE_ARN,
          () -> untagged.getItem(get -> get.tableName("Users").key(key("A", "1"))));
    }
  }

  @Test
  void explicitDeny_isNamedInTheMessage() {
    local.withPrincipal("AUDITOR", Map.of(), """
        {"Statement": [{"Effect": "Allow", "Action": "dynamodb:*", "Resource": "*"},
                       {"Effect": "Deny", "Action": ["dynamodb:Delete*", "dynamodb:Put*", "dynamodb:Update*"], "Resource": "*"}]}""");
    try (DynamoDbClient auditor = client(local, credentials("AUDITOR"))) {
      assertEquals(2, auditor.scan(scan -> scan.tableName("Users")).count());
      DynamoDbException e = assertThrows(DynamoDbException.class,
          () -> auditor.deleteItem(delete -> delete.tableName("Users").key(key("B", "1"))));
      assertEquals("AccessDeniedException", e.awsErrorDetails().errorCode());
      assertEquals("User: arn:aws:iam::000000000000:user/AUDITOR is not authorized to perform: dynamodb:DeleteItem on "
          + "resource: " + TABLE_ARN + " with an explicit deny in an identity-based policy", e.awsErrorDetails().errorMessage());
    }
    assertEquals("bob", adminGet("B", "1").get("name").s());
  }

  @Test
  void attributesSelectAndReturnValues_restrictWhatIsReadAndReturned() {
    local.withPrincipal("READER", Map.of("tenantId", "A"), """
        {"Version": "2012-10-17",
         "Statement": [{"Effect": "Allow", "Action": ["dynamodb:GetItem", "dynamodb:UpdateItem"], "Resource": "*",
                        "Condition": {"ForAllValues:StringLike": {"dynamodb:LeadingKeys": "TENANT#${aws:PrincipalTag/tenantId}#*"},
                                      "ForAllValues:StringEquals": {"dynamodb:Attributes": ["PK", "SK", "name"]},
                                      "StringEqualsIfExists": {"dynamodb:Select": "SPECIFIC_ATTRIBUTES",
                                                               "dynamodb:ReturnValues": ["NONE", "UPDATED_NEW"]}}}]}""");
    try (DynamoDbClient reader = client(local, credentials("READER"))) {
      GetItemResponse projected = reader.getItem(get -> get.tableName("Users").key(key("A", "1")).projectionExpression("#n")
          .expressionAttributeNames(Map.of("#n", "name")));
      assertEquals(Map.of("name", s("ann")), projected.item());
      assertDenied("READER", "dynamodb:GetItem", TABLE_ARN,
          () -> reader.getItem(get -> get.tableName("Users").key(key("A", "1"))));
      assertDenied("READER", "dynamodb:GetItem", TABLE_ARN,
          () -> reader.getItem(get -> get.tableName("Users").key(key("A", "1")).projectionExpression("GPK")));
      reader.updateItem(update -> update.tableName("Users").key(key("A", "1")).updateExpression("SET #n = :n")
          .expressionAttributeNames(Map.of("#n", "name")).expressionAttributeValues(Map.of(":n", s("anna")))
          .returnValues(ReturnValue.UPDATED_NEW));
      assertDenied("READER", "dynamodb:UpdateItem", TABLE_ARN,
          () -> reader.updateItem(update -> update.tableName("Users").key(key("A", "1")).updateExpression("SET #n = :n")
              .expressionAttributeNames(Map.of("#n", "name")).expressionAttributeValues(Map.of(":n", s("x")))
              .returnValues(ReturnValue.ALL_OLD)));
      assertDenied("READER", "dynamodb:UpdateItem", TABLE_ARN,
          () -> reader.updateItem(update -> update.tableName("Users").key(key("A", "1")).updateExpression("SET GPK = :g")
              .expressionAttributeValues(Map.of(":g", s("TENANT#B#NAMES")))));
    }
    assertEquals("anna", adminGet("A", "1").get("name").s());
    assertEquals("TENANT#A#NAMES", adminGet("A", "1").get("GPK").s());
  }

  @Test
  void asyncClient_isAuthorizedTheSameWay() {
    try (DynamoDbAsyncClient async = DynamoDbAsyncClient.builder()
        .httpClient(local.asyncHttpClient())
        .endpointOverride(local.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(credentials("TENANT-A"))
        .build()) {
      assertEquals("ann", async.getItem(get -> get.tableName("Users").key(key("A", "1"))).join().item().get("name").s());
      CompletionException e = assertThrows(CompletionException.class,
          () -> async.putItem(put -> put.tableName("Users").item(user("B", "5", "mallory"))).join());
      assertDenied("TENANT-A", "dynamodb:PutItem", TABLE_ARN, assertInstanceOf(DynamoDbException.class, e.getCause()));
    }
    assertTrue(adminGet("B", "5").isEmpty());
  }

  @Test
  void overHttp_theSignedAccessKeyIdIsThePrincipal() {
    try (MonotableLocal server = MonotableLocal.start()
        .withPrincipal("ADMIN", Map.of(), ADMIN_POLICY)
        .withPolicy(TENANT_POLICY)
        .withPrincipal("TENANT-A", Map.of("tenantId", "A"));
        DynamoDbClient httpAdmin = http(server, "ADMIN");
        DynamoDbClient httpTenant = http(server, "TENANT-A")) {
      createUsersTable(httpAdmin);
      httpAdmin.putItem(put -> put.tableName("Users").item(user("B", "1", "bob")));
      httpTenant.putItem(put -> put.tableName("Users").item(user("A", "1", "ann")));
      assertEquals("ann", httpTenant.getItem(get -> get.tableName("Users").key(key("A", "1"))).item().get("name").s());
      assertDenied("TENANT-A", "dynamodb:GetItem", TABLE_ARN,
          () -> httpTenant.getItem(get -> get.tableName("Users").key(key("B", "1"))));
      assertDenied("TENANT-A", "dynamodb:Scan", TABLE_ARN, () -> httpTenant.scan(scan -> scan.tableName("Users")));
    }
  }

  private static DynamoDbClient http(MonotableLocal server, String accessKeyId) {
    return DynamoDbClient.builder()
        .httpClient(UrlConnectionHttpClient.create())
        .endpointOverride(server.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(credentials(accessKeyId))
        .build();
  }

  @Test
  void withoutPolicyOrPrincipal_everythingIsAllowedAsBefore() {
    try (MonotableLocal open = MonotableLocal.inProcess();
        DynamoDbClient anonymous = client(open, AnonymousCredentialsProvider.create())) {
      createUsersTable(anonymous);
      anonymous.putItem(put -> put.tableName("Users").item(user("B", "1", "bob")));
      assertFalse(anonymous.scan(scan -> scan.tableName("Users")).items().isEmpty());
    }
  }
}
