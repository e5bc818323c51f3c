package dev.monotable.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Sorting encoded keys as strings sorts the values: the property DynamoDB range queries on sort
 * keys rely on. DynamoDB compares S by UTF-8 bytes; every encoding is ASCII, where that is
 * {@link String#compareTo}.
 */
class KeyEncodingProperties {

  private static int sign(int comparison) {
    return Integer.signum(comparison);
  }

  @Property
  void ints_sortAsTheirEncodings(@ForAll int a, @ForAll int b) {
    assertEquals(sign(Integer.compare(a, b)), sign(KeyEncoding.encode(a).compareTo(KeyEncoding.encode(b))));
    assertEquals(KeyEncoding.INT_WIDTH + (a < 0 ? 1 : 0), KeyEncoding.encode(a).length());
  }

  @Property
  void longs_sortAsTheirEncodings(@ForAll long a, @ForAll long b) {
    assertEquals(sign(Long.compare(a, b)), sign(KeyEncoding.encode(a).compareTo(KeyEncoding.encode(b))));
  }

  @Property
  void shortsAndBytes_sortAsTheirEncodings(@ForAll short a, @ForAll short b, @ForAll byte c, @ForAll byte d) {
    assertEquals(sign(Short.compare(a, b)), sign(KeyEncoding.encode(a).compareTo(KeyEncoding.encode(b))));
    assertEquals(sign(Byte.compare(c, d)), sign(KeyEncoding.encode(c).compareTo(KeyEncoding.encode(d))));
  }

  @Provide
  Arbitrary<BigInteger> bigIntegers() {
    return Arbitraries.bigIntegers()
        .between(BigInteger.TEN.pow(38).negate().add(BigInteger.ONE), BigInteger.TEN.pow(38).subtract(BigInteger.ONE))
        .edgeCases(edges -> edges.add(BigInteger.ZERO));
  }

  @Property
  void bigIntegers_sortAsTheirEncodings(@ForAll("bigIntegers") BigInteger a, @ForAll("bigIntegers") BigInteger b) {
    assertEquals(sign(a.compareTo(b)), sign(KeyEncoding.encode(a).compareTo(KeyEncoding.encode(b))));
  }

  @Provide
  Arbitrary<BigDecimal> decimals() {
    Arbitrary<BigInteger> unscaled = Arbitraries.bigIntegers()
        .between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30));
    Arbitrary<Integer> scales = Arbitraries.integers().between(-60, 60);
    return net.jqwik.api.Combinators.combine(unscaled, scales).as(BigDecimal::new);
  }

  @Property(tries = 2000)
  void decimals_sortAsTheirEncodings(@ForAll("decimals") BigDecimal a, @ForAll("decimals") BigDecimal b) {
    assertEquals(sign(a.compareTo(b)), sign(KeyEncoding.encode(a).compareTo(KeyEncoding.encode(b))),
        () -> a + " vs " + b + ": " + KeyEncoding.encode(a) + " vs " + KeyEncoding.encode(b));
  }

  @Property
  void equalDecimals_encodeEqually(@ForAll("decimals") BigDecimal a, @ForAll @IntRange(max = 5) int extraZeros) {
    BigDecimal padded = a.setScale(a.scale() + extraZeros);
    assertEquals(KeyEncoding.encode(a), KeyEncoding.encode(padded));
  }

  @Provide
  Arbitrary<Instant> instants() {
    long min = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
    return net.jqwik.api.Combinators.combine(
            Arbitraries.longs().between(min, max), Arbitraries.integers().between(0, 999_999_999))
        .as(Instant::ofEpochSecond);
  }

  @Property
  void instants_sortAsTheirEncodings_toTheMillisecond(@ForAll("instants") Instant a, @ForAll("instants") Instant b) {
    Instant ma = a.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    Instant mb = b.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    assertEquals(sign(ma.compareTo(mb)), sign(KeyEncoding.encode(a).compareTo(KeyEncoding.encode(b))));
    assertEquals(24, KeyEncoding.encode(a).length());
    assertEquals(ma, Instant.parse(KeyEncoding.encode(a)));
  }

  @Property
  void offsetDateTimes_areNormalisedToUtc(@ForAll("instants") Instant instant, @ForAll @IntRange(min = -18, max = 18) int hours) {
    OffsetDateTime local = instant.atOffset(ZoneOffset.ofHours(hours));
    if (local.getYear() >= 0 && local.getYear() <= 9999) {
      assertEquals(KeyEncoding.encode(instant), KeyEncoding.encode(local));
    }
  }

  @Property
  void localDatesAndTimes_sortAsTheirEncodings(@ForAll("instants") Instant a, @ForAll("instants") Instant b) {
    LocalDate da = LocalDate.ofInstant(a, ZoneOffset.UTC);
    LocalDate db = LocalDate.ofInstant(b, ZoneOffset.UTC);
    assertEquals(sign(da.compareTo(db)), sign(KeyEncoding.encode(da).compareTo(KeyEncoding.encode(db))));
    LocalDateTime ta = LocalDateTime.ofInstant(a, ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    LocalDateTime tb = LocalDateTime.ofInstant(b, ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    assertEquals(sign(ta.compareTo(tb)), sign(KeyEncoding.encode(ta).compareTo(KeyEncoding.encode(tb))));
  }

  @Example
  void examples_areReadable() {
    assertEquals("0000000042", KeyEncoding.encode(42));
    assertEquals("-9999999999", KeyEncoding.encode(-1));
    assertEquals("-7852516352", KeyEncoding.encode(Integer.MIN_VALUE));
    assertEquals("0000000000000000000", KeyEncoding.encode(0L));
    assertEquals("2024-05-01T09:30:00.123Z", KeyEncoding.encode(Instant.parse("2024-05-01T09:30:00.123456Z")));
    assertEquals("2024-05-01", KeyEncoding.encode(LocalDate.of(2024, 5, 1)));
    assertEquals("1", KeyEncoding.encode(BigDecimal.ZERO));
    assertEquals("2502125", KeyEncoding.encode(new BigDecimal("12.50")));
    assertEquals("04978~", KeyEncoding.encode(new BigDecimal("-10")));
    assertEquals("false", KeyEncoding.encode(false));
  }

  @Example
  void valuesOutsideTheEncodingsRange_areRefused() {
    assertThrows(IllegalArgumentException.class, () -> KeyEncoding.encode(BigInteger.TEN.pow(38)));
    assertThrows(IllegalArgumentException.class, () -> KeyEncoding.encode(Instant.parse("+10000-01-01T00:00:00Z")));
    assertThrows(IllegalArgumentException.class, () -> KeyEncoding.encode(new BigDecimal("1E+600")));
  }
}
