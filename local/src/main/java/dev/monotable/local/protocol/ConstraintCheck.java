package dev.monotable.local.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.monotable.local.protocol.Shape.Kind;
import dev.monotable.local.protocol.Shape.Member;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The second check DynamoDB makes, on a request whose JSON types are right: every constraint the
 * model declares (required, length, range, pattern, enum), every violation collected, in the
 * model's member order, each worded as DynamoDB words it: {@code Value 'ab' at 'tableName' failed to
 * satisfy constraint: Member must have length greater than or equal to 3}.
 *
 * <p>Paths name members in camelCase, a list's element by its 1-based position and a map's value by
 * its key, each followed by {@code .member}: {@code transactItems.1.member.put.tableName},
 * {@code requestItems.Orders.member.keys}. The constraints of a map's keys or values, and of a list's
 * scalar elements, are reported once for the whole collection, listing all of them:
 * {@code Map value must satisfy constraint: [Member must have length less than or equal to 25, ...]}.
 */
final class ConstraintCheck {
  /**
   * The order in which DynamoDB lists some enum value sets in its messages, which is not the model's;
   * as observed in DynamoDB's answers. Used only while the model's set is the same; any other enum
   * is listed in the model's order.
   */
  private static final Map<String, List<String>> ENUM_ORDER = Map.of(
      "ReturnValue", List.of("ALL_NEW", "UPDATED_OLD", "ALL_OLD", "NONE", "UPDATED_NEW"),
      "Select", List.of("SPECIFIC_ATTRIBUTES", "COUNT", "ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES"),
      "ScalarAttributeType", List.of("B", "N", "S"),
      "ProjectionType", List.of("ALL", "INCLUDE", "KEYS_ONLY"),
      "ComparisonOperator", List.of("IN", "NULL", "BETWEEN", "LT", "NOT_CONTAINS", "EQ", "GT", "NOT_NULL", "NE", "LE",
          "BEGINS_WITH", "GE", "CONTAINS"));

  private static final String TABLE_ARN = "TableArn";
  private static final String TABLE_NAME = "TableName";

  private final ServiceModel model;
  private final List<String> violations = new ArrayList<>();

  ConstraintCheck(ServiceModel model) {
    this.model = model;
  }

  /** Every violation in {@code request} of {@code input}'s constraints, as DynamoDB words each. */
  List<String> violations(Shape input, JsonNode request) {
    structure(input, request, "");
    return violations;
  }

  private void structure(Shape shape, JsonNode node, String prefix) {
    for (Member member : shape.members()) {
      String path = prefix + Character.toLowerCase(member.name().charAt(0)) + member.name().substring(1);
      JsonNode value = node.get(member.name());
      Shape memberShape = named(model.shape(member.shape()), value);
      if (value == null || value.isNull()) {
        if (shape.required().contains(member.name())) {
          violation(memberShape, null, path, "Member must not be null");
        }
      } else if (model.constrained(memberShape)) {
        for (String rule : broken(memberShape, value)) {
          violation(memberShape, value, path, rule);
        }
        inside(memberShape, value, path);
      }
    }
  }

