package dev.monotable.local;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import dev.monotable.local.value.Value;
import dev.monotable.local.value.ValueJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * JSON in and out through Jackson's streaming parser and generator, building Jackson's tree nodes
 * directly. {@code ObjectMapper} is left out on purpose: its start-up (about 150 ms of class
 * loading and set-up in a fresh JVM) would be most of the engine's. The items of a Query or Scan
 * page go into the answer as they are ({@link #items}) and are written straight from their
 * attribute values: a tree of nodes for a hundred items, built only to be written out, was the
 * largest part of a Query's time in the engine.
 */
final class Json {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Json() {}

  static ObjectNode object() {
    return NODES.objectNode();
  }

  /** The JSON array of {@code items}, for an answer: {@link #write} writes them from their values. */
  static JsonNode items(List<Map<String, Value>> items) {
    return NODES.pojoNode(new Items(items));
  }

  /** The JSON object of one item, for an answer: {@link #write} writes it from its values. */
  static JsonNode item(Map<String, Value> item) {
    return NODES.pojoNode(new Item(item));
  }

  /** Items on their way into an answer, held as they are until it is written. */
  private record Items(List<Map<String, Value>> items) {}

  /** An item on its way into an answer. */
  private record Item(Map<String, Value> item) {}

  /** Parses a request body; an empty body is an empty object. */
  static JsonNode read(byte[] body) throws IOException {
    if (body.length == 0) {
      return object();
    }
    try (JsonParser parser = FACTORY.createParser(body)) {
      JsonToken first = parser.nextToken();
      JsonNode node = first == null ? null : value(parser, first);
      if (parser.nextToken() != null) {
        throw new IOException("trailing content after the JSON value");
      }
      return node;
    }
  }

  private static JsonNode value(JsonParser parser, JsonToken token) throws IOException {
    switch (token) {
      case START_OBJECT: {
        ObjectNode node = NODES.objectNode();
        JsonToken next;
        while ((next = parser.nextToken()) == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          node.set(name, value(parser, parser.nextToken()));
        }
        if (next != JsonToken.END_OBJECT) {
          throw new IOException("unexpected " + next + " in an object");
        }
        return node;
      }
      case START_ARRAY: {
        ArrayNode node = NODES.arrayNode();
        JsonToken next;
        while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
          if (next == null) {
            throw new IOException("unterminated array");
          }
          node.add(value(parser, next));
        }
        return node;
      }
      case VALUE_STRING:
        return NODES.textNode(parser.getText());
      case VALUE_NUMBER_INT:
        return NODES.numberNode(parser.getLongValue());
      case VALUE_NUMBER_FLOAT:
        return NODES.numberNode(parser.getDecimalValue());
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        throw new IOException("unexpected " + token);
    }
  }

  static byte[] write(JsonNode node) throws IOException {
    Output out = OUTPUT.get();
    out.reset();
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      write(generator, node);
    }
    byte[] bytes = out.toByteArray();
    if (out.capacity() > Output.KEPT) {
      OUTPUT.remove();  // a thread that once wrote a large page does not keep its buffer
    }
    return bytes;
  }

  /** Each thread's buffer for the answers it writes: an answer of a Query page grows it once, not every time. */
  private static final ThreadLocal<Output> OUTPUT = ThreadLocal.withInitial(Output::new);

  /** A byte buffer kept between answers. */
  private static final class Output extends ByteArrayOutputStream {
    /** The largest buffer a thread keeps: a page of 1 MB is written into a buffer of its own. */
    static final int KEPT = 256 * 1024;

    Output() {
      super(4 * 1024);
    }

    int capacity() {
      return buf.length;
    }
  }

  private static void write(JsonGenerator generator, JsonNode node) throws IOException {
    if (node.isObject()) {
      generator.writeStartObject();
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        generator.writeFieldName(field.getKey());
        write(generator, field.getValue());
      }
      generator.writeEndObject();
    } else if (node.isArray()) {
      generator.writeStartArray();
      for (JsonNode element : node) {
        write(generator, element);
      }
      generator.writeEndArray();
    } else if (node instanceof POJONode pojo && pojo.getPojo() instanceof Items list) {
      generator.writeStartArray();
      for (Map<String, Value> item : list.items()) {
        ValueJson.writeItem(generator, item);
      }
      generator.writeEndArray();
    } else if (node instanceof POJONode pojo && pojo.getPojo() instanceof Item one) {
      ValueJson.writeItem(generator, one.item());
    } else if (node.isTextual()) {
      generator.writeString(node.textValue());
    } else if (node.isBoolean()) {
      generator.writeBoolean(node.booleanValue());
    } else if (node.isIntegralNumber()) {
      generator.writeNumber(node.longValue());
    } else if (node.isNumber()) {
      generator.writeNumber(node.decimalValue());
    } else {
      generator.writeNull();
    }
  }
}
