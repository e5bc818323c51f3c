package dev.monotable.runtime;

import dev.monotable.runtime.internal.QueryState;

/**
 * A primary-key or local-index query whose sort key is narrowed as far as it goes.
 *
 * <pre>{@code
 * List<Order> march = table.orders().ordersOfUser("ada").orderDate().between(march1, march31).consistentRead().list();
 * }</pre>
 *
 * @param <T> the entity type
 */
public final class NarrowedConsistentQuery<T> extends ConsistentQuery<T, NarrowedConsistentQuery<T>> {
  NarrowedConsistentQuery(QueryState<T> state) {
    super(state);
  }

  @Override
  NarrowedConsistentQuery<T> with(Query<T, ?> source) {
    return new NarrowedConsistentQuery<>(source.state);
  }
}
