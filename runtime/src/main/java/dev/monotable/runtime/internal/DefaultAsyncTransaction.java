package dev.monotable.runtime.internal;

import dev.monotable.runtime.Condition;
import dev.monotable.runtime.async.AsyncRepository;
import dev.monotable.runtime.async.AsyncTransaction;
import dev.monotable.runtime.async.AsyncUpdate;
import java.util.concurrent.CompletableFuture;

/** The implementation of {@link AsyncTransaction}: a {@link DefaultTransaction}'s actions, sent through the async client. */
final class DefaultAsyncTransaction implements AsyncTransaction {
  private final DefaultTransaction transaction;

  DefaultAsyncTransaction(DynamoTable table) {
    this.transaction = new DefaultTransaction(table);
  }

  @Override
  public <T> AsyncTransaction put(AsyncRepository<T> repository, T entity) {
    return put(repository, entity, null);
  }

  @Override
  public <T> AsyncTransaction put(AsyncRepository<T> repository, T entity, Condition condition) {
    transaction.put(store(repository), entity, condition);
    return this;
  }

  @Override
  public <T> AsyncTransaction update(AsyncUpdate<T> update) {
    transaction.update(DefaultAsyncUpdate.of(update).executor());
    return this;
  }

  @Override
  public <T> AsyncTransaction delete(AsyncRepository<T> repository, T entity) {
    return delete(repository, entity, null);
  }

  @Override
  public <T> AsyncTransaction delete(AsyncRepository<T> repository, T entity, Condition condition) {
    transaction.delete(store(repository), entity, condition);
    return this;
  }

  @Override
  public <T> AsyncTransaction conditionCheck(AsyncRepository<T> repository, T entity, Condition condition) {
    transaction.conditionCheck(store(repository), entity, condition);
    return this;
  }

  @Override
  public AsyncTransaction idempotencyToken(String token) {
    transaction.idempotencyToken(token);
    return this;
  }

  @Override
  public CompletableFuture<Void> execute() {
    return Futures.unwrapped(transaction.executeAsync());
  }

  private static <T> EntityStore<T> store(AsyncRepository<T> repository) {
    return AbstractAsyncRepository.storeOf(repository).requests();
  }
}
