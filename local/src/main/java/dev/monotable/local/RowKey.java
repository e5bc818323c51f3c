package dev.monotable.local;

import dev.monotable.local.value.Value;
import java.util.Arrays;

/**
 * The position of an item inside one partition of a table or index: its sort key, and for a
 * secondary index also the table's keys (which break ties between equal index sort keys). A key
 * that is a proper prefix of another orders before it, unless it is an {@link #upper} bound, which
 * orders after every key it is a prefix of.
 */
final class RowKey implements Comparable<RowKey> {
  static final RowKey EMPTY = new RowKey(new Value[0], false);

  private final Value[] parts;
  private final boolean upper;

  private RowKey(Value[] parts, boolean upper) {
    this.parts = parts;
    this.upper = upper;
  }

  static RowKey of(Value... parts) {
    return new RowKey(parts, false);
  }

  /** A bound after every key whose first part is {@code first}. */
  static RowKey upper(Value first) {
    return new RowKey(new Value[] {first}, true);
  }

  /** A bound before every key whose first part is {@code first}. */
  static RowKey lower(Value first) {
    return new RowKey(new Value[] {first}, false);
  }

  Value first() {
    return parts.length == 0 ? null : parts[0];
  }

  @Override
  public int compareTo(RowKey other) {
    int shared = Math.min(parts.length, other.parts.length);
    for (int i = 0; i < shared; i++) {
      int c = Value.compare(parts[i], other.parts[i]);
      if (c != 0) {
        return c;
      }
    }
    if (parts.length == other.parts.length) {
      return Boolean.compare(upper, other.upper);
    }
    if (parts.length < other.parts.length) {
      return upper ? 1 : -1;
    }
    return other.upper ? -1 : 1;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RowKey that && upper == that.upper && Arrays.equals(parts, that.parts);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(parts);
  }
}
