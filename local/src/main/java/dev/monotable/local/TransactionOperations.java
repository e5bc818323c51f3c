package dev.monotable.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.monotable.local.expression.Placeholders;
import dev.monotable.local.expression.Projection;
import dev.monotable.local.value.DynamoError;
import dev.monotable.local.value.ItemSize;
import dev.monotable.local.value.Value;
import dev.monotable.local.value.ValueJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TransactWriteItems and TransactGetItems: every condition is tested before anything is written,
 * and all of it happens under the locks of every table the transaction names ({@link EngineLocks}),
 * so a transaction is all or nothing and no other write comes between its tests and its writes.
 */
final class TransactionOperations {
  static final int MAX_ACTIONS = 100;
  /** The most a transaction may carry (TransactWriteItems) or read (TransactGetItems), in bytes. */
  static final int MAX_PAYLOAD = 4 * 1024 * 1024;
  static final int MAX_TOKEN_LENGTH = 36;

  private final EngineState state;

  TransactionOperations(EngineState state) {
    this.state = state;
  }

  ObjectNode transactWriteItems(JsonNode request) {
    JsonNode actions = actions(request);
    String token = Requests.boundedText(request, "ClientRequestToken", 1, MAX_TOKEN_LENGTH);
    Instant now = state.clock().instant();
    JsonNode fingerprint = request.deepCopy();
    ((ObjectNode) fingerprint).remove(List.of("ClientRequestToken", "ReturnConsumedCapacity", "ReturnItemCollectionMetrics"));
    ObjectNode earlier = state.clientRequestTokens.earlierAnswer(token, fingerprint, now);
    if (earlier != null) {
      return earlier;
    }
    ObjectNode response;
    try {
      response = write(request, actions);
    } catch (RuntimeException e) {
      if (token != null) {
        state.clientRequestTokens.released(token);
      }
      throw e;
    }
    if (token != null) {
      state.clientRequestTokens.answered(token, fingerprint, response, now);
    }
    return response;
  }

  /** Tests every action's condition, then applies every write, or none. */
  private ObjectNode write(JsonNode request, JsonNode actions) {
    List<Write> writes = new ArrayList<>();
    Set<List<Object>> items = new HashSet<>();
    for (JsonNode action : actions) {
      Write write;
      if (action.hasNonNull("Put")) {
        write = Write.put(state, action.get("Put"));
      } else if (action.hasNonNull("Update")) {
        write = Write.update(state, action.get("Update"));
      } else if (action.hasNonNull("Delete")) {
        write = Write.delete(state, action.get("Delete"));
      } else if (action.hasNonNull("ConditionCheck")) {
        write = Write.check(state, action.get("ConditionCheck"));
      } else {
        throw DynamoError.validation("TransactItems can only contain one of Check, Put, Update or Delete");
      }
      if (!items.add(List.of(write.table.name, write.key))) {
        throw DynamoError.validation("Transaction request cannot include multiple operations on one item");
      }
      writes.add(write);
    }
    int payload = 0;
    for (Write write : writes) {
      payload += write.payloadBytes();
    }
    checkPayload(payload);

    if (state.faults.takeTransactionConflict()) {
      List<ObjectNode> reasons = new ArrayList<>();
      for (int i = 0; i < writes.size(); i++) {
        reasons.add(reason("TransactionConflict", "Transaction is ongoing for the item"));
      }
      throw cancelled(reasons);
    }

    List<Map<String, Value>> results = new ArrayList<>();
    List<ObjectNode> reasons = new ArrayList<>();
    boolean failed = false;
    for (Write write : writes) {
      Map<String, Value> current = write.current();
      if (!write.conditionHolds(current)) {
        ObjectNode reason = reason("ConditionalCheckFailed", "The conditional request failed");
        if (write.returnValuesOnConditionCheckFailure.equals("ALL_OLD") && current != null) {
          reason.set("Item", ValueJson.writeItem(current));
        }
        reasons.add(reason);
        results.add(null);
        failed = true;
        continue;
      }
      try {
        results.add(write.result(current));
        reasons.add(reason("None", null));
      } catch (DynamoError e) {
        reasons.add(reason("ValidationError", e.getMessage()));
        results.add(null);
        failed = true;
      }
    }
    if (failed) {
      throw cancelled(reasons);
    }

    Capacity capacity = new Capacity(Requests.text(request, "ReturnConsumedCapacity", "NONE")).withReadWriteSplit();
    for (int i = 0; i < writes.size(); i++) {
      Write write = writes.get(i);
      if (write.kind == Write.Kind.CHECK) {
        Map<String, Value> current = results.get(i);
        capacity.read(write.table.name, null, false, 2 * Capacity.readUnits(current == null ? 0 : ItemSize.of(current), true));
      } else {
        write.apply(results.get(i), capacity, 2, state.changes);
      }
    }
    ObjectNode response = Json.object();
    if (capacity.wanted()) {
      response.set("ConsumedCapacity", capacity.list());
    }
    return response;
  }

