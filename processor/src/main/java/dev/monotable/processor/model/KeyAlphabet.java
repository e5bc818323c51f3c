package dev.monotable.processor.model;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * What the runtime's order-preserving key encodings (runtime {@code KeyEncoding}) can produce for
 * each key field type, so that the checks can tell whether an encoding can contain the table's
 * delimiter, and {@link KeyShapes} whether a placeholder can produce a given literal.
 */
public final class KeyAlphabet {
  private KeyAlphabet() {}

  /** The characters an encoding may use, or null when any character may appear (strings). */
  static String characters(ValueType type) {
    if (type instanceof ValueType.EnumValue enumValue) {
      return String.join("", enumValue.constants());
    }
    if (!(type instanceof ValueType.Scalar scalar)) {
      return null;
    }
    return switch (scalar.kind()) {
      case BYTE, SHORT, INT, LONG, BIG_INTEGER -> "0123456789-";
      case BIG_DECIMAL -> "0123456789~";
      case INSTANT, OFFSET_DATE_TIME -> "0123456789-T:.Z";
      case LOCAL_DATE_TIME -> "0123456789-T:.";
      case LOCAL_DATE -> "0123456789-";
      case UUID -> "0123456789abcdef-";
      case BOOLEAN -> "truefals";
      default -> null;
    };
  }

  /**
   * The fewest UTF-8 bytes an encoded value of this type takes: the fixed width of numbers and
   * times, the shortest enum constant, one byte for a string (an empty component is refused).
   */
  public static int minimumBytes(ValueType type) {
    if (type instanceof ValueType.EnumValue enumValue) {
      return enumValue.constants().stream()
          .mapToInt(c -> c.getBytes(StandardCharsets.UTF_8).length).min().orElse(0);
    }
    if (!(type instanceof ValueType.Scalar scalar)) {
      return 1;
    }
    return switch (scalar.kind()) {
      case BYTE -> 3;
      case SHORT -> 5;
      case INT -> 10;
      case LONG -> 19;
      case BIG_INTEGER -> 38;
      case BOOLEAN -> 4;
      case INSTANT -> 30;
      case OFFSET_DATE_TIME -> 36;
      case LOCAL_DATE_TIME -> 29;
      case LOCAL_DATE -> 10;
      case UUID -> 36;
      default -> 1;
    };
  }

  /** Whether an encoded value of this type can contain the delimiter. */
  public static boolean canContain(ValueType type, String delimiter) {
    if (type instanceof ValueType.EnumValue enumValue) {
      return enumValue.constants().stream().anyMatch(c -> c.contains(delimiter));
    }
    if (type instanceof ValueType.Scalar scalar && scalar.kind() == ScalarKind.BOOLEAN) {
      return "true".contains(delimiter) || "false".contains(delimiter);
    }
    String characters = characters(type);
    if (characters == null) {
      return false; // strings are checked at run time, value by value
    }
    return delimiter.chars().allMatch(c -> characters.indexOf(c) >= 0);
  }

  /** Whether some value of this type encodes to exactly {@code literal}. */
  static boolean canProduce(ValueType type, String literal) {
    if (literal.isEmpty()) {
      return false;
    }
    if (type instanceof ValueType.EnumValue enumValue) {
      return enumValue.constants().contains(literal);
    }
    if (!(type instanceof ValueType.Scalar scalar)) {
      return true;
    }
    return Pattern.matches(pattern(scalar.kind()), literal);
  }

  /** What every encoding of a key field of this kind matches. */
  static String pattern(ScalarKind kind) {
    return switch (kind) {
      case BYTE -> "-?\\d{3}";
      case SHORT -> "-?\\d{5}";
      case INT -> "-?\\d{10}";
      case LONG -> "-?\\d{19}";
      case BIG_INTEGER -> "-?\\d{38}";
      case BIG_DECIMAL -> "1|2\\d{3}\\d+|0\\d{3}\\d+~";
      case INSTANT -> "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{9}Z";
      case OFFSET_DATE_TIME -> "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{9}Z\\d{6}";
      case LOCAL_DATE_TIME -> "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{9}";
      case LOCAL_DATE -> "\\d{4}-\\d{2}-\\d{2}";
      case UUID -> "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
      case BOOLEAN -> "true|false";
      default -> ".+";
    };
  }
}
