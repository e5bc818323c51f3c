package dev.monotable.annotation;

import dev.monotable.runtime.AttributeConverter;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stores a field through a user converter. The converter needs a public no-argument constructor;
 * one instance is created per generated schema.
 *
 * <pre>{@code
 * record Product(String sku, @Convert(MoneyConverter.class) Money price) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface Convert {
  /** The converter class, whose type argument is the field's type. */
  Class<? extends AttributeConverter<?>> value();
}
