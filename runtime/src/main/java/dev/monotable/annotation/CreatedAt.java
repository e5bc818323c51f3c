package dev.monotable.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * When the item was first written, on an {@code Instant} field: a put of an entity whose field is
 * null writes the table clock's time, and an update writes it only if the item has none yet.
 * The clock is the table's ({@code TableOptions.withClock}, for tests).
 *
 * <pre>{@code
 * record Note(String id, String text, @CreatedAt Instant createdAt) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface CreatedAt {}
