package dev.monotable.benchmarks;

import dev.monotable.annotation.Document;
import java.math.BigDecimal;

@Document
public record Line(String sku, int quantity, BigDecimal unitPrice) {}
