package dev.monotable.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * When the item was last written, on an {@code Instant} field: every put and update writes the
 * table clock's time.
 * The clock is the table's ({@code TableOptions.withClock}, for tests).
 *
 * <pre>{@code
 * record Note(String id, String text, @UpdatedAt Instant updatedAt) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface UpdatedAt {}
