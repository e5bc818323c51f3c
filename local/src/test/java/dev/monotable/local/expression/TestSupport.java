package dev.monotable.local.expression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.monotable.local.value.Bytes;
import dev.monotable.local.value.DynamoError;
import dev.monotable.local.value.Value;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.function.Executable;

/** Small builders for values, items and placeholders. */
final class TestSupport {
  private TestSupport() {}

  static Value s(String text) {
    return Value.s(text);
  }

  static Value n(String text) {
    return Value.n(text);
  }

  static Value n(long value) {
    return Value.n(value);
  }

  static Value b(int... bytes) {
    byte[] array = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      array[i] = (byte) bytes[i];
    }
    return new Value.B(Bytes.of(array));
  }

  static Value l(Value... values) {
    return new Value.L(Arrays.asList(values));
  }

  /** A map value from alternating keys and values. */
  static Value m(Object... keysAndValues) {
    return new Value.M(map(keysAndValues));
  }

  static Value ss(String... values) {
    return new Value.SS(new LinkedHashSet<>(Arrays.asList(values)));
  }

  static Value ns(String... values) {
    LinkedHashSet<BigDecimal> set = new LinkedHashSet<>();
    for (String value : values) {
      set.add(new BigDecimal(value));
    }
    return new Value.NS(set);
  }

  static Value bs(Value... binaries) {
    LinkedHashSet<Bytes> set = new LinkedHashSet<>();
    for (Value value : binaries) {
      set.add(((Value.B) value).value());
    }
    return new Value.BS(set);
  }

  /** An item (mutable map) from alternating names and values. */
  static Map<String, Value> item(Object... namesAndValues) {
    return map(namesAndValues);
  }

  private static Map<String, Value> map(Object... keysAndValues) {
    Map<String, Value> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], (Value) keysAndValues[i + 1]);
    }
    return map;
  }

  /** Placeholders from alternating keys and entries: "#n", "name", ":v", value. */
  static Placeholders placeholders(Object... entries) {
    Map<String, String> names = new LinkedHashMap<>();
    Map<String, Value> values = new LinkedHashMap<>();
    for (int i = 0; i < entries.length; i += 2) {
      String key = (String) entries[i];
      if (key.startsWith("#")) {
        names.put(key, (String) entries[i + 1]);
      } else {
        values.put(key, (Value) entries[i + 1]);
      }
    }
    return new Placeholders(names, values);
  }

  static void assertValidation(String message, Executable executable) {
    DynamoError error = assertThrows(DynamoError.class, executable);
    assertEquals("ValidationException", error.type());
    assertEquals(message, error.getMessage());
  }

  static DocumentPath path(Object... elements) {
    return new DocumentPath(List.of(elements));
  }
}
