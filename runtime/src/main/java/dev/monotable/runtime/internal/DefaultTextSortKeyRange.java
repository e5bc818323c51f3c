package dev.monotable.runtime.internal;

import dev.monotable.runtime.TextSortKeyRange;
import java.util.function.Function;

/**
 * The range and prefix conditions on a string sort-key field of a plan.
 *
 * @param <T> the entity type
 * @param <N> the narrowed query the conditions return
 */
final class DefaultTextSortKeyRange<T, N> extends DefaultSortKeyRange<T, String, N> implements TextSortKeyRange<N> {
  DefaultTextSortKeyRange(QueryPlan<T> plan, SortKeyField<String> field, Function<QueryPlan<T>, N> narrowed) {
    super(plan, field, narrowed);
  }

  @Override
  public N beginsWith(String start) {
    return beginsWithValue(start);
  }
}
