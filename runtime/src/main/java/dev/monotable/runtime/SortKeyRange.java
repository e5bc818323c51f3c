package dev.monotable.runtime;

import dev.monotable.runtime.internal.QueryState;
import dev.monotable.runtime.internal.SortKeyField;
import java.util.function.Function;

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
public class SortKeyRange<V, N> {
  private final QueryState<Object> state;
  private final SortKeyField<V> field;
  private final Function<QueryState<Object>, N> narrowed;

  @SuppressWarnings("unchecked")
  <T> SortKeyRange(QueryState<T> state, SortKeyField<V> field, Function<QueryState<T>, N> narrowed) {
    // the entity type only passes through: the state narrowed is the state given
    this.state = (QueryState<Object>) state;
    this.field = field;
    this.narrowed = (Function<QueryState<Object>, N>) (Function<?, N>) narrowed;
  }

  /** Only items whose field is below {@code value}. */
  public N lessThan(V value) {
    return narrowed.apply(field.compare(state, "<", value));
  }

  /** Only items whose field is at most {@code value}. */
  public N atMost(V value) {
    return narrowed.apply(field.compare(state, "<=", value));
  }

  /** Only items whose field is above {@code value}. */
  public N greaterThan(V value) {
    return narrowed.apply(field.compare(state, ">", value));
  }

  /** Only items whose field is at least {@code value}. */
  public N atLeast(V value) {
    return narrowed.apply(field.compare(state, ">=", value));
  }

  /**
   * Only items whose field is between {@code low} and {@code high}, both included; equal bounds are
   * the one value.
   *
   * @throws IllegalArgumentException when {@code low} comes after {@code high} in the order of the
   *     stored keys (as DynamoDB compares them), before anything is sent
   */
  public N between(V low, V high) {
    return narrowed.apply(field.between(state, low, high));
  }

  /** For {@link TextSortKeyRange}: only items whose field begins with {@code start}. */
  N beginsWithValue(V start) {
    return narrowed.apply(field.beginsWith(state, start));
  }
}
