package dev.monotable.runtime.internal;

import dev.monotable.runtime.Condition;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A condition rendered for a request of its own: the expression text and its placeholders. Values
 * are null when there are none, as DynamoDB refuses an empty value map.
 */
public record RenderedCondition(String expression, Map<String, String> names, Map<String, AttributeValue> values) {
  public static RenderedCondition of(Condition condition) {
    Map<String, String> names = new HashMap<>();
    Map<String, AttributeValue> values = new HashMap<>();
    String expression = ExpressionCondition.of(condition).render(new Expression("c", names, values));
    return new RenderedCondition(expression, names, values.isEmpty() ? null : values);
  }
}
