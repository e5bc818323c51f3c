package dev.monotable.runtime;

import dev.monotable.runtime.internal.Batches;
import dev.monotable.runtime.internal.DynamoTable;
import dev.monotable.runtime.internal.EntitySchema;
import dev.monotable.runtime.internal.EntityStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Puts and deletes of several entity types in one batch: chunked to 25 writes and 16 MB, what
 * DynamoDB leaves unprocessed retried with backoff, and a {@link BatchIncompleteException} with
 * exactly the rest. Not atomic (use a transaction for that); two writes of one item are refused.
 *
 * <pre>{@code
 * table.batchWrite().put(table.users(), user).put(table.orders(), order).delete(table.orders(), old).execute();
 * }</pre>
 */
public final class TableBatch {
  private final DynamoTable table;
  private final List<WriteRequest> writes = new ArrayList<>();
  private final Set<Map<String, AttributeValue>> keys = new HashSet<>();
  private final Map<String, EntitySchema<?>> schemas = new java.util.HashMap<>();

  TableBatch(DynamoTable table) {
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

  /**
   * Writes {@code entity}, replacing any item with its key.
   *
   * @throws IllegalStateException for a versioned entity, whose version a batch cannot check
   */
  public <T> TableBatch put(Repository<T> repository, T entity) {
    EntityStore<T> store = repository.store();
    store.refuseVersionedBatch("put");
    Map<String, AttributeValue> item = store.itemFor(entity);
    Map<String, AttributeValue> key = new LinkedHashMap<>();
    store.schema().keyAttributes().forEach(a -> key.put(a, item.get(a)));
    add(store.schema(), key, WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
    return this;
  }

  /**
   * Deletes the item of {@code entity}.
   *
   * @throws IllegalStateException for a versioned entity, whose version a batch cannot check
   */
  public <T> TableBatch delete(Repository<T> repository, T entity) {
    repository.store().refuseVersionedBatch("delete");
    EntitySchema<T> schema = repository.store().schema();
    Map<String, AttributeValue> key = schema.keyOf(entity);
    add(schema, key, WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key).build()).build());
    return this;
  }

  /**
   * Sends the writes.
   *
   * @throws BatchIncompleteException carrying the items (puts) and keys (deletes) still unprocessed
   */
  public void execute() {
    Batches.write(table, writes, "writes", item -> {
      EntitySchema<?> schema = schemas.values().stream().findFirst().orElseThrow();
      // a table without a type attribute holds one entity type
      EntitySchema<?> typed = schema.typeAttribute().isEmpty() ? schema : schemas.get(DynamoTable.typeOf(item, schema.typeAttribute()));
      return typed == null ? item : typed.fromItem(item);
    });
  }
}
