package dev.monotable.processor.model;

/**
 * DynamoDB's limits on keys and the runtime's on shards, as the build-time checks apply them; a
 * test holds them to the runtime's ({@code KeyFormat}, {@code Shards}).
 */
public final class KeyLimits {
  /** The most UTF-8 bytes of a partition key value. */
  public static final int MAX_PARTITION_KEY_BYTES = 2048;

  /** The most UTF-8 bytes of a sort key value. */
  public static final int MAX_SORT_KEY_BYTES = 1024;

  /** The most shards a key may have: a fan-out cursor carries a position per shard. */
  public static final int MAX_SHARDS = 32;

  private KeyLimits() {}
}
