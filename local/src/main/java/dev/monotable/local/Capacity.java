package dev.monotable.local;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Capacity consumed by one request, counted as DynamoDB counts it: a read unit per 4 KB read
 * (rounded up, halved when eventually consistent), a write unit per 1 KB written (rounded up),
 * twice that inside transactions, and index writes counted per index.
 */
final class Capacity {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** What the request asked for: NONE, TOTAL or INDEXES. */
  private final String mode;
  private final Map<String, Usage> tables = new LinkedHashMap<>();
  /** Whether each figure also shows its read and write units, as only transactions' do. */
  private boolean readWriteSplit;

  Capacity(String mode) {
    this.mode = mode == null ? "NONE" : mode;
  }

  /**
   * Shows ReadCapacityUnits and WriteCapacityUnits beside CapacityUnits, as DynamoDB does for
   * transactions; single-item operations, batches, queries and scans show CapacityUnits alone.
   */
  Capacity withReadWriteSplit() {
    readWriteSplit = true;
    return this;
  }

  static double writeUnits(int bytes) {
    return Math.max(1, Math.ceil(bytes / 1024.0));
  }

  static double readUnits(int bytes, boolean consistent) {
    double units = Math.max(1, Math.ceil(bytes / 4096.0));
    return consistent ? units : units / 2;
  }

  boolean wanted() {
    return !mode.equals("NONE");
  }

  void read(String table, String index, boolean global, double units) {
    Usage usage = usage(table);
    usage.read += units;
    usage.add(index, global, units, 0);
  }

  void write(String table, String index, boolean global, double units) {
    Usage usage = usage(table);
    usage.write += units;
    usage.add(index, global, 0, units);
  }

  private Usage usage(String table) {
    return tables.computeIfAbsent(table, name -> new Usage());
  }

  /** The ConsumedCapacity of a one-table request, or null when not asked for. */
  ObjectNode single(String table) {
    if (!wanted()) {
      return null;
    }
    return render(table, tables.getOrDefault(table, new Usage()));
  }

  /** The ConsumedCapacity list of a multi-table request, or null when not asked for. */
  ArrayNode list() {
    if (!wanted()) {
      return null;
    }
    ArrayNode list = JSON.arrayNode();
    tables.forEach((table, usage) -> list.add(render(table, usage)));
    return list;
  }

  private ObjectNode render(String table, Usage usage) {
    ObjectNode node = JSON.objectNode();
    node.put("TableName", table);
    units(node, usage.read + usage.write + usage.indexTotal(), usage.read + usage.indexReads(),
        usage.write + usage.indexWrites());
    if (mode.equals("INDEXES")) {
      units(node.putObject("Table"), usage.read + usage.write, usage.read, usage.write);
      if (!usage.global.isEmpty()) {
        ObjectNode global = node.putObject("GlobalSecondaryIndexes");
        usage.global.forEach((name, rw) -> units(global.putObject(name), rw[0] + rw[1], rw[0], rw[1]));
      }
      if (!usage.local.isEmpty()) {
        ObjectNode local = node.putObject("LocalSecondaryIndexes");
        usage.local.forEach((name, rw) -> units(local.putObject(name), rw[0] + rw[1], rw[0], rw[1]));
      }
    }
    return node;
  }

  private void units(ObjectNode node, double total, double read, double write) {
    node.put("CapacityUnits", total);
    if (!readWriteSplit) {
      return;
    }
    if (read > 0) {
      node.put("ReadCapacityUnits", read);
    }
    if (write > 0) {
      node.put("WriteCapacityUnits", write);
    }
  }

  /** Units on the table itself (read, write) and per index ({read, write}). */
  private static final class Usage {
    double read;
    double write;
    final Map<String, double[]> global = new LinkedHashMap<>();
    final Map<String, double[]> local = new LinkedHashMap<>();

    /** Index units; a null index means the table, already counted in read/write. */
    void add(String index, boolean isGlobal, double reads, double writes) {
      if (index == null) {
        return;
      }
      // the caller counted these on the table; move them to the index
      read -= reads;
      write -= writes;
      double[] rw = (isGlobal ? global : local).computeIfAbsent(index, n -> new double[2]);
      rw[0] += reads;
      rw[1] += writes;
    }

    double indexReads() {
      return sum(0);
    }

    double indexWrites() {
      return sum(1);
    }

    double indexTotal() {
      return indexReads() + indexWrites();
    }

    private double sum(int i) {
      double total = 0;
      for (double[] rw : global.values()) {
        total += rw[i];
      }
      for (double[] rw : local.values()) {
        total += rw[i];
      }
      return total;
    }
  }
}
