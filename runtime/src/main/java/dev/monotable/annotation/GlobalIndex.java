package dev.monotable.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A global secondary index of a {@link Table}.
 *
 * <p>When an entity declares {@link IndexKey @IndexKey(index = ...)} for this index, the key
 * attributes are written from its templates. When an entity has a field whose attribute name is
 * the index's key attribute ({@code partitionKey = "status"}), that attribute is the index key as it
 * is, with its own type (S, N or B), and the index is sparse: it holds only items where it is set.
 *
 * <pre>{@code
 * @GlobalIndex(name = "ByStatus", partitionKey = "status", sortKey = "orderDate",
 *              projection = Projection.KEYS_ONLY)
 * }</pre>
 *
 * <p>On a table with {@code billing = @Billing(mode = BillingMode.PROVISIONED, ...)}, every global
 * index has its own capacity: {@code @GlobalIndex(name = "GSI1", partitionKey = "GSI1PK", read = 5, write = 5)}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface GlobalIndex {
  /** The index name. */
  String name();

  /** Name of the index's partition key attribute. */
  String partitionKey();

  /** Name of the index's sort key attribute; empty for none. */
  String sortKey() default "";

  /** Which attributes are copied into the index. */
  Projection projection() default Projection.ALL;

  /** With {@link Projection#INCLUDE}: the non-key attributes to copy. */
  String[] nonKeyAttributes() default {};

  /**
   * The index's read capacity units when the table is {@link BillingMode#PROVISIONED provisioned}
   * (at least 1); 0, the default, on an on-demand table. Read and write sit on the index itself,
   * not in a nested annotation, because the billing mode is the table's: an index only says how
   * many units it gets.
   */
  long read() default 0;

  /** The index's write capacity units when the table is provisioned (at least 1); 0 when on demand. */
  long write() default 0;
}
