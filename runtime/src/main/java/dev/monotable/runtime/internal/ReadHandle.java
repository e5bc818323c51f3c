package dev.monotable.runtime.internal;

import dev.monotable.runtime.TableBatchGet;
import dev.monotable.runtime.TransactionRead;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The entity one get of a batch or a read transaction reads, once it has run: empty when there is
 * no item, it has expired, or it is of another type.
 *
 * @param <T> the entity type
 */
final class ReadHandle<T> implements TableBatchGet.Result<T>, TransactionRead.Result<T> {
  private final EntitySchema<T> schema;
  private final Map<String, AttributeValue> key;
  /** What has to run before the value is known, for the message: "the batch", "the read transaction". */
  private final String reads;
  private Optional<T> value;

  ReadHandle(EntitySchema<T> schema, Map<String, AttributeValue> key, String reads) {
    this.schema = schema;
    this.key = key;
    this.reads = reads;
  }

  @Override
  public Optional<T> value() {
    if (value == null) {
      throw new IllegalStateException(reads + " has not run: call execute() first");
    }
    return value;
  }

  /** The schema the item is read with. */
  EntitySchema<T> schema() {
    return schema;
  }

  /** The key read. */
  Map<String, AttributeValue> key() {
    return key;
  }

  /** Decodes the item read for the key, null when there is none. */
  void decode(Map<String, AttributeValue> item, DynamoTable table) {
    value = item == null || item.isEmpty() || table.expired(item) || !schema.holds(item)
        ? Optional.empty() : Optional.of(schema.readAt(key, item));
  }
}
