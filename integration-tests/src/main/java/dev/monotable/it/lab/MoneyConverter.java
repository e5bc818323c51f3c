package dev.monotable.it.lab;

import dev.monotable.runtime.AttributeConverter;
import dev.monotable.runtime.MappingException;
import java.math.BigDecimal;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Stores money as {@code "EUR 12.50"}. */
public final class MoneyConverter implements AttributeConverter<Money> {
  @Override
  public AttributeValue toAttributeValue(Money money) {
    return AttributeValue.fromS(money.currency() + " " + money.amount().toPlainString());
  }

  @Override
  public Money fromAttributeValue(AttributeValue value) {
    String[] parts = value.s() == null ? new String[0] : value.s().split(" ");
    if (parts.length != 2) {
      throw new MappingException("\"" + value.s() + "\" is not an amount of money like \"EUR 12.50\"");
    }
    return new Money(parts[0], new BigDecimal(parts[1]));
  }
}
