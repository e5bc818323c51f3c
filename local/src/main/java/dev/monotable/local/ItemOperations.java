package dev.monotable.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.monotable.local.expression.Placeholders;
import dev.monotable.local.expression.Projection;
import dev.monotable.local.value.DynamoError;
import dev.monotable.local.value.ItemSize;
import dev.monotable.local.value.Value;
import dev.monotable.local.value.ValueJson;
import java.util.Map;

/** PutItem, GetItem, DeleteItem and UpdateItem. */
final class ItemOperations {
  private final EngineState state;

  ItemOperations(EngineState state) {
    this.state = state;
  }

  ObjectNode putItem(JsonNode request) {
    return write(Write.put(state, request, true), request, Requests.text(request, "ReturnValues", "NONE"));
  }

  ObjectNode deleteItem(JsonNode request) {
    return write(Write.delete(state, request, true), request, Requests.text(request, "ReturnValues", "NONE"));
  }

  ObjectNode updateItem(JsonNode request) {
    String returnValues = Requests.choice(request, "ReturnValues", "NONE",
        "NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW");
    return write(Write.update(state, request), request, returnValues);
  }

  private ObjectNode write(Write write, JsonNode request, String returnValues) {
    Capacity capacity = new Capacity(Requests.text(request, "ReturnConsumedCapacity", "NONE"));
    Map<String, Value> current = write.current();
    if (!write.conditionHolds(current)) {
      throw conditionFailed(write, current);
    }
    Map<String, Value> result = write.result(current);
    Map<String, Value> old = write.apply(result, capacity, 1, state.changes);
    ObjectNode response = Json.object();
    Map<String, Value> attributes = switch (returnValues) {
      case "ALL_OLD" -> old;
      case "ALL_NEW" -> result;
      case "UPDATED_OLD" -> write.updatedParts(old, false);
      case "UPDATED_NEW" -> write.updatedParts(result, true);
      default -> null;
    };
    if (attributes != null && !attributes.isEmpty()) {
      response.set("Attributes", ValueJson.writeItem(attributes));
    }
    if (capacity.wanted()) {
      response.set("ConsumedCapacity", capacity.single(write.table.name));
    }
    return response;
  }

  /** ConditionalCheckFailedException, with the current item when asked for. */
  static DetailedError conditionFailed(Write write, Map<String, Value> current) {
    ObjectNode details = Json.object();
    if (write.returnValuesOnConditionCheckFailure.equals("ALL_OLD") && current != null) {
      details.set("Item", ValueJson.writeItem(current));
    }
    return new DetailedError("ConditionalCheckFailedException", "The conditional request failed", details);
  }

  ObjectNode getItem(JsonNode request) {
    // as DynamoDB: what the request says by itself first, then the table, then the key against it
    String tableName = Requests.tableName(request);
    Requests.expressionParameters(request, "ProjectionExpression");
    Map<String, Value> key = Requests.item(request, "Key");
    Placeholders placeholders = Requests.placeholders(request, "ProjectionExpression");
    Projection projection = Requests.projection(request, placeholders);
    placeholders.checkAllUsed();
    Table table = state.table(tableName);
    table.key.checkKey(key);
    if (projection != null) {
      table.checkProjectedKeys(projection.paths());
    }
    boolean consistent = Requests.flag(request, "ConsistentRead");
    Capacity capacity = new Capacity(Requests.text(request, "ReturnConsumedCapacity", "NONE"));
    Map<String, Value> item = table.get(key);
    capacity.read(table.name, null, false, Capacity.readUnits(item == null ? 0 : ItemSize.of(item), consistent));
    ObjectNode response = Json.object();
    if (item != null) {
      response.set("Item", Json.item(projection == null ? item : projection.apply(item)));
    }
    if (capacity.wanted()) {
      response.set("ConsumedCapacity", capacity.single(table.name));
    }
    return response;
  }
}
