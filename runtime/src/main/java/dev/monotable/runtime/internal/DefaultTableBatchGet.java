package dev.monotable.runtime.internal;

import dev.monotable.runtime.TableBatchGet.Result;
import dev.monotable.runtime.Repository;
import dev.monotable.runtime.TableBatchGet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    ReadHandle<T> result = new ReadHandle<>(AbstractRepository.storeOf(repository).schema(), key, "the batch");
    results.add(result);
    return result;
  }

  @Override
  public void execute() {
    if (results.isEmpty()) {
      return;
    }
    List<Map<String, AttributeValue>> keys = new ArrayList<>();
    results.forEach(r -> keys.add(r.key()));
    Map<Map<String, AttributeValue>, Map<String, AttributeValue>> found =
        Batches.fetch(table, List.copyOf(results.get(0).schema().keyAttributes()), keys, false);
    for (ReadHandle<?> result : results) {
      result.decode(found.get(result.key()), table);
    }
  }
}
