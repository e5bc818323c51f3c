package dev.monotable.benchmarks;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** DynamoDB's JSON form of an item, for canned responses (S, N, BOOL, NULL, L, M, SS, NS). */
final class DynamoJson {
  private DynamoJson() {}

  static String item(Map<String, AttributeValue> item) {
    StringBuilder json = new StringBuilder();
    map(json, item);
    return json.toString();
  }

  private static void map(StringBuilder json, Map<String, AttributeValue> map) {
    json.append('{');
    boolean first = true;
    for (Map.Entry<String, AttributeValue> entry : map.entrySet()) {
      json.append(first ? "" : ",");
      first = false;
      string(json, entry.getKey());
      json.append(':');
      value(json, entry.getValue());
    }
    json.append('}');
  }

  private static void value(StringBuilder json, AttributeValue value) {
    switch (value.type()) {
      case S -> string(json.append("{\"S\":"), value.s());
      case N -> string(json.append("{\"N\":"), value.n());
      case BOOL -> json.append("{\"BOOL\":").append(value.bool());
      case NUL -> json.append("{\"NULL\":true");
      case M -> map(json.append("{\"M\":"), value.m());
      case L -> {
        json.append("{\"L\":[");
        for (int i = 0; i < value.l().size(); i++) {
          value(json.append(i == 0 ? "" : ","), value.l().get(i));
        }
        json.append(']');
      }
      case SS, NS -> {
        json.append(value.type() == AttributeValue.Type.SS ? "{\"SS\":[" : "{\"NS\":[");
        var strings = value.type() == AttributeValue.Type.SS ? value.ss() : value.ns();
        for (int i = 0; i < strings.size(); i++) {
          string(json.append(i == 0 ? "" : ","), strings.get(i));
        }
        json.append(']');
      }
      default -> throw new IllegalArgumentException("no canned JSON for " + value.type());
    }
    json.append('}');
  }

  private static void string(StringBuilder json, String text) {
    json.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        json.append('\\').append(c);
      } else if (c < 0x20) {
        json.append(String.format("\\u%04x", (int) c));
      } else {
        json.append(c);
      }
    }
    json.append('"');
  }
}
