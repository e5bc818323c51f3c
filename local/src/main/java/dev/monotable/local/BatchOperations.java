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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** BatchGetItem and BatchWriteItem, with their limits and (when injected) unprocessed requests. */
final class BatchOperations {
  static final int MAX_GET_KEYS = 100;
  static final int MAX_WRITES = 25;
  static final long MAX_GET_BYTES = 16L * 1024 * 1024;

  private final EngineState state;

  BatchOperations(EngineState state) {
    this.state = state;
  }

  ObjectNode batchGetItem(JsonNode request) {
    JsonNode requestItems = requestItems(request);
    Capacity capacity = new Capacity(Requests.text(request, "ReturnConsumedCapacity", "NONE"));
    record TableRead(Table table, JsonNode spec, List<Map<String, Value>> keys, Projection projection,
        boolean consistent) {}
    record Parsed(String name, JsonNode spec, List<Map<String, Value>> keys, Projection projection) {}
    // DynamoDB checks every table's parameters and keys before it looks for any table
    List<Parsed> parsed = new ArrayList<>();
    int total = 0;
    Iterator<Map.Entry<String, JsonNode>> tables = requestItems.fields();
    while (tables.hasNext()) {
      Map.Entry<String, JsonNode> entry = tables.next();
      JsonNode spec = entry.getValue();
      JsonNode keysNode = spec.get("Keys");
      if (keysNode == null || keysNode.size() == 0) {
        throw DynamoError.validation("1 validation error detected: Value at 'requestItems." + entry.getKey()
            + ".member.keys' failed to satisfy constraint: Member must have length greater than or equal to 1");
      }
      Placeholders placeholders = Requests.placeholders(spec, "ProjectionExpression");
      Projection projection = Requests.projection(spec, placeholders);
      placeholders.checkAllUsed();
      List<Map<String, Value>> keys = new ArrayList<>();
      Set<Map<String, Value>> seen = new HashSet<>();
      for (JsonNode keyNode : keysNode) {
        Map<String, Value> key = Requests.attributes(keyNode);
        if (!seen.add(key)) {
          throw DynamoError.validation("Provided list of item keys contains duplicates");
        }
        keys.add(key);
        if (++total > MAX_GET_KEYS) {
          throw DynamoError.validation("Too many items requested for the BatchGetItem call");
        }
      }
      parsed.add(new Parsed(entry.getKey(), spec, keys, projection));
    }
    List<TableRead> reads = new ArrayList<>();
    for (Parsed read : parsed) {
      Table table = state.table(read.name());
      for (Map<String, Value> key : read.keys()) {
        table.key.checkKey(key);
      }
      reads.add(new TableRead(table, read.spec(), read.keys(), read.projection(), Requests.flag(read.spec(),
          "ConsistentRead")));
    }
    Faults.UnprocessedChooser chooser = state.faults.takeUnprocessed();
    ObjectNode response = Json.object();
    ObjectNode responses = response.putObject("Responses");
    ObjectNode unprocessed = response.putObject("UnprocessedKeys");
    long bytes = 0;
    for (TableRead read : reads) {
      ArrayNode found = responses.putArray(read.table().name);
      ArrayNode left = null;
      for (Map<String, Value> key : read.keys()) {
        boolean skip = bytes > MAX_GET_BYTES || (chooser != null && chooser.leaveUnprocessed());
        if (skip) {
          if (left == null) {
            ObjectNode rest = read.spec().deepCopy();
            rest.remove("Keys");
            left = rest.putArray("Keys");
            unprocessed.set(read.table().name, rest);
          }
          left.add(ValueJson.writeItem(key));
          continue;
        }
        Map<String, Value> item = read.table().get(key);
        int size = item == null ? 0 : ItemSize.of(item);
        capacity.read(read.table().name, null, false, Capacity.readUnits(size, read.consistent()));
        if (item != null) {
          bytes += size;
          found.add(Json.item(read.projection() == null ? item : read.projection().apply(item)));
        }
      }
    }
    if (capacity.wanted()) {
      response.set("ConsumedCapacity", capacity.list());
    }
    return response;
  }

