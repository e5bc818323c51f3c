package dev.monotable.runtime.async;

/**
 * An {@link AsyncQuery} of the table or of a local secondary index, which DynamoDB can read
 * strongly consistent.
 *
 * @param <T> the entity type
 * @param <Q> the concrete builder type
 */
public interface AsyncConsistentQuery<T, Q extends AsyncConsistentQuery<T, Q>> extends AsyncQuery<T, Q> {
  /** A strongly consistent read ({@code ConsistentRead}), at twice the read cost. */
  Q consistentRead();
}
