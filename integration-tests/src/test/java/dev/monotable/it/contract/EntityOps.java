package dev.monotable.it.contract;

import dev.monotable.runtime.Condition;
import dev.monotable.runtime.Repository;
import dev.monotable.runtime.async.AsyncRepository;
import java.util.List;

/**
 * The writes every repository has, of either flavour ({@link Repository}, {@link AsyncRepository});
 * the operations by key are generated per entity and sit on the design's facade.
 */
interface EntityOps<T> {
  T put(T entity);

  T put(T entity, Condition condition);

  T putIfAbsent(T entity);

  void delete(T entity);

  void batchPut(List<T> entities);

  ScanOps<T> scanAll();

  /** Over {@link Repository}. */
  record Sync<T>(Repository<T> repository) implements EntityOps<T> {
    @Override
    public T put(T entity) {
      return repository.put(entity);
    }

    @Override
    public T put(T entity, Condition condition) {
      return repository.put(entity, condition);
    }

    @Override
    public T putIfAbsent(T entity) {
      return repository.putIfAbsent(entity);
    }

    @Override
    public void delete(T entity) {
      repository.delete(entity);
    }

    @Override
    public void batchPut(List<T> entities) {
      repository.batchPut(entities);
    }

    @Override
    public ScanOps<T> scanAll() {
      return ScanOps.sync(repository.scanAll());
    }
  }

  /** Over {@link AsyncRepository}, each future awaited. */
  record Async<T>(AsyncRepository<T> repository) implements EntityOps<T> {
    @Override
    public T put(T entity) {
      return Await.result(repository.put(entity));
    }

    @Override
    public T put(T entity, Condition condition) {
      return Await.result(repository.put(entity, condition));
    }

    @Override
    public T putIfAbsent(T entity) {
      return Await.result(repository.putIfAbsent(entity));
    }

    @Override
    public void delete(T entity) {
      Await.result(repository.delete(entity));
    }

    @Override
    public void batchPut(List<T> entities) {
      Await.result(repository.batchPut(entities));
    }

    @Override
    public ScanOps<T> scanAll() {
      return ScanOps.async(repository.scanAll());
    }
  }
}
