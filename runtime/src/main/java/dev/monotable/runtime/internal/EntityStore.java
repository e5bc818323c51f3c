package dev.monotable.runtime.internal;

import dev.monotable.runtime.BatchIncompleteException;
import dev.monotable.runtime.Condition;
import dev.monotable.runtime.ConditionFailedException;
import dev.monotable.runtime.ItemTooLargeException;
import dev.monotable.runtime.MappingException;
import dev.monotable.runtime.OptimisticLockException;
import dev.monotable.runtime.Read;
import dev.monotable.runtime.Repository;
import dev.monotable.runtime.TableIndex;
import dev.monotable.runtime.Update;
import java.util.ArrayList;
import java.util.HashMap;
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
  private final List<IndexKeyRule> indexKeyRules;
  private final boolean stamps;

  EntityStore(DynamoTable table, EntitySchema<T> schema, List<IndexKeyRule> indexKeyRules) {
    this.table = table;
    this.schema = schema;
    this.indexKeyRules = List.copyOf(indexKeyRules);
    this.stamps = schema.stamps();
  }

  /** How each index-key attribute written from templates follows its fields, for updates. */
  public List<IndexKeyRule> indexKeyRules() {
    return indexKeyRules;
  }

  /** Whether the item's time to live has passed (and the table hides such items): asked of the table. */
  public boolean expired(Map<String, AttributeValue> item) {
    return table.expired(item);
  }

  /** The condition that no live item has the key: none at all, or one whose time to live has passed. */
  public Condition absent() {
    Condition none = AttributePaths.of(schema.keyAttributes().get(0), AttributeCodecs.STRING).notExists();
    Condition live = table.notExpired();
    return live == null ? none : none.or(Condition.not(live));
  }

  /** The condition that a live item has the key. */
  public Condition present() {
    Condition exists = AttributePaths.of(schema.keyAttributes().get(0), AttributeCodecs.STRING).exists();
    Condition live = table.notExpired();
    return live == null ? exists : exists.and(live);
  }

  /** The table the items are in. */
  public DynamoTable table() {
    return table;
  }

  /**
   * The start of a query of access pattern {@code pattern} ({@code Entity.name}, which cursors are
   * bound to) on one partition of {@code index}, the table's primary key or a secondary index. An
   * index that does not hold whole items is read, then the items by their table keys. Generated
   * query builders narrow the sort key.
   */
  public QueryPlan.Start<T> query(TableIndex index, String pattern, AttributeValue partition) {
    return queryShards(index, pattern, List.of(partition));
  }

  /**
   * The start of a query of every shard of a sharded partition of {@code index}: the shards are read
   * in parallel and merged in sort-key order.
   */
  public QueryPlan.Start<T> queryShards(TableIndex index, String pattern, List<AttributeValue> shardPartitions) {
    return new QueryPlan.Start<>(this, pattern, index.indexName(), index.partitionKey(), shardPartitions,
        index.sortKey(), index.holdsWholeItems() ? null : schema.keyAttributes());
  }

  /**
   * The attributes a projected read of this entity reads whatever was asked: its keys, its type
   * attribute, and its time-to-live attribute when the table hides expired items (to tell them).
   */
  public List<String> readAlways() {
    List<String> always = Projections.keysAndType(schema);
    String timeToLive = table.timeToLiveAttribute();
    if (timeToLive != null) {
      always.add(timeToLive);
    }
    return always;
  }

  /**
   * The entities of {@code keys} read as {@code read} says, in the order asked; {@code typedKeys} as
   * for {@link #batchGet(List, List)}.
   */
  public List<Optional<T>> batchGet(List<Map<String, AttributeValue>> keys, List<?> typedKeys, Read read) {
    try {
      return Batches.get(this, keys, read);
    } catch (BatchIncompleteException incomplete) {
      throw typed(incomplete, keys, typedKeys);
    }
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
   * The entities of {@code keys}, in the order asked; {@code typedKeys} are the caller's keys in the
   * same order, handed back by a {@link BatchIncompleteException} for those still unread.
   */
  public List<Optional<T>> batchGet(List<Map<String, AttributeValue>> keys, List<?> typedKeys) {
    try {
      return batchGet(keys);
    } catch (BatchIncompleteException incomplete) {
      throw typed(incomplete, keys, typedKeys);
    }
  }

  /** The exception again, with the caller's keys of what was not processed. */
  static BatchIncompleteException typed(BatchIncompleteException incomplete,
      List<Map<String, AttributeValue>> keys, List<?> typedKeys) {
    List<Object> typed = new ArrayList<>();
    for (Map<String, AttributeValue> key : incomplete.unprocessed()) {
      int position = keys.indexOf(key);
      if (position >= 0) {
        typed.add(typedKeys.get(position));
      }
    }
    return new BatchIncompleteException(incomplete, typed);
  }

  /**
   * Writes every entity, replacing items with the same keys.
   *
   * @throws ItemTooLargeException when one is over 400 KB; nothing is sent
   * @throws IllegalArgumentException when two have one key; nothing is sent
   * @throws BatchIncompleteException carrying the items still unwritten after every retry
   */
  public void batchPut(List<T> entities) {
    refuseVersionedBatch("put");
    List<Map<String, AttributeValue>> items = new ArrayList<>(entities.size());
    for (T entity : entities) {
      items.add(stored(entity).item());
    }
    Batches.put(this, items);
  }

  /**
   * Deletes the items of {@code keys}.
   *
   * @throws IllegalStateException for a versioned entity, whose versions a batch cannot check;
   *     nothing is sent
   * @throws BatchIncompleteException carrying the keys still undeleted after every retry
   */
  public void batchDelete(List<Map<String, AttributeValue>> keys) {
    refuseVersionedBatch("delete");
    Batches.delete(this, keys);
  }

  /** Deletes the items of {@code keys}; {@code typedKeys} as for {@link #batchGet(List, List)}. */
  public void batchDelete(List<Map<String, AttributeValue>> keys, List<?> typedKeys) {
    try {
      batchDelete(keys);
    } catch (BatchIncompleteException incomplete) {
      throw typed(incomplete, keys, typedKeys);
    }
  }

  /** Batches cannot carry conditions, so they cannot check versions: refused for versioned entities. */
  public void refuseVersionedBatch(String operation) {
    if (schema.versionAttribute() != null) {
      throw new IllegalStateException(schema.entityType() + " is versioned, and a batch cannot check versions: "
          + operation + " them one by one with their version (or in a transaction)");
    }
  }

  /**
   * An update of the existing item with the given primary key, whose key fields are {@code keyFields}:
   * index keys built from them and from updated fields are rewritten. When there is no (live) item,
   * the update fails with {@link ConditionFailedException} and writes nothing.
   */
  public Update<T> update(Map<String, AttributeValue> key, KeyFields keyFields) {
    return new DefaultUpdate<>(this, key, keyFields, false);
  }

  /**
   * An update of the item with the given primary key that creates it when there is none (or it has
   * expired): a created item gets its key fields, type attribute, every index key derivable from
   * what the update sets, version 1 and its creation time.
   */
  public Update<T> upsert(Map<String, AttributeValue> key, KeyFields keyFields) {
    return new DefaultUpdate<>(this, key, keyFields, true);
  }

  /** A scan of the whole table for this entity's items. */
  public DefaultScan<T> scan() {
    return new DefaultScan<>(this);
  }

  /**
   * A scan of secondary index {@code index} for this entity's items; an index that does not hold
   * whole items is read, then the items by their table keys.
   */
  public DefaultScan<T> scanIndex(TableIndex index) {
    return new DefaultScan<>(this, index.indexName(), index.kind() == TableIndex.Kind.GLOBAL,
        index.holdsWholeItems() ? null : schema.keyAttributes());
  }

  /**
   * The store of a generated repository, for generated code that reads its entity elsewhere (an
   * item collection's narrowed queries).
   */
  public static <T> EntityStore<T> of(Repository<T> repository) {
    return AbstractRepository.storeOf(repository);
  }

  /** The schema items are mapped with. */
  public EntitySchema<T> schema() {
    return schema;
  }

  /**
   * Writes the entity's item, replacing any item with the same key.
   *
   * @return the entity as stored: with its creation and update times and its next version
   * @throws ItemTooLargeException when the item is over 400 KB; nothing is sent
   */
  public T put(T entity) {
    if (schema.versionAttribute() != null) {
      return put(entity, null);
    }
    Stored<T> stored = stored(entity);
    table.metering().putItem(schema.entityType(), "put", putRequest(stored));
    return stored.entity();
  }

  /** The unconditional PutItem of {@code stored}, an entity without a version. */
  PutItemRequest putRequest(Stored<T> stored) {
    return PutItemRequest.builder().tableName(table.name()).item(stored.item()).build();
  }

  /**
   * Writes the entity's item if {@code condition} holds for the item now stored under its key.
   *
   * @return the entity as stored
   * @throws ConditionFailedException when it does not; nothing is written
   */
  public T put(T entity, Condition condition) {
    Stored<T> stored = stored(entity);
    try {
      table.metering().putItem(schema.entityType(), "put", putRequest(stored, condition));
    } catch (ConditionalCheckFailedException failed) {
      throw conditionFailed("put", failed);
    }
    return stored.entity();
  }

  /**
   * The conditional PutItem of {@code stored}: on {@code condition}, and on the version read for a
   * versioned entity ({@link #versionedCondition}, which refuses a null condition otherwise).
   */
  PutItemRequest putRequest(Stored<T> stored, Condition condition) {
    RenderedCondition rendered = RenderedCondition.of(versionedCondition(stored.item(), condition));
    return PutItemRequest.builder()
        .tableName(table.name())
        .item(stored.item())
        .conditionExpression(rendered.expression())
        .expressionAttributeNames(rendered.names())
        .expressionAttributeValues(rendered.values())
        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
        .build();
  }

  /**
   * The condition of a put of {@code item}, a {@link #stored} item (here and in transactions). For a
   * versioned entity the item holds the next version, and the condition requires the version it was
   * read with (or no live item at all for version 0), and {@code condition} too; otherwise it is
   * {@code condition}.
   */
  public Condition versionedCondition(Map<String, AttributeValue> item, Condition condition) {
    String attribute = schema.versionAttribute();
    if (attribute == null) {
      if (condition == null) {
        throw new IllegalArgumentException("a conditional put needs a condition");
      }
      return condition;
    }
    AttributeValue stored = item.get(attribute);
    if (stored == null) {
      // an entity whose version its schema cannot set (no setter): the first version
      stored = AttributeValue.fromN("1");
      item.put(attribute, stored);
    }
    long read = Long.parseLong(stored.n()) - 1;
    Condition version = storedVersionIs(attribute, read);
    return condition == null ? version : version.and(condition);
  }

  /**
   * Writes the entity's item only when no item has its key.
   *
   * @return the entity as stored
   * @throws ConditionFailedException when one does; {@code current(Class)} holds it
   */
  public T putIfAbsent(T entity) {
    return put(entity, absent());
  }

  /** The checked item of an entity, as a transaction or batch writes it. */
  public Map<String, AttributeValue> itemFor(T entity) {
    return stored(entity).item();
  }

  /**
   * What a write of the entity stores: the entity stamped by its schema (creation and update times
   * from the table's clock, the next version) and the item built from that stamped entity, so that
   * every derived attribute (index keys, type, version, timestamps) comes from the stored values.
   *
   * @param entity the entity as stored
   * @param item its item, checked against DynamoDB's size limit
   */
  public record Stored<T>(T entity, Map<String, AttributeValue> item) {}

  /**
   * The entity and item a write stores.
   *
   * @throws ItemTooLargeException when the item is over 400 KB
   */
  public Stored<T> stored(T entity) {
    if (entity == null) {
      throw new IllegalArgumentException("cannot put a null " + schema.entityType());
    }
    T stamped = stamps ? schema.stamped(entity, table.options().clock().instant()) : entity;
    Map<String, AttributeValue> item = schema.toItem(stamped);
    long size = ItemSize.overLimit(item);
    if (size > 0) {
      throw new ItemTooLargeException(schema.entityType(), size);
    }
    // read back from the item, the entity is what a get returns (an empty set read as empty, ...)
    return new Stored<>(stamps ? schema.fromItem(item) : entity, item);
  }

  public ConditionFailedException conditionFailed(String operation, ConditionalCheckFailedException failed) {
    Object current = null;
    boolean absent = !failed.hasItem() || failed.item().isEmpty() || table.expired(failed.item());
    if (!absent) {
      Map<String, AttributeValue> item = failed.item();
      current = schema.holds(item) ? schema.fromItem(item) : null;
    }
    if (absent && operation.equals("update")) {
      return new ConditionFailedException("there is no " + schema.entityType() + " with this key to update; nothing was"
          + " written (upsert() creates it)", null, failed);
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
    return get(key, Read.eventual());
  }

  /**
   * Reads the item with the given primary key as {@code read} says: strongly consistent, or only
   * some attributes (and always the keys and the type attribute, so the item decodes and its type
   * is checked).
   *
   * @throws MappingException when an item is there but is of another entity type or cannot be read
   */
  public Optional<T> get(Map<String, AttributeValue> key, Read read) {
    return gotten(key, table.metering().getItem(schema.entityType(), "get", getRequest(key, read)));
  }

  /** The GetItem of {@code key}, read as {@code read} says. */
  GetItemRequest getRequest(Map<String, AttributeValue> key, Read read) {
    GetItemRequest.Builder request = GetItemRequest.builder().tableName(table.name()).key(key);
    if (read.isConsistent()) {
      request.consistentRead(true);
    }
    if (!read.projection().isEmpty()) {
      Map<String, String> names = new HashMap<>();
      request.projectionExpression(Projections.render(read.projection(), readAlways(), names))
          .expressionAttributeNames(names);
    }
    return request.build();
  }

  /** The entity a GetItem of {@code key} answered, if any. */
  Optional<T> gotten(Map<String, AttributeValue> key, GetItemResponse response) {
    if (!response.hasItem() || response.item().isEmpty() || expired(response.item())) {
      return Optional.empty();
    }
    return Optional.of(readAt(key, response.item()));
  }

  /**
   * The entity of {@code item}, read by {@code key}: {@link EntitySchema#readAt}.
   *
   * @throws MappingException when its key fields give another key
   */
  public T readAt(Map<String, AttributeValue> key, Map<String, AttributeValue> item) {
    return schema.readAt(key, item);
  }

  /**
   * Deletes the item with the given primary key if {@code condition} holds for it.
   *
   * @throws ConditionFailedException when it does not; nothing is deleted
   */
  public void delete(Map<String, AttributeValue> key, Condition condition) {
    try {
      table.metering().deleteItem(schema.entityType(), "delete", deleteRequest(key, condition));
    } catch (ConditionalCheckFailedException failed) {
      throw conditionFailed("delete", failed);
    }
  }

  /** The DeleteItem of {@code key}, on {@code condition} when it is not null. */
  DeleteItemRequest deleteRequest(Map<String, AttributeValue> key, Condition condition) {
    if (condition == null) {
      return DeleteItemRequest.builder().tableName(table.name()).key(key).build();
    }
    RenderedCondition rendered = RenderedCondition.of(condition);
    return DeleteItemRequest.builder()
        .tableName(table.name())
        .key(key)
        .conditionExpression(rendered.expression())
        .expressionAttributeNames(rendered.names())
        .expressionAttributeValues(rendered.values())
        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
        .build();
  }

  /**
   * Deletes the item with the given primary key, unconditionally (whatever its version); deleting an
   * absent item is not an error.
   */
  public void delete(Map<String, AttributeValue> key) {
    table.metering().deleteItem(schema.entityType(), "delete", deleteRequest(key, null));
  }

  /**
   * Deletes the entity's item; for a versioned entity only if the stored version is the one the
   * entity was read with.
   *
   * @throws OptimisticLockException when the item was written since (its version moved on); nothing
   *     is deleted
   */
  public void deleteEntity(T entity) {
    if (entity == null) {
      throw new IllegalArgumentException("cannot delete a null " + schema.entityType());
    }
    Condition version = versionCondition(entity);
    if (version == null) {
      delete(schema.keyOf(entity));
    } else {
      delete(schema.keyOf(entity), version);
    }
  }

  /**
   * For a versioned entity, the condition that the stored item still has the version it was read
   * with (for version 0, never written: that no live item exists); null for others.
   */
  public Condition versionCondition(T entity) {
    String attribute = schema.versionAttribute();
    if (attribute == null) {
      return null;
    }
    AttributeValue stored = schema.toItem(entity).get(attribute);
    long read = stored == null ? 0 : Long.parseLong(stored.n());
    return storedVersionIs(attribute, read);
  }

  /** That the stored item has version {@code read}; for 0 (never written), that there is no live item. */
  private Condition storedVersionIs(String attribute, long read) {
    return read == 0 ? absent() : AttributePaths.of(attribute, AttributeCodecs.LONG).eq(read);
  }
}
