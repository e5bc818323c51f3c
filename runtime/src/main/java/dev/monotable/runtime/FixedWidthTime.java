package dev.monotable.runtime;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Fixed-width ISO-8601 text for years 0000 to 9999, written digit by digit: the form keys and
 * timestamp attributes are stored in, on the hot path of every put ({@code DateTimeFormatter} costs
 * several times as much).
 */
final class FixedWidthTime {
  private FixedWidthTime() {}

  /** {@code yyyy-MM-ddTHH:mm:ss.<fraction>Z} in UTC, with {@code fractionDigits} (3 or 9) digits. */
  static String instant(Instant instant, int fractionDigits) {
    LocalDateTime utc = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
    return append(new StringBuilder(31), utc, fractionDigits).append('Z').toString();
  }

  /** {@code yyyy-MM-ddTHH:mm:ss.<fraction>}. */
  static String localDateTime(LocalDateTime time, int fractionDigits) {
    return append(new StringBuilder(30), time, fractionDigits).toString();
  }

  /** Whether the year is one the fixed-width form covers. */
  static boolean covers(int year) {
    return year >= 0 && year <= 9999;
  }

  private static StringBuilder append(StringBuilder text, LocalDateTime time, int fractionDigits) {
    digits(text, time.getYear(), 4).append('-');
    digits(text, time.getMonthValue(), 2).append('-');
    digits(text, time.getDayOfMonth(), 2).append('T');
    digits(text, time.getHour(), 2).append(':');
    digits(text, time.getMinute(), 2).append(':');
    digits(text, time.getSecond(), 2).append('.');
    int fraction = time.getNano();
    for (int i = fractionDigits; i < 9; i++) {
      fraction /= 10;
    }
    return digits(text, fraction, fractionDigits);
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
