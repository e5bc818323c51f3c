package dev.monotable.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The template of an entity's sort key; required on a table with a sort key, refused on one
 * without. Its literal prefix is the entity's territory inside a shared partition.
 *
 * <pre>{@code
 * @SortKey("ORDER#<orderDate>#<orderId>")
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface SortKey {
  /** The key template, e.g. {@code "ORDER#<orderId>"} or the fixed {@code "PROFILE"}. */
  String value();
}
