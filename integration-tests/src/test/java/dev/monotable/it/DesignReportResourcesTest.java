package dev.monotable.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.monotable.it.shop.ShopTable;
import dev.monotable.testing.DynamoDbExtension;
import dev.monotable.testing.TestDynamoDb;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The shop's design report resources, {@code Shop.cfn.json} and {@code Shop.workbench.json}: the
 * fields their formats require, and the same table as DynamoDB describes after
 * {@code createIfNotExists()}.
 */
@ExtendWith(DynamoDbExtension.class)
class DesignReportResourcesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final DynamoDbClient client;
  private final TestDynamoDb dynamo;
  private TableDescription created;

  DesignReportResourcesTest(DynamoDbClient client, TestDynamoDb dynamo) {
    this.client = client;
    this.dynamo = dynamo;
  }

  @BeforeEach
  void createShopTable() {
    ShopTable shop = ShopTable.of(client, dynamo.uniqueTableName("Shop"));
    shop.createIfNotExists();
    created = client.describeTable(b -> b.tableName(shop.tableName())).table();
  }

  private static JsonNode resource(String name) throws IOException {
    try (InputStream in = DesignReportResourcesTest.class.getResourceAsStream("/META-INF/monotable/" + name)) {
      assertNotNull(in, "META-INF/monotable/" + name + " is in the class output");
      return JSON.readTree(in);
    }
  }

  @Test
  void cloudFormationTemplate_declaresTheTableDynamoDbCreated() throws IOException {
    JsonNode template = resource("Shop.cfn.json");
    assertEquals("2010-09-09", template.path("AWSTemplateFormatVersion").asText());
    JsonNode resources = template.path("Resources");
    assertEquals(1, resources.size(), "one resource");
    String logicalId = resources.fieldNames().next();
    assertTrue(logicalId.matches("[A-Za-z0-9]+"), "logical IDs are alphanumeric: " + logicalId);
    JsonNode resource = resources.get(logicalId);
    assertEquals("AWS::DynamoDB::Table", resource.path("Type").asText());
    JsonNode properties = resource.path("Properties");
    // KeySchema is required; AttributeDefinitions is required to create a table
    assertTrue(properties.path("KeySchema").isArray());
    assertTrue(properties.path("AttributeDefinitions").isArray());
    assertEquals("Shop", properties.path("TableName").asText());

    assertEquals(keys(created.keySchema()), keys(properties.path("KeySchema")));
    assertEquals(attributeDefinitions(created), definitions(properties.path("AttributeDefinitions")));
    assertEquals(globals(created), indexes(properties.path("GlobalSecondaryIndexes"), "KeySchema"));
    assertEquals(locals(created), indexes(properties.path("LocalSecondaryIndexes"), "KeySchema"));
    assertEquals(created.billingModeSummary().billingModeAsString(), properties.path("BillingMode").asText());
    assertEquals(created.deletionProtectionEnabled(), properties.path("DeletionProtectionEnabled").asBoolean());
    assertTrue(properties.path("StreamSpecification").isMissingNode(), "the shop has no stream");
    // every key attribute of the table and its indexes is defined, and only those
    Set<String> keyAttributes = new HashSet<>();
    properties.path("KeySchema").forEach(k -> keyAttributes.add(k.path("AttributeName").asText()));
    for (String kind : List.of("GlobalSecondaryIndexes", "LocalSecondaryIndexes")) {
      properties.path(kind).forEach(i -> i.path("KeySchema").forEach(k -> keyAttributes.add(k.path("AttributeName").asText())));
    }
    assertEquals(keyAttributes, definitions(properties.path("AttributeDefinitions")).keySet());
  }

  @Test
  void workbenchModel_hasWhatWorkbenchReads_andTheTableDynamoDbCreated() throws IOException {
    JsonNode model = resource("Shop.workbench.json");
    assertEquals("Shop", model.path("ModelName").asText());
    assertEquals("Amazon DynamoDB", model.path("ModelMetadata").path("AWSService").asText());
    assertEquals(1, model.path("DataModel").size());
    JsonNode table = model.path("DataModel").get(0);
    assertEquals("Shop", table.path("TableName").asText());

    JsonNode keys = table.path("KeyAttributes");
    List<String> tableKeys = new ArrayList<>();
    tableKeys.add(keys.path("PartitionKey").path("AttributeName").asText() + ":HASH");
    tableKeys.add(keys.path("SortKey").path("AttributeName").asText() + ":RANGE");
    assertEquals(keys(created.keySchema()), String.join(" ", tableKeys));

    Map<String, String> attributes = new TreeMap<>();
    for (JsonNode key : List.of(keys.path("PartitionKey"), keys.path("SortKey"))) {
      attributes.put(key.path("AttributeName").asText(), key.path("AttributeType").asText());
    }
    table.path("NonKeyAttributes").forEach(a -> attributes.put(a.path("AttributeName").asText(), a.path("AttributeType").asText()));
    // each key attribute DynamoDB knows has the type DynamoDB gives it
    attributeDefinitions(created).forEach((name, type) -> assertEquals(type, attributes.get(name), name));

    assertEquals(globals(created), indexes(table.path("GlobalSecondaryIndexes"), "KeyAttributes"));

    Set<String> facetNames = new HashSet<>();
    for (JsonNode facet : table.path("TableFacets")) {
      String name = facet.path("FacetName").asText();
      assertTrue(facetNames.add(name), "facet names are unique: " + name);
      assertTrue(facet.path("KeyAttributeAlias").path("PartitionKeyAlias").isTextual(), name);
      assertTrue(facet.path("KeyAttributeAlias").path("SortKeyAlias").isTextual(), name);
      facet.path("NonKeyAttributes").forEach(a -> assertTrue(attributes.containsKey(a.asText()),
          name + " names " + a.asText() + ", which the table defines"));
    }
    assertEquals(Set.of("Activity", "Counter", "LogEntry", "Order", "OrderItem", "OrderNote", "Product", "Shipment",
        "Store", "User"), facetNames);
    assertEquals("USER#<userId>", facet(table, "Order").path("KeyAttributeAlias").path("PartitionKeyAlias").asText());
    assertEquals(created.billingModeSummary().billingModeAsString(), table.path("BillingMode").asText());

    // the example items are well-formed DynamoDB JSON with every key attribute of the table
    for (JsonNode item : table.path("TableData")) {
      for (String key : List.of("PK", "SK")) {
        assertTrue(item.path(key).path("S").isTextual(), key + " of " + item);
      }
    }
  }

  private static JsonNode facet(JsonNode table, String name) {
    for (JsonNode facet : table.path("TableFacets")) {
      if (facet.path("FacetName").asText().equals(name)) {
        return facet;
      }
    }
    throw new AssertionError("no facet " + name);
  }

  private static String keys(List<KeySchemaElement> keys) {
    return keys.stream().map(k -> k.attributeName() + ":" + k.keyTypeAsString()).collect(Collectors.joining(" "));
  }

  private static String keys(JsonNode keySchema) {
    List<String> keys = new ArrayList<>();
    keySchema.forEach(k -> keys.add(k.path("AttributeName").asText() + ":" + k.path("KeyType").asText()));
    return String.join(" ", keys);
  }

  /** A Workbench index's {@code KeyAttributes} as key schema text. */
  private static String workbenchKeys(JsonNode keyAttributes) {
    String keys = keyAttributes.path("PartitionKey").path("AttributeName").asText() + ":HASH";
    JsonNode sort = keyAttributes.path("SortKey");
    return sort.isMissingNode() ? keys : keys + " " + sort.path("AttributeName").asText() + ":RANGE";
  }

  private static Map<String, String> attributeDefinitions(TableDescription table) {
    return new TreeMap<>(table.attributeDefinitions().stream().collect(Collectors.toMap(
        AttributeDefinition::attributeName, AttributeDefinition::attributeTypeAsString)));
  }

  private static Map<String, String> definitions(JsonNode definitions) {
    Map<String, String> map = new TreeMap<>();
    definitions.forEach(d -> map.put(d.path("AttributeName").asText(), d.path("AttributeType").asText()));
    return map;
  }

  /** Each index as "keys | projection type | non-key attributes", by name. */
  private static Map<String, String> globals(TableDescription table) {
    Map<String, String> indexes = new TreeMap<>();
    for (GlobalSecondaryIndexDescription index : table.globalSecondaryIndexes()) {
      indexes.put(index.indexName(), keys(index.keySchema()) + " | " + projection(index.projection()));
    }
    return indexes;
  }

  private static Map<String, String> locals(TableDescription table) {
    Map<String, String> indexes = new TreeMap<>();
    for (LocalSecondaryIndexDescription index : table.localSecondaryIndexes()) {
      indexes.put(index.indexName(), keys(index.keySchema()) + " | " + projection(index.projection()));
    }
    return indexes;
  }

  private static String projection(Projection projection) {
    return projection.projectionTypeAsString() + " " + new TreeMap<>(projection.nonKeyAttributes().stream()
        .collect(Collectors.toMap(a -> a, a -> ""))).keySet();
  }

  /** Indexes of a template ({@code KeySchema}) or a Workbench model ({@code KeyAttributes}), in the same text. */
  private static Map<String, String> indexes(JsonNode indexes, String keysField) {
    Map<String, String> map = new TreeMap<>();
    indexes.forEach(index -> {
      JsonNode keys = index.path(keysField);
      List<String> nonKey = new ArrayList<>();
      index.path("Projection").path("NonKeyAttributes").forEach(a -> nonKey.add(a.asText()));
      map.put(index.path("IndexName").asText(),
          (keysField.equals("KeySchema") ? keys(keys) : workbenchKeys(keys)) + " | "
              + index.path("Projection").path("ProjectionType").asText() + " "
              + new TreeMap<>(nonKey.stream().collect(Collectors.toMap(a -> a, a -> ""))).keySet());
    });
    return map;
  }
}
