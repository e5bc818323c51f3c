package dev.monotable.local.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.monotable.local.protocol.Shape.Member;
import dev.monotable.local.value.ValueJson;
import java.util.Iterator;
import java.util.Map;

/**
 * The first check DynamoDB makes: that every member the model knows has the JSON type of its shape.
 * It reads the request in document order and stops at the first mistake, with DynamoDB's message,
 * which depends on the JSON token found and on where the shape sits: a structure or collection that
 * is a member of a structure is reported differently from one that is an element of a list or a
 * value of a map. Unknown members and JSON nulls are ignored, as DynamoDB ignores them.
 */
final class TypeCheck {
  /** DynamoDB's Java package for its request classes, which its messages name. */
  static final String PACKAGE = "com.amazonaws.dynamodb.v20120810.";
  private static final String MAP_FOUND = "Start of structure or map found where not expected";
  private static final String FIELD_TYPE = "Unexpected field type";
  /** What DynamoDB answers for a scalar where a collection nested in a collection is expected. */
  private static final String NESTED_COLLECTION = "class sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl "
      + "cannot be cast to class java.lang.Class (sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl and "
      + "java.lang.Class are in module java.base of loader 'bootstrap')";

  private final ServiceModel model;

  TypeCheck(ServiceModel model) {
    this.model = model;
  }

  /** Checks the members of {@code object}, a JSON object, against {@code structure}. */
  void structure(Shape structure, JsonNode object) {
    Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      Member member = structure.member(field.getKey());
      if (member != null) {
        value(model.shape(member.shape()), field.getValue(), false);
      }
    }
  }

  /** {@code nested}: the value is an element of a list or a value of a map, not a member of a structure. */
  private void value(Shape shape, JsonNode node, boolean nested) {
    if (node == null || node.isNull()) {
      return;
    }
    switch (shape.kind()) {
      case STRUCTURE -> {
        if (node.isObject()) {
          structure(shape, node);
        } else if (node.isArray()) {
          throw new SerializationError("Unrecognized collection type class " + PACKAGE + shape.name());
        } else {
          throw new SerializationError(nested ? "Unexpected value type in payload" : FIELD_TYPE);
        }
      }
      case LIST -> {
        if (node.isArray()) {
          Shape element = model.shape(shape.element());
          for (JsonNode item : node) {
            value(element, item, true);
          }
        } else if (node.isObject()) {
          throw new SerializationError(MAP_FOUND);
        } else {
          throw new SerializationError(nested ? NESTED_COLLECTION : FIELD_TYPE);
        }
      }
      case MAP -> {
        if (node.isObject()) {
          Shape value = model.shape(shape.value());
          for (JsonNode item : node) {
            value(value, item, true);
          }
        } else if (node.isArray()) {
          throw new SerializationError("Unrecognized collection type " + typeArgument(shape));
        } else {
          throw new SerializationError(nested ? NESTED_COLLECTION : FIELD_TYPE);
        }
      }
      case STRING -> {
        if (!node.isTextual()) {
          throw scalar(node, "String", "java.lang.String");
        }
      }
      case BOOLEAN -> {
        if (node.isTextual()) {
          // an attribute value's BOOL and NULL take a word too ("yes", "no", "1", "0"), as recorded
          boolean attributeFlag = shape.name().equals("BooleanAttributeValue") || shape.name().equals("NullAttributeValue");
          if (attributeFlag && ValueJson.textFlag(node.textValue()) != null) {
            return;
          }
          throw new SerializationError("Unexpected token received from parser");
        } else if (!node.isBoolean()) {
          throw scalar(node, "Boolean", "java.lang.Boolean");
        }
      }
      case INTEGER -> {
        if (!node.isNumber()) {
          throw scalar(node, "Integer", "java.lang.Integer");
        }
      }
      case LONG -> {
        if (!node.isNumber()) {
          throw scalar(node, "Long", "java.lang.Long");
        }
      }
      case DOUBLE -> {
        if (!node.isNumber()) {
          throw scalar(node, "Double", "java.lang.Double");
        }
      }
      case BLOB -> {
        if (node.isTextual()) {
          base64(node.textValue());
        } else if (node.isObject() || node.isArray()) {
          throw scalar(node, "ByteBuffer", "java.nio.ByteBuffer");
        } else {
          throw new SerializationError("only base-64-encoded strings are convertible to bytes");
        }
      }
      case TIMESTAMP -> {
        if (!node.isNumber() && !node.isTextual()) {
          throw scalar(node, "Date", "java.util.Date");
        }
      }
    }
  }

  /** The error for a JSON value of the wrong kind where a scalar of Java type {@code type} is expected. */
  private static SerializationError scalar(JsonNode node, String type, String className) {
    if (node.isObject()) {
      return new SerializationError(MAP_FOUND);
    } else if (node.isArray()) {
      return new SerializationError("Unrecognized collection type class " + className);
    }
    return new SerializationError(token(node) + " cannot be converted to " + type);
  }

  /** The name DynamoDB's parser gives the JSON token of a scalar. */
  private static String token(JsonNode node) {
    if (node.isBoolean()) {
      return node.booleanValue() ? "TRUE_VALUE" : "FALSE_VALUE";
    } else if (node.isIntegralNumber()) {
      return "NUMBER_VALUE";
    } else if (node.isNumber()) {
      return "DECIMAL_VALUE";
    }
    return "STRING_VALUE";
  }

  /** How DynamoDB names a collection's Java type in its messages: {@code java.util.Map<java.lang.String, ...>}. */
  private String typeArgument(Shape shape) {
    return switch (shape.kind()) {
      case STRUCTURE -> PACKAGE + shape.name();
      case LIST -> "java.util.List<" + typeArgument(model.shape(shape.element())) + ">";
      case MAP -> "java.util.Map<java.lang.String, " + typeArgument(model.shape(shape.value())) + ">";
      case STRING -> "java.lang.String";
      case BOOLEAN -> "java.lang.Boolean";
      case INTEGER -> "java.lang.Integer";
      case LONG -> "java.lang.Long";
      case DOUBLE -> "java.lang.Double";
      case BLOB -> "java.nio.ByteBuffer";
      case TIMESTAMP -> "java.util.Date";
    };
  }

  /**
   * Base64 as DynamoDB decodes it: a length that is a multiple of 4, only the alphabet's characters,
   * and no bits set past the last byte in the last character before the padding.
   */
  private static void base64(String text) {
    if (text.length() % 4 != 0) {
      throw new SerializationError("Base64 encoded length is expected a multiple of 4 bytes but found: " + text.length());
    }
    int padding = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
    int end = text.length() - padding;
    for (int i = 0; i < end; i++) {
      if (sextet(text.charAt(i)) < 0) {
        throw new SerializationError("Invalid last non-pad Base64 character dectected");
      }
    }
    if (padding > 0 && end > 0) {
      int unused = padding == 2 ? 0xF : 0x3;
      if ((sextet(text.charAt(end - 1)) & unused) != 0) {
        // DynamoDB's own spelling
        throw new SerializationError("Invalid last non-pad Base64 character dectected");
      }
    }
  }

  private static int sextet(char c) {
    if (c >= 'A' && c <= 'Z') {
      return c - 'A';
    } else if (c >= 'a' && c <= 'z') {
      return c - 'a' + 26;
    } else if (c >= '0' && c <= '9') {
      return c - '0' + 52;
    } else if (c == '+') {
      return 62;
    } else if (c == '/') {
      return 63;
    }
    return -1;
  }
}
