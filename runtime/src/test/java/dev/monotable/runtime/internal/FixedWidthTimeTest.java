package dev.monotable.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.monotable.runtime.MappingException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The digit-by-digit timestamps against {@code java.time}: what is written is what
 * {@code DateTimeFormatter} writes, and every text reads as {@code Instant.parse} (or
 * {@code LocalDateTime.parse}, {@code LocalDate.parse}) reads it, or is refused as they refuse it.
 */
class FixedWidthTimeTest {
  private static final long SEED = 20_241_201L;
  private static final DateTimeFormatter REFERENCE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS");
  private static final long FIRST_SECOND = LocalDateTime.of(0, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
  private static final long LAST_SECOND = LocalDateTime.of(9999, 12, 31, 23, 59, 59).toEpochSecond(ZoneOffset.UTC);

  @Test
  void instantsAcrossYears0000To9999_areWrittenAsDateTimeFormatterWrites_andReadBackExactly() {
    Random random = new Random(SEED);
    for (int i = 0; i < 200_000; i++) {
      Instant instant = Instant.ofEpochSecond(FIRST_SECOND + (long) (random.nextDouble() * (LAST_SECOND - FIRST_SECOND + 1)),
          random.nextInt(1_000_000_000));
      String written = FixedWidthTime.instant(instant);
      assertEquals(REFERENCE.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC)) + "Z", written, "seed " + SEED);
      assertEquals(instant, FixedWidthTime.parseInstant(written), written);
      assertEquals(instant, FixedWidthTime.parseInstant(instant.toString()), instant.toString());
      assertEquals(instant, AttributeCodecs.INSTANT.read(AttributeCodecs.INSTANT.write(instant)));
    }
  }

  @Test
  void everyDayOfYears0000To9999_roundTrips() {
    for (long day = LocalDate.of(0, 1, 1).toEpochDay(); day <= LocalDate.of(9999, 12, 31).toEpochDay(); day++) {
      Instant lastNano = Instant.ofEpochSecond(day * 86_400 + 86_399, 999_999_999);
      String written = FixedWidthTime.instant(lastNano);
      LocalDate date = LocalDate.ofEpochDay(day);
      assertEquals(date + "T23:59:59.999999999Z", written);
      assertEquals(lastNano, FixedWidthTime.parseInstant(written));
      assertEquals(date, FixedWidthTime.parseLocalDate(date.toString()));
    }
  }

  @Test
  void localDateTimes_areWrittenAsDateTimeFormatterWrites_andReadBackExactly() {
    Random random = new Random(SEED);
    for (int i = 0; i < 100_000; i++) {
      LocalDateTime time = LocalDateTime.ofEpochSecond(
          FIRST_SECOND + (long) (random.nextDouble() * (LAST_SECOND - FIRST_SECOND + 1)), random.nextInt(1_000_000_000),
          ZoneOffset.UTC);
      String written = FixedWidthTime.localDateTime(time);
      assertEquals(REFERENCE.format(time), written, "seed " + SEED);
      assertEquals(time, FixedWidthTime.parseLocalDateTime(written), written);
      assertEquals(time, AttributeCodecs.LOCAL_DATE_TIME.read(AttributeValue.fromS(time.toString())), time.toString());
    }
  }

  @Test
  void everyFractionWidth_isRead() {
    String seconds = "2024-02-29T23:59:59";
    assertEquals(Instant.parse(seconds + "Z"), FixedWidthTime.parseInstant(seconds + "Z"));
    String fraction = "";
    for (String digit : List.of("1", "2", "3", "4", "5", "6", "7", "8", "9")) {
      fraction += digit;
      String text = seconds + "." + fraction;
      assertEquals(Instant.parse(text + "Z"), FixedWidthTime.parseInstant(text + "Z"), text);
      assertEquals(LocalDateTime.parse(text), FixedWidthTime.parseLocalDateTime(text), text);
    }
  }

  @Test
  void theEdgesOfTheFixedWidthForm() {
    for (String text : List.of("0000-01-01T00:00:00.000000000Z", "0000-02-29T12:00:00Z", "9999-12-31T23:59:59.999999999Z",
        "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999999999Z", "2000-02-29T00:00:00.5Z", "1600-03-01T00:00:00Z")) {
      assertEquals(Instant.parse(text), FixedWidthTime.parseInstant(text), text);
      assertEquals(Instant.parse(text), AttributeCodecs.INSTANT.read(AttributeValue.fromS(text)), text);
    }
  }

  /** Texts outside the digit-by-digit form: read (or refused) by java.time exactly as before. */
  @ParameterizedTest
  @ValueSource(strings = {
      "2024-05-01T09:30:00Z", "2024-05-01t09:30:00z", "+10000-01-01T00:00:00Z", "-0001-12-31T23:59:59.5Z",
      "2024-05-01T24:00:00Z", "2024-12-31T23:59:60Z", "2024-05-01T09:30:00+01:00", "2024-05-01T09:30:00.Z",
      "2024-05-01T09:30:00.1234567890Z", "2023-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2024-04-31T00:00:00Z",
      "2024-13-01T00:00:00Z", "2024-00-01T00:00:00Z", "2024-01-00T00:00:00Z", "2024-05-01T09:60:00Z",
      "2024-05-01T09:30:61Z", "2024-05-01 09:30:00Z", "2024-05-01T09:30Z", "2024-05-01T09:30:00", "", "Z",
      "2024-05-01T09:30:0aZ", "2024-05-01T09:30:00.12a4Z", "20x4-05-01T09:30:00Z", "2024/05/01T09:30:00Z",
      "2024-05-01T09:30:00.000000000ZZ", "٢٠٢٤-05-01T09:30:00Z", "2024-05-01T09:30:00.123456789"})
  void anyText_readsAsJavaTimeReadsIt(String text) {
    sameAsJavaTime(text, AttributeCodecs.INSTANT, Instant::parse, "an instant");
    sameAsJavaTime(text, AttributeCodecs.LOCAL_DATE_TIME, LocalDateTime::parse, "a local date-time");
    sameAsJavaTime(text, AttributeCodecs.LOCAL_DATE, LocalDate::parse, "a date");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2024-05-01", "0000-01-01", "9999-12-31", "2024-02-29", "2023-02-29", "2024-04-31",
      "2024-13-01", "2024-1-01", "+10000-01-01", "-0001-01-01", "2024-05-01T", "2024-05-0a", "2024/05/01"})
  void anyDate_readsAsLocalDateParseReadsIt(String text) {
    sameAsJavaTime(text, AttributeCodecs.LOCAL_DATE, LocalDate::parse, "a date");
  }

  @Test
  void datesThatDoNotExist_areLeftToJavaTime() {
    assertNull(FixedWidthTime.parseInstant("2023-02-29T00:00:00Z"));
    assertNull(FixedWidthTime.parseLocalDateTime("2024-06-31T00:00:00"));
    assertNull(FixedWidthTime.parseLocalDate("2100-02-29"));
    assertEquals(LocalDate.of(2000, 2, 29), FixedWidthTime.parseLocalDate("2000-02-29"));
  }

  @Test
  void malformedTimestamp_isAMappingErrorNamingTheText() {
    MappingException e = assertThrows(MappingException.class, () -> ItemReader.get(
        AttributeValue.fromS("2024-02-30T00:00:00.000000000Z"), "at", AttributeCodecs.INSTANT, "Event"));
    assertEquals("Event.at: \"2024-02-30T00:00:00.000000000Z\" is not an instant", e.getMessage());
  }

  private static <T> void sameAsJavaTime(String text, AttributeCodec<T> codec, Function<String, T> parse,
      String expected) {
    T parsed;
    try {
      parsed = parse.apply(text);
    } catch (DateTimeException refused) {
      MappingException e = assertThrows(MappingException.class, () -> codec.read(AttributeValue.fromS(text)), text);
      assertEquals("\"" + text + "\" is not " + expected, e.detail());
      return;
    }
    assertEquals(parsed, codec.read(AttributeValue.fromS(text)), text);
  }
}
