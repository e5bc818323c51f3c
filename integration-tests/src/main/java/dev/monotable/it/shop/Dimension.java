package dev.monotable.it.shop;

import dev.monotable.annotation.Document;
import java.math.BigDecimal;

@Document
public record Dimension(String name, BigDecimal value, String unit) {}
