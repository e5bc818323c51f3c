package dev.monotable.runtime;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The sort-key part of a key condition, with an optional sort key to leave out: an exclusive bound
 * that DynamoDB's inclusive {@code BETWEEN} cannot express, and that a filter cannot either (filters
 * may not name key attributes), so the runner drops that one item from what comes back.
 */
record SortKeyCondition(String expression, Map<String, AttributeValue> values, AttributeValue excluded) {
  static final String SK = "#sk";

  static SortKeyCondition none() {
    return new SortKeyCondition(null, Map.of(), null);
  }

  static SortKeyCondition equalTo(AttributeValue value) {
    return new SortKeyCondition(SK + " = :sk", Map.of(":sk", value), null);
  }

  static SortKeyCondition beginsWith(AttributeValue prefix) {
    return new SortKeyCondition("begins_with(" + SK + ", :sk)", Map.of(":sk", prefix), null);
  }

  static SortKeyCondition compare(String operator, AttributeValue value) {
    return new SortKeyCondition(SK + " " + operator + " :sk", Map.of(":sk", value), null);
  }

  static SortKeyCondition between(AttributeValue low, AttributeValue high) {
    return new SortKeyCondition(SK + " BETWEEN :sk AND :sk2", Map.of(":sk", low, ":sk2", high), null);
  }

  /** This condition, with items whose sort key is exactly {@code value} filtered out. */
  SortKeyCondition excluding(AttributeValue value) {
    return new SortKeyCondition(expression, values, value);
  }
}
