package dev.monotable.runtime;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * The item operations of one entity type on one table, which generated repositories delegate to.
 * Keys are built by the generated {@code <Entity>Keys} (which refuses invalid components before
 * anything is sent); items by the generated {@code <Entity>Schema}.
 *
 * @param <T> the entity type
 */
public final class EntityStore<T> {
  private final DynamoTable table;
  private final EntitySchema<T> schema;

  EntityStore(DynamoTable table, EntitySchema<T> schema) {
    this.table = table;
    this.schema = schema;
  }

  /** Whether the item's time to live has passed (and the table hides such items). */
  boolean expired(Map<String, AttributeValue> item) {
    String attribute = schema.timeToLiveAttribute();
    if (attribute == null || !table.options().hidesExpiredItems()) {
      return false;
    }
    AttributeValue expiry = item.get(attribute);
    return expiry != null && expiry.n() != null
        && new java.math.BigDecimal(expiry.n()).longValue() <= table.options().clock().instant().getEpochSecond();
  }

  /** The table the items are in. */
  public DynamoTable table() {
    return table;
  }

  /**
   * The start of a query of one access pattern: the partition to read, in the table's primary key
   * ({@code indexName} null) or in an index. Generated query builders narrow the sort key.
   *
   * @param pattern the access pattern, {@code Entity.name}, which cursors are bound to
   * @param sortAttribute the sort key attribute of the key queried, null when it has none
   */
  public QueryState<T> query(String pattern, String indexName, String partitionAttribute, AttributeValue partitionValue,
      String sortAttribute) {
    return new QueryState<>(this, pattern, indexName, partitionAttribute, partitionValue, sortAttribute);
  }

  /**
   * The entities of {@code keys}, in the order asked (empty where there is no item).
   *
   * @throws BatchIncompleteException carrying the keys still unread after every retry
   */
  public List<Optional<T>> batchGet(List<Map<String, AttributeValue>> keys) {
    return Batches.get(this, keys);
  }

  /**
   * Writes every entity, replacing items with the same keys.
   *
   * @throws ItemTooLargeException when one is over 400 KB; nothing is sent
   * @throws IllegalArgumentException when two have one key; nothing is sent
   * @throws BatchIncompleteException carrying the items still unwritten after every retry
   */
  public void batchPut(List<T> entities) {
    if (schema.versionAttribute() != null) {
      throw new IllegalStateException(schema.entityType() + " is versioned, and batch writes cannot check versions;"
          + " put them one by one (or in a transaction)");
    }
    List<Map<String, AttributeValue>> items = new java.util.ArrayList<>(entities.size());
    for (T entity : entities) {
      items.add(item(entity));
    }
    Batches.put(this, items);
  }

  /**
   * Deletes the items of {@code keys}.
   *
   * @throws BatchIncompleteException carrying the keys still undeleted after every retry
   */
  public void batchDelete(List<Map<String, AttributeValue>> keys) {
    Batches.delete(this, keys);
  }

  /** An update of the item with the given primary key. */
  public Update<T> update(Map<String, AttributeValue> key) {
    return new Update<>(this, key, Map.of());
  }

  /**
   * An update of the item with the given primary key, whose key fields have {@code keyFields}'
   * values (by attribute): index keys built from them and from updated fields are rewritten.
   */
  public Update<T> update(Map<String, AttributeValue> key, Map<String, Object> keyFields) {
    return new Update<>(this, key, keyFields);
  }

  /** A scan of the whole table for this entity's items. */
  public Scan<T> scan() {
    return new Scan<>(this);
  }

  /** The schema items are mapped with. */
  public EntitySchema<T> schema() {
    return schema;
  }

  /**
   * Writes the entity's item, replacing any item with the same key.
   *
   * @throws ItemTooLargeException when the item is over 400 KB; nothing is sent
   */
  public void put(T entity) {
    if (schema.versionAttribute() != null) {
      put(entity, null);
      return;
    }
    table.client().putItem(PutItemRequest.builder().tableName(table.name()).item(item(entity)).build());
  }

  /**
   * Writes the entity's item if {@code condition} holds for the item now stored under its key.
   *
   * @throws ConditionFailedException when it does not; nothing is written
   */
  public void put(T entity, Condition condition) {
    Map<String, AttributeValue> item = item(entity);
    RenderedCondition rendered = RenderedCondition.of(versioned(item, condition));
    PutItemRequest request = PutItemRequest.builder()
        .tableName(table.name())
        .item(item)
        .conditionExpression(rendered.expression())
        .expressionAttributeNames(rendered.names())
        .expressionAttributeValues(rendered.values())
        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
        .build();
    try {
      table.client().putItem(request);
    } catch (ConditionalCheckFailedException failed) {
      throw conditionFailed("put", failed);
    }
  }

