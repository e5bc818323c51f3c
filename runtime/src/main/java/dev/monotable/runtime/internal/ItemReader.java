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
 * {@link MappingException} naming the type, the attribute and the value.
 *
 * <pre>{@code
 * ItemReader in = ItemReader.ofItem(item, "User", "_type");
 * return new User(in.get("id", AttributeCodecs.STRING), in.getInt("age"));
 * }</pre>
 */
public final class ItemReader {
  private final Map<String, AttributeValue> attributes;
  private final String type;

  private ItemReader(Map<String, AttributeValue> attributes, String type) {
    this.attributes = attributes;
    this.type = type;
  }

  /**
   * A reader for an entity item, after checking that the item's type attribute names the entity.
   * On a table without a type attribute ({@code typeAttribute} empty) every item is the entity's.
   *
   * @throws MappingException when the item is of another type or has no type attribute
   */
  public static ItemReader ofItem(Map<String, AttributeValue> item, String entityType, String typeAttribute) {
    if (item == null) {
      throw new MappingException(entityType, null, "no item to read", null);
    }
    if (typeAttribute.isEmpty()) {
      return new ItemReader(item, entityType);
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
    return new ItemReader(item, entityType);
  }

  /** A reader for the attributes of a nested document. */
  public static ItemReader ofDocument(Map<String, AttributeValue> attributes, String documentType) {
    return new ItemReader(attributes, documentType);
  }

  /** The attribute read through its codec; absent or NULL gives the codec's absent value. */
  public <T> T get(String name, AttributeCodec<T> codec) {
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

  /**
   * The failure to read {@code name}, placed there. Out of {@link #get}, which stays small enough
   * for the JIT to inline at every field of a generated {@code fromItem}; static, so that the reader
   * does not escape and is never allocated.
   */
  private static MappingException failure(RuntimeException e, String type, String name, AttributeValue value) {
    if (e instanceof MappingException mapping) {
      return RuntimeAccess.get().within(mapping, type, name);
    }
    // a user converter failed in its own way: still name where
    return new MappingException(type, name, "cannot read " + AttributeCodecs.describe(value) + ": " + e, e);
  }

  // Typed reads of the most common fields. Each is a short fast path for the value as Monotable
  // writes it, and hands anything else (NULL, another type, another text form) to get(name, codec),
  // which reads or refuses it as the codec does. Kept short so that the JIT inlines them into a
  // generated fromItem even once they are compiled on their own: then the reader is never
  // allocated, and each read binds its one codec directly.

  /** A {@code String} field; absent or NULL reads as null. */
  public String getString(String name) {
    AttributeValue value = attributes.get(name);
    String text = value == null ? null : value.s();
    return text != null || value == null ? text : get(name, AttributeCodecs.STRING);
  }

  /** An {@code Instant} field; absent or NULL reads as null. */
  public Instant getInstant(String name) {
    AttributeValue value = attributes.get(name);
    String text = value == null ? null : value.s();
    Instant fixedWidth = text == null ? null : FixedWidthTime.parseInstant(text);
    return fixedWidth != null || value == null ? fixedWidth : get(name, AttributeCodecs.INSTANT);
  }

  /** A {@code BigDecimal} field; absent or NULL reads as null. */
  public BigDecimal getBigDecimal(String name) {
    return get(name, AttributeCodecs.BIG_DECIMAL);
  }

  /** A {@code boolean} field; absent reads as {@code false}. */
  public boolean getBoolean(String name) {
    Boolean value = get(name, AttributeCodecs.BOOLEAN);
    return value != null && value;
  }

  /** A {@code byte} field; absent reads as 0. */
  public byte getByte(String name) {
    Byte value = get(name, AttributeCodecs.BYTE);
    return value == null ? 0 : value;
  }

  /** A {@code short} field; absent reads as 0. */
  public short getShort(String name) {
    Short value = get(name, AttributeCodecs.SHORT);
    return value == null ? 0 : value;
  }

  /** An {@code int} field; absent reads as 0. */
  public int getInt(String name) {
    AttributeValue value = attributes.get(name);
    String number = value == null ? null : value.n();
    long plain = number == null ? AttributeCodecs.NOT_PLAIN : AttributeCodecs.plainInteger(number);
    if (plain >= Integer.MIN_VALUE && plain <= Integer.MAX_VALUE) {
      return (int) plain;
    }
    Integer read = get(name, AttributeCodecs.INTEGER);
    return read == null ? 0 : read;
  }

  /** A {@code long} field; absent reads as 0. */
  public long getLong(String name) {
    AttributeValue value = attributes.get(name);
    String number = value == null ? null : value.n();
    long plain = number == null ? AttributeCodecs.NOT_PLAIN : AttributeCodecs.plainInteger(number);
    if (plain != AttributeCodecs.NOT_PLAIN) {
      return plain;
    }
    Long read = get(name, AttributeCodecs.LONG);
    return read == null ? 0L : read;
  }


  /** A {@code float} field; absent reads as 0. */
  public float getFloat(String name) {
    Float value = get(name, AttributeCodecs.FLOAT);
    return value == null ? 0f : value;
  }

  /** A {@code double} field; absent reads as 0. */
  public double getDouble(String name) {
    Double value = get(name, AttributeCodecs.DOUBLE);
    return value == null ? 0d : value;
  }
}
