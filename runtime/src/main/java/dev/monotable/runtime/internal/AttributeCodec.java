package dev.monotable.runtime.internal;

import dev.monotable.runtime.MappingException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Converts one Java type to and from a DynamoDB attribute value. Generated schemas hold the codecs
 * of their fields; {@link AttributeCodecs} has one for every supported type and combinators for
 * lists, sets, maps, optionals and nested documents.
 *
 * <p>A top-level attribute can be left out, so {@link #write} may store a value (an empty set, an
 * empty {@code Optional}) as no attribute, which reads back as {@link #absent()}. Inside a list, a
 * map or an {@code Optional} nothing can be left out: there {@link #writeWithin} stores every value,
 * and a null element is NULL, which reads back as {@link #ofNull()}.
 *
 * @param <T> the Java type
 */
public interface AttributeCodec<T> {
  /** What a value stored as no attribute is stored as where it cannot be left out. */
  AttributeValue NULL = AttributeValue.fromNul(true);

  /**
   * Converts a non-null value; returns {@code null} when the value is stored by leaving the
   * attribute out (an empty set, an empty {@code Optional}).
   */
  AttributeValue write(T value);

  /**
   * Converts a non-null value where it cannot be left out: an element of a list, a value of a map,
   * the content of an {@code Optional}. Never null: a value {@link #write} leaves out is NULL here,
   * unless the codec has a form of its own for it (an empty set is an empty list).
   */
  default AttributeValue writeWithin(T value) {
    AttributeValue written = write(value);
    return written == null ? NULL : written;
  }

  /**
   * Converts a stored value that is neither absent nor NULL.
   *
   * @throws MappingException when the value has the wrong type or cannot be converted
   */
  T read(AttributeValue value);

  /** The value of an absent or NULL attribute: {@code null}, or an empty set or optional. */
  default T absent() {
    return null;
  }

  /**
   * The value of a NULL element of a list or value of a map: {@code null}, as it was written, or
   * for an {@code Optional} (whose empty value is stored as NULL there) an empty one.
   */
  default T ofNull() {
    return null;
  }
}
