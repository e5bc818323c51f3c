package dev.monotable.runtime.internal;

import dev.monotable.runtime.Condition;
import dev.monotable.runtime.Repository;
import dev.monotable.runtime.Scan;
import java.util.List;

/**
 * The implementation of {@link Repository} that every generated repository extends, holding the
 * item operations of its entity type; the generated subclass adds what is typed by the entity's key
 * fields and access patterns.
 *
 * @param <T> the entity type
 */
public abstract class AbstractRepository<T> implements Repository<T> {
  private final EntityStore<T> store;

  /** A repository whose items {@code store} reads and writes. */
  protected AbstractRepository(EntityStore<T> store) {
    this.store = store;
  }

  @Override
  public T put(T entity) {
    return store().put(entity);
  }

  @Override
  public T put(T entity, Condition condition) {
    return store().put(entity, condition);
  }

  @Override
  public T putIfAbsent(T entity) {
    return store().putIfAbsent(entity);
  }

  @Override
  public void delete(T entity) {
    store().deleteEntity(entity);
  }

  @Override
  public void batchPut(List<T> entities) {
    store().batchPut(entities);
  }

  @Override
  public Scan<T> scanAll() {
    return store().scan();
  }

  /** The item operations of the entity type, for the generated subclass. */
  protected final EntityStore<T> store() {
    return store;
  }

  /**
   * The store of {@code repository}, which must be a generated one.
   *
   * @throws IllegalArgumentException for a repository of another origin
   */
  static <T> EntityStore<T> storeOf(Repository<T> repository) {
    if (repository instanceof AbstractRepository<T> generated) {
      return generated.store;
    }
    throw new IllegalArgumentException(repository.getClass().getName() + " is not a generated repository: get"
        + " repositories from the generated table class");
  }
}
