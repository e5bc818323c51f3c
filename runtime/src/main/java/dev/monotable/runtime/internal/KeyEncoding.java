package dev.monotable.runtime.internal;

import dev.monotable.runtime.InvalidKeyException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * The order-preserving string encodings of key components: for two values of one type, comparing
 * the encoded strings (as DynamoDB compares sort keys, by UTF-8 bytes) gives the order of the values,
 * and two different values never share an encoding (they would share a key, and the second put
 * would silently replace the first item).
 *
 * <ul>
 *   <li>{@code byte short int long BigInteger}: zero-padded to a fixed width of 3, 5, 10, 19 and 38
 *       digits ({@code 42 -> "0000000042"} for {@code int}). A negative value is {@code '-'} followed
 *       by the value plus 10<sup>width</sup>, padded to the same width ({@code -1 -> "-9999999999"}),
 *       so negatives sort before zero and among themselves by value. A {@code BigInteger} needs
 *       fewer than 39 digits.
 *   <li>{@code BigDecimal}: {@code "1"} for zero; a positive value {@code 0.d1d2…×10^e} is
 *       {@code "2"}, {@code e + 500} in three digits, then the digits {@code d1d2…} (trailing zeros
 *       dropped); a negative value is {@code "0"}, {@code 499 - e} in three digits, the nines'
 *       complement of the digits, then {@code '~'}. The exponent must lie in {@code -500..499}.
 *   <li>{@code Instant}: {@code yyyy-MM-ddTHH:mm:ss.nnnnnnnnnZ} in UTC, always 30 characters, with
 *       every nanosecond ({@code 2024-05-01T09:30:00.000000001Z}), years 0000 to 9999. Two instants
 *       one nanosecond apart are two keys. {@code LocalDateTime}: the same without {@code Z}, 29
 *       characters. {@code LocalDate}: {@code yyyy-MM-dd}.
 *   <li>{@code OffsetDateTime}: its instant as above, then its offset as six digits, the offset's
 *       seconds plus 64800 ({@code 064800} for UTC, {@code 068400} for {@code +01:00}), 36
 *       characters. The encodings sort as {@link OffsetDateTime#compareTo} does, by instant and then
 *       by offset, and {@code 10:00+01:00} and {@code 09:00Z}, the same instant, are two keys, as
 *       they are two values that are not {@code equals}.
 *   <li>{@code UUID}: lower-case canonical form; enums: {@code name()}; {@code boolean}:
 *       {@code false}/{@code true}; {@code String}: as it is.
 * </ul>
 *
 * <p>Every method throws {@link IllegalArgumentException} for a value outside the encoding's range
 * (such as {@code Instant.MIN}, or any time outside years 0000 to 9999); {@link KeyFormat} turns that
 * into an {@link InvalidKeyException} naming the entity, the field and the value.
 */
public final class KeyEncoding {
  /** Width of an encoded {@code byte}. */
  public static final int BYTE_WIDTH = 3;
  /** Width of an encoded {@code short}. */
  public static final int SHORT_WIDTH = 5;
  /** Width of an encoded {@code int}. */
  public static final int INT_WIDTH = 10;
  /** Width of an encoded {@code long}. */
  public static final int LONG_WIDTH = 19;
  /** Width of an encoded {@code BigInteger}. */
  public static final int BIG_INTEGER_WIDTH = 38;
  /** Width of an encoded {@code Instant}: {@code yyyy-MM-ddTHH:mm:ss.nnnnnnnnnZ}. */
  public static final int INSTANT_WIDTH = FixedWidthTime.INSTANT_WIDTH;
  /** Width of an encoded {@code LocalDateTime}: {@code yyyy-MM-ddTHH:mm:ss.nnnnnnnnn}. */
  public static final int LOCAL_DATE_TIME_WIDTH = FixedWidthTime.LOCAL_DATE_TIME_WIDTH;
  /** Width of an encoded {@code OffsetDateTime}: the instant, then six digits of offset. */
  public static final int OFFSET_DATE_TIME_WIDTH = INSTANT_WIDTH + 6;

  private static final DateTimeFormatter LOCAL_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd");
  private static final int MIN_YEAR = 0;
  private static final int MAX_YEAR = 9999;
  private static final int DECIMAL_EXPONENT_BIAS = 500;
  /** Added to an offset's seconds (-18:00 to +18:00) so that it is never negative. */
  private static final int OFFSET_BIAS = 18 * 3600;

  private KeyEncoding() {}

  /** Encodes a {@code byte}. */
  public static String encode(byte value) {
    return signed(value, BYTE_WIDTH);
  }

  /** Encodes a {@code short}. */
  public static String encode(short value) {
    return signed(value, SHORT_WIDTH);
  }

  /** Encodes an {@code int}. */
  public static String encode(int value) {
    return signed(value, INT_WIDTH);
  }

  /** Encodes a {@code long}. */
  public static String encode(long value) {
    return signed(value, LONG_WIDTH);
  }

  /** Encodes a {@code BigInteger} of at most 38 digits. */
  public static String encode(BigInteger value) {
    if (value.abs().toString().length() > BIG_INTEGER_WIDTH) {
      throw new IllegalArgumentException(
          "has more than " + BIG_INTEGER_WIDTH + " digits, the most a BigInteger key component may have");
    }
    return signed(value, BIG_INTEGER_WIDTH);
  }

  private static String signed(long value, int width) {
    if (value >= 0) {
      return pad(Long.toString(value), width);
    }
    return signed(BigInteger.valueOf(value), width);
  }

  private static String signed(BigInteger value, int width) {
    if (value.signum() >= 0) {
      return pad(value.toString(), width);
    }
    return "-" + pad(value.add(BigInteger.TEN.pow(width)).toString(), width);
  }

  private static String pad(String digits, int width) {
    if (digits.length() >= width) {
      return digits;
    }
    StringBuilder padded = new StringBuilder(width);
    for (int i = digits.length(); i < width; i++) {
      padded.append('0');
    }
    return padded.append(digits).toString();
  }

  /** Encodes a {@code BigDecimal} so that encodings sort in numeric order; see the class comment. */
  public static String encode(BigDecimal value) {
    if (value.signum() == 0) {
      return "1";
    }
    BigDecimal normalised = value.stripTrailingZeros();
    String digits = normalised.unscaledValue().abs().toString();
    // value = 0.digits x 10^exponent
    int exponent = digits.length() - normalised.scale();
    if (exponent < -DECIMAL_EXPONENT_BIAS || exponent >= DECIMAL_EXPONENT_BIAS) {
      throw new IllegalArgumentException("is too large or too small for a decimal key component");
    }
    if (normalised.signum() > 0) {
      return "2" + pad(Integer.toString(exponent + DECIMAL_EXPONENT_BIAS), 3) + digits;
    }
    StringBuilder encoded = new StringBuilder(digits.length() + 5);
    encoded.append('0').append(pad(Integer.toString(DECIMAL_EXPONENT_BIAS - 1 - exponent), 3));
    for (int i = 0; i < digits.length(); i++) {
      encoded.append((char) ('9' - digits.charAt(i) + '0'));
    }
    return encoded.append('~').toString();
  }

  /** Encodes an instant in UTC with nanosecond precision, 30 characters. */
  public static String encode(Instant value) {
    if (!FixedWidthTime.covers(value)) {
      throw new IllegalArgumentException(
          "lies outside years " + MIN_YEAR + " to " + MAX_YEAR + ", which key timestamps cover");
    }
    return FixedWidthTime.instant(value);
  }

  /** Encodes an offset date-time as its instant in UTC, then its offset; 36 characters. */
  public static String encode(OffsetDateTime value) {
    String instant = encode(value.toInstant());
    return instant + pad(Integer.toString(value.getOffset().getTotalSeconds() + OFFSET_BIAS), 6);
  }

  /** Encodes a local date-time with nanosecond precision, 29 characters. */
  public static String encode(LocalDateTime value) {
    checkYear(value.getYear());
    return FixedWidthTime.localDateTime(value);
  }

  /** Encodes a date as ISO {@code yyyy-MM-dd}. */
  public static String encode(LocalDate value) {
    checkYear(value.getYear());
    return LOCAL_DATE.format(value);
  }

  private static void checkYear(int year) {
    if (!FixedWidthTime.covers(year)) {
      throw new IllegalArgumentException(
          "has year " + year + "; key timestamps cover years " + MIN_YEAR + " to " + MAX_YEAR);
    }
  }

  /** Encodes a UUID in lower-case canonical form. */
  public static String encode(UUID value) {
    return value.toString();
  }

  /** Encodes an enum constant by name. */
  public static String encode(Enum<?> value) {
    return value.name();
  }

  /** Encodes a boolean as {@code false} or {@code true}. */
  public static String encode(boolean value) {
    return value ? "true" : "false";
  }
}
