package dev.monotable.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A local secondary index of a {@link Table}: same partition key as the table, another sort key.
 *
 * <pre>{@code
 * @LocalIndex(name = "LSI1", sortKey = "LSI1SK")
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface LocalIndex {
  /** The index name. */
  String name();

  /** Name of the index's sort key attribute. */
  String sortKey();

  /** Which attributes are copied into the index. */
  Projection projection() default Projection.ALL;

  /** With {@link Projection#INCLUDE}: the non-key attributes to copy. */
  String[] nonKeyAttributes() default {};
}