  ObjectNode transactGetItems(JsonNode request) {
    JsonNode actions = actions(request);
    Capacity capacity = new Capacity(Requests.text(request, "ReturnConsumedCapacity", "NONE")).withReadWriteSplit();
    record Get(Table table, Map<String, Value> key, Projection projection) {}
    List<Get> gets = new ArrayList<>();
    Set<List<Object>> items = new HashSet<>();
    for (JsonNode action : actions) {
      JsonNode get = action.get("Get");
      if (get == null || get.isNull()) {
        throw DynamoError.validation("TransactGetItems can only contain Get actions");
      }
      Table table = state.table(Requests.tableName(get));
      Map<String, Value> key = Requests.item(get, "Key");
      table.key.checkKey(key);
      Placeholders placeholders = Requests.placeholders(get, "ProjectionExpression");
      Projection projection = Requests.projection(get, placeholders);
      placeholders.checkAllUsed();
      if (!items.add(List.of(table.name, key))) {
        throw DynamoError.validation("Transaction request cannot include multiple operations on one item");
      }
      gets.add(new Get(table, key, projection));
    }
    List<Map<String, Value>> found = new ArrayList<>();
    int payload = 0;
    for (Get get : gets) {
      Map<String, Value> item = get.table().get(get.key());
      found.add(item);
      payload += item == null ? 0 : ItemSize.of(item);
    }
    // The items read count whole, as their read capacity does, whatever a projection returns of them.
    checkPayload(payload);
    ObjectNode response = Json.object();
    ArrayNode responses = response.putArray("Responses");
    for (int i = 0; i < gets.size(); i++) {
      Get get = gets.get(i);
      Map<String, Value> item = found.get(i);
      capacity.read(get.table().name, null, false, 2 * Capacity.readUnits(item == null ? 0 : ItemSize.of(item), true));
      ObjectNode entry = responses.addObject();
      if (item != null) {
        entry.set("Item", Json.item(get.projection() == null ? item : get.projection().apply(item)));
      }
    }
    if (capacity.wanted()) {
      response.set("ConsumedCapacity", capacity.list());
    }
    return response;
  }

  private static JsonNode actions(JsonNode request) {
    JsonNode actions = request.get("TransactItems");
    if (actions == null || !actions.isArray() || actions.size() == 0) {
      throw DynamoError.validation("1 validation error detected: Value null at 'transactItems' failed to satisfy "
          + "constraint: Member must not be null");
    }
    if (actions.size() > MAX_ACTIONS) {
      throw DynamoError.validation("1 validation error detected: Value at 'transactItems' failed to satisfy constraint: "
          + "Member must have length less than or equal to " + MAX_ACTIONS);
    }
    return actions;
  }

  /**
   * Refuses a transaction of more than 4 MB. DynamoDB's message says its sentence twice, the second
   * time with the size; it is kept as DynamoDB answers it.
   */
  private static void checkPayload(int bytes) {
    if (bytes > MAX_PAYLOAD) {
      String sentence = "Transaction payload size cannot exceed 4MB. Payload Size";
      throw DynamoError.validation(sentence + ": : " + sentence + ": " + bytes);
    }
  }

  private static ObjectNode reason(String code, String message) {
    ObjectNode reason = Json.object();
    reason.put("Code", code);
    if (message != null) {
      reason.put("Message", message);
    }
    return reason;
  }

  private static DetailedError cancelled(List<ObjectNode> reasons) {
    ObjectNode details = Json.object();
    ArrayNode list = details.putArray("CancellationReasons");
    List<String> codes = new ArrayList<>();
    for (ObjectNode reason : reasons) {
      list.add(reason);
      codes.add(reason.get("Code").asText());
    }
    return new DetailedError("TransactionCanceledException",
        "Transaction cancelled, please refer cancellation reasons for specific reasons " + codes, details);
  }
}
