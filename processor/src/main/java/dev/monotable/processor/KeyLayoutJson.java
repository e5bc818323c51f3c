package dev.monotable.processor;

import dev.monotable.processor.generate.TableDescriptionWriter;
import dev.monotable.processor.model.KeyLayout;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link KeyLayout} as the JSON of a key snapshot, committed by the user: sorted, two-space
 * indented, one key per line, so that a change of the layout reads as a small diff in review.
 *
 * <pre>{@code
 * {
 *   "table": "AppData",
 *   "settings": {"key delimiter": "#", ...},
 *   "entities": {
 *     "Order": {
 *       "partition key": {"template": "USER#<userId>", "shape": "USER#<STRING>"}, ...
 * }</pre>
 */
final class KeyLayoutJson {
  private KeyLayoutJson() {}

  static String write(KeyLayout layout) {
    StringBuilder out = new StringBuilder("{\n");
    out.append("  \"table\": ").append(quote(layout.table())).append(",\n");
    out.append("  \"settings\": {");
    appendStrings(out, layout.settings(), "    ");
    out.append("},\n  \"entities\": {");
    int entity = 0;
    for (Map.Entry<String, Map<String, KeyLayout.Key>> entry : layout.entities().entrySet()) {
      out.append(entity++ == 0 ? "\n" : ",\n").append("    ").append(quote(entry.getKey())).append(": {");
      int key = 0;
      for (Map.Entry<String, KeyLayout.Key> keyEntry : entry.getValue().entrySet()) {
        out.append(key++ == 0 ? "\n" : ",\n").append("      ").append(quote(keyEntry.getKey()))
            .append(": {\"template\": ").append(quote(keyEntry.getValue().template()))
            .append(", \"shape\": ").append(quote(keyEntry.getValue().shape())).append('}');
      }
      out.append(key == 0 ? "}" : "\n    }");
    }
    out.append(entity == 0 ? "}" : "\n  }").append("\n}\n");
    return out.toString();
  }

  private static void appendStrings(StringBuilder out, Map<String, String> values, String indent) {
    int i = 0;
    for (Map.Entry<String, String> entry : values.entrySet()) {
      out.append(i++ == 0 ? "\n" : ",\n").append(indent).append(quote(entry.getKey())).append(": ")
          .append(quote(entry.getValue()));
    }
    if (i > 0) {
      out.append('\n').append(indent, 0, indent.length() - 2);
    }
  }

  private static String quote(String text) {
    return TableDescriptionWriter.quote(text);
  }

  /**
   * The layout a snapshot holds.
   *
   * @throws IllegalArgumentException saying where the text is not a key snapshot
   */
  static KeyLayout read(String json) {
    Object root = new Parser(json).document();
    Map<String, Object> object = object(root, "the snapshot");
    Map<String, String> settings = new LinkedHashMap<>();
    object(object.get("settings"), "\"settings\"").forEach((name, value) -> settings.put(name, string(value, name)));
    Map<String, Map<String, KeyLayout.Key>> entities = new LinkedHashMap<>();
    object(object.get("entities"), "\"entities\"").forEach((entity, keys) -> {
      Map<String, KeyLayout.Key> entityKeys = new LinkedHashMap<>();
      object(keys, entity).forEach((what, key) -> {
        Map<String, Object> parts = object(key, entity + " " + what);
        entityKeys.put(what, new KeyLayout.Key(string(parts.get("template"), what + " template"),
            string(parts.get("shape"), what + " shape")));
      });
      entities.put(entity, entityKeys);
    });
    return new KeyLayout(string(object.get("table"), "\"table\""), settings, entities, Map.of());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object value, String what) {
    if (!(value instanceof Map)) {
      throw new IllegalArgumentException(what + " is not a JSON object");
    }
    return (Map<String, Object>) value;
  }

  private static String string(Object value, String what) {
    if (!(value instanceof String text)) {
      throw new IllegalArgumentException(what + " is not a JSON string");
    }
    return text;
  }

  /** JSON objects and strings: all a snapshot holds. */
  private static final class Parser {
    private final String text;
    private int at;

    Parser(String text) {
      this.text = text;
    }

    Object document() {
      Object value = value();
      skipSpace();
      if (at != text.length()) {
        throw error("text after the end of the snapshot");
      }
      return value;
    }

    private Object value() {
      skipSpace();
      if (at >= text.length()) {
        throw error("the snapshot ends early");
      }
      char c = text.charAt(at);
      if (c == '{') {
        return objectValue();
      }
      if (c == '"') {
        return stringValue();
      }
      throw error("expected an object or a string");
    }

    private Map<String, Object> objectValue() {
      Map<String, Object> object = new LinkedHashMap<>();
      at++;
      skipSpace();
      if (peek() == '}') {
        at++;
        return object;
      }
      while (true) {
        skipSpace();
        if (peek() != '"') {
          throw error("expected a quoted name");
        }
        String name = stringValue();
        skipSpace();
        expect(':');
        object.put(name, value());
        skipSpace();
        if (peek() == ',') {
          at++;
        } else {
          expect('}');
          return object;
        }
      }
    }

    private String stringValue() {
      StringBuilder value = new StringBuilder();
      at++;
      while (at < text.length()) {
        char c = text.charAt(at++);
        if (c == '"') {
          return value.toString();
        }
        if (c != '\\') {
          value.append(c);
          continue;
        }
        if (at >= text.length()) {
          break;
        }
        char escaped = text.charAt(at++);
        switch (escaped) {
          case 'n' -> value.append('\n');
          case 'r' -> value.append('\r');
          case 't' -> value.append('\t');
          case 'b' -> value.append('\b');
          case 'f' -> value.append('\f');
          case 'u' -> {
            if (at + 4 > text.length()) {
              throw error("a \\u escape needs four hex digits");
            }
            value.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
            at += 4;
          }
          default -> value.append(escaped);
        }
      }
      throw error("a string is not closed");
    }

    private char peek() {
      return at < text.length() ? text.charAt(at) : '\0';
    }

    private void expect(char c) {
      if (peek() != c) {
        throw error("expected '" + c + "'");
      }
      at++;
    }

    private void skipSpace() {
      while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
        at++;
      }
    }

    private IllegalArgumentException error(String what) {
      int line = 1;
      for (int i = 0; i < Math.min(at, text.length()); i++) {
        if (text.charAt(i) == '\n') {
          line++;
        }
      }
      return new IllegalArgumentException(what + " (line " + line + ")");
    }
  }
}
