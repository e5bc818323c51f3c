package dev.monotable.local.value;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Item sizes as DynamoDB counts them for its 400 KB limit, its 1 MB pages and its capacity units:
 * attribute names and strings by their UTF-8 length, binaries by length, numbers by about one byte
 * per two significant digits plus one, one byte for booleans and nulls, and three bytes plus one
 * per element for lists and maps.
 */
public final class ItemSize {
  private ItemSize() {}

  public static int of(Map<String, Value> item) {
    if (item instanceof StoredItem stored) {
      return stored.itemSize();
    }
    int size = 0;
    for (Map.Entry<String, Value> attribute : item.entrySet()) {
      size += Value.utf8Length(attribute.getKey()) + of(attribute.getValue());
    }
    return size;
  }

  public static int of(Value value) {
    if (value instanceof Value.S s) {
      return Value.utf8Length(s.value());
    }
    if (value instanceof Value.N n) {
      return numberSize(n.value());
    }
    if (value instanceof Value.B b) {
      return b.value().length();
    }
    if (value instanceof Value.Bool || value instanceof Value.Null) {
      return 1;
    }
    if (value instanceof Value.L l) {
      int size = 3;
      for (Value element : l.values()) {
        size += 1 + of(element);
      }
      return size;
    }
    if (value instanceof Value.M m) {
      int size = 3;
      for (Map.Entry<String, Value> entry : m.values().entrySet()) {
        size += 1 + Value.utf8Length(entry.getKey()) + of(entry.getValue());
      }
      return size;
    }
    if (value instanceof Value.SS ss) {
      return ss.values().stream().mapToInt(Value::utf8Length).sum();
    }
    if (value instanceof Value.NS ns) {
      return ns.values().stream().mapToInt(ItemSize::numberSize).sum();
    }
    if (value instanceof Value.BS bs) {
      return bs.values().stream().mapToInt(Bytes::length).sum();
    }
    throw new IllegalArgumentException(value.type());
  }

  private static int numberSize(BigDecimal value) {
    if (value.signum() == 0) {
      return 1;
    }
    return (value.precision() + 1) / 2 + 1;
  }
}
