package dev.monotable.runtime.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.zip.CRC32;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Write sharding: the shard of an item is a hash of its primary key modulo the number of shards.
 * The hash is CRC-32 over the key values, so it is the same in every JVM and every release, and a
 * rewrite of an item lands in the shard it was in.
 */
public final class Shards {
  /** The most shards a key may have: a fan-out cursor carries a position for each. */
  public static final int MAX = 32;

  private Shards() {}

  /**
   * The shard, from 0 to {@code shards - 1}, of the item whose primary key attributes are
   * {@code attributes}, read in {@code keyAttributes} order.
   *
   * @throws IllegalArgumentException when a key attribute is missing
   */
  public static int of(int shards, Map<String, AttributeValue> attributes, List<String> keyAttributes) {
    CRC32 crc = new CRC32();
    for (String attribute : keyAttributes) {
      AttributeValue value = attributes.get(attribute);
      if (value == null) {
        throw new IllegalArgumentException("the shard of an item is computed from its primary key, but "
            + attribute + " is missing");
      }
      byte[] bytes = value.s() != null ? value.s().getBytes(StandardCharsets.UTF_8)
          : value.n() != null ? value.n().getBytes(StandardCharsets.UTF_8)
          : value.b().asByteArray();
      crc.update(bytes);
      crc.update(0);
    }
    return (int) (crc.getValue() % shards);
  }

  /**
   * The shard of an item of a sharded table key, from its unsharded partition key and its sort key
   * ({@code String} for a template, {@code AttributeValue} for a plain key), hashed as
   * {@link #of(int, Map, List)} hashes attribute values.
   */
  public static int ofKey(int shards, String partitionKey, Object sortKey) {
    AttributeValue sort = sortKey instanceof AttributeValue value ? value : AttributeValue.fromS((String) sortKey);
    return of(shards, Map.of("p", AttributeValue.fromS(partitionKey), "s", sort), List.of("p", "s"));
  }

  /** The partition value of every shard, in shard order, from the key builder of one shard. */
  public static List<AttributeValue> partitions(int shards, IntFunction<String> keyOfShard) {
    List<AttributeValue> partitions = new ArrayList<>(shards);
    for (int shard = 0; shard < shards; shard++) {
      partitions.add(AttributeValue.fromS(keyOfShard.apply(shard)));
    }
    return List.copyOf(partitions);
  }
}
