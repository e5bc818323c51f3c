package dev.monotable.runtime.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Fixed-width ISO-8601 text with nanoseconds for years 0000 to 9999, written digit by digit: the
 * form keys and timestamp attributes are stored in, on the hot path of every put
 * ({@code DateTimeFormatter} costs several times as much). Every field has a fixed width, so for
 * values in those years the text sorts as the values do, and no two values share a text.
 *
 * <p>It also reads that form back digit by digit (and the shorter ISO forms {@code Instant.toString}
 * and {@code LocalDateTime.toString} give for those years), since {@code Instant.parse} allocates
 * about 2 KB a value. A text in any other form, or naming a date or time that does not exist, reads
 * as {@code null}: callers then hand it to {@code java.time}, which reads it or refuses it as it
 * always has.
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
  private static final int SECONDS_PER_DAY = 86_400;
  /** Days from 0000-03-01 to 1970-01-01: the civil-date arithmetic counts from a March 1st. */
  private static final long DAYS_0000_03_01_TO_1970 = 719_468L;
  private static final int DAYS_PER_400_YEARS = 146_097;
  /** The length of {@code yyyy-MM-ddTHH:mm:ss}. */
  private static final int SECONDS_END = 19;
  /** The length of {@code yyyy-MM-dd}. */
  private static final int DATE_END = 10;
  /** Where {@link #digitsOf} wants a digit ({@code 0}) and which separators. */
  private static final String DATE_TIME_SHAPE = "0000-00-00T00:00:00";

  private FixedWidthTime() {}

  /** {@code yyyy-MM-ddTHH:mm:ss.nnnnnnnnnZ} in UTC; the instant must be {@linkplain #covers(Instant) covered}. */
  static String instant(Instant instant) {
    long second = instant.getEpochSecond();
    long day = Math.floorDiv(second, SECONDS_PER_DAY);
    int secondOfDay = (int) (second - day * SECONDS_PER_DAY);
    byte[] text = new byte[INSTANT_WIDTH];
    // civil date of the epoch day, counted in 400-year eras from 0000-03-01 (H. Hinnant's algorithm)
    long fromMarch = day + DAYS_0000_03_01_TO_1970;
    long era = Math.floorDiv(fromMarch, DAYS_PER_400_YEARS);
    int dayOfEra = (int) (fromMarch - era * DAYS_PER_400_YEARS);
    int yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    int monthFromMarch = (5 * dayOfYear + 2) / 153;
    int month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
    long year = era * 400 + yearOfEra + (month <= 2 ? 1 : 0);
    date(text, (int) year, month, dayOfYear - (153 * monthFromMarch + 2) / 5 + 1);
    time(text, secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60, instant.getNano());
    text[INSTANT_WIDTH - 1] = 'Z';
    return new String(text, StandardCharsets.ISO_8859_1);
  }

  /** {@code yyyy-MM-ddTHH:mm:ss.nnnnnnnnn}; the year must be {@linkplain #covers(int) covered}. */
  static String localDateTime(LocalDateTime time) {
    byte[] text = new byte[LOCAL_DATE_TIME_WIDTH];
    date(text, time.getYear(), time.getMonthValue(), time.getDayOfMonth());
    time(text, time.getHour(), time.getMinute(), time.getSecond(), time.getNano());
    return new String(text, StandardCharsets.ISO_8859_1);
  }

  /**
   * The instant of {@code yyyy-MM-ddTHH:mm:ssZ} or {@code yyyy-MM-ddTHH:mm:ss.fZ} with 1 to 9
   * fraction digits, in years 0000 to 9999; null for any other text, or a date or time that does not
   * exist (hand those to {@code Instant.parse}).
   */
  static Instant parseInstant(String text) {
    int end = text.length() - 1;
    if (end < SECONDS_END || end >= INSTANT_WIDTH || text.charAt(end) != 'Z') {
      return null;
    }
    long seconds = utcSeconds(text);
    int nano = fraction(text, end);
    return seconds == NOT_A_TIME || nano < 0 ? null : Instant.ofEpochSecond(seconds, nano);
  }

  /** What {@link #utcSeconds} gives for text that is not a date and time that exists. */
  private static final long NOT_A_TIME = Long.MIN_VALUE;

  /**
   * The seconds since the epoch of the date and time {@code yyyy-MM-ddTHH:mm:ss} that {@code text}
   * begins with, read as UTC; {@link #NOT_A_TIME} when those characters are not one that exists.
   */
  private static long utcSeconds(String text) {
    long digits = digitsOf(text, SECONDS_END);
    if (digits < 0) {
      return NOT_A_TIME;
    }
    int year = (int) (digits / 10_000_000_000L);
    int month = (int) (digits / 100_000_000 % 100);
    int day = (int) (digits / 1_000_000 % 100);
    int secondOfDay = secondOfDay(digits);
    if (secondOfDay < 0 || !isDate(year, month, day)) {
      return NOT_A_TIME;
    }
    return epochDay(year, month, day) * SECONDS_PER_DAY + secondOfDay;
  }

  /**
   * The local date-time of {@code yyyy-MM-ddTHH:mm:ss} or {@code yyyy-MM-ddTHH:mm:ss.f} with 1 to 9
   * fraction digits, in years 0000 to 9999; null for any other text, or a date or time that does not
   * exist (hand those to {@code LocalDateTime.parse}).
   */
  static LocalDateTime parseLocalDateTime(String text) {
    int end = text.length();
    if (end < SECONDS_END || end > LOCAL_DATE_TIME_WIDTH) {
      return null;
    }
    long seconds = utcSeconds(text);
    int nano = fraction(text, end);
    return seconds == NOT_A_TIME || nano < 0 ? null : LocalDateTime.ofEpochSecond(seconds, nano, ZoneOffset.UTC);
  }

  /**
   * The date of {@code yyyy-MM-dd} in years 0000 to 9999; null for any other text, or a date that
   * does not exist (hand those to {@code LocalDate.parse}).
   */
  static LocalDate parseLocalDate(String text) {
    if (text.length() != DATE_END) {
      return null;
    }
    long digits = digitsOf(text, DATE_END);
    int year = (int) (digits / 10_000);
    int month = (int) (digits / 100 % 100);
    int day = (int) (digits % 100);
    return digits >= 0 && isDate(year, month, day) ? LocalDate.of(year, month, day) : null;
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

  private static void date(byte[] text, int year, int month, int day) {
    digits(text, 0, year, 4);
    text[4] = '-';
    digits(text, 5, month, 2);
    text[7] = '-';
    digits(text, 8, day, 2);
    text[10] = 'T';
  }

  private static void time(byte[] text, int hour, int minute, int second, int nano) {
    digits(text, 11, hour, 2);
    text[13] = ':';
    digits(text, 14, minute, 2);
    text[16] = ':';
    digits(text, 17, second, 2);
    text[19] = '.';
    digits(text, 20, nano, 9);
  }

  /** Writes the {@code width} lowest decimal digits of a non-negative value at {@code at}. */
  private static void digits(byte[] text, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      text[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
  }

  /**
   * The digits of the first {@code end} characters of {@code yyyy-MM-ddTHH:mm:ss} as one number
   * ({@code yyyyMMddHHmmss}, or {@code yyyyMMdd} for the date alone); -1 when the text does not
   * start so. One loop, so that the JIT inlines it where an item is read.
   */
  private static long digitsOf(String text, int end) {
    long digits = 0;
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      char expected = DATE_TIME_SHAPE.charAt(i);
      if (expected == '0') {
        if (c < '0' || c > '9') {
          return -1;
        }
        digits = digits * 10 + (c - '0');
      } else if (c != expected) {
        return -1;
      }
    }
    return digits;
  }

  /** The second of the day of {@code yyyyMMddHHmmss} digits; -1 past 23:59:59. */
  private static int secondOfDay(long digits) {
    int hour = (int) (digits / 10_000 % 100);
    int minute = (int) (digits / 100 % 100);
    int second = (int) (digits % 100);
    return hour > 23 || minute > 59 || second > 59 ? -1 : hour * 3600 + minute * 60 + second;
  }

  /**
   * The nanoseconds of the fraction between the seconds and {@code end}: 0 when there is none,
   * -1 when it is not a point and 1 to 9 digits.
   */
  private static int fraction(String text, int end) {
    if (end == SECONDS_END) {
      return 0;
    }
    int digits = end - SECONDS_END - 1;
    if (text.charAt(SECONDS_END) != '.' || digits < 1 || digits > 9) {
      return -1;
    }
    int nano = 0;
    for (int i = SECONDS_END + 1; i < end; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      nano = nano * 10 + (c - '0');
    }
    for (int i = digits; i < 9; i++) {
      nano *= 10;
    }
    return nano;
  }

  private static boolean isDate(int year, int month, int day) {
    if (month < 1 || month > 12 || day < 1) {
      return false;
    }
    boolean leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    int length = month == 2 ? (leap ? 29 : 28) : month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    return day <= length;
  }

  /** Days since 1970-01-01 of a date in years 0000 to 9999 (H. Hinnant's algorithm, counting from March). */
  private static long epochDay(int year, int month, int day) {
    int yearFromMarch = month <= 2 ? year - 1 : year;
    int era = Math.floorDiv(yearFromMarch, 400);
    int yearOfEra = yearFromMarch - era * 400;
    int dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return (long) era * DAYS_PER_400_YEARS + dayOfEra - DAYS_0000_03_01_TO_1970;
  }
}
