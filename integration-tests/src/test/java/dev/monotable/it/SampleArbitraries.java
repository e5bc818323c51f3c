package dev.monotable.it;

import static org.instancio.Select.allBytes;
import static org.instancio.Select.allInts;
import static org.instancio.Select.allLongs;
import static org.instancio.Select.allShorts;
import static org.instancio.Select.field;
import static org.instancio.Select.root;

import dev.monotable.it.lab.Address;
import dev.monotable.it.lab.Color;
import dev.monotable.it.lab.Money;
import dev.monotable.it.lab.Sample;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.instancio.Instancio;
import org.instancio.InstancioApi;
import org.instancio.Model;
import org.instancio.Random;
import org.instancio.generator.GeneratorSpec;
import org.instancio.generators.Generators;
import org.instancio.settings.Keys;
import org.instancio.settings.Settings;
import org.instancio.settings.StringType;
import software.amazon.awssdk.core.SdkBytes;

/**
 * Instancio models of {@link Sample} with edge values in every field: empty and non-ASCII strings,
 * integers at and next to their bounds, 38-digit decimals, instants with nanoseconds in years
 * -999999 to 999999, nested and empty collections, nulls wherever the type allows one. Values stay
 * inside what DynamoDB itself stores: valid UTF-8, numbers within its range (38 digits, magnitudes
 * 1E-130 to 1E+126), non-empty set elements and map keys, no {@code -0.0} (DynamoDB has no signed
 * zero).
 *
 * <p>Every sample is drawn with a seed, so a run can be repeated exactly.
 */
final class SampleArbitraries {
  /** The seed {@link #samples()} draws with. */
  static final long SEED = 5_200_001L;

  private static final Instant FIRST_INSTANT = Instant.parse("-999999-01-01T00:00:00Z");
  private static final Instant LAST_INSTANT = Instant.parse("+999999-12-31T23:59:59.999999999Z");
  /** Offset and zoned date-times stay inside years -99999 to 99999 at every offset. */
  private static final Instant FIRST_ZONED = Instant.parse("-99999-01-02T00:00:00Z");
  private static final Instant LAST_ZONED = Instant.parse("+99999-12-30T23:59:59.999999999Z");
  private static final BigInteger DECIMAL_UNSCALED_BOUND = BigInteger.TEN.pow(38).subtract(BigInteger.ONE);
  private static final BigInteger HUGE_BOUND = BigInteger.TEN.pow(37);
  private static final List<String> ZONES = List.of("UTC", "Europe/Paris", "America/New_York", "Asia/Kolkata");

  /** Strings of any Unicode text up to 40 long, empty at times; collections up to 4, maps up to 3, arrays up to 32. */
  private static final Settings SETTINGS = Settings.create()
      .set(Keys.STRING_TYPE, StringType.UNICODE)
      .set(Keys.STRING_MIN_LENGTH, 0)
      .set(Keys.STRING_MAX_LENGTH, 40)
      .set(Keys.STRING_ALLOW_EMPTY, true)
      .set(Keys.COLLECTION_MIN_SIZE, 0)
      .set(Keys.COLLECTION_MAX_SIZE, 4)
      .set(Keys.MAP_MIN_SIZE, 0)
      .set(Keys.MAP_MAX_SIZE, 3)
      .set(Keys.ARRAY_MIN_SIZE, 0)
      .set(Keys.ARRAY_MAX_SIZE, 32)
      .lock();

  /** Non-empty letters and digits, as set elements and map keys must be non-empty. */
  private static final Model<String> WORD = Instancio.of(String.class).generate(root(), SampleArbitraries::word).toModel();

  private SampleArbitraries() {}

  private static GeneratorSpec<String> word(Generators gen) {
    return gen.string().alphaNumeric().mixedCase().length(1, 12);
  }

  /** Samples drawn with {@link #SEED}. */
  static Samples samples() {
    return new Samples(SEED);
  }

  /** Samples drawn with one seed: {@link #sample()} is always the same, {@link #stream()} always the same sequence. */
  record Samples(long seed) {
    Sample sample() {
      return model().withSeed(seed).create();
    }

