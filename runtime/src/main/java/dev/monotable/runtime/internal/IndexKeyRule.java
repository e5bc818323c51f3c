package dev.monotable.runtime.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How one index-key attribute is written from entity fields, so that an update setting one of them
 * rewrites the index key too: the attribute, the attributes of the template's fields, and the
 * generated key builder applied to their values.
 *
 * @param attribute the index key attribute ({@code GSI1PK})
 * @param fields the attributes of the template's fields
 * @param key builds the key from the fields' values, by attribute name
 */
public record IndexKeyRule(String attribute, List<String> fields, Function<Map<String, Object>, String> key) {
  public IndexKeyRule {
    fields = List.copyOf(fields);
  }
}
