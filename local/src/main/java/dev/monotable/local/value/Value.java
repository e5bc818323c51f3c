package dev.monotable.local.value;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One DynamoDB attribute value, immutable. Numbers are held normalized (as DynamoDB stores them:
 * {@code "1.50"} reads back as {@code "1.5"}), sets keep their first-seen order, maps their insertion
 * order. Equality is DynamoDB's: numbers by value, sets regardless of order.
 */
public sealed interface Value {

  /** The wire type tag: S, N, B, BOOL, NULL, L, M, SS, NS or BS. */
  String type();

  /** A string (S). */
  record S(String value) implements Value {
    @Override
    public String type() {
      return "S";
    }

    /**
     * The hash of the value, written out rather than left to the record: a table finds a partition
     * by its key's hash ({@code ItemStore}), and a record's own hashCode costs a fresh JVM some 20 ms
     * of method-handle set-up at its first write. The same for N and B, the other key types.
     */
    @Override
    public int hashCode() {
      return value.hashCode();
    }
  }

  /** A number (N), normalized: no trailing zeros, zero is {@code 0}. */
  record N(BigDecimal value) implements Value {
    public N {
      value = normalize(value);
    }

    @Override
    public String type() {
      return "N";
    }

    /** The text DynamoDB returns for this number. */
    public String text() {
      return value.toPlainString();
    }

    @Override
    public int hashCode() {
      return value.hashCode();
    }
  }

  /** A binary value (B). */
  record B(Bytes value) implements Value {
    @Override
    public String type() {
      return "B";
    }

    @Override
    public int hashCode() {
      return value.hashCode();
    }
  }

  /** A boolean (BOOL). */
  record Bool(boolean value) implements Value {
    @Override
    public String type() {
      return "BOOL";
    }
  }

  /** NULL: true. */
  record Null() implements Value {
    @Override
    public String type() {
      return "NULL";
    }
  }

  /** A list (L). */
  record L(List<Value> values) implements Value {
    public L {
      values = List.copyOf(values);
    }

    @Override
    public String type() {
      return "L";
    }
  }

  /** A map (M). */
  record M(Map<String, Value> values) implements Value {
    public M {
      values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    @Override
    public String type() {
      return "M";
    }
  }

  /** A string set (SS), never empty. */
  record SS(Set<String> values) implements Value {
    public SS {
      values = Collections.unmodifiableSet(new LinkedHashSet<>(values));
    }

    @Override
    public String type() {
      return "SS";
    }
  }

  /** A number set (NS) of normalized numbers, never empty. */
  record NS(Set<BigDecimal> values) implements Value {
    public NS {
      LinkedHashSet<BigDecimal> normalized = new LinkedHashSet<>();
      for (BigDecimal value : values) {
        normalized.add(normalize(value));
      }
      values = Collections.unmodifiableSet(normalized);
    }

    @Override
    public String type() {
      return "NS";
    }
  }

  /** A binary set (BS), never empty. */
  record BS(Set<Bytes> values) implements Value {
    public BS {
      values = Collections.unmodifiableSet(new LinkedHashSet<>(values));
    }

    @Override
    public String type() {
      return "BS";
    }
  }

  Null NULL = new Null();
  Bool TRUE = new Bool(true);
  Bool FALSE = new Bool(false);

  static S s(String value) {
    return new S(value);
  }

  static N n(String text) {
    return new N(parseNumber(text));
  }

  static N n(long value) {
    return new N(BigDecimal.valueOf(value));
  }

  static N n(BigDecimal value) {
    return new N(value);
  }

  /** Whether this is one of the three types a key attribute may have. */
  default boolean isScalarKeyType() {
    return this instanceof S || this instanceof N || this instanceof B;
  }

  /**
   * Orders two values of one key type as DynamoDB does: strings by their UTF-8 bytes (which is
   * code point order), numbers by value, binaries as unsigned bytes.
   */
  static int compare(Value a, Value b) {
    if (a instanceof S x && b instanceof S y) {
      return compareUtf8(x.value(), y.value());
    }
    if (a instanceof N x && b instanceof N y) {
      return x.value().compareTo(y.value());
    }
    if (a instanceof B x && b instanceof B y) {
      return x.value().compareTo(y.value());
    }
    throw new IllegalArgumentException("values of types " + a.type() + " and " + b.type() + " are not ordered");
  }

  /** Compares two strings by code point, which is the order of their UTF-8 encodings. */
  static int compareUtf8(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int x = a.codePointAt(i);
      int y = b.codePointAt(j);
      if (x != y) {
        return Integer.compare(x, y);
      }
      i += Character.charCount(x);
      j += Character.charCount(y);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  /** The UTF-8 length of a string, as DynamoDB counts sizes. */
  static int utf8Length(String s) {
    int length = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        length += 1;
      } else if (c < 0x800) {
        length += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        length += 4;
        i++;
      } else {
        length += 3;
      }
    }
    return length;
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Parses a number as DynamoDB accepts it: up to 38 significant digits, magnitude between 1E-130
   * and under 1E+126, or zero.
   */
  static BigDecimal parseNumber(String text) {
    BigDecimal value;
    try {
      String trimmed = text.strip();
      if (trimmed.isEmpty() || trimmed.endsWith("d") || trimmed.endsWith("D") || trimmed.endsWith("f")
          || trimmed.endsWith("F")) {
        throw new NumberFormatException();
      }
      value = new BigDecimal(trimmed);
    } catch (NumberFormatException e) {
      // DynamoDB names the text after a colon, but for an empty one
      throw DynamoError.validation("The parameter cannot be converted to a numeric value" + (text.isEmpty() ? "" : ": " + text));
    }
    return checkNumber(value);
  }

  /** Refuses numbers DynamoDB cannot store, with DynamoDB's messages. */
  static BigDecimal checkNumber(BigDecimal value) {
    BigDecimal normalized = normalize(value);
    if (normalized.signum() == 0) {
      return normalized;
    }
    if (normalized.precision() > 38) {
      throw DynamoError.validation("Attempting to store more than 38 significant digits in a Number");
    }
    // the exponent of the leading digit: 1E+125 has 125, 1E-130 has -130
    int exponent = normalized.precision() - normalized.scale() - 1;
    if (exponent > 125) {
      throw DynamoError.validation("Number overflow. Attempting to store a number with magnitude larger than supported range");
    }
    if (exponent < -130) {
      throw DynamoError.validation("Number underflow. Attempting to store a number with magnitude smaller than supported range");
    }
    return normalized;
  }

  /** Strips trailing zeros; zero becomes plain 0. */
  static BigDecimal normalize(BigDecimal value) {
    if (value.signum() == 0) {
      return BigDecimal.ZERO;
    }
    // one representation per value, so that record equality is numeric equality
    return value.stripTrailingZeros();
  }

  /** Adds two numbers with DynamoDB's 38-digit precision. */
  static BigDecimal add(BigDecimal a, BigDecimal b) {
    return checkNumber(a.add(b));
  }
}
