package dev.monotable.sample.spring;

import dev.monotable.annotation.Document;
import java.math.BigDecimal;

/** One line of an order, stored inside the order item. */
@Document
public record OrderLine(String sku, int quantity, BigDecimal unitPrice) {
  /** The line's amount: quantity times unit price. */
  public BigDecimal amount() {
    return unitPrice.multiply(BigDecimal.valueOf(quantity));
  }
}
