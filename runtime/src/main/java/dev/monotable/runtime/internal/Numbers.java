package dev.monotable.runtime.internal;

import dev.monotable.runtime.MappingException;
import java.math.BigDecimal;

/** DynamoDB's number range: 38 significant digits, magnitudes from 1E-130 to below 1E+126. */
final class Numbers {
  static final int MAX_DIGITS = 38;
  static final int MIN_EXPONENT = -130;
  static final int MAX_EXPONENT = 125;

  private Numbers() {}

  /** The number as DynamoDB text, or a MappingException saying why DynamoDB cannot store it. */
  static String checked(BigDecimal value) {
    if (value.signum() != 0 && value.precision() <= MAX_DIGITS) {
      // trailing zeros take as many digits as they take scale, so the exponent is that of the
      // stripped form; with no more digits than DynamoDB keeps, the text is sent as it is
      long exponent = (long) value.precision() - value.scale() - 1;
      if (exponent >= MIN_EXPONENT && exponent <= MAX_EXPONENT) {
        return value.toString();
      }
    }
    BigDecimal stripped = value.stripTrailingZeros();
    if (stripped.signum() == 0) {
      return "0";
    }
    if (stripped.precision() > MAX_DIGITS) {
      throw new MappingException("cannot store " + value + ": DynamoDB numbers have at most " + MAX_DIGITS
          + " significant digits, this one has " + stripped.precision());
    }
    int exponent = stripped.precision() - stripped.scale() - 1;
    if (exponent < MIN_EXPONENT || exponent > MAX_EXPONENT) {
      throw new MappingException("cannot store " + value + ": DynamoDB numbers range from 1E" + MIN_EXPONENT
          + " to 9.99…E+" + MAX_EXPONENT + " in magnitude");
    }
    // DynamoDB counts digits after trimming zeros; send the trimmed form when the raw one is longer
    return value.precision() > MAX_DIGITS ? stripped.toString() : value.toString();
  }
}
