package dev.monotable.runtime;

/**
 * A transaction sent with the idempotency token of another, different transaction that DynamoDB
 * carried out in the last ten minutes (DynamoDB's {@code IdempotentParameterMismatchException}).
 * Nothing of this transaction was written. A token makes retries of one transaction harmless: give
 * each transaction a token of its own (a UUID, or one derived from what it does, such as
 * {@code "order-" + orderId}), and reuse it only to send that same transaction again.
 *
 * <pre>{@code
 * String token = UUID.randomUUID().toString();   // once per transaction, kept for its retries
 * table.transaction().put(table.orders(), order).idempotencyToken(token).execute();
 * }</pre>
 */
public class IdempotencyTokenReusedException extends MonotableException {
  private static final long serialVersionUID = 1L;

  private final String token;

  public IdempotencyTokenReusedException(String token, Throwable cause) {
    super("the idempotency token \"" + token + "\" belongs to another transaction, sent in the last ten minutes with"
        + " other actions; DynamoDB refused this one and wrote nothing of it: give each transaction a token of its"
        + " own, and reuse a token only to retry the very same transaction", cause);
    this.token = token;
  }

  /** The token that was reused. */
  public String token() {
    return token;
  }
}
