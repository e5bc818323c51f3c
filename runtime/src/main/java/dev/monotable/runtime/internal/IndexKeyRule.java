package dev.monotable.runtime.internal;

import dev.monotable.runtime.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * How one index-key attribute is written from entity fields, so that an update setting one of them
 * rewrites the index key too: the attribute, the attributes of the template's fields, and the
 * generated key builder applied to their values, read by typed path.
 *
 * <pre>{@code
 * IndexKeyRule.of("GSI1PK", List.of(Attributes.OWNER_ID),
 *     values -> OrderKeys.gsi1PartitionKey(values.get(OrderFields.OWNER_ID)))
 * }</pre>
 *
 * <p>A sharded index partition key also needs the item's shard, which comes from its primary key:
 * {@link FieldValues#shard()}.
 *
 * @param attribute the index key attribute ({@code GSI1PK})
 * @param fields the attributes of the template's fields
 * @param key builds the key from the fields' values
 * @param shards the number of shards of a sharded key, 0 for none
 */
public record IndexKeyRule(String attribute, List<String> fields, Function<FieldValues, String> key, int shards) {
  public IndexKeyRule {
    fields = List.copyOf(fields);
  }

  /** The rule of a key that is not sharded. */
  public static IndexKeyRule of(String attribute, List<String> fields, Function<FieldValues, String> key) {
    return new IndexKeyRule(attribute, fields, key, 0);
  }

  /** The rule of a key written in {@code shards} shards. */
  public static IndexKeyRule sharded(String attribute, List<String> fields, int shards,
      Function<FieldValues, String> key) {
    return new IndexKeyRule(attribute, fields, key, shards);
  }

  /** The values an update gives the fields of a key, by typed path, and the item's shard. */
  public interface FieldValues {
    /** The value given to {@code field}. */
    <V> V get(Path<V> field);

    /**
     * The shard of the item.
     *
     * @throws IllegalStateException for a key that is not sharded
     */
    int shard();
  }

  /**
   * The key for the fields' {@code values} (by attribute), in the shard of the item whose primary
   * key is {@code itemKey} (its {@code keyAttributes}, in the table's order).
   */
  public String keyFor(Map<String, Object> values, Map<String, AttributeValue> itemKey, List<String> keyAttributes) {
    return key.apply(new FieldValues() {
      @Override
      @SuppressWarnings("unchecked") // the value set through a path is of the path's type
      public <V> V get(Path<V> field) {
        return (V) values.get(TypedPath.of(field).attribute());
      }

      @Override
      public int shard() {
        if (shards == 0) {
          throw new IllegalStateException("index key " + attribute + " is not sharded");
        }
        return Shards.of(shards, itemKey, keyAttributes);
      }
    });
  }
}
