package dev.monotable.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Optimistic locking on an {@code int} or {@code long} field. An entity read with version
 * {@code n} is written only while the stored item still has version {@code n}, and is stored with
 * {@code n + 1}; a new entity (version 0) is written only if no item has its key, with version 1.
 * A stale write throws {@link dev.monotable.runtime.OptimisticLockException}; read again and retry.
 *
 * <pre>{@code
 * record Account(String id, long balance, @Version long version) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface Version {}
