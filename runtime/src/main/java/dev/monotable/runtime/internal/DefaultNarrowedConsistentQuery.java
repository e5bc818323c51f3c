package dev.monotable.runtime.internal;

import dev.monotable.runtime.NarrowedConsistentQuery;

/**
 * A table or local-index query narrowed as far as it goes.
 *
 * @param <T> the entity type
 */
final class DefaultNarrowedConsistentQuery<T> extends AbstractConsistentQuery<T, NarrowedConsistentQuery<T>>
    implements NarrowedConsistentQuery<T> {
  DefaultNarrowedConsistentQuery(QueryPlan<T> plan) {
    super(plan, DefaultNarrowedConsistentQuery::new);
  }
}
