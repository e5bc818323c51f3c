package dev.monotable.runtime.internal;

import dev.monotable.runtime.MappingException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The generated mapping of an entity to and from a whole DynamoDB item: its attributes, its key
 * attributes (primary and index keys, built from the key templates), and its type attribute. A
 * generated schema gives what describes the entity to the constructor, and writes the mapping:
 *
 * <pre>{@code
 * private OrderSchema() {
 *   super(ENTITY_TYPE, TYPE_ATTRIBUTE, List.of("PK", "SK"), Set.of("orderDate", "orderId", "userId"));
 * }
 * }</pre>
 *
 * @param <T> the entity type
 */
public abstract class EntitySchema<T> {
  private final String entityType;
  private final String typeAttribute;
  private final List<String> keyAttributes;
  private final Set<String> fixedAttributes;

  /**
   * @param entityType the value of the type attribute on the entity's items
   * @param typeAttribute the table's type attribute; empty on a table of this entity type alone
   * @param keyAttributes the names of the table's primary key attributes
   * @param fixedAttributes the attributes of the fields of the primary-key templates, which an update
   *     may not set (an update cannot move an item)
   */
  protected EntitySchema(String entityType, String typeAttribute, List<String> keyAttributes,
      Set<String> fixedAttributes) {
    this.entityType = entityType;
    this.typeAttribute = typeAttribute;
    this.keyAttributes = keyAttributes;
    this.fixedAttributes = fixedAttributes;
  }

  /** The entity's type name, the value of the table's type attribute on its items. */
  public final String entityType() {
    return entityType;
  }

  /**
   * The table's type attribute, which holds {@link #entityType()} on the entity's items; empty on a
   * table of this entity type alone, which has none.
   */
  public final String typeAttribute() {
    return typeAttribute;
  }

  /** Whether {@code item} is one of this entity's: its type attribute names the entity, or the table has none. */
  public final boolean holds(Map<String, AttributeValue> item) {
    return typeAttribute.isEmpty() || entityType.equals(DynamoTable.typeOf(item, typeAttribute));
  }

  /**
   * The attribute {@code name} of key field {@code field} of the primary-key template {@code format}
   * (this schema's keys' {@code PARTITION_KEY} or {@code SORT_KEY}), or its text in the key when the
   * item lacks it: {@link ItemReader#keyField(Map, String, KeyFormat, String, String, String)}.
   */
  protected final AttributeValue keyField(Map<String, AttributeValue> item, String name, KeyFormat format,
      String field) {
    String keyAttribute = keyAttributes.get(format.isSortKey() ? 1 : 0);
    return ItemReader.keyField(item, name, format, keyAttribute, field, entityType);
  }

  /** The names of the table's primary key attributes. */
  public final List<String> keyAttributes() {
    return keyAttributes;
  }

  /**
   * The attributes an update may not set: the fields of the primary-key templates (an update cannot
   * move an item).
   */
  public final Set<String> fixedAttributes() {
    return fixedAttributes;
  }

  /** The attribute of the {@code @Version} field, or null when the entity has none. */
  public String versionAttribute() {
    return null;
  }

  /** The table's time-to-live attribute when the entity fills it, else null. */
  public String timeToLiveAttribute() {
    return null;
  }

  /** The attribute of the {@code @CreatedAt} field, or null. */
  public String createdAtAttribute() {
    return null;
  }

  /** The attribute of the {@code @UpdatedAt} field, or null. */
  public String updatedAtAttribute() {
    return null;
  }

  /**
   * The entity as a write stores it: {@code @CreatedAt} kept or set to {@code now}, {@code @UpdatedAt}
   * set to {@code now}, {@code @Version} moved on by one. Writes stamp the entity before
   * {@link #toItem}, so that every attribute derived from these fields (index keys built from them)
   * is derived from the stored values. An entity without such fields is its own stored form.
   */
  public T stamped(T entity, Instant now) {
    return entity;
  }

  /** Whether {@link #stamped} changes anything: the entity has a timestamp or version field. */
  public final boolean stamps() {
    return createdAtAttribute() != null || updatedAtAttribute() != null || versionAttribute() != null;
  }

  /** The complete item: keys, index keys, type attribute and every non-null field. */
  public abstract Map<String, AttributeValue> toItem(T entity);

  /**
   * The entity read from an item.
   *
   * @throws MappingException when the item is of another entity type or an attribute cannot be read
   */
  public abstract T fromItem(Map<String, AttributeValue> item);

  /** The primary key attributes of the entity's item. */
  public abstract Map<String, AttributeValue> keyOf(T entity);

  /**
   * The entity of {@code item}, read by {@code key}: its key fields must give that key, or the item
   * (written by other code) would be read as another item's entity.
   *
   * @throws MappingException when they do not
   */
  public final T readAt(Map<String, AttributeValue> key, Map<String, AttributeValue> item) {
    T entity = fromItem(item);
    Map<String, AttributeValue> own;
    try {
      own = keyOf(entity);
    } catch (IllegalArgumentException invalid) {
      throw new MappingException(entityType, null, "the item at " + key + " holds key fields that make"
          + " no key (" + invalid.getMessage() + "), so it cannot be read as " + entityType, invalid);
    }
    if (!own.equals(key)) {
      throw new MappingException(entityType, null, "the item at " + key + " holds key fields that give"
          + " the key " + own + ", so it cannot be read as " + entityType + " (it was not written as one)", null);
    }
    return entity;
  }
}
