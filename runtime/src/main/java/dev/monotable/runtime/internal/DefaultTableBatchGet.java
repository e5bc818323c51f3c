package dev.monotable.runtime.internal;

import dev.monotable.runtime.TableBatchGet.Result;
import dev.monotable.runtime.Repository;
import dev.monotable.runtime.TableBatchGet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The implementation of {@link TableBatchGet}.
 */
public final class DefaultTableBatchGet implements TableBatchGet {
  private final DynamoTable table;
  private final List<ReadHandle<?>> results = new ArrayList<>();

  DefaultTableBatchGet(DynamoTable table) {
    this.table = table;
  }

  @Override
  public <T> Result<T> get(Repository<T> repository, Map<String, AttributeValue> key) {
    return get(AbstractRepository.storeOf(repository).schema(), key);
  }

  /** Adds the read of the item of {@code key}, decoded with {@code schema}. */
  <T> Result<T> get(EntitySchema<T> schema, Map<String, AttributeValue> key) {
    ReadHandle<T> result = new ReadHandle<>(schema, key, "the batch");
    results.add(result);
    return result;
  }

  @Override
  public void execute() {
    if (results.isEmpty()) {
      return;
    }
    received(Batches.fetch(table, List.copyOf(results.get(0).schema().keyAttributes()), keys(), false));
  }

  /** {@link #execute()} through the async client. */
  CompletableFuture<Void> executeAsync() {
    if (results.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    return Batches.fetchAsync(null, "batchGet", table, List.copyOf(results.get(0).schema().keyAttributes()), keys(),
        false, null, Map.of()).thenAccept(this::received);
  }

  private List<Map<String, AttributeValue>> keys() {
    List<Map<String, AttributeValue>> keys = new ArrayList<>();
    results.forEach(r -> keys.add(r.key()));
    return keys;
  }

  private void received(Map<Map<String, AttributeValue>, Map<String, AttributeValue>> found) {
    for (ReadHandle<?> result : results) {
      result.decode(found.get(result.key()), table);
    }
  }
}
