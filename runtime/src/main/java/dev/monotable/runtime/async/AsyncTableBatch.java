package dev.monotable.runtime.async;

import dev.monotable.runtime.TableBatch;
import java.util.concurrent.CompletableFuture;

/** A batch of puts and deletes across entity types ({@link TableBatch}), sent asynchronously. */
public interface AsyncTableBatch {
  /** As {@link TableBatch#put(dev.monotable.runtime.Repository, Object)}. */
  <T> AsyncTableBatch put(AsyncRepository<T> repository, T entity);

  /** As {@link TableBatch#delete(dev.monotable.runtime.Repository, Object)}. */
  <T> AsyncTableBatch delete(AsyncRepository<T> repository, T entity);

  /**
   * Writes every item, 25 a request, retrying unprocessed ones after a scheduled back-off; the
   * future fails with {@code BatchIncompleteException} where {@link TableBatch#execute()} throws it.
   */
  CompletableFuture<Void> execute();
}
