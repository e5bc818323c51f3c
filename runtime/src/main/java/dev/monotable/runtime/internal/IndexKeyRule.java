package dev.monotable.runtime.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * How one index-key attribute is written from entity fields, so that an update setting one of them
 * rewrites the index key too: the attribute, the attributes of the template's fields, and the
 * generated key builder applied to their values.
 *
 * <p>A sharded index partition key also needs the item's shard, which comes from its primary key:
 * the runtime adds it to the values under {@link #SHARD} before applying {@code key}.
 *
 * @param attribute the index key attribute ({@code GSI1PK})
 * @param fields the attributes of the template's fields
 * @param key builds the key from the fields' values, by attribute name
 * @param shards the number of shards of a sharded key, 0 for none
 */
public record IndexKeyRule(String attribute, List<String> fields, Function<Map<String, Object>, String> key,
    int shards) {
  /** The name under which a sharded rule's values carry the item's shard, an {@code Integer}. */
  public static final String SHARD = "\u0000shard";

  public IndexKeyRule {
    fields = List.copyOf(fields);
  }

  /** The rule of a key that is not sharded. */
  public IndexKeyRule(String attribute, List<String> fields, Function<Map<String, Object>, String> key) {
    this(attribute, fields, key, 0);
  }

  /**
   * The key for the fields' {@code values}, in the shard of the item whose primary key is
   * {@code itemKey} (its {@code keyAttributes}, in the table's order).
   */
  public String keyFor(Map<String, Object> values, Map<String, AttributeValue> itemKey, List<String> keyAttributes) {
    if (shards == 0) {
      return key.apply(values);
    }
    Map<String, Object> withShard = new java.util.HashMap<>(values);
    withShard.put(SHARD, Shards.of(shards, itemKey, keyAttributes));
    return key.apply(withShard);
  }
}
