package dev.monotable.local;

import dev.monotable.local.value.Value;

/**
 * Where a partition sits in a scan: partitions are visited in the order of a hash of their key, as
 * DynamoDB spreads them (the first 32 bits of {@link TablePlacement}'s digest), so scans are not in
 * key order; equal hashes fall back to the key. The hash's range is cut into equal slices for
 * parallel scan segments.
 */
record PartitionToken(long hash, Value key) implements Comparable<PartitionToken> {

  static PartitionToken of(Value key) {
    // DynamoDB's placement: the first 32 bits of the key's digest (TablePlacement)
    byte[] digest = TablePlacement.digest(key, null);
    long hash = ((digest[0] & 0xFFL) << 24) | ((digest[1] & 0xFFL) << 16) | ((digest[2] & 0xFFL) << 8) | (digest[3] & 0xFFL);
    return new PartitionToken(hash, key);
  }

  /** The parallel-scan segment of this partition, out of {@code totalSegments}. */
  int segment(int totalSegments) {
    return (int) ((hash * totalSegments) >>> 32);
  }

  /** A bound before every partition whose hash is at least {@code hash}. */
  static PartitionToken bound(long hash) {
    return new PartitionToken(hash, null);
  }

  /** The first hash of {@code segment}. */
  static long segmentStart(int segment, int totalSegments) {
    return ((long) segment << 32) / totalSegments + (((long) segment << 32) % totalSegments == 0 ? 0 : 1);
  }

  @Override
  public int compareTo(PartitionToken other) {
    int c = Long.compare(hash, other.hash);
    if (c != 0 || (key == null && other.key == null)) {
      return c;
    }
    // a token without a key is a bound before every partition of its hash
    return key == null ? -1 : other.key == null ? 1 : Value.compare(key, other.key);
  }
}
