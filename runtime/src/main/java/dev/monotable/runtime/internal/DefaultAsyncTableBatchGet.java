package dev.monotable.runtime.internal;

import dev.monotable.runtime.TableBatchGet;
import dev.monotable.runtime.async.AsyncRepository;
import dev.monotable.runtime.async.AsyncTableBatchGet;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The implementation of {@link AsyncTableBatchGet}: a {@link DefaultTableBatchGet} sent through the async client. */
final class DefaultAsyncTableBatchGet implements AsyncTableBatchGet {
  private final DefaultTableBatchGet batch;

  DefaultAsyncTableBatchGet(DynamoTable table) {
    this.batch = new DefaultTableBatchGet(table);
  }

  @Override
  public <T> TableBatchGet.Result<T> get(AsyncRepository<T> repository, Map<String, AttributeValue> key) {
    return batch.get(AbstractAsyncRepository.storeOf(repository).schema(), key);
  }

  @Override
  public CompletableFuture<Void> execute() {
    return Futures.unwrapped(batch.executeAsync());
  }
}
