package dev.monotable.local.expression;

import dev.monotable.local.value.DynamoError;
import dev.monotable.local.value.ItemSize;
import dev.monotable.local.value.Value;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The ExpressionAttributeNames and ExpressionAttributeValues of one request, tracking which of
 * them the request's expressions use.
 */
public final class Placeholders {
  private final Map<String, String> names;
  private final Map<String, Value> values;
  private final Set<String> usedNames = new HashSet<>();
  private final Set<String> usedValues = new HashSet<>();

  /** Both maps are never null and may be empty. */
  public Placeholders(Map<String, String> names, Map<String, Value> values) {
    this.names = Map.copyOf(names);
    this.values = Map.copyOf(values);
  }

  /** No names or values at all. */
  public static Placeholders none() {
    return new Placeholders(Map.of(), Map.of());
  }

  /** The attribute name {@code #ref} stands for, marking it used, or null when it is not defined. */
  String name(String ref) {
    String name = names.get(ref);
    if (name != null) {
      usedNames.add(ref);
    }
    return name;
  }

  /** The value {@code :ref} stands for, marking it used, or null when it is not defined. */
  Value value(String ref) {
    Value value = values.get(ref);
    if (value != null) {
      usedValues.add(ref);
    }
    return value;
  }

  /** The size of the ExpressionAttributeValues, their values only, counted as item sizes are. */
  public int valueBytes() {
    int bytes = 0;
    for (Value value : values.values()) {
      bytes += ItemSize.of(value);
    }
    return bytes;
  }

  /**
   * Throws DynamoError.validation for any name or value not used by any expression parsed with
   * this object.
   */
  public void checkAllUsed() {
    Set<String> unusedNames = new TreeSet<>(names.keySet());
    unusedNames.removeAll(usedNames);
    if (!unusedNames.isEmpty()) {
      throw DynamoError.validation(
          "Value provided in ExpressionAttributeNames unused in expressions: keys: {" + String.join(", ", unusedNames) + "}");
    }
    Set<String> unusedValues = new TreeSet<>(values.keySet());
    unusedValues.removeAll(usedValues);
    if (!unusedValues.isEmpty()) {
      throw DynamoError.validation(
          "Value provided in ExpressionAttributeValues unused in expressions: keys: {" + String.join(", ", unusedValues) + "}");
    }
  }
}
