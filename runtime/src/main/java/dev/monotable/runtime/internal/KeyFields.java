package dev.monotable.runtime.internal;

import dev.monotable.runtime.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The primary-key fields of one item, as an update or upsert needs them: their values (from which
 * index keys are rebuilt) and their attributes (which an upsert writes on the item it creates).
 * Generated repositories build it from the entity's typed paths:
 * {@code KeyFields.of(OrderFields.USER_ID, userId, OrderFields.ORDER_ID, orderId)}.
 */
public final class KeyFields {
  private final Map<String, Object> values;
  private final Map<String, AttributeValue> attributes;

  private KeyFields(Map<String, Object> values, Map<String, AttributeValue> attributes) {
    this.values = Collections.unmodifiableMap(values);
    this.attributes = Collections.unmodifiableMap(attributes);
  }

  /** From alternating paths ({@code Path<V>}) and values ({@code V}). */
  public static KeyFields of(Object... pathsAndValues) {
    if (pathsAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("key fields come as pairs of a path and a value");
    }
    Map<String, Object> values = new LinkedHashMap<>();
    Map<String, AttributeValue> attributes = new LinkedHashMap<>();
    for (int i = 0; i < pathsAndValues.length; i += 2) {
      if (!(pathsAndValues[i] instanceof Path<?> path)) {
        throw new IllegalArgumentException("expected a Path at position " + i + ", got " + pathsAndValues[i]);
      }
      Object value = pathsAndValues[i + 1];
      String attribute = TypedPath.of(path).attribute();
      values.put(attribute, value);
      AttributeValue written = value == null ? null : write(path, value);
      if (written != null) {
        attributes.put(attribute, written);
      }
    }
    return new KeyFields(values, attributes);
  }

  @SuppressWarnings("unchecked")
  private static <V> AttributeValue write(Path<V> path, Object value) {
    return TypedPath.of(path).codec().write((V) value);
  }

  /** The fields' values by attribute name. */
  public Map<String, Object> values() {
    return values;
  }

  /** The fields' attributes, as the entity's item holds them. */
  public Map<String, AttributeValue> attributes() {
    return attributes;
  }
}
