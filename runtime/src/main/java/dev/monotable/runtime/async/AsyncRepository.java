package dev.monotable.runtime.async;

import dev.monotable.runtime.Condition;
import dev.monotable.runtime.Repository;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The operations every generated async repository has, whatever its entity's keys ({@link
 * Repository}, returning futures). The generated {@code <Entity>AsyncRepository} adds those typed
 * by the key fields and one query method per access pattern.
 *
 * @param <T> the entity type
 */
public interface AsyncRepository<T> {
  /** As {@link Repository#put(Object)}: the future holds the entity as stored. */
  CompletableFuture<T> put(T entity);

  /** As {@link Repository#put(Object, Condition)}. */
  CompletableFuture<T> put(T entity, Condition condition);

  /** As {@link Repository#putIfAbsent(Object)}. */
  CompletableFuture<T> putIfAbsent(T entity);

  /** As {@link Repository#delete(Object)}. */
  CompletableFuture<Void> delete(T entity);

  /** As {@link Repository#batchPut(List)}: unprocessed items are retried after a scheduled back-off. */
  CompletableFuture<Void> batchPut(List<T> entities);

  /** As {@link Repository#scanAll()}. */
  AsyncScan<T> scanAll();
}
