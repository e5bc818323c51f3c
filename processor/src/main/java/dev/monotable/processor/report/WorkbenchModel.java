package dev.monotable.processor.report;

import dev.monotable.processor.model.AttributeType;
import dev.monotable.processor.model.EntityModel;
import dev.monotable.processor.model.FieldModel;
import dev.monotable.processor.model.IndexBinding;
import dev.monotable.processor.model.IndexModel;
import dev.monotable.processor.model.TableLayout;
import dev.monotable.processor.model.TableModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code <Table>.workbench.json}: the table as a NoSQL Workbench for DynamoDB data model, to import
 * with "Import data model". The shape is Workbench's own model file: {@code ModelName},
 * {@code ModelMetadata} and one {@code DataModel} entry for the table with {@code KeyAttributes},
 * the table's {@code NonKeyAttributes} (name and type), one {@code TableFacets} entry per entity
 * (a facet's {@code NonKeyAttributes} must name attributes the table defines), the
 * {@code GlobalSecondaryIndexes}, one example item per entity in {@code TableData}, and billing.
 * Workbench models no local indexes; the CloudFormation template has them.
 */
final class WorkbenchModel {
  private WorkbenchModel() {}

  static String render(DesignReport report) {
    TableModel table = report.table();
    Map<String, AttributeType> keyTypes = TableLayout.attributeDefinitions(table, report.entities());

    Map<String, Object> keyAttributes = new LinkedHashMap<>();
    keyAttributes.put("PartitionKey", attribute(table.partitionKey(), keyTypes.get(table.partitionKey()).name()));
    if (table.hasSortKey()) {
      keyAttributes.put("SortKey", attribute(table.sortKey(), keyTypes.get(table.sortKey()).name()));
    }

    // every attribute an item can hold besides the table's keys: index keys, type, then fields
    Map<String, String> nonKey = new LinkedHashMap<>();
    keyTypes.forEach((name, type) -> {
      if (!name.equals(table.partitionKey()) && !name.equals(table.sortKey())) {
        nonKey.put(name, type.name());
      }
    });
    if (table.hasTypeAttribute()) {
      nonKey.putIfAbsent(table.typeAttribute(), "S");
    }
    for (EntityModel entity : report.entities()) {
      for (FieldModel field : entity.storedFields()) {
        if (!field.attributeName().equals(table.partitionKey()) && !field.attributeName().equals(table.sortKey())) {
          nonKey.putIfAbsent(field.attributeName(), ExampleValues.attributeType(field));
        }
      }
    }
    List<Object> nonKeyAttributes = new ArrayList<>();
    nonKey.forEach((name, type) -> nonKeyAttributes.add(attribute(name, type)));

    List<Object> facets = new ArrayList<>();
    List<Object> items = new ArrayList<>();
    for (EntityModel entity : report.entities()) {
      facets.add(facet(table, entity));
      items.add(exampleItem(table, entity));
    }

    List<Object> globals = new ArrayList<>();
    for (IndexModel index : table.indexes(IndexModel.Kind.GLOBAL)) {
      Map<String, Object> indexKeys = new LinkedHashMap<>();
      indexKeys.put("PartitionKey", attribute(index.partitionKey(), keyTypes.get(index.partitionKey()).name()));
      if (index.hasSortKey()) {
        indexKeys.put("SortKey", attribute(index.sortKey(), keyTypes.get(index.sortKey()).name()));
      }
      Map<String, Object> projection = new LinkedHashMap<>();
      projection.put("ProjectionType", index.projection().name());
      if (!index.nonKeyAttributes().isEmpty()) {
        projection.put("NonKeyAttributes", index.nonKeyAttributes());
      }
      Map<String, Object> global = new LinkedHashMap<>();
      global.put("IndexName", index.name());
      global.put("KeyAttributes", indexKeys);
      global.put("Projection", projection);
      globals.add(global);
    }

    Map<String, Object> dataModel = new LinkedHashMap<>();
    dataModel.put("TableName", table.name());
    dataModel.put("KeyAttributes", keyAttributes);
    dataModel.put("NonKeyAttributes", nonKeyAttributes);
    dataModel.put("TableFacets", facets);
    dataModel.put("GlobalSecondaryIndexes", globals);
    dataModel.put("TableData", items);
    dataModel.put("DataAccess", Map.of("MySql", Map.of()));
    if (table.provisioned()) {
      dataModel.put("BillingMode", "PROVISIONED");
      Map<String, Object> throughput = new LinkedHashMap<>();
      throughput.put("ReadCapacityUnits", table.throughput().read());
      throughput.put("WriteCapacityUnits", table.throughput().write());
      dataModel.put("ProvisionedCapacitySettings", Map.of("ProvisionedThroughput", throughput));
    } else {
      dataModel.put("BillingMode", "PAY_PER_REQUEST");
    }

    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("Author", "Monotable");
    metadata.put("Description", "Table " + table.name() + " as declared by " + table.type().canonicalName()
        + ": one facet per entity type.");
    metadata.put("AWSService", "Amazon DynamoDB");
    metadata.put("Version", "3.0");

    Map<String, Object> model = new LinkedHashMap<>();
    model.put("ModelName", table.name());
    model.put("ModelMetadata", metadata);
    model.put("DataModel", List.of(dataModel));
    return Json.write(model);
  }

  /** One entity as a facet: its key templates as the key aliases, its stored fields as attributes. */
  private static Map<String, Object> facet(TableModel table, EntityModel entity) {
    Map<String, Object> aliases = new LinkedHashMap<>();
    aliases.put("PartitionKeyAlias", alias(entity.tablePartitionKey(table), table.partitionKey()));
    if (table.hasSortKey()) {
      aliases.put("SortKeyAlias", alias(entity.tableSortKey(table), table.sortKey()));
    }
    List<String> attributes = new ArrayList<>();
    if (table.hasTypeAttribute()) {
      attributes.add(table.typeAttribute());
    }
    for (IndexModel index : table.indexes()) {
      IndexBinding binding = entity.bindingFor(table, index);
      for (IndexBinding.KeyPart part : List.of(binding.partitionKey(), binding.sortKey())) {
        if (part instanceof IndexBinding.Template template && !attributes.contains(template.attribute())) {
          attributes.add(template.attribute());
        }
      }
    }
    for (FieldModel field : entity.storedFields()) {
      String name = field.attributeName();
      if (!name.equals(table.partitionKey()) && !name.equals(table.sortKey()) && !attributes.contains(name)) {
        attributes.add(name);
      }
    }
    Map<String, Object> facet = new LinkedHashMap<>();
    facet.put("FacetName", entity.type().simpleName());
    facet.put("KeyAttributeAlias", aliases);
    facet.put("TableData", List.of());
    facet.put("NonKeyAttributes", attributes);
    facet.put("DataAccess", Map.of("MySql", Map.of()));
    return facet;
  }

  private static String alias(IndexBinding.KeyPart part, String attribute) {
    if (part instanceof IndexBinding.Template template) {
      return template.template().text();
    }
    if (part instanceof IndexBinding.Raw raw) {
      return raw.field().name();
    }
    return attribute;
  }

  /** One example item of the entity, in DynamoDB JSON: keys from the templates, fields from sample values. */
  private static Map<String, Object> exampleItem(TableModel table, EntityModel entity) {
    Map<String, Object> item = new LinkedHashMap<>();
    keyValue(item, entity.tablePartitionKey(table), entity);
    keyValue(item, entity.tableSortKey(table), entity);
    if (table.hasTypeAttribute()) {
      item.put(table.typeAttribute(), Map.of("S", entity.typeName()));
    }
    for (IndexModel index : table.indexes()) {
      IndexBinding binding = entity.bindingFor(table, index);
      if (binding.complete()) {
        keyValue(item, binding.partitionKey(), entity);
        keyValue(item, binding.sortKey(), entity);
      }
    }
    for (FieldModel field : entity.storedFields()) {
      item.putIfAbsent(field.attributeName(), ExampleValues.attributeValue(field, entity));
    }
    return item;
  }

  private static void keyValue(Map<String, Object> item, IndexBinding.KeyPart part, EntityModel entity) {
    if (part instanceof IndexBinding.Template template) {
      item.put(template.attribute(), Map.of("S", ExampleValues.key(template.template(), entity)));
    } else if (part instanceof IndexBinding.Raw raw) {
      item.put(raw.attribute(), ExampleValues.attributeValue(raw.field(), entity));
    }
  }

  private static Map<String, Object> attribute(String name, String type) {
    Map<String, Object> attribute = new LinkedHashMap<>();
    attribute.put("AttributeName", name);
    attribute.put("AttributeType", type);
    return attribute;
  }
}
