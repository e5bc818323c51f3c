package dev.monotable.runtime.internal;

import dev.monotable.runtime.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The key encodings of temporal types are injective (distinct values, distinct keys) and preserve
 * order (string order is value order) over their whole range, and refuse what lies outside it as an
 * {@link InvalidKeyException}. Edge values plus values drawn with fixed seeds.
 */
class TemporalKeyEncodingTest {
  private static final Instant FIRST = Instant.parse("0000-01-01T00:00:00Z");
  private static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999999Z");
  private static final long[] SEEDS = {1L, 42L, 20240501L};

  private final KeyFormat format = KeyFormat.sortKey("Event", "AT#<at>", "#");

  // ---- Instant

  @Test
  void instantsInOneMillisecond_areDistinctKeys() {
    Instant a = Instant.parse("2024-05-01T09:30:00.123456789Z");
    Instant b = a.plusNanos(1);
    assertEquals("2024-05-01T09:30:00.123456789Z", KeyEncoding.encode(a));
    assertEquals("2024-05-01T09:30:00.123456790Z", KeyEncoding.encode(b));
    assertNotEquals(format.encode("at", KeyTypes.INSTANT, a), format.encode("at", KeyTypes.INSTANT, b));
  }

  @Test
  void instants_areAlways30Characters() {
    assertEquals(30, KeyEncoding.INSTANT_WIDTH);
    assertEquals("0000-01-01T00:00:00.000000000Z", KeyEncoding.encode(FIRST));
    assertEquals("9999-12-31T23:59:59.999999999Z", KeyEncoding.encode(LAST));
    assertEquals("1970-01-01T00:00:00.000000000Z", KeyEncoding.encode(Instant.EPOCH));
    assertEquals("1969-12-31T23:59:59.999999999Z", KeyEncoding.encode(Instant.EPOCH.minusNanos(1)));
    for (Instant instant : instants()) {
      assertEquals(30, KeyEncoding.encode(instant).length(), instant::toString);
    }
  }

  @Test
  void instants_sortAsTheirEncodings_andNoTwoShareOne() {
    assertStrictlyIncreasing(instants(), Comparator.naturalOrder(), KeyEncoding::encode);
  }

  static Stream<Instant> instantsOutsideTheRange() {
    return Stream.of(Instant.MIN, Instant.MAX, FIRST.minusNanos(1), LAST.plusNanos(1),
        Instant.parse("-0001-12-31T23:59:59Z"), Instant.parse("+10000-01-01T00:00:00Z"));
  }

  @ParameterizedTest
  @MethodSource("instantsOutsideTheRange")
  void instantsOutsideYears0To9999_areInvalidKeys_namingEntityFieldAndValue(Instant instant) {
    assertThrows(IllegalArgumentException.class, () -> KeyEncoding.encode(instant));
    InvalidKeyException e = assertThrows(InvalidKeyException.class, () -> format.encode("at", KeyTypes.INSTANT, instant));
    assertEquals("Event", e.entity());
    assertEquals("at", e.field());
    assertTrue(e.getMessage().contains("years 0 to 9999"), e.getMessage());
    assertTrue(e.getMessage().contains("(value: " + instant + ")"), e.getMessage());
  }

  @Test
  void instantMin_isRefusedWithAMessageThatNamesIt() {
    InvalidKeyException e = assertThrows(InvalidKeyException.class, () -> format.encode("at", KeyTypes.INSTANT, Instant.MIN));
    assertEquals("Invalid key for Event, field 'at' of template \"AT#<at>\": lies outside years 0 to 9999,"
        + " which key timestamps cover (value: -1000000000-01-01T00:00:00Z)", e.getMessage());
  }

  // ---- LocalDateTime, LocalDate

