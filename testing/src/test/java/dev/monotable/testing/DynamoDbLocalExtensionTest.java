package dev.monotable.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

@ExtendWith(DynamoDbLocalExtension.class)
class DynamoDbLocalExtensionTest {

  @Test
  void injectedClient_reachesDynamoDbLocalOverLoopbackHttp(DynamoDbClient client, LocalDynamoDb dynamo) {
    assertEquals("127.0.0.1", dynamo.endpoint().getHost());
    String table = LocalDynamoDb.uniqueTableName("extension-test");
    client.createTable(b -> b.tableName(table)
        .keySchema(KeySchemaElement.builder().attributeName("PK").keyType(KeyType.HASH).build())
        .attributeDefinitions(AttributeDefinition.builder().attributeName("PK")
            .attributeType(ScalarAttributeType.S).build())
        .billingMode(BillingMode.PAY_PER_REQUEST));
    client.putItem(b -> b.tableName(table).item(Map.of("PK", AttributeValue.fromS("a"), "v", AttributeValue.fromN("1"))));

    Map<String, AttributeValue> item = client.getItem(b -> b.tableName(table)
        .key(Map.of("PK", AttributeValue.fromS("a")))).item();

    assertEquals("1", item.get("v").n());
    assertTrue(client.listTables().tableNames().contains(table));
  }

  @Test
  void sharedServer_isTheSameAcrossTests(LocalDynamoDb dynamo) {
    assertEquals(LocalDynamoDb.shared().endpoint(), dynamo.endpoint());
  }
}
