package dev.monotable.runtime.internal;

import dev.monotable.runtime.async.AsyncConsistentQuery;
import java.util.function.Function;

/**
 * The implementation of {@link AsyncConsistentQuery}, which the generated async builders of table
 * and local-index patterns extend.
 *
 * @param <T> the entity type
 * @param <Q> the concrete builder type
 */
public abstract class AbstractAsyncConsistentQuery<T, Q extends AsyncConsistentQuery<T, Q>>
    extends AbstractAsyncQuery<T, Q> implements AsyncConsistentQuery<T, Q> {
  /** A builder over {@code plan}; {@code builder} is the concrete builder's constructor. */
  protected AbstractAsyncConsistentQuery(QueryPlan<T> plan, Function<QueryPlan<T>, Q> builder) {
    super(plan, builder);
  }

  @Override
  public Q consistentRead() {
    return with(plan().withConsistentRead());
  }
}
