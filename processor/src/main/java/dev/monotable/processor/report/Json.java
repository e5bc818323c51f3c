package dev.monotable.processor.report;

import dev.monotable.processor.generate.TableDescriptionWriter;
import java.util.List;
import java.util.Map;

/**
 * Writes a tree of maps (in their iteration order), lists, strings, numbers and booleans as indented
 * JSON. The processor has no JSON library on its class path; strings are quoted as the table
 * description's are ({@link TableDescriptionWriter#quote}).
 */
final class Json {
  private Json() {}

  static String write(Object value) {
    StringBuilder json = new StringBuilder();
    write(json, value, "");
    return json.append('\n').toString();
  }

  private static void write(StringBuilder json, Object value, String indent) {
    if (value instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        json.append("{}");
        return;
      }
      json.append("{\n");
      int i = 0;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        json.append(indent).append("  ").append(TableDescriptionWriter.quote(entry.getKey().toString())).append(": ");
        write(json, entry.getValue(), indent + "  ");
        json.append(++i < map.size() ? ",\n" : "\n");
      }
      json.append(indent).append('}');
    } else if (value instanceof List<?> list) {
      if (list.isEmpty()) {
        json.append("[]");
        return;
      }
      json.append("[\n");
      for (int i = 0; i < list.size(); i++) {
        json.append(indent).append("  ");
        write(json, list.get(i), indent + "  ");
        json.append(i + 1 < list.size() ? ",\n" : "\n");
      }
      json.append(indent).append(']');
    } else if (value instanceof Number || value instanceof Boolean) {
      json.append(value);
    } else if (value == null) {
      json.append("null");
    } else {
      json.append(TableDescriptionWriter.quote(value.toString()));
    }
  }
}
