package dev.monotable.local.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.monotable.local.protocol.Shape.Kind;
import dev.monotable.local.protocol.Shape.Member;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a service model file in AWS's JSON form with Jackson's streaming parser, keeping what
 * request checking reads and skipping the rest (documentation, outputs, errors). The build runs it
 * ({@link ModelCompactor}); the engine loads the binary form the build stores.
 */
final class ModelJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  private ModelJson() {}

  static ServiceModel read(InputStream in) throws IOException {
    try (JsonParser parser = FACTORY.createParser(in)) {
      return read(parser);
    }
  }

  private static ServiceModel read(JsonParser parser) throws IOException {
    expect(parser.nextToken(), JsonToken.START_OBJECT);
    String targetPrefix = null;
    Map<String, String> inputs = new HashMap<>();
    Map<String, Shape> shapes = new HashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      parser.nextToken();
      switch (field) {
        case "metadata" -> targetPrefix = metadata(parser);
        case "operations" -> operations(parser, inputs);
        case "shapes" -> shapes(parser, shapes);
        default -> parser.skipChildren();
      }
    }
    if (targetPrefix == null) {
      throw new IOException("the model has no metadata.targetPrefix");
    }
    return new ServiceModel(targetPrefix, inputs, shapes);
  }

  private static String metadata(JsonParser parser) throws IOException {
    String targetPrefix = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      parser.nextToken();
      if (field.equals("targetPrefix")) {
        targetPrefix = parser.getText();
      } else {
        parser.skipChildren();
      }
    }
    return targetPrefix;
  }

  private static void operations(JsonParser parser, Map<String, String> inputs) throws IOException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String operation = parser.currentName();
      expect(parser.nextToken(), JsonToken.START_OBJECT);
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        if (field.equals("input")) {
          inputs.put(operation, reference(parser));
        } else {
          parser.skipChildren();
        }
      }
    }
  }

  private static void shapes(JsonParser parser, Map<String, Shape> shapes) throws IOException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      expect(parser.nextToken(), JsonToken.START_OBJECT);
      shapes.put(name, shape(parser, name));
    }
  }

  private static Shape shape(JsonParser parser, String name) throws IOException {
    Kind kind = null;
    List<Member> members = List.of();
    Set<String> required = Set.of();
    String element = null;
    String key = null;
    String value = null;
    Long min = null;
    Long max = null;
    PatternConstraint pattern = null;
    List<String> enumValues = List.of();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      parser.nextToken();
      switch (field) {
        case "type" -> kind = Kind.of(parser.getText());
        case "members" -> members = members(parser);
        case "required" -> required = new LinkedHashSet<>(texts(parser));
        case "member" -> element = reference(parser);
        case "key" -> key = reference(parser);
        case "value" -> value = reference(parser);
        case "min" -> min = parser.getDecimalValue().longValue();
        case "max" -> max = parser.getDecimalValue().longValue();
        case "pattern" -> pattern = new PatternConstraint(parser.getText());
        case "enum" -> enumValues = texts(parser);
        default -> parser.skipChildren();
      }
    }
    if (kind == null) {
      throw new IOException("shape " + name + " has no type");
    }
    return new Shape(name, kind, members, required, element, key, value, min, max, pattern, enumValues);
  }

  private static List<Member> members(JsonParser parser) throws IOException {
    List<Member> members = new ArrayList<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      expect(parser.nextToken(), JsonToken.START_OBJECT);
      members.add(new Member(name, referenceFields(parser)));
    }
    return List.copyOf(members);
  }

  /** The {@code shape} of a {@code {"shape": ...}} reference, the parser on its start. */
  private static String reference(JsonParser parser) throws IOException {
    expect(parser.currentToken(), JsonToken.START_OBJECT);
    return referenceFields(parser);
  }

  private static String referenceFields(JsonParser parser) throws IOException {
    String shape = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      parser.nextToken();
      if (field.equals("shape")) {
        shape = parser.getText();
      } else {
        parser.skipChildren();
      }
    }
    return shape;
  }

  private static List<String> texts(JsonParser parser) throws IOException {
    expect(parser.currentToken(), JsonToken.START_ARRAY);
    List<String> texts = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      texts.add(parser.getText());
    }
    return List.copyOf(texts);
  }

  private static void expect(JsonToken actual, JsonToken expected) throws IOException {
    if (actual != expected) {
      throw new IOException("expected " + expected + " in DynamoDB's service model, found " + actual);
    }
  }
}
