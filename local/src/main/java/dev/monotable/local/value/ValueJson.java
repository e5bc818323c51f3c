package dev.monotable.local.value;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads and writes attribute values in the JSON 1.0 wire form: {@code {"S": "text"}}, {@code {"N": "1"}}, ... */
public final class ValueJson {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  /** DynamoDB nests lists and maps at most this deep. */
  static final int MAX_NESTING = 32;

  private ValueJson() {}

  /**
   * The truth a word in a BOOL or NULL stands for, as DynamoDB's parser reads an attribute value's
   * flag given as a string ({@code "yes"}, {@code "1"}, {@code "true"}; {@code "no"}, {@code "0"},
   * {@code "false"}); null for any other string, which it refuses.
   */
  public static Boolean textFlag(String text) {
    return switch (text.toLowerCase(java.util.Locale.ROOT)) {
      case "true", "yes", "1" -> Boolean.TRUE;
      case "false", "no", "0" -> Boolean.FALSE;
      default -> null;
    };
  }

  private static boolean flag(JsonNode v) {
    if (v.isTextual()) {
      return Boolean.TRUE.equals(textFlag(v.textValue()));
    }
    return v.asBoolean();
  }

  /** An item or key: a JSON object of attribute name to attribute value. */
  public static Map<String, Value> readItem(JsonNode node) {
    return readItem(node, 0);
  }

