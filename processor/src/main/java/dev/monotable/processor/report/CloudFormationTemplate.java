package dev.monotable.processor.report;

import dev.monotable.processor.model.IndexModel;
import dev.monotable.processor.model.TableLayout;
import dev.monotable.processor.model.TableModel;
import dev.monotable.processor.model.Throughput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code <Table>.cfn.json}: a CloudFormation template with one {@code AWS::DynamoDB::Table}
 * resource that creates the table the generated {@code createTableRequest()} creates — the same
 * key schema, attribute definitions ({@link TableLayout}), indexes and projections, billing and
 * stream — and also turns on time to live, which {@code createIfNotExists()} sets after creation.
 */
final class CloudFormationTemplate {
  private CloudFormationTemplate() {}

  static String render(DesignReport report) {
    TableModel table = report.table();
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("TableName", table.name());
    properties.put("KeySchema", keySchema(table.partitionKey(), table.sortKey()));
    List<Object> definitions = new ArrayList<>();
    TableLayout.attributeDefinitions(table, report.entities()).forEach((name, type) -> {
      Map<String, Object> definition = new LinkedHashMap<>();
      definition.put("AttributeName", name);
      definition.put("AttributeType", type.name());
      definitions.add(definition);
    });
    properties.put("AttributeDefinitions", definitions);
    List<Object> globals = new ArrayList<>();
    for (IndexModel index : table.indexes(IndexModel.Kind.GLOBAL)) {
      Map<String, Object> global = index(index, index.partitionKey());
      if (table.provisioned()) {
        global.put("ProvisionedThroughput", throughput(index.throughput()));
      }
      globals.add(global);
    }
    if (!globals.isEmpty()) {
      properties.put("GlobalSecondaryIndexes", globals);
    }
    List<Object> locals = new ArrayList<>();
    for (IndexModel index : table.indexes(IndexModel.Kind.LOCAL)) {
      locals.add(index(index, table.partitionKey()));
    }
    if (!locals.isEmpty()) {
      properties.put("LocalSecondaryIndexes", locals);
    }
    if (table.provisioned()) {
      properties.put("BillingMode", "PROVISIONED");
      properties.put("ProvisionedThroughput", throughput(table.throughput()));
    } else {
      properties.put("BillingMode", "PAY_PER_REQUEST");
    }
    if (table.hasStream()) {
      properties.put("StreamSpecification", Map.of("StreamViewType", table.stream()));
    }
    if (table.hasTimeToLive()) {
      Map<String, Object> timeToLive = new LinkedHashMap<>();
      timeToLive.put("AttributeName", table.timeToLive());
      timeToLive.put("Enabled", true);
      properties.put("TimeToLiveSpecification", timeToLive);
    }
    properties.put("DeletionProtectionEnabled", table.deletionProtection());

    Map<String, Object> resource = new LinkedHashMap<>();
    resource.put("Type", "AWS::DynamoDB::Table");
    resource.put("Properties", properties);
    Map<String, Object> template = new LinkedHashMap<>();
    template.put("AWSTemplateFormatVersion", "2010-09-09");
    template.put("Description", "DynamoDB table " + table.name() + ", as declared by " + table.type().canonicalName()
        + " (written by Monotable)");
    template.put("Resources", Map.of(logicalId(table), resource));
    return Json.write(template);
  }

  /** The resource's logical ID: the table name's letters and digits (all CloudFormation allows), then "Table". */
  static String logicalId(TableModel table) {
    StringBuilder id = new StringBuilder();
    for (char c : table.name().toCharArray()) {
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        id.append(c);
      }
    }
    return id.append("Table").toString();
  }

  private static Map<String, Object> index(IndexModel index, String partitionKey) {
    Map<String, Object> projection = new LinkedHashMap<>();
    projection.put("ProjectionType", index.projection().name());
    if (!index.nonKeyAttributes().isEmpty()) {
      projection.put("NonKeyAttributes", index.nonKeyAttributes());
    }
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("IndexName", index.name());
    entry.put("KeySchema", keySchema(partitionKey, index.sortKey()));
    entry.put("Projection", projection);
    return entry;
  }

  private static List<Object> keySchema(String partitionKey, String sortKey) {
    List<Object> keys = new ArrayList<>();
    keys.add(key(partitionKey, "HASH"));
    if (!sortKey.isEmpty()) {
      keys.add(key(sortKey, "RANGE"));
    }
    return keys;
  }

  private static Map<String, Object> key(String attribute, String type) {
    Map<String, Object> key = new LinkedHashMap<>();
    key.put("AttributeName", attribute);
    key.put("KeyType", type);
    return key;
  }

  private static Map<String, Object> throughput(Throughput throughput) {
    Map<String, Object> units = new LinkedHashMap<>();
    units.put("ReadCapacityUnits", throughput.read());
    units.put("WriteCapacityUnits", throughput.write());
    return units;
  }
}