    Stream<Sample> stream() {
      return model().withSeed(seed).stream();
    }
  }

  /**
   * The model every sample is drawn from, a fresh builder each call, to be given a seed: the
   * {@linkplain #withoutNulls() model without nulls}, with null at times in each field that takes one.
   */
  static InstancioApi<Sample> model() {
    return withoutNulls()
        .withNullable(field(Sample::text))
        .withNullable(field(Sample::boxedFlag))
        .withNullable(field(Sample::boxedNumber))
        .withNullable(field(Sample::boxedBig))
        .withNullable(field(Sample::color))
        .withNullable(field(Sample::instant))
        .withNullable(field(Sample::date))
        .withNullable(field(Sample::localDateTime));
  }

  /**
   * Samples whose fields are never null, except for the decimal, the BigInteger, the address and the
   * price, whose generators give null at times themselves (a value {@code set} on them replaces it).
   */
  private static InstancioApi<Sample> withoutNulls() {
    return Instancio.of(Sample.class)
        .withSettings(SETTINGS)
        .supply(allBytes(), random -> (byte) spread(random, Byte.MIN_VALUE, Byte.MAX_VALUE))
        .supply(allShorts(), random -> (short) spread(random, Short.MIN_VALUE, Short.MAX_VALUE))
        .supply(allInts(), random -> (int) spread(random, Integer.MIN_VALUE, Integer.MAX_VALUE))
        .supply(allLongs(), random -> spread(random, Long.MIN_VALUE, Long.MAX_VALUE))
        .supply(field(Sample::ratio), random -> {
          float ratio = (float) floating(random, -45, 38, Float.MAX_VALUE);
          return ratio == 0 ? 0f : ratio; // a tiny negative double is -0.0f as a float
        })
        .supply(field(Sample::measure), random -> floating(random, -100, 100, 1e100))
        .supply(field(Sample::decimal), random -> orNull(random, 10, decimal(random, 80)))
        .supply(field(Sample::huge), random -> orNull(random, 10, bigInteger(random, 38, HUGE_BOUND)))
        .generate(field(Sample::instant), gen -> gen.temporal().instant().range(FIRST_INSTANT, LAST_INSTANT))
        .generate(field(Sample::date), gen -> gen.temporal().localDate()
            .range(LocalDate.ofInstant(FIRST_INSTANT, ZoneOffset.UTC), LocalDate.ofInstant(LAST_INSTANT, ZoneOffset.UTC)))
        .generate(field(Sample::localDateTime), gen -> gen.temporal().localDateTime()
            .range(LocalDateTime.ofInstant(FIRST_INSTANT, ZoneOffset.UTC), LocalDateTime.ofInstant(LAST_INSTANT, ZoneOffset.UTC)))
        .supply(field(Sample::offsetDateTime), random -> instant(random, FIRST_ZONED, LAST_ZONED)
            .atOffset(ZoneOffset.ofTotalSeconds(random.trueOrFalse()
                ? 3600 * random.intRange(-18, 18)
                : random.intRange(-18 * 3600, 18 * 3600))))
        .supply(field(Sample::zonedDateTime), random -> ZonedDateTime.ofInstant(
            instant(random, FIRST_ZONED, LAST_ZONED), ZoneId.of(random.oneOf(ZONES))))
        .supply(field(Sample::duration), random -> Duration.ofSeconds(
            spread(random, -1_000_000_000_000L, 1_000_000_000_000L), random.intRange(0, 999_999_999)))
        .supply(field(Sample::uri), random -> URI.create("https://example.com/" + draw(random, WORD) + "?q=%20"))
        .supply(field(Sample::sdkBytes), random -> SdkBytes.fromByteArray(bytes(random, 1, 16)))
        .supply(field(Sample::buffer), random -> ByteBuffer.wrap(bytes(random, 0, 8)))
        .supply(field(Sample::stringSet), random -> setOf(random, 4, r -> draw(r, WORD)))
        .supply(field(Sample::counts), random -> mapOf(random, 3, r -> (int) spread(r, Integer.MIN_VALUE, Integer.MAX_VALUE)))
        .supply(field(Sample::binarySet), random -> setOf(random, 3, r -> SdkBytes.fromByteArray(bytes(r, 1, 16))))
        .generate(field(Sample::colors), gen -> gen.collection().maxSize(Color.values().length))
        .supply(field(Sample::addresses), random -> listOf(random, 3, r -> draw(r, address(1))))
        .supply(field(Sample::addressBook), random -> mapOf(random, 2, r -> listOf(r, 2, r2 -> draw(r2, address(0)))))
        .supply(field(Sample::address), random -> orNull(random, 20, draw(random, address(2))))
        .generate(field(Sample::nickname), gen -> gen.optional().allowEmpty())
        .supply(field(Sample::backupAddress), random -> random.trueOrFalse()
            ? Optional.empty()
            : Optional.of(draw(random, address(0))))
        .supply(field(Sample::price), random -> orNull(random, 20,
            new Money(random.oneOf("EUR", "USD"), decimal(random, 80).setScale(2, RoundingMode.HALF_UP))));
  }

