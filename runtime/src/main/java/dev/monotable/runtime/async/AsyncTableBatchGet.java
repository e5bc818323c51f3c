package dev.monotable.runtime.async;

import dev.monotable.runtime.TableBatchGet;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reads of several entity types in one batch ({@link TableBatchGet}), sent asynchronously. */
public interface AsyncTableBatchGet {
  /** As {@link TableBatchGet#get(dev.monotable.runtime.Repository, Map)}. */
  <T> TableBatchGet.Result<T> get(AsyncRepository<T> repository, Map<String, AttributeValue> key);

  /** Reads every item; the results hold their entities once the future completes. */
  CompletableFuture<Void> execute();
}
