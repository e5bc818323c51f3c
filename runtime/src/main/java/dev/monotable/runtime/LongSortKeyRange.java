package dev.monotable.runtime;

/**
 * The range conditions on a {@code long} field of a sort key, taking {@code long} values so that an
 * {@code int} argument widens as it would for a {@code long} parameter.
 *
 * <pre>{@code
 * List<Purchase> recent = orders.purchases().purchasesOfUser("u-1").timestamp().atLeast(0).list();
 * }</pre>
 *
 * @param <N> the narrowed query the conditions return
 */
public interface LongSortKeyRange<N> extends SortKeyRange<Long, N> {
  /** Only items whose field is below {@code value}. */
  default N lessThan(long value) {
    return lessThan(Long.valueOf(value));
  }

  /** Only items whose field is at most {@code value}. */
  default N atMost(long value) {
    return atMost(Long.valueOf(value));
  }

  /** Only items whose field is above {@code value}. */
  default N greaterThan(long value) {
    return greaterThan(Long.valueOf(value));
  }

  /** Only items whose field is at least {@code value}. */
  default N atLeast(long value) {
    return atLeast(Long.valueOf(value));
  }

  /**
   * Only items whose field is between {@code low} and {@code high}, both included.
   *
   * @throws IllegalArgumentException when {@code low} is above {@code high}, before anything is sent
   */
  default N between(long low, long high) {
    return between(Long.valueOf(low), Long.valueOf(high));
  }
}
