package dev.monotable.runtime.internal;

import dev.monotable.runtime.LongSortKeyRange;
import java.util.function.Function;

/**
 * The range conditions on a {@code long} sort-key field of a plan.
 *
 * @param <T> the entity type
 * @param <N> the narrowed query the conditions return
 */
final class DefaultLongSortKeyRange<T, N> extends DefaultSortKeyRange<T, Long, N> implements LongSortKeyRange<N> {
  DefaultLongSortKeyRange(QueryPlan<T> plan, SortKeyField<Long> field, Function<QueryPlan<T>, N> narrowed) {
    super(plan, field, narrowed);
  }
}
