package dev.monotable.runtime.async;

import dev.monotable.runtime.Condition;
import dev.monotable.runtime.Path;
import dev.monotable.runtime.Update;
import dev.monotable.runtime.UpdateReturn;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A typed update of one item ({@link Update}), sent asynchronously: the same clauses, each
 * returning a new update; {@link #execute()} returns a future.
 *
 * <pre>{@code
 * table.products().update("LAMP")
 *     .increment(ProductFields.STOCK)
 *     .when(ProductFields.STOCK.lt(100L))
 *     .execute()
 *     .thenAccept(updated -> log(updated));
 * }</pre>
 *
 * @param <T> the entity type
 */
public interface AsyncUpdate<T> {
  /** As {@link Update#set(Path, Object)}. */
  <V> AsyncUpdate<T> set(Path<V> path, V value);

  /** As {@link Update#setIfAbsent(Path, Object)}. */
  <V> AsyncUpdate<T> setIfAbsent(Path<V> path, V value);

  /** As {@link Update#add(Path, Number)}. */
  <N extends Number> AsyncUpdate<T> add(Path<N> path, N delta);

  /** As {@link Update#increment(Path)}. */
  AsyncUpdate<T> increment(Path<? extends Number> path);

  /** As {@link Update#decrement(Path)}. */
  AsyncUpdate<T> decrement(Path<? extends Number> path);

  /** As {@link Update#addToSet(Path, Set)}. */
  <E> AsyncUpdate<T> addToSet(Path<Set<E>> path, Set<E> elements);

  /** As {@link Update#removeFromSet(Path, Set)}. */
  <E> AsyncUpdate<T> removeFromSet(Path<Set<E>> path, Set<E> elements);

  /** As {@link Update#append(Path, List)}. */
  <E> AsyncUpdate<T> append(Path<List<E>> path, List<E> elements);

  /** As {@link Update#prepend(Path, List)}. */
  <E> AsyncUpdate<T> prepend(Path<List<E>> path, List<E> elements);

  /** As {@link Update#remove(Path)}. */
  AsyncUpdate<T> remove(Path<?> path);

  /** As {@link Update#when(Condition)}. */
  AsyncUpdate<T> when(Condition condition);

  /** As {@link Update#expectingVersion(long)}. */
  AsyncUpdate<T> expectingVersion(long version);

  /** As {@link Update#returning(UpdateReturn)}. */
  AsyncUpdate<T> returning(UpdateReturn returning);

  /**
   * Sends the update, as {@link Update#execute()} does; the future fails with
   * {@code ConditionFailedException} (or {@code OptimisticLockException}) where that throws it.
   */
  CompletableFuture<Optional<T>> execute();
}
