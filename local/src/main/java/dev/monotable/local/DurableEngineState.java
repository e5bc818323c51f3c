package dev.monotable.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.monotable.local.durable.DurableState;
import dev.monotable.local.durable.LogRecord;
import dev.monotable.local.value.StoredItem;
import dev.monotable.local.value.Value;
import dev.monotable.local.value.ValueJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link EngineState} as its write-ahead log keeps it: a record is applied again by running its
 * operation ({@link Operations}) at its logged time, with its logged table id, or the time-to-live
 * sweep it logged; a snapshot is every table (definition, items, index definitions — the index
 * entries are rebuilt from the items — billing, time to live, tags), every stream with its records,
 * the stream sequence counter and the client request tokens, as one JSON document. A field added to
 * {@link EngineState}, {@link Table}, {@link Stream} or {@link SecondaryIndex} must be added here too.
 */
final class DurableEngineState implements DurableState {
  private final EngineState state;
  private final Operations operations;
  private final TimeToLiveSweeper sweeper;

  DurableEngineState(EngineState state, Operations operations, TimeToLiveSweeper sweeper) {
    this.state = state;
    this.operations = operations;
    this.sweeper = sweeper;
  }

  @Override
  public void apply(LogRecord record) {
    state.changes.pin(record.time());
    state.replayedTableId = record.tableId();
    try {
      if (record.operation().equals(LogRecord.EXPIRE_NOW)) {
        sweeper.sweep();
      } else {
        operations.run(Operations.DYNAMODB, record.operation(), Json.read(record.request()));
      }
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("cannot replay the logged " + record + ": " + e.getMessage(), e);
    } finally {
      state.changes.pin(null);
      state.replayedTableId = null;
    }
  }

  @Override
  public void writeSnapshot(OutputStream out) throws IOException {
    ObjectNode snapshot = Json.object();
    snapshot.put("sequence", state.changes.sequence());
    ArrayNode streams = snapshot.putArray("streams");
    for (Stream stream : state.streams.values()) {
      streams.add(stream(stream));
    }
    ArrayNode tables = snapshot.putArray("tables");
    for (Table table : state.tables.values()) {
      tables.add(table(table));
    }
    snapshot.set("transactions", state.clientRequestTokens.snapshot());
    out.write(Json.write(snapshot));
  }

  @Override
  public void readSnapshot(InputStream in) throws IOException {
    JsonNode snapshot = Json.read(in.readAllBytes());
    state.changes.sequence(snapshot.get("sequence").asLong());
    for (JsonNode node : snapshot.get("streams")) {
      Stream stream = new Stream(node.get("tableArn").asText(), node.get("tableName").asText(), node.get("viewType").asText(),
          key(node.get("key")), Instant.parse(node.get("created").asText()));
      stream.enabled = node.get("enabled").asBoolean();
      for (JsonNode change : node.get("records")) {
        stream.records.add(new Stream.Change(change.get("sequence").asLong(), change.get("event").asText(),
            item(change.get("keys")), item(change.get("old")), item(change.get("new")),
            Instant.parse(change.get("time").asText()), change.get("byService").asBoolean(), change.get("size").asInt()));
      }
      state.streams.put(stream.arn, stream);
    }
    for (JsonNode node : snapshot.get("tables")) {
      Table table = new Table(node.get("name").asText(), node.get("arn").asText(), node.get("id").asText(),
          Instant.parse(node.get("created").asText()), key(node.get("key")));
      node.get("attributeTypes").fields().forEachRemaining(type -> table.attributeTypes.put(type.getKey(), type.getValue().asText()));
      for (JsonNode index : node.get("indexes")) {
        List<String> nonKey = new ArrayList<>();
        index.get("nonKeyAttributes").forEach(name -> nonKey.add(name.asText()));
        SecondaryIndex secondary = new SecondaryIndex(index.get("name").asText(), index.get("global").asBoolean(),
            key(index.get("key")), table.key, index.get("projectionType").asText(), nonKey, index.get("arn").asText());
        secondary.readCapacity = index.get("readCapacity").asLong();
        secondary.writeCapacity = index.get("writeCapacity").asLong();
        table.indexes.put(secondary.name, secondary);
      }
      table.billingMode = text(node.get("billingMode"));
      table.lastPayPerRequest = instant(node.get("lastPayPerRequest"));
      table.readCapacity = node.get("readCapacity").asLong();
      table.writeCapacity = node.get("writeCapacity").asLong();
      table.lastIncrease = instant(node.get("lastIncrease"));
      table.lastDecrease = instant(node.get("lastDecrease"));
      table.decreasesThatDay = node.path("decreasesThatDay").asInt(0);
      for (JsonNode arn : node.get("streams")) {
        table.streams.add(state.streams.get(arn.asText()));
      }
      String current = text(node.get("stream"));
      table.stream = current == null ? null : state.streams.get(current);
      table.ttlAttribute = text(node.get("ttlAttribute"));
      table.ttlEnabled = node.get("ttlEnabled").asBoolean();
      table.ttlChanged = instant(node.get("ttlChanged"));
      table.deletionProtection = node.get("deletionProtection").asBoolean();
      node.get("tags").fields().forEachRemaining(tag -> table.tags.put(tag.getKey(), tag.getValue().asText()));
      for (JsonNode itemNode : node.get("items")) {
        Map<String, Value> item = StoredItem.of(ValueJson.readItem(itemNode));
        table.items.put(item.get(table.key.partitionKey()), table.rowKey(item), item);
      }
      table.indexes.values().forEach(table::backfill);
      state.tables.put(table.name, table);
    }
    state.clientRequestTokens.restore(snapshot.get("transactions"));
  }

