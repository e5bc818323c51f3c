package dev.monotable.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An entity's sort key; required on a table with a sort key, refused on one without. On the
 * entity type, a template whose literal prefix is the entity's territory inside a shared
 * partition; on a field, a plain key: the field's value as it is, typed S, N or B by its Java type,
 * so that range conditions on a number compare numbers.
 *
 * <pre>{@code
 * @SortKey("ORDER#<orderDate>#<orderId>")
 *
 * record LegacyOrder(@PartitionKey String userId, @SortKey long timestamp, BigDecimal total) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface SortKey {
  /** The key template, e.g. {@code "ORDER#<orderId>"} or the fixed {@code "PROFILE"}. */
  String value() default "";
}
