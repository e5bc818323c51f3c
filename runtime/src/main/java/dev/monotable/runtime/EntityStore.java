package dev.monotable.runtime;

import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

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

  /** A scan of the whole table for this entity's items. */
  public Scan<T> scan() {
    return new Scan<>(this);
  }

  /** The schema items are mapped with. */
  public EntitySchema<T> schema() {
    return schema;
  }

  /** Writes the entity's item, replacing any item with the same key. */
  public void put(T entity) {
    if (entity == null) {
      throw new IllegalArgumentException("cannot put a null " + schema.entityType());
    }
    Map<String, AttributeValue> item = schema.toItem(entity);
    table.client().putItem(PutItemRequest.builder().tableName(table.name()).item(item).build());
  }

  /**
   * Reads the item with the given primary key.
   *
   * @throws MappingException when an item is there but is of another entity type or cannot be read
   */
  public Optional<T> get(Map<String, AttributeValue> key) {
    GetItemResponse response = table.client().getItem(
        GetItemRequest.builder().tableName(table.name()).key(key).build());
    if (!response.hasItem() || response.item().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(schema.fromItem(response.item()));
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