  private static ObjectNode stream(Stream stream) {
    ObjectNode node = Json.object();
    node.put("tableArn", stream.arn.substring(0, stream.arn.length() - "/stream/".length() - stream.label.length()));
    node.put("tableName", stream.tableName);
    node.put("viewType", stream.viewType);
    node.set("key", key(stream.key));
    node.put("created", stream.created.toString());
    node.put("enabled", stream.enabled);
    ArrayNode records = node.putArray("records");
    for (Stream.Change change : stream.records) {
      ObjectNode record = records.addObject();
      record.put("sequence", change.sequence());
      record.put("event", change.eventName());
      record.set("keys", item(change.keys()));
      record.set("old", item(change.oldImage()));
      record.set("new", item(change.newImage()));
      record.put("time", change.time().toString());
      record.put("byService", change.byService());
      record.put("size", change.sizeBytes());
    }
    return node;
  }

  private static ObjectNode table(Table table) {
    ObjectNode node = Json.object();
    node.put("name", table.name);
    node.put("arn", table.arn);
    node.put("id", table.id);
    node.put("created", table.created.toString());
    node.set("key", key(table.key));
    ObjectNode types = node.putObject("attributeTypes");
    table.attributeTypes.forEach(types::put);
    ArrayNode indexes = node.putArray("indexes");
    for (SecondaryIndex index : table.indexes.values()) {
      ObjectNode definition = indexes.addObject();
      definition.put("name", index.name);
      definition.put("global", index.global);
      definition.set("key", key(index.key));
      definition.put("projectionType", index.projectionType);
      ArrayNode nonKey = definition.putArray("nonKeyAttributes");
      index.nonKeyAttributes.forEach(nonKey::add);
      definition.put("arn", index.arn);
      definition.put("readCapacity", index.readCapacity);
      definition.put("writeCapacity", index.writeCapacity);
    }
    node.put("billingMode", table.billingMode);
    node.put("lastPayPerRequest", table.lastPayPerRequest == null ? null : table.lastPayPerRequest.toString());
    node.put("readCapacity", table.readCapacity);
    node.put("writeCapacity", table.writeCapacity);
    node.put("lastIncrease", table.lastIncrease == null ? null : table.lastIncrease.toString());
    node.put("lastDecrease", table.lastDecrease == null ? null : table.lastDecrease.toString());
    node.put("decreasesThatDay", table.decreasesThatDay);
    ArrayNode streams = node.putArray("streams");
    table.streams.forEach(stream -> streams.add(stream.arn));
    node.put("stream", table.stream == null ? null : table.stream.arn);
    node.put("ttlAttribute", table.ttlAttribute);
    node.put("ttlEnabled", table.ttlEnabled);
    node.put("ttlChanged", table.ttlChanged == null ? null : table.ttlChanged.toString());
    node.put("deletionProtection", table.deletionProtection);
    ObjectNode tags = node.putObject("tags");
    table.tags.forEach(tags::put);
    ArrayNode items = node.putArray("items");
    for (var partition : table.items.partitions().values()) {
      for (Map<String, Value> item : partition.values()) {
        items.add(ValueJson.writeItem(item));
      }
    }
    return node;
  }

  private static ObjectNode key(KeySchema key) {
    ObjectNode node = Json.object();
    node.put("partitionKey", key.partitionKey());
    node.put("partitionType", key.partitionType());
    node.put("sortKey", key.sortKey());
    node.put("sortType", key.sortType());
    return node;
  }

  private static KeySchema key(JsonNode node) {
    return new KeySchema(node.get("partitionKey").asText(), node.get("partitionType").asText(), text(node.get("sortKey")),
        text(node.get("sortType")));
  }

  private static JsonNode item(Map<String, Value> item) {
    return item == null ? Json.object().nullNode() : ValueJson.writeItem(item);
  }

  private static Map<String, Value> item(JsonNode node) {
    return node == null || node.isNull() ? null : Collections.unmodifiableMap(new LinkedHashMap<>(ValueJson.readItem(node)));
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }

  private static Instant instant(JsonNode node) {
    String text = text(node);
    return text == null ? null : Instant.parse(text);
  }
}
