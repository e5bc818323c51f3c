package dev.monotable.runtime.async;

import dev.monotable.runtime.Condition;
import dev.monotable.runtime.Transaction;
import java.util.concurrent.CompletableFuture;

/**
 * A transaction of up to 100 writes across entity types ({@link Transaction}), sent asynchronously.
 * Actions are added as they are to the synchronous one, and refused there and then.
 */
public interface AsyncTransaction {
  /** As {@link Transaction#put(dev.monotable.runtime.Repository, Object)}. */
  <T> AsyncTransaction put(AsyncRepository<T> repository, T entity);

  /** As {@link Transaction#put(dev.monotable.runtime.Repository, Object, Condition)}. */
  <T> AsyncTransaction put(AsyncRepository<T> repository, T entity, Condition condition);

  /** As {@link Transaction#update(dev.monotable.runtime.Update)}. */
  <T> AsyncTransaction update(AsyncUpdate<T> update);

  /** As {@link Transaction#delete(dev.monotable.runtime.Repository, Object)}. */
  <T> AsyncTransaction delete(AsyncRepository<T> repository, T entity);

  /** As {@link Transaction#delete(dev.monotable.runtime.Repository, Object, Condition)}. */
  <T> AsyncTransaction delete(AsyncRepository<T> repository, T entity, Condition condition);

  /** As {@link Transaction#conditionCheck(dev.monotable.runtime.Repository, Object, Condition)}. */
  <T> AsyncTransaction conditionCheck(AsyncRepository<T> repository, T entity, Condition condition);

  /** As {@link Transaction#idempotencyToken(String)}. */
  AsyncTransaction idempotencyToken(String token);

  /**
   * Sends the transaction; the future fails with {@code TransactionFailedException} where
   * {@link Transaction#execute()} throws it.
   */
  CompletableFuture<Void> execute();
}
