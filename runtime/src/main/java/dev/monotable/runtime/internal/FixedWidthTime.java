package dev.monotable.runtime.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Fixed-width ISO-8601 text with nanoseconds for years 0000 to 9999, written digit by digit: the
 * form keys and timestamp attributes are stored in, on the hot path of every put
 * ({@code DateTimeFormatter} costs several times as much). Every field has a fixed width, so for
 * values in those years the text sorts as the values do, and no two values share a text.
 */
final class FixedWidthTime {
  /** Length of {@code yyyy-MM-ddTHH:mm:ss.nnnnnnnnnZ}. */
  static final int INSTANT_WIDTH = 30;
  /** Length of {@code yyyy-MM-ddTHH:mm:ss.nnnnnnnnn}. */
  static final int LOCAL_DATE_TIME_WIDTH = 29;

  /** 0000-01-01T00:00:00Z, the first second the fixed-width form covers. */
  private static final long FIRST_SECOND = -62_167_219_200L;
  /** 9999-12-31T23:59:59Z, the last second the fixed-width form covers. */
  private static final long LAST_SECOND = 253_402_300_799L;

  private FixedWidthTime() {}

  /** {@code yyyy-MM-ddTHH:mm:ss.nnnnnnnnnZ} in UTC; the instant must be {@linkplain #covers(Instant) covered}. */
  static String instant(Instant instant) {
    LocalDateTime utc = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
    return append(new StringBuilder(INSTANT_WIDTH), utc).append('Z').toString();
  }

  /** {@code yyyy-MM-ddTHH:mm:ss.nnnnnnnnn}; the year must be {@linkplain #covers(int) covered}. */
  static String localDateTime(LocalDateTime time) {
    return append(new StringBuilder(LOCAL_DATE_TIME_WIDTH), time).toString();
  }

  /** Whether the year is one the fixed-width form covers. */
  static boolean covers(int year) {
    return year >= 0 && year <= 9999;
  }

  /**
   * Whether the instant lies in years 0000 to 9999 (UTC). Asked of the epoch second, since
   * {@code Instant.MIN} and {@code Instant.MAX} have no {@code LocalDateTime} to take a year from.
   */
  static boolean covers(Instant instant) {
    long second = instant.getEpochSecond();
    return second >= FIRST_SECOND && second <= LAST_SECOND;
  }

  private static StringBuilder append(StringBuilder text, LocalDateTime time) {
    digits(text, time.getYear(), 4).append('-');
    digits(text, time.getMonthValue(), 2).append('-');
    digits(text, time.getDayOfMonth(), 2).append('T');
    digits(text, time.getHour(), 2).append(':');
    digits(text, time.getMinute(), 2).append(':');
    digits(text, time.getSecond(), 2).append('.');
    return digits(text, time.getNano(), 9);
  }

  private static StringBuilder digits(StringBuilder text, int value, int width) {
    int divisor = 1;
    for (int i = 1; i < width; i++) {
      divisor *= 10;
    }
    for (; divisor > 0; divisor /= 10) {
      text.append((char) ('0' + (value / divisor) % 10));
    }
    return text;
  }
}
