package dev.monotable.runtime;

/**
 * The range conditions on one field of an access pattern's sort key, the next one the query builder
 * can narrow by: its generated method named after the field without arguments returns this; with
 * the field's value it fixes the field instead. Each condition returns the narrowed query, which
 * narrows no further; the builder it came from is unchanged.
 *
 * <pre>{@code
 * List<Order> march = table.orders().ordersOfUser("ada").orderDate().between(march1, march31).list();
 * Optional<Order> latest = table.orders().ordersOfUser("ada").orderDate().atMost(today).descending().first();
 * }</pre>
 *
 * <p>On a key template the values are compared as the template encodes them (fixed-width numbers
 * and timestamps keep their order); on a plain sort-key attribute, by the attribute's own type.
 *
 * @param <V> the field's type
 * @param <N> the narrowed query the conditions return
 */
public interface SortKeyRange<V, N> {
  /** Only items whose field is below {@code value}. */
  N lessThan(V value);

  /** Only items whose field is at most {@code value}. */
  N atMost(V value);

  /** Only items whose field is above {@code value}. */
  N greaterThan(V value);

  /** Only items whose field is at least {@code value}. */
  N atLeast(V value);

  /**
   * Only items whose field is between {@code low} and {@code high}, both included; equal bounds are
   * the one value.
   *
   * @throws IllegalArgumentException when {@code low} comes after {@code high} in the order of the
   *     stored keys (as DynamoDB compares them), before anything is sent
   */
  N between(V low, V high);
}
