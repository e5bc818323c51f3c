package dev.monotable.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record or class as an entity stored in one {@link Table}. The processor generates
 * {@code <Entity>Schema}, {@code <Entity>Keys} and {@code <Entity>Repository} beside it.
 *
 * <pre>{@code
 * @Entity(table = AppData.class)
 * @PartitionKey("USER#<id>")
 * @SortKey("PROFILE")
 * record User(String id, String email) {}
 * }</pre>
 *
 * <p>Records, classes with a canonical constructor (one parameter per field, in order) and beans
 * with a no-argument constructor and setters are all entities.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Entity {
  /** The interface annotated with {@link Table} that this entity is stored in. */
  Class<?> table();

  /** The value of the table's type attribute for this entity; the simple class name when empty. */
  String type() default "";
}