  ObjectNode batchWriteItem(JsonNode request) {
    JsonNode requestItems = requestItems(request);
    Capacity capacity = new Capacity(Requests.text(request, "ReturnConsumedCapacity", "NONE"));
    record Request(Table table, JsonNode original, Map<String, Value> key, Map<String, Value> item) {}
    record Parsed(JsonNode original, Map<String, Value> keyOrItem, boolean put) {}
    // DynamoDB checks every request's values and item size before it looks for any table
    Map<String, List<Parsed>> parsed = new LinkedHashMap<>();
    int count = 0;
    Iterator<Map.Entry<String, JsonNode>> tables = requestItems.fields();
    while (tables.hasNext()) {
      Map.Entry<String, JsonNode> entry = tables.next();
      if (entry.getValue().size() == 0) {
        throw DynamoError.validation("1 validation error detected: Value at 'requestItems' failed to satisfy "
            + "constraint: Map value must satisfy constraint: [Member must have length less than or equal to 25, "
            + "Member must have length greater than or equal to 1]");
      }
      for (JsonNode write : entry.getValue()) {
        if (write.isObject() && write.size() == 0) {
          // DynamoDB's words for a WriteRequest with neither request in it
          throw DynamoError.validation("Supplied AttributeValue has more than one datatypes set, must contain exactly "
              + "one of the supported datatypes");
        }
      }
      List<Parsed> requests = new ArrayList<>();
      for (JsonNode write : entry.getValue()) {
        boolean put = write.hasNonNull("PutRequest");
        boolean delete = write.hasNonNull("DeleteRequest");
        if (put == delete) {
          throw DynamoError.validation("Supplied WriteRequest must contain exactly one of PutRequest or DeleteRequest");
        }
        Map<String, Value> keyOrItem = put ? Requests.item(write.get("PutRequest"), "Item")
            : Requests.item(write.get("DeleteRequest"), "Key");
        if (put && ItemSize.of(keyOrItem) > Table.ITEM_LIMIT) {
          throw DynamoError.validation("Item size has exceeded the maximum allowed size");
        }
        requests.add(new Parsed(write, keyOrItem, put));
        count++;
      }
      parsed.put(entry.getKey(), requests);
    }
    if (count > MAX_WRITES) {
      throw DynamoError.validation("1 validation error detected: Value at 'requestItems' failed to satisfy constraint: "
          + "Map value must satisfy constraint: [Member must have length less than or equal to 25, "
          + "Member must have length greater than or equal to 1]");
    }
    List<Request> writes = new ArrayList<>();
    Set<List<Object>> seen = new HashSet<>();
    for (Map.Entry<String, List<Parsed>> entry : parsed.entrySet()) {
      Table table = state.table(entry.getKey());
      for (Parsed write : entry.getValue()) {
        Map<String, Value> key;
        Map<String, Value> item = null;
        if (write.put()) {
          item = write.keyOrItem();
          key = table.key.keyOf(item);
          // a batch's put names a key that does not fit as a Key parameter would, not as PutItem does
          if (!table.key.fits(key)) {
            throw DynamoError.validation("The provided key element does not match the schema");
          }
          table.checkItem(item);
        } else {
          key = write.keyOrItem();
          table.key.checkKey(key);
        }
        if (!seen.add(List.of(table.name, key))) {
          throw DynamoError.validation("Provided list of item keys contains duplicates");
        }
        writes.add(new Request(table, write.original(), key, item));
      }
    }
    Faults.UnprocessedChooser chooser = state.faults.takeUnprocessed();
    ObjectNode response = Json.object();
    ObjectNode unprocessed = response.putObject("UnprocessedItems");
    for (Request write : writes) {
      if (chooser != null && chooser.leaveUnprocessed()) {
        JsonNode list = unprocessed.get(write.table().name);
        (list == null ? unprocessed.putArray(write.table().name) : (ArrayNode) list).add(write.original());
        continue;
      }
      if (write.item() == null && write.table().get(write.key()) == null) {
        capacity.write(write.table().name, null, false, 1);
        continue;
      }
      write.table().write(write.key(), write.item(), capacity, 1, state.changes, false);
    }
    if (capacity.wanted()) {
      response.set("ConsumedCapacity", capacity.list());
    }
    return response;
  }

  private static JsonNode requestItems(JsonNode request) {
    JsonNode requestItems = request.get("RequestItems");
    if (requestItems == null || !requestItems.isObject() || requestItems.size() == 0) {
      throw DynamoError.validation("1 validation error detected: Value at 'requestItems' failed to satisfy constraint: "
          + "Member must have length greater than or equal to 1");
    }
    return requestItems;
  }
}
