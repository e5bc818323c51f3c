package dev.monotable.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.monotable.it.lab.Money;
import dev.monotable.it.lab.Sample;
import java.math.BigDecimal;

/**
 * Compares a {@link Sample} read back with the one written. Equal means equal, with the two
 * differences DynamoDB makes by design and Monotable documents: a number keeps its value, not its
 * scale ({@code 1.50} reads back as {@code 1.5}), and a byte array is compared by content.
 */
final class SampleAssertions {
  private SampleAssertions() {}

  static void assertSameSample(Sample expected, Sample actual) {
    assertEquals(expected.id(), actual.id());
    assertEquals(expected.text(), actual.text());
    assertEquals(expected.flag(), actual.flag());
    assertEquals(expected.boxedFlag(), actual.boxedFlag());
    assertEquals(expected.tiny(), actual.tiny());
    assertEquals(expected.small(), actual.small());
    assertEquals(expected.number(), actual.number());
    assertEquals(expected.big(), actual.big());
    assertEquals(expected.ratio(), actual.ratio());
    assertEquals(expected.measure(), actual.measure());
    assertEquals(expected.boxedNumber(), actual.boxedNumber());
    assertEquals(expected.boxedBig(), actual.boxedBig());
    assertSameNumber(expected.decimal(), actual.decimal());
    assertEquals(expected.huge(), actual.huge());
    assertEquals(expected.color(), actual.color());
    assertEquals(expected.instant(), actual.instant());
    assertEquals(expected.date(), actual.date());
    assertEquals(expected.localDateTime(), actual.localDateTime());
    assertEquals(expected.offsetDateTime(), actual.offsetDateTime());
    assertEquals(expected.zonedDateTime(), actual.zonedDateTime());
    assertEquals(expected.duration(), actual.duration());
    assertEquals(expected.uri(), actual.uri());
    assertArrayEquals(expected.bytes(), actual.bytes());
    assertEquals(expected.sdkBytes(), actual.sdkBytes());
    assertEquals(expected.buffer(), actual.buffer());
    assertEquals(expected.strings(), actual.strings());
    assertEquals(expected.addresses(), actual.addresses());
    assertEquals(expected.stringSet(), actual.stringSet());
    assertEquals(expected.intSet(), actual.intSet());
    assertEquals(expected.binarySet(), actual.binarySet());
    assertEquals(expected.colors(), actual.colors());
    assertEquals(expected.counts(), actual.counts());
    assertEquals(expected.addressBook(), actual.addressBook());
    assertEquals(expected.address(), actual.address());
    assertEquals(expected.nickname(), actual.nickname());
    assertEquals(expected.backupAddress(), actual.backupAddress());
    assertSameMoney(expected.price(), actual.price());
  }

  private static void assertSameNumber(BigDecimal expected, BigDecimal actual) {
    if (expected == null) {
      assertNull(actual);
    } else {
      assertEquals(0, expected.compareTo(actual), () -> expected + " read back as " + actual);
    }
  }

  private static void assertSameMoney(Money expected, Money actual) {
    if (expected == null) {
      assertNull(actual);
    } else {
      assertEquals(expected.currency(), actual.currency());
      assertSameNumber(expected.amount(), actual.amount());
    }
  }
}
