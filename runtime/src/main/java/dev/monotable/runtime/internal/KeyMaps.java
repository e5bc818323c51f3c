package dev.monotable.runtime.internal;

import dev.monotable.runtime.InvalidKeyException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Key attribute maps, as generated {@code <Entity>Keys} classes return them. */
public final class KeyMaps {
  private KeyMaps() {}

  /** A key of one string attribute (a table without a sort key). */
  public static Map<String, AttributeValue> of(String partitionAttribute, String partitionKey) {
    return Map.of(partitionAttribute, AttributeValue.fromS(partitionKey));
  }

  /** A key of two string attributes. */
  public static Map<String, AttributeValue> of(
      String partitionAttribute, String partitionKey, String sortAttribute, String sortKey) {
    Map<String, AttributeValue> key = new LinkedHashMap<>(4);
    key.put(partitionAttribute, AttributeValue.fromS(partitionKey));
    key.put(sortAttribute, AttributeValue.fromS(sortKey));
    return Collections.unmodifiableMap(key);
  }

  /** A key of two attributes of any type (a raw-attribute index key). */
  public static Map<String, AttributeValue> of(
      String partitionAttribute, AttributeValue partitionKey, String sortAttribute, AttributeValue sortKey) {
    Map<String, AttributeValue> key = new LinkedHashMap<>(4);
    key.put(partitionAttribute, partitionKey);
    key.put(sortAttribute, sortKey);
    return Collections.unmodifiableMap(key);
  }

  /** A key of one attribute of any type (a raw-attribute index key). */
  public static Map<String, AttributeValue> of(String partitionAttribute, AttributeValue partitionKey) {
    return Map.of(partitionAttribute, partitionKey);
  }

  /**
   * The value of a plain partition key, or of a raw-attribute index key (an entity attribute used as
   * a key as it is), checked as DynamoDB checks key values: present, not an empty string or binary,
   * at most 2,048 bytes.
   *
   * @throws InvalidKeyException naming the entity and the field, before anything is sent
   */
  public static <T> AttributeValue value(String entity, String field, AttributeCodec<T> codec, T value) {
    return checked(entity, field, codec, value, KeyFormat.MAX_PARTITION_KEY_BYTES);
  }

  /**
   * The value of a plain sort key, checked as DynamoDB checks sort key values: present, not an
   * empty string or binary, at most 1,024 bytes.
   *
   * @throws InvalidKeyException naming the entity and the field, before anything is sent
   */
  public static <T> AttributeValue sortKeyValue(String entity, String field, AttributeCodec<T> codec, T value) {
    return checked(entity, field, codec, value, KeyFormat.MAX_SORT_KEY_BYTES);
  }

  private static <T> AttributeValue checked(String entity, String field, AttributeCodec<T> codec, T value,
      int maxBytes) {
    if (value == null) {
      throw new InvalidKeyException(entity, field, "<" + field + ">", "is null");
    }
    AttributeValue written = codec.write(value);
    String problem = problem(written, maxBytes);
    if (problem != null) {
      throw new InvalidKeyException(entity, field, "<" + field + ">", problem);
    }
    return written;
  }

  /**
   * What DynamoDB would refuse in a key value stored as it is, or null when it is a key: no value,
   * an empty string or binary value, or one over {@code maxBytes} (a string's UTF-8 bytes). Numbers
   * are keys at any size they can be stored at.
   */
  static String problem(AttributeValue value, int maxBytes) {
    if (value == null) {
      return "is stored as no value, which cannot be a key";
    }
    if (value.s() != null) {
      String text = value.s();
      if (text.isEmpty()) {
        return "is empty; a key cannot be an empty string";
      }
      if (3L * text.length() <= maxBytes) {
        return null; // a char is at most three bytes in UTF-8: short keys need no count
      }
      long bytes = ItemSize.utf8(text);
      return bytes <= maxBytes ? null
          : "is " + bytes + " bytes in UTF-8; DynamoDB allows at most " + maxBytes + " in this key";
    }
    if (value.b() != null) {
      int bytes = value.b().asByteArrayUnsafe().length;
      if (bytes == 0) {
        return "is empty; a key cannot be an empty binary value";
      }
      return bytes <= maxBytes ? null : "is " + bytes + " bytes; DynamoDB allows at most " + maxBytes + " in this key";
    }
    return null;
  }

  /**
   * Checks the keys of a batch read or delete before anything is built or sent: the list and every
   * key in it must be present.
   *
   * @throws IllegalArgumentException naming the entity, and the position of a null key
   */
  public static void checkBatch(String entity, List<?> keys) {
    checkKeys(entity + " keys", keys);
  }

  /** Checks a list of keys described as {@code what} ("Order keys"): it and its keys must be present. */
  static void checkKeys(String what, List<?> keys) {
    if (keys == null) {
      throw new IllegalArgumentException("the list of " + what + " is null; nothing was sent");
    }
    int position = 0;
    for (Object key : keys) {
      if (key == null) {
        throw new IllegalArgumentException("key " + position + " of the " + keys.size() + " " + what
            + " is null; nothing was sent");
      }
      position++;
    }
  }

  /** Field values by attribute name, from alternating names and values (for update index-key rules). */
  public static Map<String, Object> fields(Object... namesAndValues) {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return fields;
  }
}