  @Test
  void localDateTimes_keepNanoseconds_in29Characters() {
    LocalDateTime time = LocalDateTime.parse("2024-05-01T09:30:00.000000001");
    assertEquals("2024-05-01T09:30:00.000000001", KeyEncoding.encode(time));
    assertNotEquals(KeyEncoding.encode(time), KeyEncoding.encode(time.minusNanos(1)));
    assertEquals(29, KeyEncoding.LOCAL_DATE_TIME_WIDTH);
    assertEquals("0000-01-01T00:00:00.000000000", KeyEncoding.encode(LocalDateTime.parse("0000-01-01T00:00")));
    assertEquals("9999-12-31T23:59:59.999999999",
        KeyEncoding.encode(LocalDateTime.parse("9999-12-31T23:59:59.999999999")));
  }

  @Test
  void localDateTimes_sortAsTheirEncodings_andNoTwoShareOne() {
    List<LocalDateTime> times = instants().stream().map(i -> LocalDateTime.ofInstant(i, ZoneOffset.UTC)).toList();
    assertStrictlyIncreasing(times, Comparator.naturalOrder(), KeyEncoding::encode);
    for (LocalDateTime time : times) {
      assertEquals(29, KeyEncoding.encode(time).length(), time::toString);
    }
  }

  @Test
  void localDates_sortAsTheirEncodings_andNoTwoShareOne() {
    TreeSet<LocalDate> dates = new TreeSet<>();
    for (Instant instant : instants()) {
      dates.add(LocalDate.ofInstant(instant, ZoneOffset.UTC));
    }
    assertStrictlyIncreasing(new ArrayList<>(dates), Comparator.naturalOrder(), KeyEncoding::encode);
  }

  @Test
  void localValuesOutsideYears0To9999_areInvalidKeys() {
    for (LocalDateTime time : List.of(LocalDateTime.MIN, LocalDateTime.MAX, LocalDateTime.parse("+10000-01-01T00:00"),
        LocalDateTime.parse("0000-01-01T00:00").minusNanos(1))) {
      InvalidKeyException e = assertThrows(InvalidKeyException.class, () -> format.encode("at", KeyTypes.LOCAL_DATE_TIME, time));
      assertTrue(e.getMessage().contains("(value: " + time + ")"), e.getMessage());
    }
    for (LocalDate date : List.of(LocalDate.MIN, LocalDate.MAX, LocalDate.parse("-0001-12-31"))) {
      assertThrows(InvalidKeyException.class, () -> format.encode("at", KeyTypes.LOCAL_DATE, date));
    }
  }

  // ---- OffsetDateTime

  @Test
  void offsetDateTimes_atOneInstantWithOtherOffsets_areDistinctKeys() {
    OffsetDateTime utc = OffsetDateTime.parse("2024-05-01T09:30:00Z");
    OffsetDateTime paris = OffsetDateTime.parse("2024-05-01T10:30:00+01:00");
    assertTrue(utc.isEqual(paris));
    assertEquals("2024-05-01T09:30:00.000000000Z064800", KeyEncoding.encode(utc));
    assertEquals("2024-05-01T09:30:00.000000000Z068400", KeyEncoding.encode(paris));
    assertTrue(KeyEncoding.encode(utc).startsWith(KeyEncoding.encode(utc.toInstant())));
  }

  @Test
  void offsetDateTimes_sortAsCompareToDoes_andNoTwoShareOne() {
    List<ZoneOffset> offsets = List.of(ZoneOffset.MIN, ZoneOffset.ofHoursMinutes(-5, -30), ZoneOffset.ofTotalSeconds(-1),
        ZoneOffset.UTC, ZoneOffset.ofTotalSeconds(1), ZoneOffset.ofHours(1), ZoneOffset.ofHoursMinutesSeconds(5, 45, 30),
        ZoneOffset.MAX);
    List<OffsetDateTime> values = new ArrayList<>();
    for (Instant instant : instants()) {
      for (ZoneOffset offset : offsets) {
        values.add(instant.atOffset(offset));
      }
    }
    assertStrictlyIncreasing(values, Comparator.naturalOrder(), KeyEncoding::encode);
    for (OffsetDateTime value : values) {
      assertEquals(KeyEncoding.OFFSET_DATE_TIME_WIDTH, KeyEncoding.encode(value).length(), value::toString);
    }
  }

