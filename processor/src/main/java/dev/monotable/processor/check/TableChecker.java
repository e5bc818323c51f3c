package dev.monotable.processor.check;

import dev.monotable.processor.diag.Message;
import dev.monotable.processor.model.IndexModel;
import dev.monotable.processor.model.Naming;
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
    TableModel.Sources at = table.sources();
    Report report = Report.about(at.element());
    String name = table.type().simpleName();
    if (!table.onInterface()) {
      report.add(Message.TABLE_NOT_INTERFACE, name, table.declaredKind(), name);
    }
    if (!TABLE_NAME.matcher(table.name()).matches()) {
      report.on(at.name()).add(Message.TABLE_NAME, table.name());
    }
    if (table.partitionKey().isEmpty()) {
      report.on(at.partitionKey()).add(Message.TABLE_KEY_NAME, name);
    }
    checkKeyNameLength(table, table.partitionKey(), "the partition key", at.partitionKey(), report);
    checkKeyNameLength(table, table.sortKey(), "the sort key", at.sortKey(), report);
    if (table.hasSortKey() && table.sortKey().equals(table.partitionKey())) {
      report.on(at.sortKey()).add(Message.TABLE_SORT_KEY_IS_PARTITION_KEY, table.sortKey(), name);
    }
    if (table.delimiter().isEmpty()) {
      report.on(at.delimiter()).add(Message.TABLE_DELIMITER_EMPTY, name);
    } else if (table.delimiter().length() != 1) {
      // "a:" + "::" + "b" and "a" + "::" + ":b" are one key: only a single character splits keys unambiguously
      report.on(at.delimiter()).add(Message.TABLE_DELIMITER_LENGTH, Report.excerpt(table.delimiter()), name,
          table.delimiter().length());
    } else if (table.delimiter().contains("<") || table.delimiter().contains(">")) {
      report.on(at.delimiter()).add(Message.TABLE_DELIMITER_MARKS_PLACEHOLDERS, name);
    }
    // an empty typeAttribute is a table of one entity type: DesignChecker refuses a second one
    if (table.hasTypeAttribute()
        && (table.typeAttribute().equals(table.partitionKey()) || table.typeAttribute().equals(table.sortKey()))) {
      report.on(at.typeAttribute()).add(Message.TABLE_TYPE_ATTRIBUTE_IS_KEY, table.typeAttribute(), name);
    }

    if (!table.stream().equals("NONE") && !TableModel.STREAM_VIEWS.contains(table.stream())) {
      report.on(at.stream()).add(Message.TABLE_STREAM_UNKNOWN, table.stream(), name);
    } else if (table.stream().equals("KEYS_ONLY")) {
      report.on(at.stream()).add(Message.TABLE_STREAM_KEYS_ONLY, name);
    }
    boolean billingKnown = TableModel.BILLING_MODES.contains(table.billingMode());
    if (!billingKnown) {
      report.on(at.billingMode()).add(Message.TABLE_BILLING_UNKNOWN, table.billingMode(), name);
    } else if (table.provisioned()) {
      checkProvisionedUnits(table.throughput().read(), "read", at.read(), report, name);
      checkProvisionedUnits(table.throughput().write(), "write", at.write(), report, name);
    } else {
      checkNoUnits(table.throughput().read(), "read", at.read(), report, name);
      checkNoUnits(table.throughput().write(), "write", at.write(), report, name);
    }

    List<IndexModel> globals = table.indexes(IndexModel.Kind.GLOBAL);
    List<IndexModel> locals = table.indexes(IndexModel.Kind.LOCAL);
    if (globals.size() > MAX_GLOBAL_INDEXES) {
      report.on(at.globalIndexes()).add(Message.INDEX_LIMIT_GLOBAL, name, globals.size(), MAX_GLOBAL_INDEXES);
    }
    if (locals.size() > MAX_LOCAL_INDEXES) {
      report.on(at.localIndexes()).add(Message.INDEX_LIMIT_LOCAL, name, locals.size(), MAX_LOCAL_INDEXES);
    }
    Set<String> names = new HashSet<>();
    for (IndexModel index : table.indexes()) {
      if (!names.add(index.name())) {
        report.on(index.nameSource()).add(Message.INDEX_DUPLICATE, name, index.name());
      }
      checkIndex(table, index, report);
      if (billingKnown && index.kind() == IndexModel.Kind.GLOBAL) {
        checkIndexUnits(table, index, report);
      }
    }
    checkIndexMemberNames(table, report);
    return report;
  }

  /** What each entity's keys class declares for its primary key, which no index's builders may take. */
  private static final Set<String> PRIMARY_KEY_MEMBERS = Set.of("partitionKey", "partitionKeys", "sortKey",
      "primaryKey", "primaryKeyFields", "shard", "PARTITION_KEY", "SORT_KEY");

  /** The constants of the generated table class besides its indexes', which no index's constant may take. */
  private static final Set<String> TABLE_CONSTANTS = Set.of("PRIMARY_KEY", "DEFAULT_NAME");

  /**
   * The generated key builders of an index are named after it ({@code GSI1} gives {@code
   * gsi1PartitionKey(..)} and {@code GSI1_PARTITION_KEY}): two indexes whose names give one Java name
   * ({@code GSI1} and {@code gsi1}, {@code by-day} and {@code by_day}), or an index named like a
   * primary-key builder ({@code primary} gives {@code primaryKey(..)}), would declare a member twice.
   */
  private static void checkIndexMemberNames(TableModel table, Report report) {
    Map<String, IndexModel> owners = new LinkedHashMap<>();
    Set<String> names = new HashSet<>();
    for (IndexModel index : table.indexes()) {
      if (index.name().isEmpty() || !names.add(index.name())) {
        continue; // reported as a definition or a duplicate
      }
      for (String member : indexMembers(index.name())) {
        if (TABLE_CONSTANTS.contains(member)) {
          report.on(index.nameSource()).add(Message.INDEX_CONSTANT_TAKEN, index.name(), table.type().simpleName(),
              member);
          break;
        }
        if (PRIMARY_KEY_MEMBERS.contains(member)) {
          report.on(index.nameSource()).add(Message.INDEX_MEMBER_TAKEN, index.name(), table.type().simpleName(),
              member);
          break;
        }
        IndexModel other = owners.putIfAbsent(member, index);
        if (other != null && other != index) {
          report.on(index.nameSource()).add(Message.INDEX_MEMBER_CLASH, other.name(), index.name(),
              table.type().simpleName(), member);
          break;
        }
      }
    }
  }

  /** The members the generated table, keys and schema classes declare for an index's keys. */
  private static List<String> indexMembers(String index) {
    String method = Naming.indexMethodPrefix(index);
    String constant = Naming.constant(index);
    return List.of(method + "PartitionKey", method + "PartitionKeys", method + "SortKey", method + "Key",
        method + "PartitionKeyFrom", method + "SortKeyFrom", constant + "_PARTITION_KEY", constant + "_SORT_KEY", constant);
  }

  /** A provisioned table's {@code read} or {@code write}: at least one unit, as DynamoDB requires. */
  private static void checkProvisionedUnits(long units, String attribute, SourceRef at, Report report, String table) {
    if (units < 1) {
      report.on(at).add(Message.TABLE_BILLING_PROVISIONED_UNITS, table, attribute, units);
    }
  }

  /** An on-demand table's {@code read} or {@code write}: none, since DynamoDB refuses throughput there. */
  private static void checkNoUnits(long units, String attribute, SourceRef at, Report report, String table) {
    if (units != 0) {
      report.on(at).add(Message.TABLE_BILLING_ON_DEMAND_UNITS, table, attribute, units);
    }
  }

  /**
   * A global index's units follow the table's mode: at least one of each on a provisioned table,
   * none on an on-demand one. A value not written is reported on the index annotation.
   */
  private static void checkIndexUnits(TableModel table, IndexModel index, Report report) {
    checkIndexUnits(table, index, index.throughput().read(), "read", index.readSource(), report);
    checkIndexUnits(table, index, index.throughput().write(), "write", index.writeSource(), report);
  }

  private static void checkIndexUnits(
      TableModel table, IndexModel index, long units, String attribute, SourceRef at, Report report) {
    String name = table.type().simpleName();
    if (table.provisioned() && units < 1) {
      report.on(at).add(Message.INDEX_BILLING_PROVISIONED_UNITS, index.name(), name, attribute, units);
    } else if (!table.provisioned() && units != 0) {
      report.on(at).add(Message.INDEX_BILLING_ON_DEMAND_UNITS, index.name(), name, attribute, units);
    }
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
          reports.computeIfAbsent(reported, t -> Report.about(t.sources().element())).on(reported.sources().name())
              .add(Message.TABLE_DUPLICATE, first.type(), second.type(), first.name());
        }
      }
    }
    return reports;
  }

  private static void checkKeyNameLength(TableModel table, String attribute, String role, SourceRef at, Report report) {
    int bytes = attribute.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_KEY_ATTRIBUTE_NAME_BYTES) {
      report.on(at).add(Message.TABLE_KEY_NAME_LENGTH, Report.excerpt(attribute), role, table.type().simpleName(),
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
      report.on(index.nameSource()).add(Message.INDEX_NAME, index.name(), name);
    }
    if (index.kind() == IndexModel.Kind.LOCAL) {
      if (!table.hasSortKey()) {
        report.on(index.source()).add(Message.INDEX_LOCAL_WITHOUT_SORT_KEY, name, index.name());
      }
      if (index.sortKey().isEmpty()) {
        report.on(index.source()).add(Message.INDEX_SORT_KEY_EMPTY, index.name(), name);
      } else if (index.sortKey().equals(table.sortKey())) {
        report.on(index.source()).add(Message.INDEX_SORT_KEY_IS_TABLE_SORT_KEY, index.name(), name, table.sortKey());
      }
    } else if (index.partitionKey().isEmpty()) {
      report.on(index.source()).add(Message.INDEX_PARTITION_KEY_EMPTY, index.name(), name);
    }
    if (index.projection() == IndexModel.Projection.INCLUDE && index.nonKeyAttributes().isEmpty()) {
      report.on(index.projectionSource()).add(Message.INDEX_INCLUDE_WITHOUT_ATTRIBUTES, index.name(), name);
    }
    if (index.projection() != IndexModel.Projection.INCLUDE && !index.nonKeyAttributes().isEmpty()) {
      report.on(index.source()).add(Message.INDEX_ATTRIBUTES_WITHOUT_INCLUDE, index.name(), name);
    }
    if (index.sortKey().equals(index.partitionKey()) && !index.sortKey().isEmpty()) {
      report.on(index.source()).add(Message.INDEX_KEYS_SAME_ATTRIBUTE, index.name(), name, index.sortKey());
    }
  }
}
