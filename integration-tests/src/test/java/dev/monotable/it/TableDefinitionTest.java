package dev.monotable.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.monotable.it.lab.LabTable;
import dev.monotable.it.shop.ShopTable;
import dev.monotable.testing.DynamoDbExtension;
import dev.monotable.testing.TestDynamoDb;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** The generated table definitions, as DynamoDB creates them and as the JSON resource states them. */
@ExtendWith(DynamoDbExtension.class)
class TableDefinitionTest {
  private final DynamoDbClient client;
  private final TestDynamoDb dynamo;

  TableDefinitionTest(DynamoDbClient client, TestDynamoDb dynamo) {
    this.client = client;
    this.dynamo = dynamo;
  }

  @Test
  void createdShopTable_hasEveryKeyIndexAndProjection() {
    ShopTable shop = ShopTable.of(client, dynamo.uniqueTableName("Shop"));
    shop.createIfNotExists();
    TableDescription table = client.describeTable(b -> b.tableName(shop.tableName())).table();

    assertEquals("PK:HASH SK:RANGE", keys(table.keySchema().stream()));
    assertEquals(Map.of("PK", "S", "SK", "S", "GSI1PK", "S", "GSI1SK", "S", "status", "S", "orderDate", "S",
        "category", "S", "priceCents", "N", "LSI1SK", "S"), attributes(table));
    Map<String, GlobalSecondaryIndexDescription> globals = table.globalSecondaryIndexes().stream()
        .collect(Collectors.toMap(GlobalSecondaryIndexDescription::indexName, g -> g));
    assertEquals("GSI1PK:HASH GSI1SK:RANGE", keys(globals.get("GSI1").keySchema().stream()));
    assertEquals("ALL", globals.get("GSI1").projection().projectionTypeAsString());
    assertEquals("status:HASH orderDate:RANGE", keys(globals.get("ByStatus").keySchema().stream()));
    assertEquals("KEYS_ONLY", globals.get("ByStatus").projection().projectionTypeAsString());
    assertEquals("INCLUDE", globals.get("ByPrice").projection().projectionTypeAsString());
    assertEquals(java.util.List.of("name"), globals.get("ByPrice").projection().nonKeyAttributes());
    assertEquals("PK:HASH LSI1SK:RANGE", keys(table.localSecondaryIndexes().get(0).keySchema().stream()));
    assertEquals("PAY_PER_REQUEST", table.billingModeSummary().billingModeAsString());
  }

  @Test
  void tableWithoutSortKey_isCreatedWithAHashKeyOnly() {
    LabTable lab = LabTable.of(client, dynamo.uniqueTableName("Lab"));
    lab.createIfNotExists();
    TableDescription table = client.describeTable(b -> b.tableName(lab.tableName())).table();
    assertEquals("id_key:HASH", keys(table.keySchema().stream()));
  }

  @Test
  void jsonResource_describesTheSameCreateTableInput() throws IOException {
    JsonNode json;
    try (InputStream in = getClass().getResourceAsStream("/META-INF/monotable/Shop.json")) {
      assertNotNull(in, "META-INF/monotable/Shop.json is in the class output");
      json = new ObjectMapper().readTree(in);
    }
    var request = ShopTable.of(client).createTableRequest();
    assertEquals(request.tableName(), json.get("TableName").asText());
    assertEquals(request.billingModeAsString(), json.get("BillingMode").asText());
    Map<String, String> definitions = new TreeMap<>();
    json.get("AttributeDefinitions").forEach(d -> definitions.put(d.get("AttributeName").asText(), d.get("AttributeType").asText()));
    assertEquals(new TreeMap<>(request.attributeDefinitions().stream().collect(Collectors.toMap(
        AttributeDefinition::attributeName, AttributeDefinition::attributeTypeAsString))), definitions);
    assertEquals(request.globalSecondaryIndexes().size(), json.get("GlobalSecondaryIndexes").size());
    for (int i = 0; i < request.globalSecondaryIndexes().size(); i++) {
      var index = request.globalSecondaryIndexes().get(i);
      JsonNode node = json.get("GlobalSecondaryIndexes").get(i);
      assertEquals(index.indexName(), node.get("IndexName").asText());
      assertEquals(index.projection().projectionTypeAsString(), node.get("Projection").get("ProjectionType").asText());
      assertEquals(keys(index.keySchema().stream()), keys(node.get("KeySchema")));
    }
    assertEquals(keys(request.localSecondaryIndexes().get(0).keySchema().stream()),
        keys(json.get("LocalSecondaryIndexes").get(0).get("KeySchema")));
  }

  private static String keys(java.util.stream.Stream<KeySchemaElement> keys) {
    return keys.map(k -> k.attributeName() + ":" + k.keyTypeAsString()).collect(Collectors.joining(" "));
  }

  private static String keys(JsonNode keys) {
    StringBuilder text = new StringBuilder();
    keys.forEach(k -> text.append(text.length() == 0 ? "" : " ")
        .append(k.get("AttributeName").asText()).append(':').append(k.get("KeyType").asText()));
    return text.toString();
  }

  private static Map<String, String> attributes(TableDescription table) {
    return table.attributeDefinitions().stream().collect(Collectors.toMap(
        AttributeDefinition::attributeName, AttributeDefinition::attributeTypeAsString));
  }
}