  /**
   * For a versioned entity: the item gets the next version, and the condition requires the version
   * it was read with (or no item at all for version 0). Returns {@code condition} otherwise.
   */
  /** The condition of a put of {@code item}, with its version moved on (for transactions). */
  Condition versionedCondition(Map<String, AttributeValue> item, Condition condition) {
    return versioned(item, condition);
  }

  private Condition versioned(Map<String, AttributeValue> item, Condition condition) {
    String attribute = schema.versionAttribute();
    if (attribute == null) {
      if (condition == null) {
        throw new IllegalArgumentException("a conditional put needs a condition");
      }
      return condition;
    }
    AttributeValue stored = item.get(attribute);
    long read = stored == null ? 0 : Long.parseLong(stored.n());
    item.put(attribute, AttributeValue.fromN(Long.toString(read + 1)));
    Condition version = read == 0
        ? Path.of(schema.keyAttributes().get(0), AttributeCodecs.STRING).notExists()
        : Path.of(attribute, AttributeCodecs.LONG).eq(read);
    return condition == null ? version : version.and(condition);
  }

  /**
   * Writes the entity's item only when no item has its key.
   *
   * @throws ConditionFailedException when one does; {@code current()} holds it
   */
  public void putIfAbsent(T entity) {
    put(entity, Path.of(schema.keyAttributes().get(0), AttributeCodecs.STRING).notExists());
  }

  /** The checked item of an entity, as a transaction writes it. */
  Map<String, AttributeValue> itemFor(T entity) {
    return item(entity);
  }

  private Map<String, AttributeValue> item(T entity) {
    if (entity == null) {
      throw new IllegalArgumentException("cannot put a null " + schema.entityType());
    }
    Map<String, AttributeValue> item = schema.toItem(entity);
    if (schema.createdAtAttribute() != null || schema.updatedAtAttribute() != null) {
      AttributeValue now = AttributeCodecs.INSTANT.write(table.options().clock().instant());
      if (schema.createdAtAttribute() != null) {
        item.putIfAbsent(schema.createdAtAttribute(), now);
      }
      if (schema.updatedAtAttribute() != null) {
        item.put(schema.updatedAtAttribute(), now);
      }
    }
    long size = ItemSize.of(item);
    if (size > ItemSize.MAX_BYTES) {
      throw new ItemTooLargeException(schema.entityType(), size);
    }
    return item;
  }

  ConditionFailedException conditionFailed(String operation, ConditionalCheckFailedException failed) {
    Object current = null;
    if (failed.hasItem() && !failed.item().isEmpty()) {
      Map<String, AttributeValue> item = failed.item();
      current = schema.entityType().equals(DynamoTable.typeOf(item, schema.typeAttribute())) ? schema.fromItem(item) : null;
    }
    if (schema.versionAttribute() != null) {
      return new OptimisticLockException("the " + schema.entityType() + " was written by someone else since it was"
          + " read (or its condition did not hold); nothing was written: read it again and retry", current, failed);
    }
    return new ConditionFailedException("the condition of this " + operation + " of a " + schema.entityType()
        + " did not hold; nothing was written", current, failed);
  }

  /**
   * Reads the item with the given primary key.
   *
   * @throws MappingException when an item is there but is of another entity type or cannot be read
   */
  public Optional<T> get(Map<String, AttributeValue> key) {
    GetItemResponse response = table.client().getItem(
        GetItemRequest.builder().tableName(table.name()).key(key).build());
    if (!response.hasItem() || response.item().isEmpty() || expired(response.item())) {
      return Optional.empty();
    }
    return Optional.of(schema.fromItem(response.item()));
  }

  /**
   * Deletes the item with the given primary key if {@code condition} holds for it.
   *
   * @throws ConditionFailedException when it does not; nothing is deleted
   */
  public void delete(Map<String, AttributeValue> key, Condition condition) {
    RenderedCondition rendered = RenderedCondition.of(condition);
    DeleteItemRequest request = DeleteItemRequest.builder()
        .tableName(table.name())
        .key(key)
        .conditionExpression(rendered.expression())
        .expressionAttributeNames(rendered.names())
        .expressionAttributeValues(rendered.values())
        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
        .build();
    try {
      table.client().deleteItem(request);
    } catch (ConditionalCheckFailedException failed) {
      throw conditionFailed("delete", failed);
    }
  }

  /** Deletes the item with the given primary key; deleting an absent item is not an error. */
  public void delete(Map<String, AttributeValue> key) {
    table.client().deleteItem(DeleteItemRequest.builder().tableName(table.name()).key(key).build());
  }

  /** Deletes the entity's item. */
  public void deleteEntity(T entity) {
    if (entity == null) {
      throw new IllegalArgumentException("cannot delete a null " + schema.entityType());
    }
    delete(schema.keyOf(entity));
  }
}
