package dev.monotable.it;

import dev.monotable.it.lab.Address;
import dev.monotable.it.lab.Color;
import dev.monotable.it.lab.Money;
import dev.monotable.it.lab.Sample;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import software.amazon.awssdk.core.SdkBytes;

/**
 * Generators of {@link Sample}s with edge values in every field: empty and non-ASCII strings,
 * extreme integers, 38-digit decimals, far-off instants, nested and empty collections, nulls.
 * Values stay inside what DynamoDB itself stores: valid UTF-8, numbers within its range,
 * non-empty set elements and map keys.
 */
final class SampleArbitraries {
  private SampleArbitraries() {}

  static Arbitrary<String> text() {
    return Arbitraries.strings().all().ofMaxLength(40)
        .filter(s -> StandardCharsets.UTF_8.newEncoder().canEncode(s))
        .edgeCases(edges -> edges.add(""));
  }

  private static Arbitrary<String> word() {
    return Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(12);
  }

  private static Arbitrary<Instant> instants() {
    return Combinators.combine(
            Arbitraries.longs().between(Instant.parse("-999999-01-01T00:00:00Z").getEpochSecond(),
                Instant.parse("+999999-12-31T23:59:59Z").getEpochSecond()),
            Arbitraries.integers().between(0, 999_999_999))
        .as(Instant::ofEpochSecond)
        .edgeCases(edges -> edges.add(Instant.EPOCH));
  }

  private static Arbitrary<BigDecimal> decimals() {
    return Combinators.combine(
            Arbitraries.bigIntegers().between(BigInteger.TEN.pow(38).negate().add(BigInteger.ONE),
                BigInteger.TEN.pow(38).subtract(BigInteger.ONE)),
            Arbitraries.integers().between(-80, 80))
        .as(BigDecimal::new);
  }

  private static Arbitrary<Double> doubles() {
    return Arbitraries.doubles().between(-1e100, 1e100).filter(d -> !(d == 0 && 1 / d < 0));
  }

  private static Arbitrary<Address> addresses(int depth) {
    Arbitrary<List<Address>> previous = depth == 0
        ? Arbitraries.just(List.of())
        : addresses(depth - 1).list().ofMaxSize(2);
    return Combinators.combine(text().injectNull(0.1), word(), Arbitraries.integers(), previous.injectNull(0.2))
        .as(Address::new);
  }

  private static Arbitrary<SdkBytes> binaries() {
    return Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(16).map(SdkBytes::fromByteArray);
  }

