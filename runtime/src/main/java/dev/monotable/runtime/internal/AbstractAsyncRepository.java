package dev.monotable.runtime.internal;

import dev.monotable.runtime.Condition;
import dev.monotable.runtime.async.AsyncRepository;
import dev.monotable.runtime.async.AsyncScan;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The implementation of {@link AsyncRepository} that every generated async repository extends,
 * holding the async item operations of its entity type.
 *
 * @param <T> the entity type
 */
public abstract class AbstractAsyncRepository<T> implements AsyncRepository<T> {
  private final AsyncEntityStore<T> store;

  /** A repository whose items {@code store}'s requests read and write, through the table's async client. */
  protected AbstractAsyncRepository(EntityStore<T> store) {
    this.store = new AsyncEntityStore<>(store);
  }

  @Override
  public CompletableFuture<T> put(T entity) {
    return store.put(entity);
  }

  @Override
  public CompletableFuture<T> put(T entity, Condition condition) {
    return store.put(entity, condition);
  }

  @Override
  public CompletableFuture<T> putIfAbsent(T entity) {
    return store.putIfAbsent(entity);
  }

  @Override
  public CompletableFuture<Void> delete(T entity) {
    return store.deleteEntity(entity);
  }

  @Override
  public CompletableFuture<Void> batchPut(List<T> entities) {
    return store.batchPut(entities);
  }

  @Override
  public AsyncScan<T> scanAll() {
    return store.scan();
  }

  /** The async item operations of the entity type, for the generated subclass. */
  protected final AsyncEntityStore<T> store() {
    return store;
  }

  /**
   * The store of {@code repository}, which must be a generated one.
   *
   * @throws IllegalArgumentException for a repository of another origin
   */
  static <T> AsyncEntityStore<T> storeOf(AsyncRepository<T> repository) {
    if (repository instanceof AbstractAsyncRepository<T> generated) {
      return generated.store;
    }
    throw new IllegalArgumentException(repository.getClass().getName() + " is not a generated async repository:"
        + " get repositories from the generated async table");
  }
}
