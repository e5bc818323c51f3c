package dev.monotable.local;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.monotable.local.value.ItemSize;
import dev.monotable.local.value.Value;
import java.util.Map;

/**
 * The TableDescription that CreateTable, DescribeTable, UpdateTable and DeleteTable answer with:
 * attribute definitions, key schema, billing and throughput, item count and size, the indexes with
 * theirs, the stream and deletion protection, in DynamoDB's member names. Everything is ACTIVE at
 * once; counts and sizes are current (DynamoDB refreshes them about every six hours).
 */
final class TableDescriptions {
  private TableDescriptions() {}

  /** The TableDescription of {@code table} as it is now, with status ACTIVE. */
  static ObjectNode of(Table table) {
    ObjectNode node = Json.object();
    ArrayNode definitions = node.putArray("AttributeDefinitions");
    table.attributeTypes.forEach((name, type) -> definitions.addObject().put("AttributeName", name).put("AttributeType", type));
    node.put("TableName", table.name);
    node.set("KeySchema", keySchema(table.key));
    node.put("TableStatus", "ACTIVE");
    node.put("CreationDateTime", table.created.toEpochMilli() / 1000.0);
    ObjectNode throughput = Json.object();
    if (table.lastIncrease != null) {
      throughput.put("LastIncreaseDateTime", table.lastIncrease.toEpochMilli() / 1000.0);
    }
    if (table.lastDecrease != null) {
      throughput.put("LastDecreaseDateTime", table.lastDecrease.toEpochMilli() / 1000.0);
    }
    // the count of the last decrease's day: a description does not know today's date
    throughput.put("NumberOfDecreasesToday", table.decreasesThatDay);
    throughput.put("ReadCapacityUnits", table.readCapacity);
    throughput.put("WriteCapacityUnits", table.writeCapacity);
    node.set("ProvisionedThroughput", throughput);
    node.put("TableSizeBytes", table.sizeBytes());
    node.put("ItemCount", table.items.count());
    node.put("TableArn", table.arn);
    node.put("TableId", table.id);
    if (table.lastPayPerRequest != null) {
      // DynamoDB describes the billing mode of a table only once it has been on demand
      node.putObject("BillingModeSummary").put("BillingMode", table.billingMode)
          .put("LastUpdateToPayPerRequestDateTime", table.lastPayPerRequest.toEpochMilli() / 1000.0);
    }
    ArrayNode locals = Json.object().arrayNode();
    ArrayNode globals = Json.object().arrayNode();
    for (SecondaryIndex index : table.indexes.values()) {
      ObjectNode description = (index.global ? globals : locals).addObject();
      description.put("IndexName", index.name);
      description.set("KeySchema", keySchema(index.key));
      ObjectNode projection = description.putObject("Projection").put("ProjectionType", index.projectionType);
      if (!index.nonKeyAttributes.isEmpty()) {
        ArrayNode nonKey = projection.putArray("NonKeyAttributes");
        index.nonKeyAttributes.forEach(nonKey::add);
      }
      if (index.global) {
        // Backfilling is described only while an index added by UpdateTable is being filled, never here
        description.put("IndexStatus", "ACTIVE");
        description.set("ProvisionedThroughput", throughput(index.readCapacity, index.writeCapacity));
      }
      long size = 0;
      for (var partition : index.entries.partitions().values()) {
        for (Map<String, Value> entry : partition.values()) {
          size += ItemSize.of(entry);
        }
      }
      description.put("IndexSizeBytes", size);
      description.put("ItemCount", index.entries.count());
      description.put("IndexArn", index.arn);
    }
    if (!locals.isEmpty()) {
      node.set("LocalSecondaryIndexes", locals);
    }
    if (!globals.isEmpty()) {
      node.set("GlobalSecondaryIndexes", globals);
    }
    if (table.stream != null) {
      ObjectNode specification = node.putObject("StreamSpecification").put("StreamEnabled", table.stream.enabled);
      if (table.stream.enabled) {
        specification.put("StreamViewType", table.stream.viewType);
      }
      node.put("LatestStreamLabel", table.stream.label);
      node.put("LatestStreamArn", table.stream.arn);
    }
    node.put("DeletionProtectionEnabled", table.deletionProtection);
    return node;
  }

  private static ObjectNode throughput(long read, long write) {
    ObjectNode node = Json.object();
    node.put("NumberOfDecreasesToday", 0);
    node.put("ReadCapacityUnits", read);
    node.put("WriteCapacityUnits", write);
    return node;
  }

  private static ArrayNode keySchema(KeySchema key) {
    ArrayNode schema = Json.object().arrayNode();
    schema.addObject().put("AttributeName", key.partitionKey()).put("KeyType", "HASH");
    if (key.hasSortKey()) {
      schema.addObject().put("AttributeName", key.sortKey()).put("KeyType", "RANGE");
    }
    return schema;
  }
}
