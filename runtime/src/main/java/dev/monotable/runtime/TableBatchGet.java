package dev.monotable.runtime;

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
public interface TableBatchGet {
  /** Adds the read of the item of {@code key} (built with {@code <Entity>Keys.primaryKey}). */
  <T> Result<T> get(Repository<T> repository, Map<String, AttributeValue> key);

  /**
   * Reads every key (100 a request, unprocessed keys retried).
   *
   * @throws BatchIncompleteException carrying the keys still unread
   */
  void execute();

  /**
   * The entity one {@code get} reads, once the batch has run.
   *
   * @param <T> the entity type
   */
  interface Result<T> {
    /**
     * The entity, empty when there is no item, it has expired, or it is of another type.
     *
     * @throws IllegalStateException before the batch has run
     */
    Optional<T> value();
  }
}
