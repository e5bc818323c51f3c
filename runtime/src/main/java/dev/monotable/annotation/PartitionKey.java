package dev.monotable.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The template of an entity's partition key: literal text with {@code <field>} placeholders,
 * components separated by the table's key delimiter.
 *
 * <pre>{@code
 * @PartitionKey(value = "USER#<id>", collection = "customer")
 * }</pre>
 *
 * <p>Placeholders name fields of type {@code String}, an integer type, {@code BigInteger},
 * {@code BigDecimal}, an enum, {@code UUID}, {@code Instant}, {@code LocalDate},
 * {@code LocalDateTime}, {@code OffsetDateTime} or {@code boolean}; values are encoded so that
 * sorting the key strings sorts the values.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface PartitionKey {
  /** The key template, e.g. {@code "USER#<id>"}. */
  String value();

  /** The item collection this entity belongs to: entities sharing it share a partition shape. */
  String collection() default "";
}
