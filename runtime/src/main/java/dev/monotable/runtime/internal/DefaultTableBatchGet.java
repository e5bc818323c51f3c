package dev.monotable.runtime.internal;

import dev.monotable.runtime.TableBatchGet.Result;
import dev.monotable.runtime.Repository;
import dev.monotable.runtime.TableBatchGet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The implementation of {@link TableBatchGet}.
 */
public final class DefaultTableBatchGet implements TableBatchGet {
  private final DynamoTable table;
  private final List<Handle<?>> results = new ArrayList<>();

  DefaultTableBatchGet(DynamoTable table) {
    this.table = table;
  }

  /** The entity read for one key, once the batch has run. */
  static final class Handle<T> implements Result<T> {
    private final EntitySchema<T> schema;
    private final Map<String, AttributeValue> key;
    private Optional<T> value;

    Handle(EntitySchema<T> schema, Map<String, AttributeValue> key) {
      this.schema = schema;
      this.key = key;
    }

    @Override
    public Optional<T> value() {
      if (value == null) {
        throw new IllegalStateException("the batch has not run: call execute() first");
      }
      return value;
    }

    void decode(Map<String, AttributeValue> item, DynamoTable table) {
      value = item == null || table.expired(item) || !schema.holds(item)
          ? Optional.empty() : Optional.of(schema.readAt(key, item));
    }
  }

  @Override
  public <T> Result<T> get(Repository<T> repository, Map<String, AttributeValue> key) {
    Handle<T> result = new Handle<>(AbstractRepository.storeOf(repository).schema(), key);
    results.add(result);
    return result;
  }

  @Override
  public void execute() {
    if (results.isEmpty()) {
      return;
    }
    List<Map<String, AttributeValue>> keys = new ArrayList<>();
    results.forEach(r -> keys.add(r.key));
    Map<Map<String, AttributeValue>, Map<String, AttributeValue>> found =
        Batches.fetch(table, List.copyOf(results.get(0).schema.keyAttributes()), keys, false);
    for (Handle<?> result : results) {
      result.decode(found.get(result.key), table);
    }
  }
}
