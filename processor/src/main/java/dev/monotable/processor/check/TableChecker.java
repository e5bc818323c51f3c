package dev.monotable.processor.check;

import dev.monotable.processor.diag.Message;
import dev.monotable.processor.model.IndexModel;
import dev.monotable.processor.model.SourceRef;
import dev.monotable.processor.model.TableModel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Checks a table declaration on its own (names, key attributes, delimiter, index limits and
 * definitions), and the table interfaces of a compilation against each other (table names).
 */
public final class TableChecker {
  static final int MAX_GLOBAL_INDEXES = 20;
  static final int MAX_LOCAL_INDEXES = 5;
  /** DynamoDB's limit on the name of a key attribute of a table or index, in UTF-8 bytes. */
  static final int MAX_KEY_ATTRIBUTE_NAME_BYTES = 255;
  private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");

  public Report check(TableModel table) {
    Report report = new Report();
    TableModel.Sources at = table.sources();
    String name = table.type().simpleName();
    if (!table.onInterface()) {
      report.add(Message.TABLE_NOT_INTERFACE, at.element(), name, table.declaredKind(), name);
    }
    if (!TABLE_NAME.matcher(table.name()).matches()) {
      report.add(Message.TABLE_NAME, at.name(), table.name());
    }
    if (table.partitionKey().isEmpty()) {
      report.add(Message.TABLE_KEY_NAME, at.partitionKey(), "partitionKey", name);
    }
    checkKeyNameLength(table, table.partitionKey(), "the partition key", at.partitionKey(), report);
    checkKeyNameLength(table, table.sortKey(), "the sort key", at.sortKey(), report);
    if (table.hasSortKey() && table.sortKey().equals(table.partitionKey())) {
      report.add(Message.TABLE_SORT_KEY_IS_PARTITION_KEY, at.sortKey(), table.sortKey(), name);
    }
    if (table.delimiter().isEmpty()) {
      report.add(Message.TABLE_DELIMITER, at.delimiter(), name, "is empty");
    } else if (table.delimiter().length() != 1) {
      // "a:" + "::" + "b" and "a" + "::" + ":b" are one key: only a single character splits keys unambiguously
      report.add(Message.TABLE_DELIMITER_LENGTH, at.delimiter(), Report.excerpt(table.delimiter()), name,
          table.delimiter().length());
    } else if (table.delimiter().contains("<") || table.delimiter().contains(">")) {
      report.add(Message.TABLE_DELIMITER, at.delimiter(), name, "contains '<' or '>', which mark placeholders");
    }
    if (table.typeAttribute().isEmpty()) {
      report.add(Message.TABLE_TYPE_ATTRIBUTE, at.typeAttribute(), "", name, "is empty");
    } else if (table.typeAttribute().equals(table.partitionKey()) || table.typeAttribute().equals(table.sortKey())) {
      report.add(Message.TABLE_TYPE_ATTRIBUTE, at.typeAttribute(), table.typeAttribute(), name,
          "is also a key attribute of the table");
    }

    List<IndexModel> globals = table.indexes(IndexModel.Kind.GLOBAL);
    List<IndexModel> locals = table.indexes(IndexModel.Kind.LOCAL);
    if (globals.size() > MAX_GLOBAL_INDEXES) {
      report.add(Message.INDEX_LIMIT, at.globalIndexes(), name, globals.size(), "global", MAX_GLOBAL_INDEXES);
    }
    if (locals.size() > MAX_LOCAL_INDEXES) {
      report.add(Message.INDEX_LIMIT, at.localIndexes(), name, locals.size(), "local", MAX_LOCAL_INDEXES);
    }
    Set<String> names = new HashSet<>();
    for (IndexModel index : table.indexes()) {
      if (!names.add(index.name())) {
        report.add(Message.INDEX_DUPLICATE, index.nameSource(), name, index.name());
      }
      checkIndex(table, index, report);
    }
    return report;
  }

