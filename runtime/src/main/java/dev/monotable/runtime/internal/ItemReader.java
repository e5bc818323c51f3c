package dev.monotable.runtime.internal;

import dev.monotable.runtime.MappingException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads the attributes of one entity item or document, as generated schemas read them. An absent
 * or NULL attribute reads as the codec's absent value ({@code null}, an empty set or optional),
 * or as zero or false for a primitive field; a value that cannot be converted is a
 * {@link MappingException} naming the type (the entity's or document's name, last argument of
 * every read), the attribute and the value.
 *
 * <pre>{@code
 * ItemReader.checkType(item, "User", "_type");
 * return new User(ItemReader.getString(item, "id", "User"), ItemReader.getInt(item, "age", "User"));
 * }</pre>
 *
 * <p>Every read is static, on the map itself: there is no reader object, so nothing is allocated
 * per item or nested document whether or not the JIT inlines a read into the generated code. The
 * typed reads are short fast paths for values as Monotable writes them, and hand every other form
 * (NULL, another type, another text form) to {@link #get}, which reads or refuses it as the codec
 * does.
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

  /** The attribute read through its codec; absent or NULL gives the codec's absent value. */
  public static <T> T get(Map<String, AttributeValue> attributes, String name, AttributeCodec<T> codec,
      String type) {
    AttributeValue value = attributes.get(name);
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
      return RuntimeAccess.get().within(mapping, type, name);
    }
    // a user converter failed in its own way: still name where
    return new MappingException(type, name, "cannot read " + AttributeCodecs.describe(value) + ": " + e, e);
  }

  /** A {@code String} field; absent or NULL reads as null. */
  public static String getString(Map<String, AttributeValue> attributes, String name, String type) {
    AttributeValue value = attributes.get(name);
    String text = value == null ? null : value.s();
    return text != null || value == null ? text : get(attributes, name, AttributeCodecs.STRING, type);
  }

  /** An {@code Instant} field; absent or NULL reads as null. */
  public static Instant getInstant(Map<String, AttributeValue> attributes, String name, String type) {
    AttributeValue value = attributes.get(name);
    String text = value == null ? null : value.s();
    Instant fixedWidth = text == null ? null : FixedWidthTime.parseInstant(text);
    return fixedWidth != null || value == null ? fixedWidth : get(attributes, name, AttributeCodecs.INSTANT, type);
  }

  /** A {@code BigDecimal} field; absent or NULL reads as null. */
  public static BigDecimal getBigDecimal(Map<String, AttributeValue> attributes, String name, String type) {
    return get(attributes, name, AttributeCodecs.BIG_DECIMAL, type);
  }

  /** A {@code boolean} field; absent reads as {@code false}. */
  public static boolean getBoolean(Map<String, AttributeValue> attributes, String name, String type) {
    Boolean value = get(attributes, name, AttributeCodecs.BOOLEAN, type);
    return value != null && value;
  }

  /** A {@code byte} field; absent reads as 0. */
  public static byte getByte(Map<String, AttributeValue> attributes, String name, String type) {
    Byte value = get(attributes, name, AttributeCodecs.BYTE, type);
    return value == null ? 0 : value;
  }

  /** A {@code short} field; absent reads as 0. */
  public static short getShort(Map<String, AttributeValue> attributes, String name, String type) {
    Short value = get(attributes, name, AttributeCodecs.SHORT, type);
    return value == null ? 0 : value;
  }

  /** An {@code int} field; absent reads as 0. */
  public static int getInt(Map<String, AttributeValue> attributes, String name, String type) {
    AttributeValue value = attributes.get(name);
    String number = value == null ? null : value.n();
    long plain = number == null ? AttributeCodecs.NOT_PLAIN : AttributeCodecs.plainInteger(number);
    if (plain >= Integer.MIN_VALUE && plain <= Integer.MAX_VALUE) {
      return (int) plain;
    }
    Integer read = get(attributes, name, AttributeCodecs.INTEGER, type);
    return read == null ? 0 : read;
  }

  /** A {@code long} field; absent reads as 0. */
  public static long getLong(Map<String, AttributeValue> attributes, String name, String type) {
    AttributeValue value = attributes.get(name);
    String number = value == null ? null : value.n();
    long plain = number == null ? AttributeCodecs.NOT_PLAIN : AttributeCodecs.plainInteger(number);
    if (plain != AttributeCodecs.NOT_PLAIN) {
      return plain;
    }
    Long read = get(attributes, name, AttributeCodecs.LONG, type);
    return read == null ? 0L : read;
  }

  /** A {@code float} field; absent reads as 0. */
  public static float getFloat(Map<String, AttributeValue> attributes, String name, String type) {
    Float value = get(attributes, name, AttributeCodecs.FLOAT, type);
    return value == null ? 0f : value;
  }

  /** A {@code double} field; absent reads as 0. */
  public static double getDouble(Map<String, AttributeValue> attributes, String name, String type) {
    Double value = get(attributes, name, AttributeCodecs.DOUBLE, type);
    return value == null ? 0d : value;
  }
}
