package dev.monotable.runtime.internal;

import dev.monotable.runtime.async.AsyncRepository;
import dev.monotable.runtime.async.AsyncTableBatch;
import java.util.concurrent.CompletableFuture;

/** The implementation of {@link AsyncTableBatch}: a {@link DefaultTableBatch} sent through the async client. */
final class DefaultAsyncTableBatch implements AsyncTableBatch {
  private final DefaultTableBatch batch;

  DefaultAsyncTableBatch(DynamoTable table) {
    this.batch = new DefaultTableBatch(table);
  }

  @Override
  public <T> AsyncTableBatch put(AsyncRepository<T> repository, T entity) {
    batch.put(AbstractAsyncRepository.storeOf(repository).requests(), entity);
    return this;
  }

  @Override
  public <T> AsyncTableBatch delete(AsyncRepository<T> repository, T entity) {
    batch.delete(AbstractAsyncRepository.storeOf(repository).requests(), entity);
    return this;
  }

  @Override
  public CompletableFuture<Void> execute() {
    return Futures.unwrapped(batch.executeAsync());
  }
}