  /**
   * Four samples at the edges, each named: every number at its lowest, at its highest, zeros with
   * empty strings and collections, and null in every field that can be null.
   */
  static Map<String, Sample> edges() {
    Map<String, Sample> edges = new LinkedHashMap<>();
    edges.put("lowest", withoutNulls().withSeed(SEED)
        .set(field(Sample::boxedFlag), Boolean.FALSE)
        .set(field(Sample::boxedNumber), Integer.MIN_VALUE)
        .set(field(Sample::boxedBig), Long.MIN_VALUE)
        .set(allBytes(), Byte.MIN_VALUE)
        .set(allShorts(), Short.MIN_VALUE)
        .set(allInts(), Integer.MIN_VALUE)
        .set(allLongs(), Long.MIN_VALUE)
        .set(field(Sample::ratio), -Float.MAX_VALUE)
        .set(field(Sample::measure), -1e100)
        .set(field(Sample::decimal), new BigDecimal(DECIMAL_UNSCALED_BOUND.negate(), -87))
        .set(field(Sample::huge), HUGE_BOUND.negate())
        .set(field(Sample::instant), FIRST_INSTANT)
        .set(field(Sample::date), LocalDate.ofInstant(FIRST_INSTANT, ZoneOffset.UTC))
        .set(field(Sample::localDateTime), LocalDateTime.ofInstant(FIRST_INSTANT, ZoneOffset.UTC))
        .set(field(Sample::offsetDateTime), FIRST_ZONED.atOffset(ZoneOffset.MIN))
        .set(field(Sample::zonedDateTime), ZonedDateTime.ofInstant(FIRST_ZONED, ZoneId.of("America/New_York")))
        .set(field(Sample::duration), Duration.ofSeconds(-1_000_000_000_000L))
        .set(field(Sample::sdkBytes), SdkBytes.fromByteArray(new byte[] {Byte.MIN_VALUE}))
        .set(field(Sample::price), new Money("EUR", new BigDecimal("-0.01")))
        .create());
    edges.put("highest", withoutNulls().withSeed(SEED + 1)
        .set(field(Sample::boxedFlag), Boolean.TRUE)
        .set(field(Sample::boxedNumber), Integer.MAX_VALUE)
        .set(field(Sample::boxedBig), Long.MAX_VALUE)
        .set(allBytes(), Byte.MAX_VALUE)
        .set(allShorts(), Short.MAX_VALUE)
        .set(allInts(), Integer.MAX_VALUE)
        .set(allLongs(), Long.MAX_VALUE)
        .set(field(Sample::ratio), Float.MAX_VALUE)
        .set(field(Sample::measure), 1e100)
        .set(field(Sample::decimal), new BigDecimal(DECIMAL_UNSCALED_BOUND, -87))
        .set(field(Sample::huge), HUGE_BOUND)
        .set(field(Sample::instant), LAST_INSTANT)
        .set(field(Sample::date), LocalDate.ofInstant(LAST_INSTANT, ZoneOffset.UTC))
        .set(field(Sample::localDateTime), LocalDateTime.ofInstant(LAST_INSTANT, ZoneOffset.UTC))
        .set(field(Sample::offsetDateTime), LAST_ZONED.atOffset(ZoneOffset.MAX))
        .set(field(Sample::zonedDateTime), ZonedDateTime.ofInstant(LAST_ZONED, ZoneId.of("Asia/Kolkata")))
        .set(field(Sample::duration), Duration.ofSeconds(1_000_000_000_000L, 999_999_999))
        .set(field(Sample::sdkBytes), SdkBytes.fromByteArray(new byte[] {Byte.MAX_VALUE}))
        .create());
    edges.put("zeros and empties", withoutNulls().withSeed(SEED + 2)
        .set(field(Sample::boxedFlag), Boolean.FALSE)
        .set(field(Sample::boxedNumber), 0)
        .set(field(Sample::boxedBig), 0L)
        .set(field(Sample::text), "")
        .set(allBytes(), (byte) 0)
        .set(allShorts(), (short) 0)
        .set(allInts(), 0)
        .set(allLongs(), 0L)
        .set(field(Sample::ratio), Float.MIN_VALUE)
        .set(field(Sample::measure), 1e-100)
        .set(field(Sample::decimal), new BigDecimal("0E-80"))
        .set(field(Sample::huge), BigInteger.ZERO)
        .set(field(Sample::instant), Instant.EPOCH.plusNanos(1))
        .set(field(Sample::date), LocalDate.EPOCH)
        .set(field(Sample::localDateTime), LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_999))
        .set(field(Sample::offsetDateTime), Instant.EPOCH.atOffset(ZoneOffset.UTC))
        .set(field(Sample::zonedDateTime), Instant.EPOCH.atZone(ZoneId.of("UTC")))
        .set(field(Sample::duration), Duration.ZERO)
        .set(field(Sample::bytes), new byte[0])
        .set(field(Sample::buffer), ByteBuffer.wrap(new byte[0]))
        .set(field(Sample::strings), List.of(""))
        .set(field(Sample::addresses), List.of(new Address("", "a", 0, List.of())))
        .set(field(Sample::stringSet), Set.of())
        .set(field(Sample::intSet), Set.of())
        .set(field(Sample::binarySet), Set.of())
        .set(field(Sample::colors), Set.of())
        .set(field(Sample::counts), Map.of())
        .set(field(Sample::addressBook), Map.of("a", List.of()))
        .set(field(Sample::address), new Address("", "a", 0, List.of()))
        .set(field(Sample::nickname), Optional.of(""))
        .set(field(Sample::backupAddress), Optional.empty())
        .set(field(Sample::price), new Money("USD", new BigDecimal("0.00")))
        .create());
    edges.put("nulls", withoutNulls().withSeed(SEED + 3)
        .set(field(Sample::text), null)
        .set(field(Sample::boxedFlag), null)
        .set(field(Sample::boxedNumber), null)
        .set(field(Sample::boxedBig), null)
        .set(field(Sample::decimal), null)
        .set(field(Sample::huge), null)
        .set(field(Sample::color), null)
        .set(field(Sample::instant), null)
        .set(field(Sample::date), null)
        .set(field(Sample::localDateTime), null)
        .set(field(Sample::addresses), List.of(new Address(null, "a", 0, null)))
        .set(field(Sample::address), null)
        .set(field(Sample::nickname), Optional.empty())
        .set(field(Sample::backupAddress), Optional.empty())
        .set(field(Sample::price), null)
        .create());
    return edges;
  }

  /**
   * An address nesting {@code depth} levels of previous addresses (none at 0, where the list is
   * empty or null); each nested address is drawn with a seed taken from the outer one's random.
   */
  static Model<Address> address(int depth) {
    return Instancio.of(Address.class)
        .withSettings(SETTINGS)
        .supply(allInts(), random -> (int) spread(random, Integer.MIN_VALUE, Integer.MAX_VALUE))
        .withNullable(field(Address::street))
        .generate(field(Address::city), SampleArbitraries::word)
        .supply(field(Address::previous), random -> orNull(random, 20,
            depth == 0 ? List.of() : listOf(random, 2, r -> draw(r, address(depth - 1)))))
        .toModel();
  }

  /** One value of the model, drawn with a seed from {@code random}: the same random gives the same value. */
  static <T> T draw(Random random, Model<T> model) {
    return Instancio.of(model).withSeed(random.longRange(1, Long.MAX_VALUE)).create();
  }

  private static <T> T orNull(Random random, int percent, T value) {
    return random.intRange(1, 100) <= percent ? null : value;
  }

  private static <T> List<T> listOf(Random random, int maxSize, Function<Random, T> element) {
    List<T> list = new ArrayList<>();
    for (int i = random.intRange(0, maxSize); i > 0; i--) {
      list.add(element.apply(random));
    }
    return list;
  }

  private static <T> Set<T> setOf(Random random, int maxSize, Function<Random, T> element) {
    return new LinkedHashSet<>(listOf(random, maxSize, element));
  }

  private static <V> Map<String, V> mapOf(Random random, int maxSize, Function<Random, V> value) {
    Map<String, V> map = new LinkedHashMap<>();
    for (int i = random.intRange(0, maxSize); i > 0; i--) {
      map.put(draw(random, WORD), value.apply(random));
    }
    return map;
  }

  private static byte[] bytes(Random random, int minSize, int maxSize) {
    byte[] bytes = new byte[random.intRange(minSize, maxSize)];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) spread(random, Byte.MIN_VALUE, Byte.MAX_VALUE);
    }
    return bytes;
  }

  private static Instant instant(Random random, Instant first, Instant last) {
    long second = random.longRange(first.getEpochSecond(), last.getEpochSecond());
    return Instant.ofEpochSecond(second, random.intRange(0, 999_999_999));
  }

  /**
   * An integer in {@code [min, max]}, spread so that every kind comes up: a quarter anywhere in the
   * range, a quarter with a random number of digits, a quarter near zero, a quarter at or next to a
   * bound.
   */
  static long spread(Random random, long min, long max) {
    switch (random.intRange(0, 3)) {
      case 0:
        return random.longRange(min, max);
      case 1: {
        long bound = 9;
        for (int digits = random.intRange(1, 18); digits > 1; digits--) {
          bound = bound * 10 + 9;
        }
        return random.longRange(Math.max(min, -bound), Math.min(max, bound));
      }
      case 2:
        return random.longRange(Math.max(min, -3), Math.min(max, 3));
      default:
        return random.trueOrFalse() ? min + random.longRange(0, 2) : max - random.longRange(0, 2);
    }
  }

  /**
   * A finite floating-point number of either sign with a decimal exponent from {@code minExponent}
   * to {@code maxExponent}, at most {@code bound} in size; zero and plus or minus the bound at
   * times; never {@code -0.0}.
   */
  private static double floating(Random random, int minExponent, int maxExponent, double bound) {
    double value = switch (random.intRange(0, 7)) {
      case 0 -> 0.0;
      case 1 -> bound;
      case 2 -> -bound;
      default -> Math.min(bound, random.doubleRange(1, 10) * Math.pow(10, random.intRange(minExponent, maxExponent - 1)))
          * (random.trueOrFalse() ? 1 : -1);
    };
    return value == 0 ? 0.0 : value;
  }

  /** A decimal of up to 38 digits, of either sign, zero at times, with a scale from {@code -maxScale} to {@code maxScale}. */
  private static BigDecimal decimal(Random random, int maxScale) {
    return new BigDecimal(bigInteger(random, 38, DECIMAL_UNSCALED_BOUND), random.intRange(-maxScale, maxScale));
  }

  /** A BigInteger of 1 to {@code maxDigits} digits (zero at times), of either sign, at most {@code bound} in size. */
  private static BigInteger bigInteger(Random random, int maxDigits, BigInteger bound) {
    if (random.diceRoll(true)) {
      return BigInteger.ZERO;
    }
    BigInteger magnitude = new BigInteger(random.digits(random.intRange(1, maxDigits))).min(bound);
    return random.trueOrFalse() ? magnitude : magnitude.negate();
  }
}