  /**
   * Reports each table interface of {@code current} that declares the table name of another one,
   * of this round or of an earlier round ({@code earlier}): both would describe one DynamoDB table
   * and write one {@code META-INF/monotable/<name>.json}. The reports name both interfaces, and go
   * to both, keyed by table; tables without a finding have no report.
   */
  public Map<TableModel, Report> checkDistinctNames(List<TableModel> current, Collection<TableModel> earlier) {
    Map<String, TableModel> tables = new TreeMap<>();
    earlier.forEach(table -> tables.put(table.type().canonicalName(), table));
    current.forEach(table -> tables.put(table.type().canonicalName(), table));
    Set<String> currentNames = new HashSet<>();
    current.forEach(table -> currentNames.add(table.type().canonicalName()));
    List<TableModel> ordered = new ArrayList<>(tables.values());
    Map<TableModel, Report> reports = new LinkedHashMap<>();
    for (int i = 0; i < ordered.size(); i++) {
      for (int j = i + 1; j < ordered.size(); j++) {
        TableModel first = ordered.get(i);
        TableModel second = ordered.get(j);
        boolean reportedBefore = !currentNames.contains(first.type().canonicalName())
            && !currentNames.contains(second.type().canonicalName());
        if (reportedBefore || !first.name().equals(second.name())) {
          continue;
        }
        for (TableModel reported : List.of(first, second)) {
          reports.computeIfAbsent(reported, t -> new Report()).add(Message.TABLE_DUPLICATE,
              reported.sources().name(), first.type(), second.type(), first.name());
        }
      }
    }
    return reports;
  }

  private static void checkKeyNameLength(TableModel table, String attribute, String role, SourceRef at, Report report) {
    int bytes = attribute.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_KEY_ATTRIBUTE_NAME_BYTES) {
      report.add(Message.TABLE_KEY_NAME_LENGTH, at, Report.excerpt(attribute), role, table.type().simpleName(),
          bytes, MAX_KEY_ATTRIBUTE_NAME_BYTES);
    }
  }

  private void checkIndex(TableModel table, IndexModel index, Report report) {
    String name = table.type().simpleName();
    if (index.kind() == IndexModel.Kind.GLOBAL) {
      checkKeyNameLength(table, index.partitionKey(), "the partition key of index " + index.name(),
          index.partitionKeySource(), report);
    }
    checkKeyNameLength(table, index.sortKey(), "the sort key of index " + index.name(), index.sortKeySource(), report);
    if (index.name().length() < 3 || !TABLE_NAME.matcher(index.name()).matches()) {
      report.add(Message.INDEX_DEFINITION, index.nameSource(), "\"" + index.name() + "\"", name,
          "an index name has 3 to 255 characters of a-z, A-Z, 0-9, '_', '-' and '.'");
    }
    if (index.kind() == IndexModel.Kind.LOCAL) {
      if (!table.hasSortKey()) {
        report.add(Message.INDEX_LOCAL_WITHOUT_SORT_KEY, index.source(), name, index.name());
      }
      if (index.sortKey().isEmpty()) {
        report.add(Message.INDEX_DEFINITION, index.source(), index.name(), name, "sortKey is empty; name the attribute");
      } else if (index.sortKey().equals(table.sortKey())) {
        report.add(Message.INDEX_DEFINITION, index.source(), index.name(), name,
            "its sort key is the table's own sort key \"" + table.sortKey() + "\"; name another attribute");
      }
    } else if (index.partitionKey().isEmpty()) {
      report.add(Message.INDEX_DEFINITION, index.source(), index.name(), name,
          "partitionKey is empty; name the attribute");
    }
    if (index.projection() == IndexModel.Projection.INCLUDE && index.nonKeyAttributes().isEmpty()) {
      report.add(Message.INDEX_DEFINITION, index.projectionSource(), index.name(), name,
          "projection INCLUDE needs nonKeyAttributes; list them or use ALL or KEYS_ONLY");
    }
    if (index.projection() != IndexModel.Projection.INCLUDE && !index.nonKeyAttributes().isEmpty()) {
      report.add(Message.INDEX_DEFINITION, index.source(), index.name(), name,
          "nonKeyAttributes are only used with projection INCLUDE; set projection = Projection.INCLUDE");
    }
    if (index.sortKey().equals(index.partitionKey()) && !index.sortKey().isEmpty()) {
      report.add(Message.INDEX_DEFINITION, index.source(), index.name(), name,
          "the partition and sort key are the same attribute \"" + index.sortKey() + "\"");
    }
  }
}