  private static Map<String, Value> readItem(JsonNode node, int depth) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return new LinkedHashMap<>();
    }
    if (!node.isObject()) {
      throw DynamoError.validation("Expected a map of attribute name to attribute value, got " + node.getNodeType());
    }
    Map<String, Value> item = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      item.put(field.getKey(), read(field.getValue(), depth));
    }
    return item;
  }

  /** One attribute value, checked as DynamoDB checks it. */
  public static Value read(JsonNode node) {
    return read(node, 0);
  }

  /** A value inside {@code depth} lists and maps. */
  private static Value read(JsonNode node, int depth) {
    List<Map.Entry<String, JsonNode>> types = new ArrayList<>();
    if (node != null && node.isObject()) {
      // as DynamoDB's parser, an unknown member or a JSON null is no data type
      node.fields().forEachRemaining(field -> {
        if (DATA_TYPES.contains(field.getKey()) && !field.getValue().isNull()) {
          types.add(field);
        }
      });
    }
    if (types.isEmpty()) {
      throw DynamoError.validation("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
    }
    if (types.size() > 1) {
      // each value is checked before their number: {"S": "a", "N": "x"} is refused for its number
      for (Map.Entry<String, JsonNode> type : types) {
        read(type, depth);
      }
      throw DynamoError.validation(
          "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
    }
    return read(types.get(0), depth);
  }

  /** The value of one data type member. */
  private static Value read(Map.Entry<String, JsonNode> only, int depth) {
    JsonNode v = only.getValue();
    switch (only.getKey()) {
      case "S":
        return new Value.S(v.asText());
      case "N":
        return new Value.N(Value.parseNumber(v.asText()));
      case "B":
        return new Value.B(Bytes.fromBase64(v.asText()));
      case "BOOL":
        return flag(v) ? Value.TRUE : Value.FALSE;
      case "NULL":
        if (!flag(v)) {
          throw DynamoError.validation(
              "One or more parameter values were invalid: Null attribute value types must have the value of true");
        }
        return Value.NULL;
      case "L": {
        checkDepth(depth);
        List<Value> values = new ArrayList<>(v.size());
        for (JsonNode element : v) {
          values.add(read(element, depth + 1));
        }
        return new Value.L(values);
      }
      case "M":
        checkDepth(depth);
        return new Value.M(readItem(v, depth + 1));
      case "SS": {
        Set<String> values = new LinkedHashSet<>();
        for (JsonNode element : v) {
          values.add(element.asText());
        }
        checkSet("string", v, values.size());
        return new Value.SS(values);
      }
      case "NS": {
        Set<BigDecimal> values = new LinkedHashSet<>();
        for (JsonNode element : v) {
          values.add(Value.parseNumber(element.asText()));
        }
        checkSet("number", v, values.size());
        return new Value.NS(values);
      }
      case "BS": {
        Set<Bytes> values = new LinkedHashSet<>();
        for (JsonNode element : v) {
          values.add(Bytes.fromBase64(element.asText()));
        }
        checkSet("binary", v, values.size());
        return new Value.BS(values);
      }
      default:
        throw DynamoError.validation("Supplied AttributeValue has an unknown datatype: " + only.getKey());
    }
  }

  /** The members of an AttributeValue, its data types. */
  private static final Set<String> DATA_TYPES = Set.of("S", "N", "B", "BOOL", "NULL", "L", "M", "SS", "NS", "BS");

  private static void checkDepth(int depth) {
    if (depth >= MAX_NESTING) {
      throw tooDeep();
    }
  }

  /**
   * Checks an item built by the engine rather than read from a request (the result of an update)
   * against the same nesting limit, with the same error.
   */
  public static void checkNesting(Map<String, Value> item) {
    for (Value value : item.values()) {
      if (nesting(value) > MAX_NESTING) {
        throw tooDeep();
      }
    }
  }

  /** How many lists and maps are nested in {@code value}, itself included: 0 for a scalar or set. */
  private static int nesting(Value value) {
    int inner = 0;
    if (value instanceof Value.L l) {
      for (Value element : l.values()) {
        inner = Math.max(inner, nesting(element));
      }
    } else if (value instanceof Value.M m) {
      for (Value element : m.values().values()) {
        inner = Math.max(inner, nesting(element));
      }
    } else {
      return 0;
    }
    return 1 + inner;
  }

  private static DynamoError tooDeep() {
    return DynamoError.validation("Nesting Levels have exceeded supported limits");
  }

  /** DynamoDB's words, each set its own: "An string set  may not be empty" (sic), "[…]of type BS" (sic). */
  private static void checkSet(String kind, JsonNode elements, int distinct) {
    if (elements.size() == 0) {
      throw DynamoError.validation("One or more parameter values were invalid: "
          + (kind.equals("binary") ? "Binary sets should not be empty" : "An " + kind + " set  may not be empty"));
    }
    if (distinct != elements.size() && kind.equals("number")) {
      // recorded bare, without the prefix and the full stop the other sets' messages have
      throw DynamoError.validation("Input collection contains duplicates");
    }
    if (distinct != elements.size()) {
      List<String> texts = new ArrayList<>();
      elements.forEach(e -> texts.add(e.asText()));
      throw DynamoError.validation("One or more parameter values were invalid: Input collection " + switch (kind) {
        case "number" -> "contains duplicates.";
        case "binary" -> texts + "of type BS contains duplicates.";
        default -> texts + " contains duplicates.";
      });
    }
  }

  /** An item or key as a JSON object. */
  public static ObjectNode writeItem(Map<String, Value> item) {
    ObjectNode node = JSON.objectNode();
    item.forEach((name, value) -> node.set(name, write(value)));
    return node;
  }

  /** One attribute value as its JSON object. */
  public static ObjectNode write(Value value) {
    ObjectNode node = JSON.objectNode();
    if (value instanceof Value.S s) {
      node.put("S", s.value());
    } else if (value instanceof Value.N n) {
      node.put("N", n.text());
    } else if (value instanceof Value.B b) {
      node.put("B", b.value().toBase64());
    } else if (value instanceof Value.Bool b) {
      node.put("BOOL", b.value());
    } else if (value instanceof Value.Null) {
      node.put("NULL", true);
    } else if (value instanceof Value.L l) {
      ArrayNode array = node.putArray("L");
      l.values().forEach(element -> array.add(write(element)));
    } else if (value instanceof Value.M m) {
      node.set("M", writeItem(m.values()));
    } else if (value instanceof Value.SS ss) {
      ArrayNode array = node.putArray("SS");
      ss.values().forEach(array::add);
    } else if (value instanceof Value.NS ns) {
      ArrayNode array = node.putArray("NS");
      ns.values().forEach(n -> array.add(n.toPlainString()));
    } else if (value instanceof Value.BS bs) {
      ArrayNode array = node.putArray("BS");
      bs.values().forEach(b -> array.add(b.toBase64()));
    }
    return node;
  }

  /** Writes an item or key as a JSON object, from its values: {@link #writeItem(Map)} without the tree of nodes. */
  public static void writeItem(JsonGenerator out, Map<String, Value> item) throws IOException {
    if (item instanceof StoredItem stored) {
      out.writeRawValue(stored.json());
      return;
    }
    out.writeStartObject();
    for (Map.Entry<String, Value> attribute : item.entrySet()) {
      out.writeFieldName(attribute.getKey());
      write(out, attribute.getValue());
    }
    out.writeEndObject();
  }

  /** Writes one attribute value as its JSON object, as {@link #write(Value)} builds it. */
  public static void write(JsonGenerator out, Value value) throws IOException {
    out.writeStartObject();
    out.writeFieldName(value.type());
    if (value instanceof Value.S s) {
      out.writeString(s.value());
    } else if (value instanceof Value.N n) {
      out.writeString(n.text());
    } else if (value instanceof Value.B b) {
      out.writeString(b.value().toBase64());
    } else if (value instanceof Value.Bool b) {
      out.writeBoolean(b.value());
    } else if (value instanceof Value.Null) {
      out.writeBoolean(true);
    } else if (value instanceof Value.L l) {
      out.writeStartArray();
      for (Value element : l.values()) {
        write(out, element);
      }
      out.writeEndArray();
    } else if (value instanceof Value.M m) {
      writeItem(out, m.values());
    } else if (value instanceof Value.SS ss) {
      out.writeStartArray();
      for (String element : ss.values()) {
        out.writeString(element);
      }
      out.writeEndArray();
    } else if (value instanceof Value.NS ns) {
      out.writeStartArray();
      for (BigDecimal element : ns.values()) {
        out.writeString(element.toPlainString());
      }
      out.writeEndArray();
    } else if (value instanceof Value.BS bs) {
      out.writeStartArray();
      for (Bytes element : bs.values()) {
        out.writeString(element.toBase64());
      }
      out.writeEndArray();
    }
    out.writeEndObject();
  }
}
