package dev.monotable.runtime.internal;

import dev.monotable.runtime.BatchIncompleteException;
import dev.monotable.runtime.Condition;
import dev.monotable.runtime.Read;
import dev.monotable.runtime.TableIndex;
import dev.monotable.runtime.async.AsyncRepository;
import dev.monotable.runtime.async.AsyncScan;
import dev.monotable.runtime.async.AsyncUpdate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * The item operations of one entity type through the table's async client, which generated async
 * repositories delegate to: the requests of {@link EntityStore} (which builds and checks them, and
 * decodes the answers), each sent without blocking, each future failing with the exception the
 * synchronous operation throws.
 *
 * @param <T> the entity type
 */
public final class AsyncEntityStore<T> {
  private final EntityStore<T> store;

  AsyncEntityStore(EntityStore<T> store) {
    this.store = store;
  }

  /** The synchronous store whose requests this one sends: its schema, table and conditions. */
  public EntityStore<T> requests() {
    return store;
  }

  /** The schema items are mapped with. */
  public EntitySchema<T> schema() {
    return store.schema();
  }

  /** The store of a generated async repository, for generated code that reads its entity elsewhere. */
  public static <T> AsyncEntityStore<T> of(AsyncRepository<T> repository) {
    return AbstractAsyncRepository.storeOf(repository);
  }

  /** As {@link EntityStore#query}: an async query's start. */
  public QueryPlan.Start<T> query(TableIndex index, String pattern, AttributeValue partition) {
    return store.query(index, pattern, partition);
  }

  /** As {@link EntityStore#queryShards}. */
  public QueryPlan.Start<T> queryShards(TableIndex index, String pattern, List<AttributeValue> shardPartitions) {
    return store.queryShards(index, pattern, shardPartitions);
  }

  /** Reads the item with the given primary key. */
  public CompletableFuture<Optional<T>> get(Map<String, AttributeValue> key) {
    return get(key, Read.eventual());
  }

  /** Reads the item with the given primary key as {@code read} says. */
  public CompletableFuture<Optional<T>> get(Map<String, AttributeValue> key, Read read) {
    return Futures.mapped(metering().getItem(entity(), "get", store.getRequest(key, read)),
        response -> store.gotten(key, response));
  }

  /** Writes the entity's item, replacing any item with the same key; the future holds it as stored. */
  public CompletableFuture<T> put(T entity) {
    if (store.schema().versionAttribute() != null) {
      return put(entity, null);
    }
    EntityStore.Stored<T> stored = store.stored(entity);
    return Futures.mapped(metering().putItem(entity(), "put", store.putRequest(stored)),
        response -> stored.entity());
  }

  /** Writes the entity's item if {@code condition} holds for the item stored under its key. */
  public CompletableFuture<T> put(T entity, Condition condition) {
    EntityStore.Stored<T> stored = store.stored(entity);
    PutItemRequest request = store.putRequest(stored, condition);   // a null condition is refused here, at once
    return Futures.unwrapped(conditional("put", metering().putItem(entity(), "put", request))
        .thenApply(response -> stored.entity()));
  }

  /** Writes the entity's item only when no (live) item has its key. */
  public CompletableFuture<T> putIfAbsent(T entity) {
    return put(entity, store.absent());
  }

  /** Deletes the item with the given primary key, unconditionally. */
  public CompletableFuture<Void> delete(Map<String, AttributeValue> key) {
    return Futures.mapped(metering().deleteItem(entity(), "delete", store.deleteRequest(key, null)),
        response -> null);
  }

  /** Deletes the item with the given primary key if {@code condition} holds for it. */
  public CompletableFuture<Void> delete(Map<String, AttributeValue> key, Condition condition) {
    return Futures.unwrapped(conditional("delete",
        metering().deleteItem(entity(), "delete", store.deleteRequest(key, condition))).thenApply(response -> null));
  }

  /** Deletes the entity's item; for a versioned entity only if its stored version is the one read. */
  public CompletableFuture<Void> deleteEntity(T entity) {
    if (entity == null) {
      throw new IllegalArgumentException("cannot delete a null " + store.schema().entityType());
    }
    Condition version = store.versionCondition(entity);
    return version == null ? delete(store.schema().keyOf(entity)) : delete(store.schema().keyOf(entity), version);
  }

  /** As {@link EntityStore#update}: an async update of the existing item. */
  public AsyncUpdate<T> update(Map<String, AttributeValue> key, KeyFields keyFields) {
    return new DefaultAsyncUpdate<>(store, key, keyFields, false);
  }

  /** As {@link EntityStore#upsert}: an async update that creates the item when there is none. */
  public AsyncUpdate<T> upsert(Map<String, AttributeValue> key, KeyFields keyFields) {
    return new DefaultAsyncUpdate<>(store, key, keyFields, true);
  }

  /** The entities of {@code keys}, in the order asked; a {@link BatchIncompleteException} names {@code typedKeys}. */
  public CompletableFuture<List<Optional<T>>> batchGet(List<Map<String, AttributeValue>> keys, List<?> typedKeys) {
    return batchGet(keys, typedKeys, Read.eventual());
  }

  /** As {@link #batchGet(List, List)}, read as {@code read} says. */
  public CompletableFuture<List<Optional<T>>> batchGet(List<Map<String, AttributeValue>> keys, List<?> typedKeys,
      Read read) {
    return typed(Batches.getAsync(store, keys, read), keys, typedKeys);
  }

  /** Writes every entity, replacing items with the same keys. */
  public CompletableFuture<Void> batchPut(List<T> entities) {
    store.refuseVersionedBatch("put");
    List<Map<String, AttributeValue>> items = new ArrayList<>(entities.size());
    for (T entity : entities) {
      items.add(store.stored(entity).item());
    }
    return Futures.unwrapped(Batches.putAsync(store, items));
  }

  /** Deletes the items of {@code keys}; a {@link BatchIncompleteException} names {@code typedKeys}. */
  public CompletableFuture<Void> batchDelete(List<Map<String, AttributeValue>> keys, List<?> typedKeys) {
    store.refuseVersionedBatch("delete");
    return typed(Batches.deleteAsync(store, keys), keys, typedKeys);
  }

  /** A scan of the whole table for this entity's items. */
  public AsyncScan<T> scan() {
    return new DefaultAsyncScan<>(store.scan());
  }

  /** A scan of secondary index {@code index} for this entity's items. */
  public AsyncScan<T> scanIndex(TableIndex index) {
    return new DefaultAsyncScan<>(store.scanIndex(index));
  }

  private String entity() {
    return store.schema().entityType();
  }

  private AsyncMetering metering() {
    return store.table().asyncMetering();
  }

  /**
   * {@code sent}, its failed condition the {@code ConditionFailedException} the synchronous
   * {@code operation} throws.
   */
  private <R> CompletableFuture<R> conditional(String operation, CompletableFuture<R> sent) {
    return Futures.mapFailure(sent, failure -> failure instanceof ConditionalCheckFailedException failed
        ? store.conditionFailed(operation, failed) : failure);
  }

  private static <R> CompletableFuture<R> typed(CompletableFuture<R> sent, List<Map<String, AttributeValue>> keys,
      List<?> typedKeys) {
    Function<Throwable, Throwable> translation = failure -> failure instanceof BatchIncompleteException incomplete
        ? EntityStore.typed(incomplete, keys, typedKeys) : failure;
    return Futures.mapFailure(sent, translation);
  }
}
