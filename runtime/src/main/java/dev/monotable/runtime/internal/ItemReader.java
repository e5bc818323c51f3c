package dev.monotable.runtime.internal;

import dev.monotable.runtime.MappingException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads the attributes of one entity item or document, as generated schemas read them: each read
 * takes the attribute's value (null when absent), its name and the type's name, the last two for
 * errors. An absent or NULL attribute reads as the codec's absent value ({@code null}, an empty set
 * or optional), or as zero or false for a primitive field; a value that cannot be converted is a
 * {@link MappingException} naming the type, the attribute and the value.
 *
 * <pre>{@code
 * ItemReader.checkType(item, "User", "_type");
 * return new User(
 *     ItemReader.getString(item.get("id"), "id", "User"),
 *     ItemReader.getInt(item.get("age"), "age", "User"));
 * }</pre>
 *
 * <p>Every read is static and the generated code looks the value up itself. So there is no reader
 * object to allocate per item or nested document, whether or not the JIT inlines a read; each
 * generated method's own lookup sees one kind of map (an item's, a document's), which keeps it
 * short; and the reads, which look nothing up, stay short enough to be inlined even once compiled on
 * their own. The typed reads are fast paths for values as Monotable writes them, and hand every
 * other form (NULL, another type, another text form) to {@link #get}, which reads or refuses it as
 * the codec does.
 */
public final class ItemReader {
  private ItemReader() {}

  /**
   * Checks that {@code item} is one of the entity's: its type attribute names the entity. On a
   * table without a type attribute ({@code typeAttribute} empty) every item is the entity's.
   *
   * @throws MappingException when the item is of another type or has no type attribute
   */
  public static void checkType(Map<String, AttributeValue> item, String entityType, String typeAttribute) {
    if (item == null) {
      throw new MappingException(entityType, null, "no item to read", null);
    }
    if (typeAttribute.isEmpty()) {
      return;
    }
    AttributeValue stored = item.get(typeAttribute);
    if (stored == null || stored.s() == null) {
      throw new MappingException(entityType, typeAttribute,
          "the item has no type attribute, so it cannot be read as " + entityType, null);
    }
    if (!stored.s().equals(entityType)) {
      throw new MappingException(entityType, typeAttribute,
          "the item is a " + stored.s() + ", not a " + entityType, null);
    }
  }

  /**
   * The attribute of a field of the entity's primary-key template, which every item of the entity
   * holds; an item without it (written by other code) is refused rather than read with a null key
   * field.
   *
   * @throws MappingException when the attribute is absent or NULL
   */
  public static AttributeValue keyField(AttributeValue value, String name, String type) {
    if (value == null || Boolean.TRUE.equals(value.nul())) {
      throw new MappingException(type, name, "the item lacks " + name + ", a field of its primary key, so it"
          + " cannot be read as " + type + " (it was not written as one)", null);
    }
    return value;
  }

  /**
   * The attribute of a primary-key field whose key text is its stored form (strings, enums, UUIDs,
   * dates and times), or, when the item lacks it (a secondary index that does not project it, an
   * item written by other code), the field's text read from key attribute {@code keyAttribute},
   * which {@code format} built: a key field is never read as null.
   *
   * @throws MappingException when neither the attribute nor the key gives the field
   */
  public static AttributeValue keyField(Map<String, AttributeValue> item, String name, KeyFormat format,
      String keyAttribute, String field, String type) {
    AttributeValue value = item.get(name);
    if (value != null && !Boolean.TRUE.equals(value.nul())) {
      return value;
    }
    AttributeValue key = item.get(keyAttribute);
    String text = key == null || key.s() == null ? null : format.component(key.s(), field);
    if (text == null) {
      return keyField(null, name, type);
    }
    return AttributeValue.fromS(text);
  }

  /** The attribute read through its codec; absent or NULL gives the codec's absent value. */
  public static <T> T get(AttributeValue value, String name, AttributeCodec<T> codec, String type) {
    try {
      if (value == null || AttributeCodecs.isNull(value)) {
        return codec.absent();
      }
      return codec.read(value);
    } catch (RuntimeException e) {
      throw failure(e, type, name, value);
    }
  }

  /** The failure to read {@code name}, placed there; out of {@link #get}, which it would make too long to inline. */
  private static MappingException failure(RuntimeException e, String type, String name, AttributeValue value) {
    if (e instanceof MappingException mapping) {
      return within(mapping, type, name);
    }
    // a user converter failed in its own way: still name where
    return new MappingException(type, name, "cannot read " + AttributeCodecs.describe(value) + ": " + e, e);
  }

  /** A {@code String} field; absent or NULL reads as null. */
  public static String getString(AttributeValue value, String name, String type) {
    String text = value == null ? null : value.s();
    return text != null || value == null ? text : get(value, name, AttributeCodecs.STRING, type);
  }

  /** An {@code Instant} field; absent or NULL reads as null. */
  public static Instant getInstant(AttributeValue value, String name, String type) {
    String text = value == null ? null : value.s();
    Instant fixedWidth = text == null ? null : FixedWidthTime.parseInstant(text);
    return fixedWidth != null || value == null ? fixedWidth : get(value, name, AttributeCodecs.INSTANT, type);
  }

  /** A {@code BigDecimal} field; absent or NULL reads as null. */
  public static BigDecimal getBigDecimal(AttributeValue value, String name, String type) {
    String number = value == null ? null : value.n();
    if (number != null) {
      try {
        return new BigDecimal(number);
      } catch (NumberFormatException unparsable) {
        // refused by the codec, with the attribute named
      }
    }
    return value == null ? null : get(value, name, AttributeCodecs.BIG_DECIMAL, type);
  }

  /** A {@code boolean} field; absent reads as {@code false}. */
  public static boolean getBoolean(AttributeValue value, String name, String type) {
    Boolean read = get(value, name, AttributeCodecs.BOOLEAN, type);
    return read != null && read;
  }

  /** A {@code byte} field; absent reads as 0. */
  public static byte getByte(AttributeValue value, String name, String type) {
    Byte read = get(value, name, AttributeCodecs.BYTE, type);
    return read == null ? 0 : read;
  }

  /** A {@code short} field; absent reads as 0. */
  public static short getShort(AttributeValue value, String name, String type) {
    Short read = get(value, name, AttributeCodecs.SHORT, type);
    return read == null ? 0 : read;
  }

  /** An {@code int} field; absent reads as 0. */
  public static int getInt(AttributeValue value, String name, String type) {
    String number = value == null ? null : value.n();
    long plain = number == null ? AttributeCodecs.NOT_PLAIN : AttributeCodecs.plainInteger(number);
    if (plain >= Integer.MIN_VALUE && plain <= Integer.MAX_VALUE) {
      return (int) plain;
    }
    Integer read = get(value, name, AttributeCodecs.INTEGER, type);
    return read == null ? 0 : read;
  }

  /** A {@code long} field; absent reads as 0. */
  public static long getLong(AttributeValue value, String name, String type) {
    String number = value == null ? null : value.n();
    long plain = number == null ? AttributeCodecs.NOT_PLAIN : AttributeCodecs.plainInteger(number);
    if (plain != AttributeCodecs.NOT_PLAIN) {
      return plain;
    }
    Long read = get(value, name, AttributeCodecs.LONG, type);
    return read == null ? 0L : read;
  }

  /** A {@code float} field; absent reads as 0. */
  public static float getFloat(AttributeValue value, String name, String type) {
    Float read = get(value, name, AttributeCodecs.FLOAT, type);
    return read == null ? 0f : read;
  }

  /** A {@code double} field; absent reads as 0. */
  public static double getDouble(AttributeValue value, String name, String type) {
    Double read = get(value, name, AttributeCodecs.DOUBLE, type);
    return read == null ? 0d : read;
  }

  /**
   * {@code failure} placed under {@code segment} of {@code type}: the type is replaced and the
   * segment is put in front of the attribute path.
   */
  public static MappingException within(MappingException failure, String type, String segment) {
    String attribute = failure.attribute();
    String path;
    if (attribute == null || attribute.isEmpty()) {
      path = segment;
    } else if (attribute.startsWith("[")) {
      path = segment + attribute;
    } else {
      path = segment + "." + attribute;
    }
    MappingException placed = new MappingException(type, path, failure.detail(), failure.getCause());
    placed.setStackTrace(failure.getStackTrace());
    return placed;
  }
}
