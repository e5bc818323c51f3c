package dev.monotable.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.monotable.local.value.DynamoError;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * TagResource, UntagResource and ListTagsOfResource, on tables named by their ARN. Tags live with
 * the table ({@link Table#tags}) and go with it; DynamoDB's limits apply: 50 tags a table, keys of
 * 1 to 128 characters, values of 0 to 256, and no key starting with {@code aws:}, which AWS keeps
 * for the tags it assigns. DynamoDB applies tags eventually; here ListTagsOfResource sees them at
 * once.
 */
final class TagOperations {
  static final int MAX_TAGS = 50;
  private static final int MAX_KEY_LENGTH = 128;
  private static final int MAX_VALUE_LENGTH = 256;
  private static final String RESERVED_PREFIX = "aws:";
  private static final Pattern TABLE_ARN =
      Pattern.compile("arn:aws[a-z-]*:dynamodb:[a-z0-9-]+:\\d{12}:table/[a-zA-Z0-9_.-]{3,255}");
  /** DynamoDB's words for a table ARN it does not know, misspelling and all. */
  private static final String NOT_FOUND_PREFIX = "Requested resource not found: ResourcArn: ";

  private final EngineState state;

  TagOperations(EngineState state) {
    this.state = state;
  }

  ObjectNode tagResource(JsonNode request) {
    String arn = checkedArn(request);
    JsonNode tags = request.get("Tags");
    if (tags == null || tags.isNull()) {
      throw DynamoError.validation("1 validation error detected: Value null at 'tags' failed to satisfy constraint: "
          + "Member must not be null");
    }
    if (tags.size() == 0) {
      throw DynamoError.validation("Atleast one Tag needs to be provided as Input.");
    }
    tag(table(arn, NOT_FOUND_PREFIX + arn + " not found"), tags);
    return Json.object();
  }

  ObjectNode untagResource(JsonNode request) {
    String arn = checkedArn(request);
    JsonNode keys = request.get("TagKeys");
    if (keys == null || keys.isNull()) {
      throw DynamoError.validation("1 validation error detected: Value null at 'tagKeys' failed to satisfy constraint: "
          + "Member must not be null");
    }
    if (keys.size() == 0) {
      throw DynamoError.validation("Atleast one Tag Key needs to be provided as Input.");
    }
    Table table = table(arn, "Requested resource not found");
    int position = 0;
    for (JsonNode key : keys) {
      position++;
      checkLength(key.asText(), "tagKeys." + position + ".member", 1, MAX_KEY_LENGTH);
    }
    for (JsonNode key : keys) {
      table.tags.remove(key.asText());
    }
    return Json.object();
  }

  ObjectNode listTagsOfResource(JsonNode request) {
    String arn = checkedArn(request);
    Table table = table(arn, NOT_FOUND_PREFIX + arn + " not found");
    ObjectNode response = Json.object();
    ArrayNode list = response.putArray("Tags");
    table.tags.forEach((key, value) -> list.addObject().put("Key", key).put("Value", value));
    return response;
  }

  /**
   * Adds {@code tags} (a JSON array of Key and Value) to the table, a key already there taking the
   * new value; checks all of them, and the count they come to, before it changes anything. Also
   * used by CreateTable for its Tags.
   */
  static void tag(Table table, JsonNode tags) {
    Map<String, String> added = new LinkedHashMap<>();
    int position = 0;
    for (JsonNode tag : tags) {
      position++;
      String key = tag.path("Key").isTextual() ? tag.get("Key").asText() : null;
      String value = tag.path("Value").isTextual() ? tag.get("Value").asText() : null;
      if (key == null || value == null) {
        throw DynamoError.validation("1 validation error detected: Value null at 'tags." + position + ".member."
            + (key == null ? "key" : "value") + "' failed to satisfy constraint: Member must not be null");
      }
      checkLength(key, "tags." + position + ".member.key", 1, MAX_KEY_LENGTH);
      checkLength(value, "tags." + position + ".member.value", 0, MAX_VALUE_LENGTH);
      if (key.regionMatches(true, 0, RESERVED_PREFIX, 0, RESERVED_PREFIX.length())) {
        // wording guessed: the API Reference says only that users cannot assign the aws: prefix
        throw DynamoError.validation("One or more parameter values were invalid: Tag keys starting with '"
            + RESERVED_PREFIX + "' are reserved for AWS use: " + key);
      }
      added.put(key, value);
    }
    Map<String, String> result = new LinkedHashMap<>(table.tags);
    result.putAll(added);
    if (result.size() > MAX_TAGS) {
      // wording guessed; the limit is the API Reference's (Tag: "up to 50 tags to a single DynamoDB table")
      throw DynamoError.validation("One or more parameter values were invalid: The table would have " + result.size()
          + " tags, more than the limit of " + MAX_TAGS);
    }
    table.tags.putAll(added);
  }

  private static void checkLength(String text, String field, int min, int max) {
    int length = text.codePointCount(0, text.length());
    if (length < min || length > max) {
      throw DynamoError.validation("1 validation error detected: Value '" + text + "' at '" + field
          + "' failed to satisfy constraint: Member must have length "
          + (length < min ? "greater than or equal to " + min : "less than or equal to " + max));
    }
  }

  /**
   * The request's ResourceArn, refused unless it is a table's ARN
   * ({@code arn:aws:dynamodb:<region>:<account>:table/<name>}, the name of a table's form).
   */
  private static String checkedArn(JsonNode request) {
    String arn = Requests.required(request, "ResourceArn");
    if (!TABLE_ARN.matcher(arn).matches()) {
      throw DynamoError.validation("Invalid TableArn: Invalid ResourceArn provided as input " + arn);
    }
    return arn;
  }

  /** The live table whose ARN is {@code arn}, else ResourceNotFoundException with {@code notFound}. */
  private Table table(String arn, String notFound) {
    for (Table table : state.tables.values()) {
      if (table.arn.equals(arn)) {
        return table;
      }
    }
    throw DynamoError.notFound(notFound);
  }
}
