package dev.monotable.local;

import dev.monotable.local.value.DynamoError;
import dev.monotable.local.value.ItemSize;
import dev.monotable.local.value.StoredItem;
import dev.monotable.local.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A global or local secondary index: entries for the items that have its key attributes (sparse),
 * holding the projected attributes, in partitions of the index key.
 */
final class SecondaryIndex {
  final String name;
  final boolean global;
  final KeySchema key;
  final KeySchema tableKey;
  final String projectionType;
  final List<String> nonKeyAttributes;
  final String arn;
  long readCapacity;
  long writeCapacity;
  final ItemStore entries = new ItemStore();

  SecondaryIndex(String name, boolean global, KeySchema key, KeySchema tableKey, String projectionType,
      List<String> nonKeyAttributes, String arn) {
    this.name = name;
    this.global = global;
    this.key = key;
    this.tableKey = tableKey;
    this.projectionType = projectionType;
    this.nonKeyAttributes = List.copyOf(nonKeyAttributes);
    this.arn = arn;
  }

  /** Refuses an item whose index key attributes have the wrong type or are empty, as DynamoDB does. */
  void checkItem(Map<String, Value> item) {
    checkAttribute(item, key.partitionKey(), key.partitionType());
    checkSize(item, key.partitionKey(), KeySchema.PARTITION_KEY_LIMIT);
    if (key.hasSortKey()) {
      checkAttribute(item, key.sortKey(), key.sortType());
      checkSize(item, key.sortKey(), KeySchema.SORT_KEY_LIMIT);
    }
  }

  /** An index key attribute is a key: at most 2048 bytes for a partition key, 1024 for a sort key. */
  private void checkSize(Map<String, Value> item, String attribute, int limit) {
    Value value = item.get(attribute);
    if (value == null || tableKey.isKeyAttribute(attribute)) {
      return;
    }
    int size = value instanceof Value.S s ? Value.utf8Length(s.value())
        : value instanceof Value.B b ? b.value().length() : 0;
    if (size > limit) {
      // DynamoDB's wording, as it answers for a global index key over its limit
      throw DynamoError.validation("One or more parameter values were invalid: Size limit exceeded for Index Key "
          + attribute + " Actual Size: " + size + " bytes Max Size: " + limit + " bytes IndexName: " + name);
    }
  }

  private void checkAttribute(Map<String, Value> item, String attribute, String type) {
    Value value = item.get(attribute);
    if (value == null || tableKey.isKeyAttribute(attribute)) {
      return;
    }
    if (!value.type().equals(type)) {
      throw DynamoError.validation("One or more parameter values were invalid: Type mismatch for Index Key " + attribute
          + " Expected: " + type + " Actual: " + value.type() + " IndexName: " + name);
    }
    if ((value instanceof Value.S s && s.value().isEmpty()) || (value instanceof Value.B b && b.value().length() == 0)) {
      throw DynamoError.validation("One or more parameter values are not valid. A value specified for a secondary index key "
          + "is not supported. The AttributeValue for a key attribute cannot contain an empty "
          + (value instanceof Value.S ? "string" : "binary") + " value. IndexName: " + name + ", IndexKey: " + attribute);
    }
  }

  /** The index entry of {@code item}, or null when the item is not in this index. */
  Map<String, Value> entryOf(Map<String, Value> item) {
    if (item == null) {
      return null;
    }
    Value partition = item.get(key.partitionKey());
    if (partition == null || !partition.type().equals(key.partitionType())) {
      return null;
    }
    if (key.hasSortKey()) {
      Value sort = item.get(key.sortKey());
      if (sort == null || !sort.type().equals(key.sortType())) {
        return null;
      }
    }
    if (projectionType.equals("ALL")) {
      return item;
    }
    Map<String, Value> entry = new LinkedHashMap<>();
    for (Map.Entry<String, Value> attribute : item.entrySet()) {
      String n = attribute.getKey();
      if (tableKey.isKeyAttribute(n) || key.isKeyAttribute(n)
          || (projectionType.equals("INCLUDE") && nonKeyAttributes.contains(n))) {
        entry.put(n, attribute.getValue());
      }
    }
    return entry;
  }

  /** Whether an attribute is held by this index's entries. */
  boolean projects(String attribute) {
    return projectionType.equals("ALL") || tableKey.isKeyAttribute(attribute) || key.isKeyAttribute(attribute)
        || nonKeyAttributes.contains(attribute);
  }

  RowKey rowKey(Map<String, Value> entry) {
    Value tablePartition = entry.get(tableKey.partitionKey());
    Value tableSort = tableKey.hasSortKey() ? entry.get(tableKey.sortKey()) : null;
    if (global) {
      // DynamoDB orders a global index's entries of equal index keys by a hash of the table's key
      Value placement = TablePlacement.of(tablePartition, tableSort);
      Value indexSort = key.hasSortKey() ? entry.get(key.sortKey()) : null;
      List<Value> parts = new ArrayList<>();
      if (indexSort != null) {
        parts.add(indexSort);
      }
      parts.add(placement);
      parts.add(tablePartition);
      if (tableSort != null) {
        parts.add(tableSort);
      }
      return RowKey.of(parts.toArray(Value[]::new));
    }
    if (key.hasSortKey()) {
      return tableSort == null ? RowKey.of(entry.get(key.sortKey()), tablePartition)
          : RowKey.of(entry.get(key.sortKey()), tablePartition, tableSort);
    }
    return tableSort == null ? RowKey.of(tablePartition) : RowKey.of(tablePartition, tableSort);
  }

  /**
   * Moves the index entry from the old item to the new one; returns the write units the index
   * consumed (0 when its entry did not change).
   */
  double replace(Map<String, Value> oldItem, Map<String, Value> newItem) {
    Map<String, Value> oldEntry = entryOf(oldItem);
    Map<String, Value> newEntry = entryOf(newItem);
    if (oldEntry == null && newEntry == null) {
      return 0;
    }
    if (oldEntry != null && oldEntry.equals(newEntry)) {
      return 0;
    }
    double units = 0;
    if (oldEntry != null) {
      entries.remove(oldEntry.get(key.partitionKey()), rowKey(oldEntry));
      boolean sameKey = newEntry != null && key.keyOf(oldEntry).equals(key.keyOf(newEntry));
      if (!sameKey) {
        units += Capacity.writeUnits(ItemSize.of(oldEntry));
      }
    }
    if (newEntry != null) {
      entries.put(newEntry.get(key.partitionKey()), rowKey(newEntry), StoredItem.of(newEntry));
      units += Capacity.writeUnits(ItemSize.of(newEntry));
    }
    return units;
  }
}
