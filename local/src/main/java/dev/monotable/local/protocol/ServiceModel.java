package dev.monotable.local.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.monotable.local.protocol.Shape.Kind;
import dev.monotable.local.protocol.Shape.Member;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One service's model file as AWS publishes it ({@code dynamodb-2012-08-10-model.json}, and the
 * Streams one): its target prefix, each operation's input shape and every shape. Read with Jackson's
 * streaming parser, skipping the documentation that is most of the file.
 */
final class ServiceModel {
  private static final JsonFactory FACTORY = new JsonFactory();

  private final String targetPrefix;
  private final Map<String, String> inputs;
  private final Map<String, Shape> shapes;
  /** The shapes under which some constraint is declared: the constraint check skips the others (attribute values). */
  private final Set<String> constrained;

  private ServiceModel(String targetPrefix, Map<String, String> inputs, Map<String, Shape> shapes) {
    this.targetPrefix = targetPrefix;
    this.inputs = inputs;
    this.shapes = shapes;
    this.constrained = constrained(shapes);
  }

  /** Reads the model file at {@code resource}, beside this class. */
  static ServiceModel read(String resource) {
    try (InputStream in = ServiceModel.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("DynamoDB's service model " + resource + " is missing from the classpath: "
            + "the Maven build of monotable-local copies it there (maven-dependency-plugin, generate-resources)");
      }
      try (JsonParser parser = FACTORY.createParser(in)) {
        return read(parser);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read DynamoDB's service model " + resource, e);
    }
  }

  String targetPrefix() {
    return targetPrefix;
  }

  /** The input shape of {@code operation}, or null when the model has no such operation. */
  Shape input(String operation) {
    String name = inputs.get(operation);
    return name == null ? null : shape(name);
  }

  Shape shape(String name) {
    Shape shape = shapes.get(name);
    if (shape == null) {
      throw new IllegalStateException("DynamoDB's service model has no shape " + name);
    }
    return shape;
  }

  /** Whether a constraint is declared on {@code shape} or on any shape inside it. */
  boolean constrained(Shape shape) {
    return constrained.contains(shape.name());
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

  /** The shapes that declare a constraint or hold one that does, to a fixed point (shapes may nest themselves). */
  private static Set<String> constrained(Map<String, Shape> shapes) {
    Set<String> constrained = new HashSet<>();
    for (Shape shape : shapes.values()) {
      if (!shape.required().isEmpty() || shape.min() != null || shape.max() != null || shape.pattern() != null
          || !shape.enumValues().isEmpty()) {
        constrained.add(shape.name());
      }
    }
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Shape shape : shapes.values()) {
        if (!constrained.contains(shape.name()) && holdsAny(shape, constrained)) {
          grew = constrained.add(shape.name());
        }
      }
    }
    return Set.copyOf(constrained);
  }

  private static boolean holdsAny(Shape shape, Set<String> constrained) {
    for (Member member : shape.members()) {
      if (constrained.contains(member.shape())) {
        return true;
      }
    }
    return constrained.contains(shape.element()) || constrained.contains(shape.key())
        || constrained.contains(shape.value());
  }
}
