package dev.monotable.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An entity's partition key. On the entity type, a template: literal text with {@code <field>}
 * placeholders, components separated by the table's key delimiter. On a field (a record component,
 * a field or a getter), a plain key: the field's value is the key attribute itself, typed S, N or B
 * by its Java type, as in a table made before Monotable.
 *
 * <pre>{@code
 * @PartitionKey(value = "USER#<id>", collection = "customer")
 * record User(String id, String name) {}
 *
 * @Entity(table = Users.class)                   // @Table(name = "Users", partitionKey = "userId", typeAttribute = "")
 * record LegacyUser(@PartitionKey String userId, String name) {}
 * }</pre>
 *
 * <p>Placeholders name fields of type {@code String}, an integer type, {@code BigInteger},
 * {@code BigDecimal}, an enum, {@code UUID}, {@code Instant}, {@code LocalDate},
 * {@code LocalDateTime}, {@code OffsetDateTime} or {@code boolean}; values are encoded so that
 * sorting the key strings sorts the values.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface PartitionKey {
  /** The key template, e.g. {@code "USER#<id>"}; empty (and left out) on a field, which is the key as it is. */
  String value() default "";

  /** The item collection this entity belongs to: entities sharing it share a partition shape. */
  String collection() default "";

  /**
   * Write sharding of a template partition key too hot for one partition: each item goes to shard
   * {@code hash(partition and sort key) mod shards}, its partition key ending with the delimiter and
   * the shard ({@code DATE#2026-11-26#5}). Gets, updates and deletes compute the shard from the key
   * fields; the table's access patterns query every shard in parallel and merge them in sort-key
   * order. 0 (the default) for none; 2 to 32, on a table with a sort key.
   */
  int shards() default 0;
}
