package dev.monotable.runtime;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Converts a field type that Monotable does not know to and from one DynamoDB attribute value.
 * Name the converter with {@link dev.monotable.annotation.Convert @Convert}; it needs a public
 * no-argument constructor and must be thread-safe.
 *
 * <pre>{@code
 * public final class MoneyConverter implements AttributeConverter<Money> {
 *   public AttributeValue toAttributeValue(Money money) {
 *     return AttributeValue.fromS(money.currency() + " " + money.amount().toPlainString());
 *   }
 *   public Money fromAttributeValue(AttributeValue value) {
 *     String[] parts = value.s().split(" ");
 *     return new Money(parts[0], new BigDecimal(parts[1]));
 *   }
 * }
 * }</pre>
 *
 * <p>Monotable never passes {@code null} to either method: a null field is not written, and an
 * absent attribute reads as {@code null}. Throw {@link MappingException} for a value that cannot
 * be converted; Monotable adds the entity and attribute to its message.
 *
 * @param <T> the field type
 */
public interface AttributeConverter<T> {
  /** Converts a non-null field value to the attribute value to store. */
  AttributeValue toAttributeValue(T value);

  /** Converts a stored attribute value back to the field value. */
  T fromAttributeValue(AttributeValue value);
}
