package dev.monotable.runtime.internal;

import dev.monotable.runtime.SortKeyRange;
import java.util.function.Function;

/**
 * The range conditions on one sort-key field of a plan: each narrows the plan by the field and
 * makes the narrowed query of it.
 *
 * @param <T> the entity type
 * @param <V> the field's type
 * @param <N> the narrowed query the conditions return
 */
class DefaultSortKeyRange<T, V, N> implements SortKeyRange<V, N> {
  private final QueryPlan<T> plan;
  private final SortKeyField<V> field;
  private final Function<QueryPlan<T>, N> narrowed;

  DefaultSortKeyRange(QueryPlan<T> plan, SortKeyField<V> field, Function<QueryPlan<T>, N> narrowed) {
    this.plan = plan;
    this.field = field;
    this.narrowed = narrowed;
  }

  @Override
  public N lessThan(V value) {
    return narrowed.apply(field.compare(plan, "<", value));
  }

  @Override
  public N atMost(V value) {
    return narrowed.apply(field.compare(plan, "<=", value));
  }

  @Override
  public N greaterThan(V value) {
    return narrowed.apply(field.compare(plan, ">", value));
  }

  @Override
  public N atLeast(V value) {
    return narrowed.apply(field.compare(plan, ">=", value));
  }

  @Override
  public N between(V low, V high) {
    return narrowed.apply(field.between(plan, low, high));
  }

  /** Only items whose field begins with {@code start}: for string fields. */
  final N beginsWithValue(V start) {
    return narrowed.apply(field.beginsWith(plan, start));
  }
}
