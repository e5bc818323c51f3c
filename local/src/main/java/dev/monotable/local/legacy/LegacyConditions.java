package dev.monotable.local.legacy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.monotable.local.expression.Condition;
import dev.monotable.local.expression.Expressions;
import dev.monotable.local.expression.KeyCondition;
import dev.monotable.local.expression.SortKeyCondition;
import dev.monotable.local.value.DynamoError;
import dev.monotable.local.value.Value;
import dev.monotable.local.value.ValueJson;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * KeyConditions, QueryFilter, ScanFilter and Expected (with ConditionalOperator): each checked with
 * DynamoDB's messages, then translated into the condition expression it stands for.
 */
public final class LegacyConditions {
  private static final String INVALID = "One or more parameter values were invalid: ";
  /** The operators a key condition cannot use on any key attribute. */
  private static final Set<ComparisonOperator> NOT_INDEXABLE = Set.of(ComparisonOperator.NULL,
      ComparisonOperator.NOT_NULL, ComparisonOperator.NE, ComparisonOperator.CONTAINS,
      ComparisonOperator.NOT_CONTAINS, ComparisonOperator.IN);

  private LegacyConditions() {}

  /** One attribute's operator and values. */
  private record Comparison(String attribute, ComparisonOperator operator, List<Value> values) {}

