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
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the parameters of a JSON request, with DynamoDB's errors for missing or malformed ones. */
final class Requests {
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
    LegacyParameters.refuseMixed(request);
    boolean anyExpression = false;
    for (String field : expressionFields) {
      anyExpression |= request.hasNonNull(field);
    }
    JsonNode names = request.get("ExpressionAttributeNames");
    JsonNode values = request.get("ExpressionAttributeValues");
    if (names != null && !names.isNull()) {
      if (!anyExpression) {
        throw DynamoError.validation("ExpressionAttributeNames can only be specified when using expressions");
      }
      if (names.size() == 0) {
        throw DynamoError.validation("ExpressionAttributeNames must not be empty");
      }
    }
    if (values != null && !values.isNull()) {
      if (!anyExpression) {
        throw DynamoError.validation("ExpressionAttributeValues can only be specified when using expressions");
      }
      if (values.size() == 0) {
        throw DynamoError.validation("ExpressionAttributeValues must not be empty");
      }
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
    Map<String, Value> valueMap = values == null || values.isNull() ? Map.of() : ValueJson.readItem(values);
    return new Placeholders(nameMap, valueMap);
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
