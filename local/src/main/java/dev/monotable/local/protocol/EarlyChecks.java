package dev.monotable.local.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.monotable.local.value.DynamoError;
import java.util.Set;

/**
 * The checks DynamoDB makes after the JSON types and before the members' declared constraints,
 * each answered alone, in words of its own:
 *
 * <ul>
 *   <li>the operations on a table itself (CreateTable, DescribeTable, UpdateTable, DeleteTable and
 *       the time-to-live ones) refuse a missing table name, or one shorter than 3 or longer than 255
 *       characters; only a name of the right length with a wrong character is reported among the
 *       constraint violations (the item operations report all of it there);
 *   <li>UpdateTimeToLive refuses an empty attribute name;
 *   <li>the tagging operations refuse a missing ResourceArn, and IAM refuses one that does not look
 *       like an ARN with a resource path ({@code a:b:c:d:e:f/g}), naming it (or {@code *} when empty).
 * </ul>
 */
final class EarlyChecks {
  private static final Set<String> TABLE_OPERATIONS = Set.of("CreateTable", "DescribeTable", "UpdateTable",
      "DeleteTable", "UpdateTimeToLive", "DescribeTimeToLive");
  private static final Set<String> TAG_OPERATIONS = Set.of("TagResource", "UntagResource", "ListTagsOfResource");
  /** Who IAM names as the caller when no principal is configured: the engine's account (EngineState.ACCOUNT). */
  private static final String CALLER = "arn:aws:iam::000000000000:root";
  private static final int MIN = 3;
  private static final int MAX = 255;

  private EarlyChecks() {}

  static void check(String operation, JsonNode request) {
    if (TABLE_OPERATIONS.contains(operation)) {
      tableName(request);
    }
    if (operation.equals("UpdateTimeToLive")) {
      JsonNode attribute = request.path("TimeToLiveSpecification").get("AttributeName");
      if (attribute != null && attribute.isTextual() && attribute.textValue().isEmpty()) {
        throw DynamoError.validation("TimeToLiveSpecification.AttributeName must be non empty");
      }
    }
    if (TAG_OPERATIONS.contains(operation)) {
      resourceArn(operation, request);
    }
  }

  private static void tableName(JsonNode request) {
    JsonNode name = request.get("TableName");
    if (name == null || name.isNull()) {
      throw DynamoError.validation("The parameter 'TableName' is required but was not present in the request");
    }
    // a table's ARN (which the model allows in its place) may be longer
    int length = name.asText().length();
    if (!name.asText().startsWith("arn:") && (length < MIN || length > MAX)) {
      throw DynamoError.validation("TableName must be at least 3 characters long and at most 255 characters long");
    }
  }

  private static void resourceArn(String operation, JsonNode request) {
    JsonNode arn = request.get("ResourceArn");
    if (arn == null || arn.isNull()) {
      throw DynamoError.validation("Invalid TableArn");
    }
    String text = arn.asText();
    String[] parts = text.split(":", 6);
    if (parts.length < 6 || !parts[5].contains("/")) {
      throw new DynamoError("AccessDeniedException", "User: " + CALLER + " is not authorized to perform: dynamodb:"
          + operation + " on resource: " + (text.isEmpty() ? "*" : text), 400);
    }
  }
}
