package dev.monotable.runtime.async;

import dev.monotable.runtime.TransactionRead;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reads of up to 100 items as one snapshot ({@link TransactionRead}), sent asynchronously. */
public interface AsyncTransactionRead {
  /** As {@link TransactionRead#get(dev.monotable.runtime.Repository, Map)}. */
  <T> TransactionRead.Result<T> get(AsyncRepository<T> repository, Map<String, AttributeValue> key);

  /** Reads every item as one snapshot; the results hold their entities once the future completes. */
  CompletableFuture<Void> execute();
}
