package dev.monotable.runtime.internal;

import dev.monotable.runtime.InvalidKeyException;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;

/**
 * One key template of one entity, as generated {@code <Entity>Keys} classes use it: encodes each
 * component with {@link KeyEncoding}, refuses null, empty, out-of-range and delimiter-carrying
 * components, and refuses a finished key over DynamoDB's size limit. Every refusal is an
 * {@link InvalidKeyException} naming the entity, the field and the template (and the value, when it
 * is out of range), thrown before anything is sent.
 *
 * <pre>{@code
 * private static final KeyFormat PARTITION_KEY = KeyFormat.partitionKey("User", "USER#<id>", "#");
 *
 * public static String partitionKey(String id) {
 *   return PARTITION_KEY.complete("USER#" + PARTITION_KEY.encode("id", id));
 * }
 * }</pre>
 */
public final class KeyFormat {
  /** The largest partition key DynamoDB accepts, in UTF-8 bytes. */
  public static final int MAX_PARTITION_KEY_BYTES = 2048;
  /** The largest sort key DynamoDB accepts, in UTF-8 bytes. */
  public static final int MAX_SORT_KEY_BYTES = 1024;

  private final String entity;
  private final String template;
  private final String delimiter;
  private final int maxBytes;
  /** The number of shards of a sharded partition key; 0 when it is not sharded. */
  private final int shards;

  private KeyFormat(String entity, String template, String delimiter, int maxBytes, int shards) {
    this.entity = entity;
    this.template = template;
    this.delimiter = delimiter;
    this.maxBytes = maxBytes;
    this.shards = shards;
  }

  /** A partition-key template (at most 2048 bytes). */
  public static KeyFormat partitionKey(String entity, String template, String delimiter) {
    return new KeyFormat(entity, template, delimiter, MAX_PARTITION_KEY_BYTES, 0);
  }

  /**
   * A partition-key template written in {@code shards} shards: each key ends with the delimiter and
   * the item's shard ({@code STATUS#PAID#3}).
   */
  public static KeyFormat shardedPartitionKey(String entity, String template, String delimiter, int shards) {
    return new KeyFormat(entity, template, delimiter, MAX_PARTITION_KEY_BYTES, shards);
  }

  /** A sort-key template (at most 1024 bytes). */
  public static KeyFormat sortKey(String entity, String template, String delimiter) {
    return new KeyFormat(entity, template, delimiter, MAX_SORT_KEY_BYTES, 0);
  }

  /** Whether this is a sort-key template (else a partition key's). */
  public boolean isSortKey() {
    return maxBytes == MAX_SORT_KEY_BYTES;
  }

  /** The template text. */
  public String template() {
    return template;
  }

  /** The number of shards; 0 when the key is not sharded. */
  public int shards() {
    return shards;
  }

  /**
   * The shard suffix of a key: the delimiter and the shard number.
   *
   * @throws InvalidKeyException when the shard is not one of this key's
   */
  public String shard(int shard) {
    if (shard < 0 || shard >= shards) {
      throw new InvalidKeyException(entity, null, template, "shard " + shard + " is not one of its " + shards
          + " shards (0 to " + (shards - 1) + ")");
    }
    return delimiter + shard;
  }

  /**
   * The encoded text of {@code field} in {@code key}, a key this template built; null when the key
   * does not have the template's shape or the field's end cannot be told (two placeholders with no
   * literal text between them, or a literal that does not start with the delimiter, which an
   * encoded component never holds).
   */
  public String component(String key, String field) {
    List<String> parts = parts();
    int position = 0;
    int end = key.length();
    if (shards > 0) {
      int suffix = key.lastIndexOf(delimiter);
      if (suffix < 0) {
        return null;
      }
      end = suffix;
    }
    for (int i = 0; i < parts.size(); i++) {
      String part = parts.get(i);
      if (!part.startsWith("<")) {
        if (!key.startsWith(part, position)) {
          return null;
        }
        position += part.length();
        continue;
      }
      int stop;
      if (i + 1 == parts.size()) {
        stop = end;
      } else if (parts.get(i + 1).startsWith(delimiter)) {
        stop = key.indexOf(parts.get(i + 1), position);
      } else {
        return null;
      }
      if (stop < position || stop > end) {
        return null;
      }
      if (part.equals("<" + field + ">")) {
        return key.substring(position, stop);
      }
      position = stop;
    }
    return null;
  }

  /** The template as literal parts and {@code <field>} parts, in order. */
  private List<String> parts() {
    List<String> parts = new ArrayList<>();
    int position = 0;
    while (position < template.length()) {
      int open = template.indexOf('<', position);
      if (open < 0) {
        parts.add(template.substring(position));
        break;
      }
      if (open > position) {
        parts.add(template.substring(position, open));
      }
      int close = template.indexOf('>', open);
      parts.add(template.substring(open, close + 1));
      position = close + 1;
    }
    return parts;
  }

  /** Checks the size of a finished key and returns it. */
  public String complete(String key) {
    if (3L * key.length() <= maxBytes) {
      return key; // a char is at most three bytes in UTF-8: short keys need no count
    }
    long bytes = ItemSize.utf8(key);
    if (bytes > maxBytes) {
      throw new InvalidKeyException(entity, null, template,
          "the key is " + bytes + " bytes in UTF-8; DynamoDB allows at most " + maxBytes);
    }
    return key;
  }

  /**
   * Encodes component {@code field}, a value of {@code type}.
   *
   * @throws InvalidKeyException when the value is null, outside its encoding's range, empty, or
   *     contains the delimiter
   */
  public <V> String encode(String field, KeyType<? super V> type, V value) {
    if (value == null) {
      throw refused(field, "is null");
    }
    String encoded;
    try {
      encoded = type.encode(value);
    } catch (IllegalArgumentException | DateTimeException e) {
      // DateTimeException: java.time refusing a value at the edge of its own range is still a bad key
      throw refused(field, e.getMessage() + " (value: " + value + ")");
    }
    return checked(field, encoded);
  }

  /**
   * Field {@code field} of this template, of {@code type}, for range conditions; {@code
   * continuation} is the template text after it ({@code ""} for the last field).
   */
  public <V> SortKeyField<V> field(String field, KeyType<? super V> type, String continuation) {
    return SortKeyField.template(this, field, type, continuation);
  }

  private <T> T present(String field, T value) {
    if (value == null) {
      throw refused(field, "is null");
    }
    return value;
  }

  private String checked(String field, String encoded) {
    if (encoded.isEmpty()) {
      throw refused(field, "is empty");
    }
    if (encoded.contains(delimiter)) {
      throw refused(field, "contains the key delimiter '" + delimiter + "' (value: \""
          + shortened(encoded) + "\")");
    }
    return encoded;
  }

  private InvalidKeyException refused(String field, String reason) {
    return new InvalidKeyException(entity, field, template, reason);
  }

  private static String shortened(String value) {
    return value.length() <= 100 ? value : value.substring(0, 100) + "…";
  }
}
