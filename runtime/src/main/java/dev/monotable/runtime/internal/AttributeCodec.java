package dev.monotable.runtime.internal;

import dev.monotable.runtime.MappingException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Converts one Java type to and from a DynamoDB attribute value. Generated schemas hold the codecs
 * of their fields; {@link AttributeCodecs} has one for every supported type and combinators for
 * lists, sets, maps, optionals and nested documents.
 *
 * @param <T> the Java type
 */
public interface AttributeCodec<T> {
  /**
   * Converts a non-null value; returns {@code null} when the value is stored by leaving the
   * attribute out (an empty set, an empty {@code Optional}).
   */
  AttributeValue write(T value);

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
}
