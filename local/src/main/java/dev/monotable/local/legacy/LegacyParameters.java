package dev.monotable.local.legacy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.monotable.local.value.DynamoError;
import java.util.ArrayList;
import java.util.List;

/** The rule that one request uses either the legacy parameters or the expression ones, never both. */
public final class LegacyParameters {
  /** In the order DynamoDB lists them in its message. */
  private static final List<String> LEGACY = List.of("AttributesToGet", "ScanFilter", "QueryFilter",
      "AttributeUpdates", "Expected", "ConditionalOperator", "KeyConditions");
  private static final List<String> EXPRESSIONS = List.of("ProjectionExpression", "FilterExpression",
      "KeyConditionExpression", "UpdateExpression", "ConditionExpression");

  private LegacyParameters() {}

  /**
   * Refuses a request that carries both kinds. KeyConditions counts only beside a
   * KeyConditionExpression: a Query may pair KeyConditions with a FilterExpression.
   */
  public static void refuseMixed(JsonNode request) {
    List<String> expressions = present(request, EXPRESSIONS);
    if (expressions.isEmpty()) {
      return;
    }
    List<String> legacy = present(request, LEGACY);
    if (!request.hasNonNull("KeyConditionExpression")) {
      legacy.remove("KeyConditions");
    }
    if (!legacy.isEmpty()) {
      throw DynamoError.validation("Can not use both expression and non-expression parameters in the same request: "
          + "Non-expression parameters: {" + String.join(", ", legacy) + "} Expression parameters: {"
          + String.join(", ", expressions) + "}");
    }
  }

  private static List<String> present(JsonNode request, List<String> fields) {
    List<String> present = new ArrayList<>();
    for (String field : fields) {
      if (request.hasNonNull(field)) {
        present.add(field);
      }
    }
    return present;
  }
}
