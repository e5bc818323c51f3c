package dev.monotable.runtime.internal;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The generated mapping of a {@link dev.monotable.annotation.Document @Document} type to and from
 * the attributes of a map (M) value.
 *
 * @param <T> the document type
 */
public interface DocumentSchema<T> {
  /** The document type's name, used in error messages. */
  String typeName();

  /** The document's attributes; null fields are left out. */
  Map<String, AttributeValue> toAttributes(T document);

  /** The document read from its attributes. */
  T fromAttributes(Map<String, AttributeValue> attributes);
}