  /**
   * A QueryFilter or ScanFilter ({@code parameter} names it; {@code filter} null when absent),
   * combined by the request's ConditionalOperator; null when there is no filter.
   */
  public static Condition filter(JsonNode filter, String parameter, JsonNode conditionalOperator) {
    String joiner = conditionalOperator(conditionalOperator, filter);
    if (filter == null || filter.isNull() || filter.size() == 0) {
      return null;
    }
    List<Comparison> comparisons = new ArrayList<>();
    String path = Character.toLowerCase(parameter.charAt(0)) + parameter.substring(1);
    Iterator<Map.Entry<String, JsonNode>> fields = filter.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      comparisons.add(condition(field.getKey(), field.getValue(), path, true));
    }
    return translate(comparisons, joiner, "FilterExpression");
  }

  /** An Expected map combined by ConditionalOperator; null when there is none. */
  public static Condition expected(JsonNode expected, JsonNode conditionalOperator) {
    String joiner = conditionalOperator(conditionalOperator, expected);
    if (expected == null || expected.isNull() || expected.size() == 0) {
      return null;
    }
    List<Comparison> comparisons = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      comparisons.add(expectation(field.getKey(), field.getValue()));
    }
    return translate(comparisons, joiner, "ConditionExpression");
  }

  /**
   * A Query's KeyConditions, checked against the key schema of the table or index queried
   * ({@code sortKey} and {@code sortType} null when it has no sort key).
   */
  public static KeyCondition keyConditions(JsonNode keyConditions, String partitionKey, String partitionType,
      String sortKey, String sortType) {
    Map<String, Comparison> comparisons = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = keyConditions.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      comparisons.put(field.getKey(), condition(field.getKey(), field.getValue(), "keyConditions", true));
    }
    if (sortKey == null && comparisons.size() > 1) {
      throw DynamoError.validation("Query key condition not supported");
    }
    Comparison partition = comparisons.get(partitionKey);
    if (partition == null) {
      throw DynamoError.validation("Query condition missed key schema element: " + partitionKey);
    }
    checkKeyPart(partition, partitionType);
    if (partition.operator() != ComparisonOperator.EQ) {
      throw DynamoError.validation("Query key condition not supported");
    }
    Comparison sort = sortKey == null ? null : comparisons.get(sortKey);
    if (sort == null && comparisons.size() > 1) {
      throw DynamoError.validation("Query condition missed key schema element: " + sortKey);
    }
    if (comparisons.size() > 2) {
      throw DynamoError.validation("Conditions can be of length 1 or 2 only");
    }
    SortKeyCondition sortCondition = null;
    if (sort != null) {
      checkKeyPart(sort, sortType);
      List<Value> values = sort.values();
      sortCondition = new SortKeyCondition(sortKey, SortKeyCondition.Operator.valueOf(sort.operator().name()),
          values.get(0), values.size() > 1 ? values.get(1) : null);
    }
    return new KeyCondition(partitionKey, partition.values().get(0), Optional.ofNullable(sortCondition));
  }

  /** One condition of a Query's KeyConditions: the attribute, the ComparisonOperator's name and its values. */
  public record KeyPart(String attribute, String operator, List<Value> values) {}

  /**
   * A Query's KeyConditions checked as DynamoDB checks them before it looks at the table: each
   * condition's values, their number and types, then the number of conditions (one or two).
   */
  public static List<KeyPart> keyConditionParts(JsonNode keyConditions) {
    List<KeyPart> parts = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> fields = keyConditions.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      Comparison comparison = condition(field.getKey(), field.getValue(), "keyConditions", true);
      parts.add(new KeyPart(comparison.attribute(), comparison.operator().name(), comparison.values()));
    }
    if (parts.size() != 1 && parts.size() != 2) {
      throw DynamoError.validation("Conditions can be of length 1 or 2 only");
    }
    return parts;
  }

  private static void checkKeyPart(Comparison comparison, String type) {
    if (NOT_INDEXABLE.contains(comparison.operator())) {
      throw DynamoError.validation("Attempted conditional constraint is not an indexable operation");
    }
    for (Value value : comparison.values()) {
      if (!value.type().equals(type)) {
        throw DynamoError.validation(INVALID + "Condition parameter type does not match schema type");
      }
    }
  }

  /** AND or OR, checked to come with a map of two or more conditions. */
  private static String conditionalOperator(JsonNode node, JsonNode conditions) {
    if (node == null || node.isNull()) {
      return "AND";
    }
    String value = node.asText();
    if (!value.equals("AND") && !value.equals("OR")) {
      throw DynamoError.validation("1 validation error detected: Value '" + value + "' at 'conditionalOperator' failed "
          + "to satisfy constraint: Member must satisfy enum value set: [AND, OR]");
    }
    if (conditions == null || conditions.isNull()) {
      throw DynamoError.validation("ConditionalOperator cannot be used without Filter or Expected");
    }
    if (conditions.size() < 2) {
      throw DynamoError.validation("ConditionalOperator can only be used when Filter or Expected has two or more elements");
    }
    return value;
  }

  /** One Condition of a filter or of KeyConditions: a ComparisonOperator and its AttributeValueList. */
  private static Comparison condition(String attribute, JsonNode condition, String parameter, boolean checkTypes) {
    ComparisonOperator operator = ComparisonOperator.named(text(condition, "ComparisonOperator"),
        parameter + "." + attribute + ".member.comparisonOperator");
    List<Value> values = values(condition.get("AttributeValueList"));
    operator.checkCount(values.size());
    operator.checkValues(values, checkTypes);
    return new Comparison(attribute, operator, values);
  }

  /** One ExpectedAttributeValue: either Value and Exists, or ComparisonOperator and AttributeValueList (or Value). */
  private static Comparison expectation(String attribute, JsonNode expectation) {
    boolean hasList = expectation.hasNonNull("AttributeValueList");
    boolean hasValue = expectation.hasNonNull("Value");
    boolean hasExists = expectation.hasNonNull("Exists");
    if (hasList && hasValue) {
      throw DynamoError.validation(INVALID + "Value and AttributeValueList cannot be used together for Attribute: "
          + attribute);
    }
    if (expectation.hasNonNull("ComparisonOperator")) {
      ComparisonOperator operator = ComparisonOperator.named(text(expectation, "ComparisonOperator"),
          "expected." + attribute + ".member.comparisonOperator");
      if (hasExists) {
        throw DynamoError.validation(INVALID + "Exists and ComparisonOperator cannot be used together for Attribute: "
            + attribute);
      }
      if (operator != ComparisonOperator.NULL && operator != ComparisonOperator.NOT_NULL && !hasList && !hasValue) {
        throw DynamoError.validation(INVALID + "Value or AttributeValueList must be used with ComparisonOperator: "
            + operator + " for Attribute: " + attribute);
      }
      List<Value> values = hasValue ? List.of(ValueJson.read(expectation.get("Value")))
          : values(expectation.get("AttributeValueList"));
      operator.checkCount(values.size());
      operator.checkValues(values, false);
      return new Comparison(attribute, operator, values);
    }
    if (hasList) {
      throw DynamoError.validation(INVALID + "AttributeValueList can only be used with a ComparisonOperator for Attribute: "
          + attribute);
    }
    boolean exists = !hasExists || expectation.get("Exists").asBoolean();
    if (exists && !hasValue) {
      throw DynamoError.validation(INVALID + "Value must be provided when Exists is " + (hasExists ? "true" : "null")
          + " for Attribute: " + attribute);
    }
    if (!exists && hasValue) {
      throw DynamoError.validation(INVALID + "Value cannot be used when Exists is false for Attribute: " + attribute);
    }
    return exists
        ? new Comparison(attribute, ComparisonOperator.EQ, List.of(ValueJson.read(expectation.get("Value"))))
        : new Comparison(attribute, ComparisonOperator.NULL, List.of());
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static List<Value> values(JsonNode list) {
    List<Value> values = new ArrayList<>();
    if (list != null && !list.isNull()) {
      for (JsonNode element : list) {
        values.add(ValueJson.read(element));
      }
    }
    return values;
  }

  /** The comparisons joined by AND or OR, as the condition expression they stand for. */
  private static Condition translate(List<Comparison> comparisons, String joiner, String parameter) {
    Placeholding text = new Placeholding();
    List<String> parts = new ArrayList<>();
    for (Comparison comparison : comparisons) {
      String name = text.name(comparison.attribute());
      List<String> refs = new ArrayList<>();
      for (Value value : comparison.values()) {
        refs.add(text.value(value));
      }
      parts.add(comparison.operator().expression(name, refs));
    }
    return Expressions.condition(String.join(" " + joiner + " ", parts), parameter, text.placeholders());
  }
}
