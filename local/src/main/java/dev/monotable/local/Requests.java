package dev.monotable.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.monotable.local.expression.Condition;
import dev.monotable.local.expression.Expressions;
import dev.monotable.local.expression.Placeholders;
import dev.monotable.local.expression.Projection;
import dev.monotable.local.legacy.LegacyConditions;
import dev.monotable.local.legacy.LegacyParameters;
import dev.monotable.local.legacy.LegacyProjection;
import dev.monotable.local.value.DynamoError;
import dev.monotable.local.value.Value;
import dev.monotable.local.value.ValueJson;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads the parameters of a JSON request, with DynamoDB's errors for missing or malformed ones. */
final class Requests {
  private static final Pattern NAME_KEY = Pattern.compile("#[A-Za-z0-9_]+");
  private static final Pattern VALUE_KEY = Pattern.compile(":[A-Za-z0-9_]+");

  private Requests() {}

  /** A required string parameter. */
  static String required(JsonNode request, String field) {
    JsonNode node = request.get(field);
    if (node == null || node.isNull() || !node.isTextual()) {
      throw DynamoError.validation("1 validation error detected: Value null at '" + decapitalize(field)
          + "' failed to satisfy constraint: Member must not be null");
    }
    return node.asText();
  }

  static String tableName(JsonNode request) {
    return required(request, "TableName");
  }

  /** An optional string parameter, or {@code fallback}. */
  static String text(JsonNode request, String field, String fallback) {
    JsonNode node = request.get(field);
    return node == null || node.isNull() ? fallback : node.asText();
  }

  static boolean flag(JsonNode request, String field) {
    JsonNode node = request.get(field);
    return node != null && node.asBoolean();
  }

  /** An item or key; required. */
  static Map<String, Value> item(JsonNode request, String field) {
    JsonNode node = request.get(field);
    if (node == null || node.isNull()) {
      throw DynamoError.validation("1 validation error detected: Value null at '" + decapitalize(field)
          + "' failed to satisfy constraint: Member must not be null");
    }
    return attributes(node);
  }

  /** An item or key read from {@code node}, refused when one of its attribute names is empty. */
  static Map<String, Value> attributes(JsonNode node) {
    Map<String, Value> attributes = ValueJson.readItem(node);
    if (attributes.containsKey("")) {
      throw DynamoError.validation("Empty attribute name");
    }
    return attributes;
  }

