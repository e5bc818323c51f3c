package dev.monotable.local;

import dev.monotable.local.expression.DocumentPath;
import dev.monotable.local.value.DynamoError;
import dev.monotable.local.value.ItemSize;
import dev.monotable.local.value.StoredItem;
import dev.monotable.local.value.Value;
import dev.monotable.local.value.ValueJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/** One table: its definition, items, secondary indexes, stream and time-to-live setting. */
final class Table {
  static final int ITEM_LIMIT = 400 * 1024;

  /** Held shared to read the table, exclusively to change it ({@link EngineLocks}). */
  final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  final String name;
  final String arn;
  final String id;
  final Instant created;
  final KeySchema key;
  final Map<String, String> attributeTypes = new LinkedHashMap<>();
  final Map<String, SecondaryIndex> indexes = new LinkedHashMap<>();
  final ItemStore items = new ItemStore();
  String billingMode;
  /** When the table was last switched to (or created) on demand; null while it never was. */
  Instant lastPayPerRequest;
  long readCapacity;
  long writeCapacity;
  /** When an UpdateTable last raised (lowered) the table's provisioned throughput; null while none did. */
  Instant lastIncrease;
  Instant lastDecrease;
  /** How many times the throughput was lowered on the UTC day of {@link #lastDecrease}. */
  int decreasesThatDay;
  Stream stream;
  final List<Stream> streams = new ArrayList<>();
  String ttlAttribute;
  boolean ttlEnabled;
  /** When time to live was last turned on or off. */
  Instant ttlChanged;
  boolean deletionProtection;
  /** The table's tags, key to value, in the order first given (TagOperations keeps them within DynamoDB's limits). */
  final Map<String, String> tags = new LinkedHashMap<>();

  Table(String name, String arn, String id, Instant created, KeySchema key) {
    this.name = name;
    this.arn = arn;
    this.id = id;
    this.created = created;
    this.key = key;
  }

  RowKey rowKey(Map<String, Value> item) {
    return key.hasSortKey() ? RowKey.of(item.get(key.sortKey())) : RowKey.EMPTY;
  }

  /** The item with this key (already checked against the schema), or null. */
  Map<String, Value> get(Map<String, Value> itemKey) {
    return items.get(itemKey.get(key.partitionKey()), rowKey(itemKey));
  }

  /** The index called {@code indexName}, or DynamoDB's error for a missing one. */
  SecondaryIndex index(String indexName) {
    SecondaryIndex index = indexes.get(indexName);
    if (index == null) {
      throw DynamoError.validation("The table does not have the specified index: " + indexName);
    }
    return index;
  }

  /**
   * Refuses a projection path that reaches into a key attribute of the table or of one of its
   * indexes ({@code a.b}, {@code a[0]}): key attributes are scalars, so DynamoDB refuses the request.
   */
  void checkProjectedKeys(List<DocumentPath> paths) {
    for (DocumentPath path : paths) {
      if (path.isTopLevel()) {
        continue;
      }
      String name = path.topLevelName();
      String kind = key.isKeyAttribute(name) ? "Key"
          : indexes.values().stream().anyMatch(index -> index.key.isKeyAttribute(name)) ? "IndexKey" : null;
      if (kind != null) {
        throw DynamoError.validation("Key attributes must be scalars; list random access '[]' and map lookup '.' are "
            + "not allowed: " + kind + ": " + name);
      }
    }
  }

  /** Checks an item about to be stored: keys, index keys, size, nesting. */
  void checkItem(Map<String, Value> item) {
    key.checkItem(item);
    for (SecondaryIndex index : indexes.values()) {
      index.checkItem(item);
    }
    if (ItemSize.of(item) > ITEM_LIMIT) {
      throw DynamoError.validation("Item size has exceeded the maximum allowed size");
    }
    // A request's values are checked as they are read; an update can still nest them deeper.
    ValueJson.checkNesting(item);
  }

  /**
   * Replaces the item at {@code itemKey} by {@code newItem} (null deletes it), keeping the indexes
   * and the stream in step. Counts write units into {@code capacity} (times {@code factor}: 2 in
   * transactions). Returns the old item, or null.
   */
  Map<String, Value> write(Map<String, Value> itemKey, Map<String, Value> newItem, Capacity capacity, double factor,
      ChangeLog log, boolean byService) {
    Value partition = itemKey.get(key.partitionKey());
    RowKey row = rowKey(itemKey);
    Map<String, Value> stored = newItem == null ? null : StoredItem.of(newItem);
    Map<String, Value> old = stored == null ? items.remove(partition, row) : items.put(partition, row, stored);
    int size = Math.max(old == null ? 0 : ItemSize.of(old), stored == null ? 0 : ItemSize.of(stored));
    capacity.write(name, null, false, Capacity.writeUnits(size) * factor);
    for (SecondaryIndex index : indexes.values()) {
      double units = index.replace(old, stored);
      if (units > 0) {
        capacity.write(name, index.name, index.global, units * factor);
      }
    }
    if (stream != null && stream.enabled && !(old == null && stored == null) && !(old != null && old.equals(stored))) {
      log.record(stream, key.keyOf(stored != null ? stored : old), old, stored, byService);
    }
    return old;
  }

  /** Size of every item, as DescribeTable reports it. */
  long sizeBytes() {
    long size = 0;
    for (var partition : items.partitions().values()) {
      for (Map<String, Value> item : partition.values()) {
        size += ItemSize.of(item);
      }
    }
    return size;
  }

  /** Fills a newly created index from the items already stored (UpdateTable's backfill). */
  void backfill(SecondaryIndex index) {
    for (var partition : items.partitions().values()) {
      for (Map<String, Value> item : partition.values()) {
        index.replace(null, item);
      }
    }
  }
}