  /** The constraints of what {@code node} holds: a structure's members, a list's elements, a map's keys and values. */
  private void inside(Shape shape, JsonNode node, String path) {
    switch (shape.kind()) {
      case STRUCTURE -> structure(shape, node, path + ".");
      case LIST -> {
        Shape element = model.shape(shape.element());
        if (!model.constrained(element)) {
          return;
        }
        boolean broken = false;
        for (JsonNode item : node) {
          broken |= !item.isNull() && !broken(element, item).isEmpty();
        }
        if (broken) {
          violation(shape, node, path, "Member must satisfy constraint: " + all(element));
        }
        int position = 0;
        for (JsonNode item : node) {
          position++;
          if (!item.isNull()) {
            inside(element, item, path + "." + position + ".member");
          }
        }
      }
      case MAP -> {
        Shape key = model.shape(shape.key());
        Shape value = model.shape(shape.value());
        Shape keyRules = key;
        boolean brokenKey = false;
        boolean brokenValue = false;
        Iterator<Map.Entry<String, JsonNode>> entries = node.fields();
        while (entries.hasNext()) {
          Map.Entry<String, JsonNode> entry = entries.next();
          TextNode name = TextNode.valueOf(entry.getKey());
          Shape keyShape = named(key, name);
          if (!broken(keyShape, name).isEmpty()) {
            brokenKey = true;
            keyRules = keyShape;
          }
          brokenValue |= !entry.getValue().isNull() && !broken(value, entry.getValue()).isEmpty();
        }
        if (brokenKey) {
          violation(shape, node, path, "Map keys must satisfy constraint: " + all(keyRules));
        }
        if (brokenValue) {
          violation(shape, node, path, "Map value must satisfy constraint: " + all(value));
        }
        if (model.constrained(value)) {
          entries = node.fields();
          while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            if (!entry.getValue().isNull()) {
              inside(value, entry.getValue(), path + "." + entry.getKey() + ".member");
            }
          }
        }
      }
      default -> {
        // a scalar holds nothing
      }
    }
  }

  /**
   * The shape a table's name is checked against. The model types every {@code TableName} (and the
   * batches' table keys) as {@code TableArn}, 1 to 1024 characters, since a table ARN is accepted
   * too; a plain name is still held to a table name's constraints (3 to 255 characters of
   * {@code [a-zA-Z0-9_.-]}), which DynamoDB reports as {@code TableName}'s.
   */
  private Shape named(Shape shape, JsonNode node) {
    if (shape != null && TABLE_ARN.equals(shape.name()) && node != null && node.isTextual()
        && !node.textValue().startsWith("arn:")) {
      Shape name = model.shape(TABLE_NAME);
      return name == null ? shape : name;
    }
    return shape;
  }

  /** The constraints of {@code shape} itself that {@code node} breaks, in DynamoDB's order. */
  private List<String> broken(Shape shape, JsonNode node) {
    List<String> broken = new ArrayList<>(1);
    if (shape.pattern() != null && node.isTextual() && !shape.pattern().matches(node.textValue())) {
      broken.add(patternRule(shape));
    }
    if (shape.kind().numeric()) {
      double number = node.asDouble();
      if (shape.min() != null && number < shape.min()) {
        broken.add(minRule(shape));
      }
      if (shape.max() != null && number > shape.max()) {
        broken.add(maxRule(shape));
      }
    } else if (shape.min() != null || shape.max() != null) {
      long length = length(shape, node);
      if (shape.min() != null && length < shape.min()) {
        broken.add(minRule(shape));
      }
      if (shape.max() != null && length > shape.max()) {
        broken.add(maxRule(shape));
      }
    }
    if (!shape.enumValues().isEmpty() && node.isTextual() && !shape.enumValues().contains(node.textValue())) {
      broken.add(enumRule(shape));
    }
    return broken;
  }

  /** Every constraint of {@code shape}, as DynamoDB lists them for a collection's keys, values or elements. */
  private static String all(Shape shape) {
    StringJoiner rules = new StringJoiner(", ", "[", "]");
    if (shape.max() != null) {
      rules.add(maxRule(shape));
    }
    if (shape.min() != null) {
      rules.add(minRule(shape));
    }
    if (shape.pattern() != null) {
      rules.add(patternRule(shape));
    }
    if (!shape.enumValues().isEmpty()) {
      rules.add(enumRule(shape));
    }
    return rules.toString();
  }

  private static String minRule(Shape shape) {
    return "Member must have " + (shape.kind().numeric() ? "value" : "length") + " greater than or equal to "
        + shape.min();
  }

  private static String maxRule(Shape shape) {
    return "Member must have " + (shape.kind().numeric() ? "value" : "length") + " less than or equal to "
        + shape.max();
  }

  private static String patternRule(Shape shape) {
    return "Member must satisfy regular expression pattern: " + shape.pattern().regex();
  }

  private static String enumRule(Shape shape) {
    List<String> order = ENUM_ORDER.get(shape.name());
    List<String> values = order != null && new HashSet<>(order).equals(new HashSet<>(shape.enumValues()))
        ? order : shape.enumValues();
    return "Member must satisfy enum value set: " + values;
  }

  /** A string's characters, a blob's bytes, a list's elements or a map's entries. */
  private static long length(Shape shape, JsonNode node) {
    if (node.isTextual()) {
      return shape.kind() == Kind.BLOB ? decodedLength(node.textValue()) : node.textValue().length();
    }
    return node.size();
  }

  private static long decodedLength(String base64) {
    int padding = base64.endsWith("==") ? 2 : base64.endsWith("=") ? 1 : 0;
    return base64.length() / 4 * 3L - padding;
  }

  private void violation(Shape shape, JsonNode node, String path, String rule) {
    String value = node == null ? "null" : "'" + render(shape, node) + "'";
    violations.add("Value " + value + " at '" + path + "' failed to satisfy constraint: " + rule);
  }

  /**
   * A value as DynamoDB prints it: as its Java object's {@code toString}: strings and numbers as
   * they are, lists as {@code [a, b]}, maps as {@code {k=v}}, attribute values as {@code {S: a,}}
   * and other structures as a class name and a hash ({@code ...WriteRequest@1b2c3d}).
   */
  private String render(Shape shape, JsonNode node) {
    if (node == null || node.isNull()) {
      return "null";
    }
    switch (shape.kind()) {
      case LIST -> {
        Shape element = model.shape(shape.element());
        StringJoiner items = new StringJoiner(", ", "[", "]");
        node.forEach(item -> items.add(render(element, item)));
        return items.toString();
      }
      case MAP -> {
        Shape value = model.shape(shape.value());
        StringJoiner entries = new StringJoiner(", ", "{", "}");
        node.fields().forEachRemaining(entry -> entries.add(entry.getKey() + "=" + render(value, entry.getValue())));
        return entries.toString();
      }
      case STRUCTURE -> {
        if (shape.name().equals("AttributeValue")) {
          StringBuilder value = new StringBuilder("{");
          node.fields().forEachRemaining(entry -> {
            Member member = shape.member(entry.getKey());
            if (member != null) {
              value.append(entry.getKey()).append(": ").append(render(model.shape(member.shape()), entry.getValue()))
                  .append(',');
            }
          });
          return value.append('}').toString();
        }
        return TypeCheck.PACKAGE + shape.name() + "@" + Integer.toHexString(node.hashCode());
      }
      case INTEGER, LONG -> {
        return Long.toString(node.asLong());
      }
      default -> {
        return node.asText();
      }
    }
  }
}
