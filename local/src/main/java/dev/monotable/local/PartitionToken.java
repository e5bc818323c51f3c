package dev.monotable.local;

import dev.monotable.local.value.Value;

/**
 * Where a partition sits in a scan: partitions are visited in the order of a hash of their key, as
 * DynamoDB spreads them, so scans are not in key order; equal hashes fall back to the key. The
 * hash's range is cut into equal slices for parallel scan segments.
 */
record PartitionToken(long hash, Value key) implements Comparable<PartitionToken> {

  static PartitionToken of(Value key) {
    return new PartitionToken(Integer.toUnsignedLong(mix(key.hashCode())), key);
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

  /** A bit mixer (the finalizer of a well-known 32-bit hash) so that similar keys spread out. */
  private static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }
}
