package dev.monotable.it.lab;

import java.math.BigDecimal;

/** A type Monotable does not know, stored through {@link MoneyConverter}. */
public record Money(String currency, BigDecimal amount) {}