  @Test
  void offsetDateTimesWhoseInstantIsOutsideTheRange_areInvalidKeys() {
    for (OffsetDateTime value : List.of(OffsetDateTime.MIN, OffsetDateTime.MAX,
        OffsetDateTime.parse("0000-01-01T00:00:00+01:00"), OffsetDateTime.parse("9999-12-31T23:59:59-01:00"))) {
      InvalidKeyException e = assertThrows(InvalidKeyException.class, () -> format.encode("at", KeyTypes.OFFSET_DATE_TIME, value));
      assertTrue(e.getMessage().contains("(value: " + value + ")"), e.getMessage());
    }
  }

  // ---- attributes: raw index keys on Instant and LocalDateTime sort by time; every temporal
  //      attribute reads back exactly, so no two values share a stored text

  @Test
  void instantAndLocalDateTimeAttributes_sortAsTheirValues_inYears0To9999() {
    assertStrictlyIncreasing(instants(), Comparator.naturalOrder(), i -> AttributeCodecs.INSTANT.write(i).s());
    List<LocalDateTime> times = instants().stream().map(i -> LocalDateTime.ofInstant(i, ZoneOffset.UTC)).toList();
    assertStrictlyIncreasing(times, Comparator.naturalOrder(), t -> AttributeCodecs.LOCAL_DATE_TIME.write(t).s());
  }

  @Test
  void instantAttributesAtTheEndsOfInstant_areWrittenAndReadBack() {
    for (Instant instant : List.of(Instant.MIN, Instant.MAX, FIRST.minusNanos(1), LAST.plusNanos(1))) {
      assertEquals(instant, AttributeCodecs.INSTANT.read(AttributeCodecs.INSTANT.write(instant)));
    }
  }

  @Test
  void temporalAttributes_readBackExactly_atTheirEdges() {
    List<Object> values = new ArrayList<>();
    roundTrip(AttributeCodecs.INSTANT, List.of(Instant.MIN, Instant.MAX, Instant.EPOCH, Instant.EPOCH.minusNanos(1),
        FIRST, LAST), values);
    roundTrip(AttributeCodecs.LOCAL_DATE_TIME, List.of(LocalDateTime.MIN, LocalDateTime.MAX,
        LocalDateTime.parse("2024-05-01T09:30:00.000000001")), values);
    roundTrip(AttributeCodecs.LOCAL_DATE, List.of(LocalDate.MIN, LocalDate.MAX, LocalDate.EPOCH), values);
    roundTrip(AttributeCodecs.OFFSET_DATE_TIME, List.of(OffsetDateTime.MIN, OffsetDateTime.MAX,
        OffsetDateTime.parse("2024-05-01T09:30:00Z"), OffsetDateTime.parse("2024-05-01T10:30:00+01:00"),
        OffsetDateTime.parse("2024-05-01T09:30:00.000000001Z"),
        OffsetDateTime.of(LocalDateTime.parse("2024-05-01T09:30:00"), ZoneOffset.ofTotalSeconds(3661))), values);
    ZonedDateTime overlap = ZonedDateTime.of(LocalDateTime.parse("2024-10-27T02:30:00"), ZoneId.of("Europe/Paris"));
    roundTrip(AttributeCodecs.ZONED_DATE_TIME, List.of(overlap.withEarlierOffsetAtOverlap(),
        overlap.withLaterOffsetAtOverlap(), overlap.withZoneSameInstant(ZoneOffset.UTC),
        ZonedDateTime.of(LocalDateTime.MIN, ZoneOffset.MAX), ZonedDateTime.of(LocalDateTime.MAX, ZoneOffset.MIN)),
        values);
    roundTrip(AttributeCodecs.DURATION, List.of(Duration.ZERO, Duration.ofNanos(1), Duration.ofNanos(-1),
        Duration.ofSeconds(Long.MIN_VALUE), Duration.ofSeconds(Long.MAX_VALUE, 999_999_999),
        Duration.ofSeconds(-1, 1), Duration.ofHours(25)), values);
    assertEquals(values.size(), values.stream().distinct().count());
  }

