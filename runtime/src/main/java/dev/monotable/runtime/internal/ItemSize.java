package dev.monotable.runtime.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The size of an item as DynamoDB counts it against the 400 KB limit: each attribute name and string
 * in UTF-8 bytes, binary by its length, a number by one byte per two significant digits plus one,
 * booleans and nulls one byte, and lists and maps three bytes plus one per element on top of their
 * elements (and, in maps, the element names).
 */
public final class ItemSize {
  /** DynamoDB's limit: 400 KB. */
  public static final int MAX_BYTES = 400 * 1024;

  private ItemSize() {}

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
      return value.ss().stream().mapToLong(ItemSize::utf8).sum();
    }
    if (value.hasNs()) {
      return value.ns().stream().mapToLong(ItemSize::number).sum();
    }
    if (value.hasBs()) {
      return value.bs().stream().mapToLong(b -> b.asByteArrayUnsafe().length).sum();
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

  private static long utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  private static long number(String number) {
    BigDecimal value = new BigDecimal(number).stripTrailingZeros();
    int digits = value.signum() == 0 ? 1 : value.precision();
    return (digits + 1) / 2 + 1;
  }

}
