package dev.monotable.local;

import dev.monotable.local.value.Value;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The items of a table or the entries of an index: partitions in scan order, each sorted by
 * {@link RowKey}. Not thread-safe; the engine serializes access.
 */
final class ItemStore {
  /** The partitions in scan order: the key's placement digest, computed once when a partition appears. */
  private final TreeMap<PartitionToken, TreeMap<RowKey, Map<String, Value>>> partitions = new TreeMap<>();
  /** The same partitions by their key, for the reads and writes that name it: no digest on their way. */
  private final HashMap<Value, TreeMap<RowKey, Map<String, Value>>> byKey = new HashMap<>();
  private int count;

  Map<String, Value> get(Value partitionKey, RowKey row) {
    TreeMap<RowKey, Map<String, Value>> partition = byKey.get(partitionKey);
    return partition == null ? null : partition.get(row);
  }

  /** Stores {@code item}; returns what it replaced, or null. */
  Map<String, Value> put(Value partitionKey, RowKey row, Map<String, Value> item) {
    TreeMap<RowKey, Map<String, Value>> partition = byKey.get(partitionKey);
    if (partition == null) {
      partition = new TreeMap<>();
      byKey.put(partitionKey, partition);
      partitions.put(PartitionToken.of(partitionKey), partition);
    }
    Map<String, Value> old = partition.put(row, item);
    if (old == null) {
      count++;
    }
    return old;
  }

  /** Removes an item; returns it, or null when there was none. */
  Map<String, Value> remove(Value partitionKey, RowKey row) {
    TreeMap<RowKey, Map<String, Value>> partition = byKey.get(partitionKey);
    if (partition == null) {
      return null;
    }
    Map<String, Value> old = partition.remove(row);
    if (old != null) {
      count--;
      if (partition.isEmpty()) {
        byKey.remove(partitionKey);
        partitions.remove(PartitionToken.of(partitionKey));
      }
    }
    return old;
  }

  /** One partition in sort order; empty when it has no items. */
  NavigableMap<RowKey, Map<String, Value>> partition(Value partitionKey) {
    TreeMap<RowKey, Map<String, Value>> partition = byKey.get(partitionKey);
    return partition == null ? Collections.emptyNavigableMap() : partition;
  }

  /** Every partition in scan order. */
  NavigableMap<PartitionToken, TreeMap<RowKey, Map<String, Value>>> partitions() {
    return partitions;
  }

  int count() {
    return count;
  }

  void clear() {
    partitions.clear();
    byKey.clear();
    count = 0;
  }
}