  private static <T> void roundTrip(AttributeCodec<T> codec, List<T> edges, List<Object> written) {
    List<String> texts = new ArrayList<>();
    for (T value : edges) {
      String text = codec.write(value).s();
      assertEquals(value, codec.read(codec.write(value)), text);
      texts.add(text);
    }
    assertEquals(edges.size(), texts.stream().distinct().count(), "two values share a text: " + texts);
    written.addAll(edges);
  }

  @ParameterizedTest
  @ValueSource(longs = {1L, 42L, 20240501L})
  void durationAndZonedAttributes_ofRandomValues_readBackExactly(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < 500; i++) {
      Duration duration = Duration.ofSeconds(random.nextLong(), random.nextInt(1_000_000_000));
      assertEquals(duration, AttributeCodecs.DURATION.read(AttributeCodecs.DURATION.write(duration)));
      ZonedDateTime zoned = randomInstant(random).atZone(ZoneOffset.ofTotalSeconds(random.nextInt(36 * 3600 + 1) - 18 * 3600));
      assertEquals(zoned, AttributeCodecs.ZONED_DATE_TIME.read(AttributeCodecs.ZONED_DATE_TIME.write(zoned)));
    }
  }

  // ---- values

  /**
   * Instants over years 0000 to 9999: the ends of the range, the epoch, negative epoch seconds,
   * nanosecond neighbours of each, and values drawn with fixed seeds together with their neighbours.
   */
  private static List<Instant> instants() {
    TreeSet<Instant> instants = new TreeSet<>();
    List<Instant> centres = new ArrayList<>(List.of(FIRST, LAST, Instant.EPOCH, Instant.ofEpochSecond(-1),
        Instant.ofEpochSecond(-1, 999_999_999), Instant.parse("1900-01-01T00:00:00Z"),
        Instant.parse("0001-01-01T00:00:00Z"), Instant.parse("2000-02-29T23:59:59.999999999Z"),
        Instant.parse("2024-05-01T09:30:00.123Z"), Instant.parse("2024-05-01T09:30:00.1234Z"),
        Instant.parse("2038-01-19T03:14:08Z")));
    for (long seed : SEEDS) {
      Random random = new Random(seed);
      for (int i = 0; i < 300; i++) {
        centres.add(randomInstant(random));
      }
    }
    for (Instant centre : centres) {
      for (long step : new long[] {-1_000_000, -1000, -1, 0, 1, 1000, 1_000_000}) {
        Instant near = centre.plusNanos(step);
        if (!near.isBefore(FIRST) && !near.isAfter(LAST)) {
          instants.add(near);
        }
      }
    }
    return new ArrayList<>(instants);
  }

  private static Instant randomInstant(Random random) {
    long first = FIRST.getEpochSecond();
    long seconds = first + Math.floorMod(random.nextLong(), LAST.getEpochSecond() - first + 1);
    return Instant.ofEpochSecond(seconds, random.nextInt(1_000_000_000));
  }

  /** Sorted by {@code order}, the encodings strictly increase: the encoding keeps order and is injective. */
  private static <T> void assertStrictlyIncreasing(List<T> values, Comparator<? super T> order,
      Function<T, String> encoding) {
    List<T> sorted = new ArrayList<>(values);
    sorted.sort(order);
    String previous = null;
    T previousValue = null;
    for (T value : sorted) {
      String encoded = encoding.apply(value);
      if (previous != null && previous.compareTo(encoded) >= 0) {
        fail(previousValue + " -> " + previous + " does not sort before " + value + " -> " + encoded);
      }
      previous = encoded;
      previousValue = value;
    }
    assertTrue(sorted.size() > 1);
  }
}
