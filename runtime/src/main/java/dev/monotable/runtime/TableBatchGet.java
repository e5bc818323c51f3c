package dev.monotable.runtime;

import dev.monotable.runtime.internal.Batches;
import dev.monotable.runtime.internal.DynamoTable;
import dev.monotable.runtime.internal.EntitySchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads of several entity types in one batch: each {@code get} returns a handle that holds its
 * entity once {@link #execute()} has run.
 *
 * <pre>{@code
 * TableBatchGet batch = table.batchGet();
 * TableBatchGet.Result<User> user = batch.get(table.users(), UserKeys.primaryKey("ada"));
 * TableBatchGet.Result<Order> order = batch.get(table.orders(), OrderKeys.primaryKey("ada", date, "o-1"));
 * batch.execute();
 * user.value();   // Optional<User>
 * }</pre>
 */
public final class TableBatchGet {
  private final DynamoTable table;
  private final List<Result<?>> results = new ArrayList<>();

  TableBatchGet(DynamoTable table) {
    this.table = table;
  }

  /** The entity read for one key, once the batch has run. */
  public static final class Result<T> {
    private final EntitySchema<T> schema;
    private final Map<String, AttributeValue> key;
    private Optional<T> value;

    Result(EntitySchema<T> schema, Map<String, AttributeValue> key) {
      this.schema = schema;
      this.key = key;
    }

    /**
     * The entity, empty when there is no item, it has expired, or it is of another type.
     *
     * @throws IllegalStateException before the batch has run
     */
    public Optional<T> value() {
      if (value == null) {
        throw new IllegalStateException("the batch has not run: call execute() first");
      }
      return value;
    }

    void decode(Map<String, AttributeValue> item, DynamoTable table) {
      value = item == null || table.expired(item) || !schema.holds(item)
          ? Optional.empty() : Optional.of(schema.readAt(key, item));
    }
  }

  /** Adds the read of the item of {@code key} (built with {@code <Entity>Keys.primaryKey}). */
  public <T> Result<T> get(Repository<T> repository, Map<String, AttributeValue> key) {
    Result<T> result = new Result<>(repository.store().schema(), key);
    results.add(result);
    return result;
  }

  /**
   * Reads every key (100 a request, unprocessed keys retried).
   *
   * @throws BatchIncompleteException carrying the keys still unread
   */
  public void execute() {
    if (results.isEmpty()) {
      return;
    }
    List<Map<String, AttributeValue>> keys = new ArrayList<>();
    results.forEach(r -> keys.add(r.key));
    Map<Map<String, AttributeValue>, Map<String, AttributeValue>> found =
        Batches.fetch(table, List.copyOf(results.get(0).schema.keyAttributes()), keys, false);
    for (Result<?> result : results) {
      result.decode(found.get(result.key), table);
    }
  }
}
