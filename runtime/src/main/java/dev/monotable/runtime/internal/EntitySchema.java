package dev.monotable.runtime.internal;

import dev.monotable.runtime.MappingException;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The generated mapping of an entity to and from a whole DynamoDB item: its attributes, its key
 * attributes (primary and index keys, built from the key templates), and its type attribute.
 *
 * @param <T> the entity type
 */
public interface EntitySchema<T> {
  /** The entity's type name, the value of the table's type attribute on its items. */
  String entityType();

  /**
   * The table's type attribute, which holds {@link #entityType()} on the entity's items; empty on a
   * table of this entity type alone, which has none.
   */
  String typeAttribute();

  /** Whether {@code item} is one of this entity's: its type attribute names the entity, or the table has none. */
  default boolean holds(java.util.Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item) {
    return typeAttribute().isEmpty() || entityType().equals(DynamoTable.typeOf(item, typeAttribute()));
  }

  /** The names of the table's primary key attributes. */
  java.util.List<String> keyAttributes();

  /**
   * The attributes an update may not set: the fields of the primary-key templates (an update cannot
   * move an item).
   */
  default java.util.Set<String> fixedAttributes() {
    return java.util.Set.of();
  }

  /** The attribute of the {@code @Version} field, or null when the entity has none. */
  default String versionAttribute() {
    return null;
  }

  /** The table's time-to-live attribute when the entity fills it, else null. */
  default String timeToLiveAttribute() {
    return null;
  }

  /** The attribute of the {@code @CreatedAt} field, or null. */
  default String createdAtAttribute() {
    return null;
  }

  /** The attribute of the {@code @UpdatedAt} field, or null. */
  default String updatedAtAttribute() {
    return null;
  }

  /** The complete item: keys, index keys, type attribute and every non-null field. */
  Map<String, AttributeValue> toItem(T entity);

  /**
   * The entity read from an item.
   *
   * @throws MappingException when the item is of another entity type or an attribute cannot be read
   */
  T fromItem(Map<String, AttributeValue> item);

  /** The primary key attributes of the entity's item. */
  Map<String, AttributeValue> keyOf(T entity);
}
