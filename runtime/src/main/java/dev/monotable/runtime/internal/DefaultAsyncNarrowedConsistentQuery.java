package dev.monotable.runtime.internal;

import dev.monotable.runtime.async.AsyncNarrowedConsistentQuery;

/**
 * An async table or local-index query narrowed as far as it goes.
 *
 * @param <T> the entity type
 */
final class DefaultAsyncNarrowedConsistentQuery<T>
    extends AbstractAsyncConsistentQuery<T, AsyncNarrowedConsistentQuery<T>>
    implements AsyncNarrowedConsistentQuery<T> {
  DefaultAsyncNarrowedConsistentQuery(QueryPlan<T> plan) {
    super(plan, DefaultAsyncNarrowedConsistentQuery::new);
  }
}
