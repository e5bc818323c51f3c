package dev.monotable.runtime;

/**
 * A query of the table's primary key or of a local index, which may read with strong consistency.
 * Query builders of global-index patterns are not consistent queries: a strongly consistent read of
 * a global index does not compile.
 *
 * <pre>{@code
 * Optional<Order> latest = table.orders().ordersOfUser("ada").descending().consistentRead().first();
 * }</pre>
 *
 * @param <T> the entity type
 * @param <Q> the concrete builder type
 */
public interface ConsistentQuery<T, Q extends ConsistentQuery<T, Q>> extends Query<T, Q> {
  /** Reads with strong consistency (twice the read capacity of an eventually consistent read). */
  Q consistentRead();
}
