package dev.monotable.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How a {@link Table} is billed ({@link Table#billing()}): on demand (the default), or provisioned
 * with read and write capacity units. A provisioned table gives each global index its own units on
 * {@link GlobalIndex#read()} and {@link GlobalIndex#write()}; local indexes use the table's.
 *
 * <pre>{@code
 * @Table(name = "AppData", partitionKey = "PK", sortKey = "SK",
 *        billing = @Billing(mode = BillingMode.PROVISIONED, read = 10, write = 5),
 *        globalIndexes = @GlobalIndex(name = "GSI1", partitionKey = "GSI1PK", read = 5, write = 5))
 * interface AppData {}
 * }</pre>
 *
 * <p>The processor refuses a provisioned table or global index with fewer than one read or write
 * unit, and units on an on-demand table. {@code createIfNotExists()} compares an existing table's
 * billing with the design and never changes it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface Billing {
  /** On demand (the default) or provisioned. */
  BillingMode mode() default BillingMode.ON_DEMAND;

  /** With {@link BillingMode#PROVISIONED}: the table's read capacity units, at least 1. */
  long read() default 0;

  /** With {@link BillingMode#PROVISIONED}: the table's write capacity units, at least 1. */
  long write() default 0;
}