  /**
   * The request's ExpressionAttributeNames and ExpressionAttributeValues, refused when given
   * without any expression, or given empty; refuses legacy parameters beside expressions.
   */
  static Placeholders placeholders(JsonNode request, String... expressionFields) {
    expressionParameters(request, expressionFields);
    JsonNode names = request.get("ExpressionAttributeNames");
    JsonNode values = request.get("ExpressionAttributeValues");
    if (names != null && !names.isNull()) {
      if (names.size() == 0) {
        throw DynamoError.validation("ExpressionAttributeNames must not be empty");
      }
      checkPlaceholderKeys(names, NAME_KEY, "ExpressionAttributeNames");
    }
    if (values != null && !values.isNull()) {
      if (values.size() == 0) {
        throw DynamoError.validation("ExpressionAttributeValues must not be empty");
      }
      checkPlaceholderKeys(values, VALUE_KEY, "ExpressionAttributeValues");
    }
    Map<String, String> nameMap = new LinkedHashMap<>();
    if (names != null && names.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = names.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> entry = fields.next();
        String name = entry.getValue().asText();
        if (name.isEmpty()) {
          throw DynamoError.validation("ExpressionAttributeNames contains invalid value: Empty attribute name for key "
              + entry.getKey());
        }
        nameMap.put(entry.getKey(), name);
      }
    }
    Map<String, Value> valueMap = values == null || values.isNull() ? Map.of() : expressionValues(values);
    return new Placeholders(nameMap, valueMap);
  }

  /** ExpressionAttributeValues read, a refused value named by its key as DynamoDB does. */
  private static Map<String, Value> expressionValues(JsonNode values) {
    Map<String, Value> read = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = values.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> entry = fields.next();
      try {
        read.put(entry.getKey(), ValueJson.read(entry.getValue()));
      } catch (DynamoError e) {
        if (!e.type().equals("ValidationException")) {
          throw e;
        }
        throw DynamoError.validation("ExpressionAttributeValues contains invalid value: " + e.getMessage()
            + " for key " + entry.getKey());
      }
    }
    return read;
  }

  /** Refuses a placeholder other than {@code #} (names) or {@code :} (values) and then letters, digits or {@code _}. */
  private static void checkPlaceholderKeys(JsonNode map, Pattern form, String field) {
    Iterator<String> keys = map.fieldNames();
    while (keys.hasNext()) {
      String key = keys.next();
      if (!form.matcher(key).matches()) {
        throw DynamoError.validation(field + " contains invalid key: Syntax error; key: \"" + key + "\"");
      }
    }
  }

  /**
   * DynamoDB's first check of a request's expression parameters, before its attribute values:
   * legacy parameters beside expressions, and ExpressionAttributeNames or ExpressionAttributeValues
   * without an expression that could use them ({@code expressionFields} in DynamoDB's order, which
   * its message follows: "UpdateExpression and ConditionExpression are null").
   */
  static void expressionParameters(JsonNode request, String... expressionFields) {
    LegacyParameters.refuseMixed(request);
    boolean anyExpression = false;
    List<String> valueFields = new ArrayList<>();
    boolean anyValueExpression = false;
    for (String field : expressionFields) {
      anyExpression |= request.hasNonNull(field);
      if (!field.equals("ProjectionExpression")) {
        valueFields.add(field);
        anyValueExpression |= request.hasNonNull(field);
      }
    }
    if (request.hasNonNull("ExpressionAttributeNames") && !anyExpression) {
      throw DynamoError.validation("ExpressionAttributeNames can only be specified when using expressions");
    }
    if (request.hasNonNull("ExpressionAttributeValues")) {
      if (valueFields.isEmpty() && !anyExpression) {
        throw DynamoError.validation("ExpressionAttributeValues can only be specified when using expressions");
      } else if (!valueFields.isEmpty() && !anyValueExpression) {
        throw DynamoError.validation("ExpressionAttributeValues can only be specified when using expressions: "
            + String.join(" and ", valueFields) + (valueFields.size() > 1 ? " are" : " is") + " null");
      }
    }
  }

  /** The request's ProjectionExpression (or legacy AttributesToGet), parsed, or null when it has none. */
  static Projection projection(JsonNode request, Placeholders placeholders) {
    String text = text(request, "ProjectionExpression", null);
    return text == null ? LegacyProjection.attributesToGet(request.get("AttributesToGet"))
        : Expressions.projection(text, placeholders);
  }

  /**
   * The request's {@code field} (ConditionExpression or FilterExpression), parsed, or else its
   * legacy counterpart (Expected, or QueryFilter or ScanFilter); null when it has neither.
   */
  static Condition condition(JsonNode request, String field, Placeholders placeholders) {
    String text = text(request, field, null);
    if (text != null) {
      return Expressions.condition(text, field, placeholders);
    }
    JsonNode operator = request.get("ConditionalOperator");
    if (field.equals("ConditionExpression")) {
      return LegacyConditions.expected(request.get("Expected"), operator);
    }
    String legacy = request.hasNonNull("QueryFilter") ? "QueryFilter" : "ScanFilter";
    return LegacyConditions.filter(request.get(legacy), legacy, operator);
  }

  /** An optional string parameter whose length must lie within {@code min} and {@code max}; null when absent. */
  static String boundedText(JsonNode request, String field, int min, int max) {
    String value = text(request, field, null);
    if (value == null) {
      return null;
    }
    int length = value.length();
    if (length < min || length > max) {
      throw DynamoError.validation("1 validation error detected: Value '" + value + "' at '" + decapitalize(field)
          + "' failed to satisfy constraint: Member must have length "
          + (length < min ? "greater than or equal to " + min : "less than or equal to " + max));
    }
    return value;
  }

  /** One of the allowed values of an enum parameter, or {@code fallback} when absent. */
  static String choice(JsonNode request, String field, String fallback, String... allowed) {
    String value = text(request, field, fallback);
    for (String option : allowed) {
      if (option.equals(value)) {
        return value;
      }
    }
    throw DynamoError.validation("1 validation error detected: Value '" + value + "' at '" + decapitalize(field)
        + "' failed to satisfy constraint: Member must satisfy enum value set: " + String.join(", ", allowed));
  }

  private static String decapitalize(String field) {
    return Character.toLowerCase(field.charAt(0)) + field.substring(1);
  }
}
