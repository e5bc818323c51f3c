package dev.monotable.runtime.internal;

import dev.monotable.runtime.ConsistentQuery;
import java.util.function.Function;

/**
 * The implementation of {@link ConsistentQuery}, which the generated builders of table and
 * local-index patterns extend.
 *
 * @param <T> the entity type
 * @param <Q> the concrete builder type
 */
public abstract class AbstractConsistentQuery<T, Q extends ConsistentQuery<T, Q>> extends AbstractQuery<T, Q>
    implements ConsistentQuery<T, Q> {
  /** A builder over {@code plan}; {@code builder} is the concrete builder's constructor. */
  protected AbstractConsistentQuery(QueryPlan<T> plan, Function<QueryPlan<T>, Q> builder) {
    super(plan, builder);
  }

  @Override
  public Q consistentRead() {
    return with(plan().withConsistentRead());
  }
}
