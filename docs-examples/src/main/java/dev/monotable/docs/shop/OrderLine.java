package dev.monotable.docs.shop;

import dev.monotable.annotation.Document;
import java.math.BigDecimal;

/** A line of an order, stored inside the order's item as a map. */
// region order-line
@Document
public record OrderLine(String sku, int quantity, BigDecimal unitPrice) {}
// endregion
