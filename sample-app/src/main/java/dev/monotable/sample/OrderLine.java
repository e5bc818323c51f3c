package dev.monotable.sample;

import dev.monotable.annotation.Document;
import java.math.BigDecimal;

/** One line of an order, stored inside the order item. */
@Document
public record OrderLine(String sku, int quantity, BigDecimal unitPrice) {}
