package dev.monotable.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A named way of reading an entity: a query on the primary index or on one secondary index for
 * which the entity has a key. Names must be unique per entity.
 *
 * <pre>{@code
 * @AccessPattern(name = "ordersOfUser")
 * @AccessPattern(name = "orderById", index = "GSI1")
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(AccessPatterns.class)
public @interface AccessPattern {
  /** The name of the generated query method; a Java identifier. */
  String name();

  /** The index queried; empty for the table's primary key. */
  String index() default "";
}
