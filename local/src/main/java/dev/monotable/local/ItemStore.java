package dev.monotable.local;

import dev.monotable.local.value.Value;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The items of a table or the entries of an index: partitions in scan order, each sorted by
 * {@link RowKey}. Not thread-safe; the engine serializes access.
 */
final class ItemStore {
  private final TreeMap<PartitionToken, TreeMap<RowKey, Map<String, Value>>> partitions = new TreeMap<>();
  private int count;

  Map<String, Value> get(Value partitionKey, RowKey row) {
    TreeMap<RowKey, Map<String, Value>> partition = partitions.get(PartitionToken.of(partitionKey));
    return partition == null ? null : partition.get(row);
  }

  /** Stores {@code item}; returns what it replaced, or null. */
  Map<String, Value> put(Value partitionKey, RowKey row, Map<String, Value> item) {
    Map<String, Value> old = partitions.computeIfAbsent(PartitionToken.of(partitionKey), token -> new TreeMap<>()).put(row, item);
    if (old == null) {
      count++;
    }
    return old;
  }

  /** Removes an item; returns it, or null when there was none. */
  Map<String, Value> remove(Value partitionKey, RowKey row) {
    PartitionToken token = PartitionToken.of(partitionKey);
    TreeMap<RowKey, Map<String, Value>> partition = partitions.get(token);
    if (partition == null) {
      return null;
    }
    Map<String, Value> old = partition.remove(row);
    if (old != null) {
      count--;
      if (partition.isEmpty()) {
        partitions.remove(token);
      }
    }
    return old;
  }

  /** One partition in sort order; empty when it has no items. */
  NavigableMap<RowKey, Map<String, Value>> partition(Value partitionKey) {
    TreeMap<RowKey, Map<String, Value>> partition = partitions.get(PartitionToken.of(partitionKey));
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
    count = 0;
  }
}
