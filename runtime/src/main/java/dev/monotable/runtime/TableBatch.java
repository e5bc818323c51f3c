package dev.monotable.runtime;


/**
 * Puts and deletes of several entity types in one batch: chunked to 25 writes and 16 MB, what
 * DynamoDB leaves unprocessed retried with backoff, and a {@link BatchIncompleteException} with
 * exactly the rest. Not atomic (use a transaction for that); two writes of one item are refused.
 *
 * <pre>{@code
 * table.batchWrite().put(table.users(), user).put(table.orders(), order).delete(table.orders(), old).execute();
 * }</pre>
 */
public interface TableBatch {
  /**
   * Writes {@code entity}, replacing any item with its key.
   *
   * @throws IllegalStateException for a versioned entity, whose version a batch cannot check
   */
  <T> TableBatch put(Repository<T> repository, T entity);

  /**
   * Deletes the item of {@code entity}.
   *
   * @throws IllegalStateException for a versioned entity, whose version a batch cannot check
   */
  <T> TableBatch delete(Repository<T> repository, T entity);

  /**
   * Sends the writes.
   *
   * @throws BatchIncompleteException carrying the items (puts) and keys (deletes) still unprocessed
   */
  void execute();
}
