package dev.monotable.runtime.internal;

import dev.monotable.runtime.NarrowedQuery;

/**
 * A global-index query narrowed as far as it goes.
 *
 * @param <T> the entity type
 */
final class DefaultNarrowedQuery<T> extends AbstractQuery<T, NarrowedQuery<T>> implements NarrowedQuery<T> {
  DefaultNarrowedQuery(QueryPlan<T> plan) {
    super(plan, DefaultNarrowedQuery::new);
  }
}
