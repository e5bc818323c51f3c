package dev.monotable.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The expiry time of an item, on an {@code Instant} or epoch-seconds {@code long} field. It is
 * stored as epoch seconds (N) under the table's {@link Table#timeToLive()} attribute, which
 * {@code createIfNotExists()} enables as DynamoDB's TTL attribute. Until DynamoDB deletes an expired
 * item (which can take a while), gets and queries hide it, unless the table's options say otherwise.
 *
 * <pre>{@code
 * record Session(String token, String userId, @TimeToLive Instant expiresAt) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface TimeToLive {}