  static Arbitrary<Sample> samples() {
    return Builders.withBuilder(SampleBuilder::new)
        .use(Arbitraries.create(UUID::randomUUID)).in((b, v) -> b.with(0, v))
        .use(text().injectNull(0.1)).in((b, v) -> b.with(1, v))
        .use(Arbitraries.of(true, false)).in((b, v) -> b.with(2, v))
        .use(Arbitraries.of(true, false).injectNull(0.3)).in((b, v) -> b.with(3, v))
        .use(Arbitraries.bytes()).in((b, v) -> b.with(4, v))
        .use(Arbitraries.shorts()).in((b, v) -> b.with(5, v))
        .use(Arbitraries.integers()).in((b, v) -> b.with(6, v))
        .use(Arbitraries.longs()).in((b, v) -> b.with(7, v))
        .use(Arbitraries.floats().between(-1e30f, 1e30f).filter(f -> !(f == 0 && 1 / f < 0))).in((b, v) -> b.with(8, v))
        .use(doubles()).in((b, v) -> b.with(9, v))
        .use(Arbitraries.integers().injectNull(0.3)).in((b, v) -> b.with(10, v))
        .use(Arbitraries.longs().injectNull(0.3)).in((b, v) -> b.with(11, v))
        .use(decimals().injectNull(0.1)).in((b, v) -> b.with(12, v))
        .use(Arbitraries.bigIntegers().between(BigInteger.TEN.pow(37).negate(), BigInteger.TEN.pow(37)).injectNull(0.1))
        .in((b, v) -> b.with(13, v))
        .use(Arbitraries.of(Color.class).injectNull(0.2)).in((b, v) -> b.with(14, v))
        .use(instants().injectNull(0.1)).in((b, v) -> b.with(15, v))
        .use(instants().map(i -> LocalDate.ofInstant(i, ZoneOffset.UTC)).injectNull(0.1)).in((b, v) -> b.with(16, v))
        .use(instants().map(i -> LocalDateTime.ofInstant(i, ZoneOffset.UTC)).injectNull(0.1)).in((b, v) -> b.with(17, v))
        .use(Combinators.combine(instants(), Arbitraries.integers().between(-18, 18))
            .as((i, h) -> i.atOffset(ZoneOffset.ofHours(h))).filter(o -> Math.abs(o.getYear()) < 100_000))
        .in((b, v) -> b.with(18, v))
        .use(Combinators.combine(instants(), Arbitraries.of("UTC", "Europe/Paris", "America/New_York", "Asia/Kolkata"))
            .as((i, zone) -> ZonedDateTime.ofInstant(i, ZoneId.of(zone))).filter(z -> Math.abs(z.getYear()) < 100_000))
        .in((b, v) -> b.with(19, v))
        .use(Arbitraries.longs().between(-1_000_000_000L, 1_000_000_000L).map(Duration::ofMillis)).in((b, v) -> b.with(20, v))
        .use(word().map(w -> URI.create("https://example.com/" + w + "?q=%20"))).in((b, v) -> b.with(21, v))
        .use(Arbitraries.bytes().array(byte[].class).ofMaxSize(32)).in((b, v) -> b.with(22, v))
        .use(binaries()).in((b, v) -> b.with(23, v))
        .use(Arbitraries.bytes().array(byte[].class).ofMaxSize(8).map(ByteBuffer::wrap)).in((b, v) -> b.with(24, v))
        .use(text().list().ofMaxSize(4)).in((b, v) -> b.with(25, v))
        .use(addresses(1).list().ofMaxSize(3)).in((b, v) -> b.with(26, v))
        .use(word().set().ofMaxSize(4)).in((b, v) -> b.with(27, v))
        .use(Arbitraries.integers().set().ofMaxSize(4)).in((b, v) -> b.with(28, v))
        .use(binaries().set().ofMaxSize(3)).in((b, v) -> b.with(29, v))
        .use(Arbitraries.of(Color.class).set()).in((b, v) -> b.with(30, v))
        .use(Arbitraries.maps(word(), Arbitraries.integers()).ofMaxSize(3)).in((b, v) -> b.with(31, v))
        .use(Arbitraries.maps(word(), addresses(0).list().ofMaxSize(2)).ofMaxSize(2)).in((b, v) -> b.with(32, v))
        .use(addresses(2).injectNull(0.2)).in((b, v) -> b.with(33, v))
        .use(text().optional()).in((b, v) -> b.with(34, v))
        .use(addresses(0).optional()).in((b, v) -> b.with(35, v))
        .use(Combinators.combine(Arbitraries.of("EUR", "USD"), decimals().map(d -> d.setScale(2, java.math.RoundingMode.HALF_UP)))
            .as(Money::new).injectNull(0.2)).in((b, v) -> b.with(36, v))
        .build(SampleBuilder::build);
  }

  /** Collects the fields of a {@link Sample} in declaration order. */
  static final class SampleBuilder {
    private final Object[] values = new Object[37];

    SampleBuilder with(int index, Object value) {
      values[index] = value;
      return this;
    }

    @SuppressWarnings("unchecked")
    Sample build() {
      Object[] v = values;
      return new Sample((UUID) v[0], (String) v[1], (Boolean) v[2], (Boolean) v[3], (Byte) v[4], (Short) v[5],
          (Integer) v[6], (Long) v[7], (Float) v[8], (Double) v[9], (Integer) v[10], (Long) v[11],
          (BigDecimal) v[12], (BigInteger) v[13], (Color) v[14], (Instant) v[15], (LocalDate) v[16],
          (LocalDateTime) v[17], (OffsetDateTime) v[18], (ZonedDateTime) v[19], (Duration) v[20], (URI) v[21],
          (byte[]) v[22], (SdkBytes) v[23], (ByteBuffer) v[24], (List<String>) v[25], (List<Address>) v[26],
          (Set<String>) v[27], (Set<Integer>) v[28], (Set<SdkBytes>) v[29], (Set<Color>) v[30],
          (Map<String, Integer>) v[31], (Map<String, List<Address>>) v[32], (Address) v[33],
          (Optional<String>) v[34], (Optional<Address>) v[35], (Money) v[36]);
    }
  }
}
