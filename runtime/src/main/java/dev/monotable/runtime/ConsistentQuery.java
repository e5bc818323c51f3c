package dev.monotable.runtime;

import dev.monotable.runtime.internal.QueryState;
import java.util.function.Function;

/**
 * A query of the table's primary key or of a local index, which may read with strong consistency.
 * Query builders of global-index patterns do not extend it: a strongly consistent read of a global
 * index does not compile.
 *
 * <pre>{@code
 * Optional<Order> latest = table.orders().ordersOfUser("ada").descending().consistentRead().first();
 * }</pre>
 *
 * @param <T> the entity type
 * @param <Q> the concrete builder type
 */
public abstract class ConsistentQuery<T, Q extends ConsistentQuery<T, Q>> extends Query<T, Q> {
  /**
   * A builder with the options and narrowing of {@code source}: the constructor of generated builders,
   * {@code builder} being theirs.
   */
  protected ConsistentQuery(Query<T, ?> source, Function<Query<T, ?>, Q> builder) {
    super(source, builder);
  }

  ConsistentQuery(QueryState<T> state) {
    super(state);
  }

  /** Reads with strong consistency (twice the read capacity of an eventually consistent read). */
  public Q consistentRead() {
    return with(new NarrowedQuery<>(state.withConsistentRead()));
  }
}
