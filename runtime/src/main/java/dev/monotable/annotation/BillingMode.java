package dev.monotable.annotation;

/**
 * How DynamoDB charges a table for reads and writes ({@link Billing#mode()}).
 */
public enum BillingMode {
  /**
   * Pay per request (DynamoDB's {@code PAY_PER_REQUEST}), the default: no capacity to plan, and no
   * throttling below the table's on-demand limits.
   */
  ON_DEMAND,
  /**
   * Provisioned capacity: the table and each global index are given read and write capacity units
   * per second, billed whether used or not, and requests beyond them are throttled.
   */
  PROVISIONED
}
