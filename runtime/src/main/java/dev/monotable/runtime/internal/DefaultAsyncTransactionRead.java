package dev.monotable.runtime.internal;

import dev.monotable.runtime.TransactionRead;
import dev.monotable.runtime.async.AsyncRepository;
import dev.monotable.runtime.async.AsyncTransactionRead;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The implementation of {@link AsyncTransactionRead}: a {@link DefaultTransactionRead} sent through the async client. */
final class DefaultAsyncTransactionRead implements AsyncTransactionRead {
  private final DefaultTransactionRead read;

  DefaultAsyncTransactionRead(DynamoTable table) {
    this.read = new DefaultTransactionRead(table);
  }

  @Override
  public <T> TransactionRead.Result<T> get(AsyncRepository<T> repository, Map<String, AttributeValue> key) {
    return read.get(AbstractAsyncRepository.storeOf(repository).schema(), key);
  }

  @Override
  public CompletableFuture<Void> execute() {
    return Futures.unwrapped(read.executeAsync());
  }
}
