package dev.monotable.local.legacy;

import dev.monotable.local.expression.Placeholders;
import dev.monotable.local.value.Value;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The expression a legacy parameter is translated into, written with a placeholder for every
 * attribute name and value, so that no name needs escaping and no reserved word gets in the way.
 */
final class Placeholding {
  private final Map<String, String> names = new LinkedHashMap<>();
  private final Map<String, Value> values = new LinkedHashMap<>();

  /** A new {@code #placeholder} for the attribute {@code name}. */
  String name(String name) {
    String ref = "#n" + names.size();
    names.put(ref, name);
    return ref;
  }

  /** A new {@code :placeholder} for {@code value}. */
  String value(Value value) {
    String ref = ":v" + values.size();
    values.put(ref, value);
    return ref;
  }

  Placeholders placeholders() {
    return new Placeholders(names, values);
  }
}
