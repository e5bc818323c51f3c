package dev.monotable.runtime;


/**
 * Writes across entities that succeed or fail together ({@code TransactWriteItems}), up to 100
 * actions. Two actions on one item, or more than 100, are refused before sending.
 *
 * <pre>{@code
 * table.transaction()
 *     .put(table.orders(), order)
 *     .update(table.products().update("LAMP").decrement(ProductFields.STOCK).when(ProductFields.STOCK.gt(0L)))
 *     .conditionCheck(table.users(), user, UserFields.ID.exists())
 *     .execute();
 * }</pre>
 */
public interface Transaction {
  /** Writes {@code entity} (with its {@code @Version} check, if it has one). */
  <T> Transaction put(Repository<T> repository, T entity);

  /** Writes {@code entity} if {@code condition} holds. */
  <T> Transaction put(Repository<T> repository, T entity, Condition condition);

  /** Sends {@code update} as part of the transaction. */
  <T> Transaction update(Update<T> update);

  /**
   * Deletes the item of {@code entity}; for a versioned entity only if the stored version is the
   * one it was read with (else the transaction is cancelled).
   */
  <T> Transaction delete(Repository<T> repository, T entity);

  /** Deletes the item of {@code entity} if {@code condition} holds (and, when versioned, its version). */
  <T> Transaction delete(Repository<T> repository, T entity, Condition condition);

  /** Requires {@code condition} of the item of {@code entity}, without writing it. */
  <T> Transaction conditionCheck(Repository<T> repository, T entity, Condition condition);

  /**
   * Makes retries of this transaction within ten minutes harmless (DynamoDB's client request token):
   * DynamoDB carries it out once. Give each transaction its own token (a UUID has 36 characters) and
   * reuse it only to send that same transaction again; with another transaction, DynamoDB refuses it
   * ({@link IdempotencyTokenReusedException}).
   *
   * @throws IllegalArgumentException when the token is null, empty or over 36 characters, which
   *     DynamoDB refuses; nothing is sent
   */
  Transaction idempotencyToken(String token);

  /**
   * Sends the transaction.
   *
   * @throws TransactionFailedException when DynamoDB cancels it, with one reason per action
   * @throws ItemTooLargeException when DynamoDB refuses it because an action would make an item
   *     over 400 KB
   * @throws IdempotencyTokenReusedException when its idempotency token came with another
   *     transaction in the last ten minutes
   */
  void execute();
}
