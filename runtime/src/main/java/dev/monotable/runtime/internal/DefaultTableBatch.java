package dev.monotable.runtime.internal;

import dev.monotable.runtime.Repository;
import dev.monotable.runtime.TableBatch;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The implementation of {@link TableBatch}.
 */
public final class DefaultTableBatch implements TableBatch {
  private final DynamoTable table;
  private final List<WriteRequest> writes = new ArrayList<>();
  private final Set<Map<String, AttributeValue>> keys = new HashSet<>();
  private final Map<String, EntitySchema<?>> schemas = new java.util.HashMap<>();

  DefaultTableBatch(DynamoTable table) {
    this.table = table;
  }

  private <T> void add(EntitySchema<T> schema, Map<String, AttributeValue> key, WriteRequest write) {
    schemas.put(schema.entityType(), schema);
    if (!keys.add(key)) {
      throw new IllegalStateException("two writes of one batch on the " + schema.entityType() + " item " + key
          + "; DynamoDB refuses that");
    }
    writes.add(write);
  }

  @Override
  public <T> TableBatch put(Repository<T> repository, T entity) {
    return put(AbstractRepository.storeOf(repository), entity);
  }

  /** Adds the put of {@code entity}. */
  <T> TableBatch put(EntityStore<T> store, T entity) {
    store.refuseVersionedBatch("put");
    Map<String, AttributeValue> item = store.itemFor(entity);
    Map<String, AttributeValue> key = new LinkedHashMap<>();
    store.schema().keyAttributes().forEach(a -> key.put(a, item.get(a)));
    add(store.schema(), key, WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
    return this;
  }

  @Override
  public <T> TableBatch delete(Repository<T> repository, T entity) {
    return delete(AbstractRepository.storeOf(repository), entity);
  }

  /** Adds the delete of {@code entity}'s item. */
  <T> TableBatch delete(EntityStore<T> store, T entity) {
    store.refuseVersionedBatch("delete");
    EntitySchema<T> schema = store.schema();
    Map<String, AttributeValue> key = schema.keyOf(entity);
    add(schema, key, WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key).build()).build());
    return this;
  }

  @Override
  public void execute() {
    Batches.write(table, writes, "writes", this::decode);
  }

  /** {@link #execute()} through the async client. */
  CompletableFuture<Void> executeAsync() {
    return Batches.writeAsync(null, "batchWrite", table, writes, "writes", this::decode);
  }

  /** The entity of an unwritten put's item, for the exception. */
  private Object decode(Map<String, AttributeValue> item) {
    EntitySchema<?> schema = schemas.values().stream().findFirst().orElseThrow();
    // a table without a type attribute holds one entity type
    EntitySchema<?> typed = schema.typeAttribute().isEmpty() ? schema : schemas.get(DynamoTable.typeOf(item, schema.typeAttribute()));
    return typed == null ? item : typed.fromItem(item);
  }
}
