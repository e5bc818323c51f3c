package dev.monotable.runtime.internal;

import dev.monotable.runtime.ItemTooLargeException;
import java.math.BigDecimal;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The size of an item as DynamoDB counts it against the 400 KB limit: each attribute name and string
 * in UTF-8 bytes, binary by its length, a number by one byte per two significant digits plus one,
 * booleans and nulls one byte, and lists and maps three bytes plus one per element on top of their
 * elements (and, in maps, the element names).
 */
public final class ItemSize {
  /** DynamoDB's limit: 400 KB. */
  public static final int MAX_BYTES = ItemTooLargeException.MAX_BYTES;

  private ItemSize() {}

  /**
   * Whether the item is over 400 KB, in which case its exact size, else 0. Each string is first
   * counted at three bytes a character (the most a Java {@code char} takes in UTF-8), and a number
   * exactly (it is short); only an item whose bound passes 400 KB is counted exactly, so the check
   * costs one walk of the item without reading a single string.
   */
  public static long overLimit(Map<String, AttributeValue> item) {
    long bound = 0;
    for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
      bound += 3L * attribute.getKey().length() + bound(attribute.getValue());
    }
    if (bound <= MAX_BYTES) {
      return 0;
    }
    long size = of(item);
    return size > MAX_BYTES ? size : 0;
  }

  /** At least {@link #of(AttributeValue)}. */
  private static long bound(AttributeValue value) {
    String text = value.s();
    if (text != null) {
      return 3L * text.length();
    }
    text = value.n();
    if (text != null) {
      // counted exactly: numbers are short, and BigDecimal still refuses one that is not a number
      return number(text);
    }
    if (value.b() != null) {
      return value.b().asByteArrayUnsafe().length;
    }
    if (value.bool() != null || value.nul() != null) {
      return 1;
    }
    long size = 0;
    if (value.hasSs()) {
      for (String element : value.ss()) {
        size += 3L * element.length();
      }
    } else if (value.hasNs()) {
      for (String element : value.ns()) {
        size += number(element);
      }
    } else if (value.hasBs()) {
      for (SdkBytes element : value.bs()) {
        size += element.asByteArrayUnsafe().length;
      }
    } else if (value.hasL()) {
      size = 3;
      for (AttributeValue element : value.l()) {
        size += bound(element) + 1;
      }
    } else if (value.hasM()) {
      size = 3;
      for (Map.Entry<String, AttributeValue> entry : value.m().entrySet()) {
        size += 3L * entry.getKey().length() + bound(entry.getValue()) + 1;
      }
    }
    return size;
  }

  /** The size of a whole item. */
  public static long of(Map<String, AttributeValue> item) {
    long size = 0;
    for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
      size += utf8(attribute.getKey()) + of(attribute.getValue());
    }
    return size;
  }

  /** The size of one value. */
  public static long of(AttributeValue value) {
    if (value.s() != null) {
      return utf8(value.s());
    }
    if (value.n() != null) {
      return number(value.n());
    }
    if (value.b() != null) {
      return value.b().asByteArrayUnsafe().length;
    }
    if (value.bool() != null || value.nul() != null) {
      return 1;
    }
    if (value.hasSs()) {
      long size = 0;
      for (String element : value.ss()) {
        size += utf8(element);
      }
      return size;
    }
    if (value.hasNs()) {
      long size = 0;
      for (String element : value.ns()) {
        size += number(element);
      }
      return size;
    }
    if (value.hasBs()) {
      long size = 0;
      for (SdkBytes element : value.bs()) {
        size += element.asByteArrayUnsafe().length;
      }
      return size;
    }
    if (value.hasL()) {
      long size = 3;
      for (AttributeValue element : value.l()) {
        size += of(element) + 1;
      }
      return size;
    }
    if (value.hasM()) {
      long size = 3;
      for (Map.Entry<String, AttributeValue> entry : value.m().entrySet()) {
        size += utf8(entry.getKey()) + of(entry.getValue()) + 1;
      }
      return size;
    }
    return 0;
  }

  /** The UTF-8 length of the text, as {@code getBytes(UTF_8)} encodes it, without encoding it. */
  static long utf8(String text) {
    int length = text.length();
    long bytes = length;
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        continue;
      }
      if (c < 0x800) {
        bytes += 1;
      } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
        bytes += 2; // a pair: four bytes for two chars
        i++;
      } else if (Character.isSurrogate(c)) {
        continue; // a lone surrogate is encoded as '?'
      } else {
        bytes += 2;
      }
    }
    return bytes;
  }

  /** One byte per two significant digits, plus one. */
  static long number(String number) {
    int digits = significantDigits(number);
    if (digits < 0) {
      // not plain decimal text: BigDecimal counts it, or refuses it as it always has
      BigDecimal value = new BigDecimal(number).stripTrailingZeros();
      digits = value.signum() == 0 ? 1 : value.precision();
    }
    return (digits + 1) / 2 + 1;
  }

  /**
   * The significant digits of {@code [+-]digits[.digits][(e|E)[+-]digits]} (1 for zero), from the
   * first non-zero digit to the last; -1 for any other text, or an exponent of more than 9 digits.
   */
  private static int significantDigits(String number) {
    int length = number.length();
    int i = 0;
    if (i < length && (number.charAt(i) == '-' || number.charAt(i) == '+')) {
      i++;
    }
    int mantissaDigits = 0;
    int first = -1;
    int last = -1;
    int position = 0;
    boolean point = false;
    for (; i < length; i++) {
      char c = number.charAt(i);
      if (c == '.' && !point) {
        point = true;
      } else if (c >= '0' && c <= '9') {
        mantissaDigits++;
        if (c != '0') {
          if (first < 0) {
            first = position;
          }
          last = position;
        }
        position++;
      } else {
        break;
      }
    }
    if (mantissaDigits == 0) {
      return -1;
    }
    if (i < length) {
      if (number.charAt(i) != 'e' && number.charAt(i) != 'E') {
        return -1;
      }
      i++;
      if (i < length && (number.charAt(i) == '-' || number.charAt(i) == '+')) {
        i++;
      }
      int exponentDigits = length - i;
      if (exponentDigits < 1 || exponentDigits > 9) {
        return -1;
      }
      for (; i < length; i++) {
        char c = number.charAt(i);
        if (c < '0' || c > '9') {
          return -1;
        }
      }
    }
    return first < 0 ? 1 : last - first + 1;
  }

}
