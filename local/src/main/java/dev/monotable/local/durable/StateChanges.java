package dev.monotable.local.durable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Which successful DynamoDB requests change the engine's state, and what of them the log keeps. */
public final class StateChanges {
  private static final Set<String> WRITES = Set.of("CreateTable", "DeleteTable", "UpdateTable", "UpdateTimeToLive",
      "TagResource", "UntagResource", "PutItem", "DeleteItem", "UpdateItem", "BatchWriteItem", "TransactWriteItems",
      "BatchExecuteStatement", "ExecuteTransaction");

  private StateChanges() {}

  /**
   * Whether a successful {@code operation} of the DynamoDB service may have changed the state: the
   * writes, and PartiQL unless the statement is a SELECT. (Streams operations only read.)
   */
  public static boolean changesState(String operation, JsonNode request) {
    if (operation.equals("ExecuteStatement")) {
      JsonNode statement = request.get("Statement");
      return statement == null || !statement.asText().stripLeading().toUpperCase(Locale.ROOT).startsWith("SELECT");
    }
    return WRITES.contains(operation);
  }

  /**
   * The request as it was applied: for a BatchWriteItem that left requests unprocessed (an injected
   * fault's choice, which a replay must not make again), the request without them; null when it
   * applied nothing.
   */
  public static JsonNode applied(String operation, JsonNode request, JsonNode answer) {
    JsonNode unprocessed = answer.get("UnprocessedItems");
    if (!operation.equals("BatchWriteItem") || unprocessed == null || unprocessed.isEmpty()) {
      return request;
    }
    ObjectNode applied = request.deepCopy();
    ObjectNode items = (ObjectNode) applied.get("RequestItems");
    for (Iterator<Map.Entry<String, JsonNode>> tables = unprocessed.fields(); tables.hasNext(); ) {
      Map.Entry<String, JsonNode> table = tables.next();
      ArrayNode requests = (ArrayNode) items.get(table.getKey());
      for (JsonNode left : table.getValue()) {
        for (int i = 0; i < requests.size(); i++) {
          if (requests.get(i).equals(left)) {
            requests.remove(i);
            break;
          }
        }
      }
      if (requests.isEmpty()) {
        items.remove(table.getKey());
      }
    }
    return items.isEmpty() ? null : applied;
  }
}
