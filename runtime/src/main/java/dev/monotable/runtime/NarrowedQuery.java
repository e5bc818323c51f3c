package dev.monotable.runtime;

import dev.monotable.runtime.internal.QueryState;

/**
 * A global-index query whose sort key is narrowed as far as it goes: options and terminals only.
 *
 * <pre>{@code
 * Optional<Order> order = table.orders().orderById("o-17").first();
 * }</pre>
 *
 * @param <T> the entity type
 */
public final class NarrowedQuery<T> extends Query<T, NarrowedQuery<T>> {
  NarrowedQuery(QueryState<T> state) {
    super(state);
  }

  @Override
  NarrowedQuery<T> with(Query<T, ?> source) {
    return new NarrowedQuery<>(source.state);
  }
}
