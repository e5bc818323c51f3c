package dev.monotable.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Leaves a field out of the stored item. A record component or constructor parameter that is
 * ignored is passed its type's default ({@code null}, {@code 0}, {@code false}) when read.
 *
 * <pre>{@code
 * class Session { @Ignore transient String cachedToken; ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface Ignore {}
