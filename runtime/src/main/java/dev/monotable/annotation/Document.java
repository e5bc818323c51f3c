package dev.monotable.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record or class that is stored nested inside an entity, as a map (M) attribute. The
 * processor generates {@code <Type>Schema} for it; fields follow the same rules as an entity's.
 *
 * <pre>{@code
 * @Document
 * record Address(String street, String city, String zip) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Document {}
