package dev.monotable.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.monotable.runtime.MappingException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The number checks with their shortcuts against the full check, over wide ranges. */
class NumbersTest {
  private static final long SEED = 38_130L;

  @Test
  void checked_agreesWithTheCheckOnTheStrippedValue() {
    Random random = new Random(SEED);
    for (int i = 0; i < 100_000; i++) {
      BigDecimal value = new BigDecimal(new BigInteger(random.nextInt(160), random), random.nextInt(400) - 200);
      if (random.nextInt(4) == 0) {
        value = value.multiply(BigDecimal.TEN.pow(random.nextInt(20)));
      }
      if (random.nextBoolean()) {
        value = value.negate();
      }
      String expected;
      try {
        expected = reference(value);
      } catch (MappingException refused) {
        BigDecimal refusedValue = value;
        MappingException e = assertThrows(MappingException.class, () -> Numbers.checked(refusedValue), "seed " + SEED);
        assertEquals(refused.getMessage(), e.getMessage());
        continue;
      }
      assertEquals(expected, Numbers.checked(value), "seed " + SEED + ": " + value);
    }
  }

  @Test
  void checked_atTheEdgesOfDynamoDbsRange() {
    for (String text : List.of("1E-130", "1E-131", "9.9999999999999999999999999999999999999E+125", "1E+126", "0E+500",
        "1.00000000000000000000000000000000000000000", "12345678901234567890123456789012345678",
        "123456789012345678901234567890123456789", "1234567890123456789012345678901234567800000", "0.00",
        "-1E-130", "10E-131", "0.1E+127")) {
      BigDecimal value = new BigDecimal(text);
      String expected;
      try {
        expected = reference(value);
      } catch (MappingException refused) {
        assertThrows(MappingException.class, () -> Numbers.checked(value), text);
        continue;
      }
      assertEquals(expected, Numbers.checked(value), text);
    }
  }

  @Test
  void doubles_areRefusedExactlyWhenTheirDecimalFormIsOutOfRange() {
    Random random = new Random(SEED);
    for (double edge : new double[] {1e-130, 1e126}) {
      double below = edge;
      double above = edge;
      for (int i = 0; i < 50; i++) {
        agree(below);
        agree(above);
        agree(-below);
        below = Math.nextDown(below);
        above = Math.nextUp(above);
      }
    }
    for (int i = 0; i < 100_000; i++) {
      agree(Double.longBitsToDouble(random.nextLong()));
    }
    agree(0.0);
    agree(-0.0);
    agree(Double.MIN_VALUE);
    agree(Double.MAX_VALUE);
  }

  @Test
  void floatsAndSmallBigIntegers_areAlwaysInRange() {
    Random random = new Random(SEED);
    for (int i = 0; i < 100_000; i++) {
      float value = Float.intBitsToFloat(random.nextInt());
      if (!Float.isNaN(value) && !Float.isInfinite(value)) {
        Numbers.checked(new BigDecimal(Float.toString(value)));
        assertEquals(Float.toString(value), AttributeCodecs.FLOAT.write(value).n());
      }
    }
    BigInteger largest = BigInteger.ONE.shiftLeft(126).subtract(BigInteger.ONE);
    Numbers.checked(new BigDecimal(largest));
    assertEquals(largest.toString(), AttributeCodecs.BIG_INTEGER.write(largest).n());
    assertThrows(MappingException.class, () -> AttributeCodecs.BIG_INTEGER.write(BigInteger.TEN.pow(38).add(BigInteger.ONE)));
    assertEquals(BigInteger.TEN.pow(38).toString(), AttributeCodecs.BIG_INTEGER.write(BigInteger.TEN.pow(38)).n());
    assertEquals("-" + BigInteger.TEN.pow(37), AttributeCodecs.BIG_INTEGER.write(BigInteger.TEN.pow(37).negate()).n());
  }

  private static void agree(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return;
    }
    boolean refused;
    try {
      Numbers.checked(BigDecimal.valueOf(value));
      refused = false;
    } catch (MappingException e) {
      refused = true;
    }
    if (refused) {
      assertThrows(MappingException.class, () -> AttributeCodecs.DOUBLE.write(value), Double.toString(value));
    } else {
      assertEquals(Double.toString(value), AttributeCodecs.DOUBLE.write(value).n());
    }
  }

  /** The check as it was: on the value with its trailing zeros stripped. */
  private static String reference(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    if (stripped.signum() == 0) {
      return "0";
    }
    if (stripped.precision() > Numbers.MAX_DIGITS) {
      throw new MappingException("cannot store " + value + ": DynamoDB numbers have at most " + Numbers.MAX_DIGITS
          + " significant digits, this one has " + stripped.precision());
    }
    int exponent = stripped.precision() - stripped.scale() - 1;
    if (exponent < Numbers.MIN_EXPONENT || exponent > Numbers.MAX_EXPONENT) {
      throw new MappingException("cannot store " + value + ": DynamoDB numbers range from 1E" + Numbers.MIN_EXPONENT
          + " to 9.99…E+" + Numbers.MAX_EXPONENT + " in magnitude");
    }
    return value.precision() > Numbers.MAX_DIGITS ? stripped.toString() : value.toString();
  }
}
