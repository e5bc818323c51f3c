package dev.monotable.processor.generate;

import dev.monotable.processor.model.AttributeType;
import dev.monotable.processor.model.IndexModel;
import dev.monotable.processor.model.TableLayout;
import dev.monotable.processor.model.TableModel;
import dev.monotable.processor.model.Throughput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes {@code META-INF/monotable/<TableName>.json} to the class output: the table's CreateTable
 * input in the DynamoDB API's JSON shape, for infrastructure code to read.
 */
public final class TableDescriptionWriter {
  private final Filer filer;

  public TableDescriptionWriter(Filer filer) {
    this.filer = filer;
  }

  public void write(TableGenerator.Input input, List<? extends Element> originating) {
    String json = json(input);
    try {
      FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "",
          "META-INF/monotable/" + input.table().name() + ".json", originating.toArray(new Element[0]));
      try (Writer writer = file.openWriter()) {
        writer.write(json);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String json(TableGenerator.Input input) {
    TableModel table = input.table();
    Map<String, AttributeType> definitions = TableLayout.attributeDefinitions(table, input.entities());
    List<String> attributes = new ArrayList<>();
    definitions.forEach((name, type) -> attributes.add(
        "{\"AttributeName\": " + quote(name) + ", \"AttributeType\": " + quote(type.name()) + "}"));
    StringBuilder json = new StringBuilder("{\n");
    json.append("  \"TableName\": ").append(quote(table.name())).append(",\n");
    json.append("  \"KeySchema\": ").append(keySchema(table.partitionKey(), table.sortKey())).append(",\n");
    json.append("  \"AttributeDefinitions\": [\n    ").append(String.join(",\n    ", attributes)).append("\n  ],\n");
    appendIndexes(json, "GlobalSecondaryIndexes", table.indexes(IndexModel.Kind.GLOBAL), table.provisioned());
    appendIndexes(json, "LocalSecondaryIndexes", table.indexes(IndexModel.Kind.LOCAL), false);
    if (table.hasStream()) {
      json.append("  \"StreamSpecification\": {\"StreamEnabled\": true, \"StreamViewType\": ")
          .append(quote(table.stream())).append("},\n");
    }
    if (table.deletionProtection()) {
      json.append("  \"DeletionProtectionEnabled\": true,\n");
    }
    if (table.provisioned()) {
      json.append("  \"BillingMode\": \"PROVISIONED\",\n");
      json.append("  \"ProvisionedThroughput\": ").append(throughput(table.throughput())).append("\n}\n");
    } else {
      json.append("  \"BillingMode\": \"PAY_PER_REQUEST\"\n}\n");
    }
    return json.toString();
  }

  /** The indexes of one kind; global indexes of a provisioned table with their capacity units. */
  private static void appendIndexes(StringBuilder json, String name, List<IndexModel> indexes, boolean provisioned) {
    if (indexes.isEmpty()) {
      return;
    }
    List<String> entries = new ArrayList<>();
    for (IndexModel index : indexes) {
      StringBuilder projection = new StringBuilder("{\"ProjectionType\": ").append(quote(index.projection().name()));
      if (!index.nonKeyAttributes().isEmpty()) {
        projection.append(", \"NonKeyAttributes\": [")
            .append(String.join(", ", index.nonKeyAttributes().stream().map(TableDescriptionWriter::quote).toList()))
            .append("]");
      }
      projection.append("}");
      entries.add("{\"IndexName\": " + quote(index.name()) + ", \"KeySchema\": "
          + keySchema(index.partitionKey(), index.sortKey()) + ", \"Projection\": " + projection
          + (provisioned ? ", \"ProvisionedThroughput\": " + throughput(index.throughput()) : "") + "}");
    }
    json.append("  \"").append(name).append("\": [\n    ").append(String.join(",\n    ", entries)).append("\n  ],\n");
  }

  private static String throughput(Throughput throughput) {
    return "{\"ReadCapacityUnits\": " + throughput.read() + ", \"WriteCapacityUnits\": " + throughput.write() + "}";
  }

  private static String keySchema(String partitionKey, String sortKey) {
    String hash = "{\"AttributeName\": " + quote(partitionKey) + ", \"KeyType\": \"HASH\"}";
    return sortKey.isEmpty() ? "[" + hash + "]"
        : "[" + hash + ", {\"AttributeName\": " + quote(sortKey) + ", \"KeyType\": \"RANGE\"}]";
  }

  /** {@code text} as a JSON string literal; the design report (package {@code report}) writes its JSON with it too. */
  public static String quote(String text) {
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        case '\n' -> quoted.append("\\n");
        case '\r' -> quoted.append("\\r");
        case '\t' -> quoted.append("\\t");
        default -> {
          if (c < 0x20) {
            quoted.append(String.format("\\u%04x", (int) c));
          } else {
            quoted.append(c);
          }
        }
      }
    }
    return quoted.append('"').toString();
  }
}
