package dev.monotable.runtime.internal;

import dev.monotable.runtime.async.AsyncNarrowedQuery;

/**
 * An async global-index query narrowed as far as it goes.
 *
 * @param <T> the entity type
 */
final class DefaultAsyncNarrowedQuery<T> extends AbstractAsyncQuery<T, AsyncNarrowedQuery<T>>
    implements AsyncNarrowedQuery<T> {
  DefaultAsyncNarrowedQuery(QueryPlan<T> plan) {
    super(plan, DefaultAsyncNarrowedQuery::new);
  }
}
