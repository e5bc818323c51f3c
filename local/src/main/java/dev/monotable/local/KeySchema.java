package dev.monotable.local;

import dev.monotable.local.value.DynamoError;
import dev.monotable.local.value.Value;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The key of a table or index: a partition (HASH) attribute and an optional sort (RANGE) attribute,
 * each of type S, N or B.
 */
record KeySchema(String partitionKey, String partitionType, String sortKey, String sortType) {

  static final int PARTITION_KEY_LIMIT = 2048;
  static final int SORT_KEY_LIMIT = 1024;
  private static final String PARTITION_KEY_TOO_LONG =
      "One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes";
  private static final String SORT_KEY_TOO_LONG =
      "One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size limit "
          + "of 1024 bytes";

  boolean hasSortKey() {
    return sortKey != null;
  }

  boolean isKeyAttribute(String name) {
    return name.equals(partitionKey) || name.equals(sortKey);
  }

  /** The key attributes of {@code item}; absent ones are left out. */
  Map<String, Value> keyOf(Map<String, Value> item) {
    Map<String, Value> key = new LinkedHashMap<>(4);
    Value partition = item.get(partitionKey);
    if (partition != null) {
      key.put(partitionKey, partition);
    }
    if (sortKey != null) {
      Value sort = item.get(sortKey);
      if (sort != null) {
        key.put(sortKey, sort);
      }
    }
    return key;
  }

  /**
   * Checks a Key parameter (GetItem, DeleteItem, UpdateItem, batch and transaction keys): exactly the
   * key attributes, of the declared types.
   */
  void checkKey(Map<String, Value> key) {
    int expected = hasSortKey() ? 2 : 1;
    Value partition = key.get(partitionKey);
    Value sort = sortKey == null ? null : key.get(sortKey);
    if (key.size() != expected || partition == null || (sortKey != null && sort == null)) {
      throw DynamoError.validation("The provided key element does not match the schema");
    }
    if (!partition.type().equals(partitionType) || (sort != null && !sort.type().equals(sortType))) {
      throw DynamoError.validation("The provided key element does not match the schema");
    }
    checkKeyValue(partitionKey, partition, PARTITION_KEY_LIMIT, PARTITION_KEY_TOO_LONG);
    if (sort != null) {
      checkKeyValue(sortKey, sort, SORT_KEY_LIMIT, SORT_KEY_TOO_LONG);
    }
  }

  /** Whether {@code key} has exactly this schema's attributes, of their declared types (sizes unchecked). */
  boolean fits(Map<String, Value> key) {
    Value partition = key.get(partitionKey);
    Value sort = sortKey == null ? null : key.get(sortKey);
    return key.size() == (hasSortKey() ? 2 : 1) && partition != null && partition.type().equals(partitionType)
        && (sortKey == null || (sort != null && sort.type().equals(sortType)));
  }

  /** Checks the key attributes of a whole item being written. */
  void checkItem(Map<String, Value> item) {
    checkItemAttribute(item, partitionKey, partitionType);
    checkKeyValue(partitionKey, item.get(partitionKey), PARTITION_KEY_LIMIT, PARTITION_KEY_TOO_LONG);
    if (sortKey != null) {
      checkItemAttribute(item, sortKey, sortType);
      checkKeyValue(sortKey, item.get(sortKey), SORT_KEY_LIMIT, SORT_KEY_TOO_LONG);
    }
  }

  private static void checkItemAttribute(Map<String, Value> item, String name, String type) {
    Value value = item.get(name);
    if (value == null) {
      throw DynamoError.validation("One or more parameter values were invalid: Missing the key " + name + " in the item");
    }
    if (!value.type().equals(type)) {
      throw DynamoError.validation("One or more parameter values were invalid: Type mismatch for key " + name
          + " expected: " + type + " actual: " + value.type());
    }
  }

  static void checkKeyValue(String name, Value value, int limit, String tooLong) {
    int size;
    if (value instanceof Value.S s) {
      size = Value.utf8Length(s.value());
    } else if (value instanceof Value.B b) {
      size = b.value().length();
    } else {
      return;
    }
    if (size == 0) {
      throw DynamoError.validation("One or more parameter values are not valid. The AttributeValue for a key attribute "
          + "cannot contain an empty " + (value instanceof Value.S ? "string" : "binary") + " value. Key: " + name);
    }
    if (size > limit) {
      throw DynamoError.validation(tooLong);
    }
  }
}
