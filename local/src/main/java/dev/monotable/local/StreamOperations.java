package dev.monotable.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.monotable.local.value.DynamoError;
import dev.monotable.local.value.ValueJson;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The DynamoDB Streams API: ListStreams, DescribeStream, GetShardIterator, GetRecords. Each stream has one shard. */
final class StreamOperations {
  private static final int MAX_RECORDS = 1000;

  private final EngineState state;

  StreamOperations(EngineState state) {
    this.state = state;
  }

  ObjectNode listStreams(JsonNode request) {
    String tableName = Requests.text(request, "TableName", null);
    int limit = request.path("Limit").asInt(100);
    String start = Requests.text(request, "ExclusiveStartStreamArn", null);
    ObjectNode response = Json.object();
    ArrayNode list = response.putArray("Streams");
    boolean started = start == null;
    String last = null;
    boolean more = false;
    for (Stream stream : state.streams.values()) {
      if (!started) {
        started = stream.arn.equals(start);
        continue;
      }
      if (tableName != null && !tableName.equals(stream.tableName)) {
        continue;
      }
      if (list.size() == limit) {
        more = true;
        break;
      }
      list.addObject().put("StreamArn", stream.arn).put("TableName", stream.tableName).put("StreamLabel", stream.label);
      last = stream.arn;
    }
    if (more) {
      response.put("LastEvaluatedStreamArn", last);
    }
    return response;
  }

  private Stream stream(String arn) {
    Stream stream = state.streams.get(arn);
    if (stream == null) {
      throw DynamoError.notFound("Requested resource not found: Stream: " + arn + " not found");
    }
    return stream;
  }

  ObjectNode describeStream(JsonNode request) {
    Stream stream = stream(Requests.required(request, "StreamArn"));
    ObjectNode response = Json.object();
    ObjectNode description = response.putObject("StreamDescription");
    description.put("StreamArn", stream.arn);
    description.put("StreamLabel", stream.label);
    description.put("StreamStatus", stream.enabled ? "ENABLED" : "DISABLED");
    description.put("StreamViewType", stream.viewType);
    description.put("CreationRequestDateTime", stream.created.toEpochMilli() / 1000.0);
    description.put("TableName", stream.tableName);
    ArrayNode keySchema = description.putArray("KeySchema");
    keySchema.addObject().put("AttributeName", stream.key.partitionKey()).put("KeyType", "HASH");
    if (stream.key.hasSortKey()) {
      keySchema.addObject().put("AttributeName", stream.key.sortKey()).put("KeyType", "RANGE");
    }
    ObjectNode shard = description.putArray("Shards").addObject();
    shard.put("ShardId", stream.shardId);
    ObjectNode range = shard.putObject("SequenceNumberRange");
    if (!stream.records.isEmpty()) {
      range.put("StartingSequenceNumber", stream.records.get(0).sequenceNumber());
      if (!stream.enabled) {
        range.put("EndingSequenceNumber", stream.records.get(stream.records.size() - 1).sequenceNumber());
      }
    } else {
      range.put("StartingSequenceNumber", Stream.Change.sequenceNumber(0));
    }
    return response;
  }

  ObjectNode getShardIterator(JsonNode request) {
    Stream stream = stream(Requests.required(request, "StreamArn"));
    String shardId = Requests.required(request, "ShardId");
    if (!shardId.equals(stream.shardId)) {
      throw DynamoError.notFound("Requested resource not found: Shard does not exist");
    }
    String type = Requests.choice(request, "ShardIteratorType", null,
        "TRIM_HORIZON", "LATEST", "AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER");
    int position;
    switch (type) {
      case "TRIM_HORIZON" -> position = 0;
      case "LATEST" -> position = stream.records.size();
      default -> {
        String text = Requests.text(request, "SequenceNumber", null);
        if (text == null) {
          throw DynamoError.validation("SequenceNumber is required for ShardIteratorType " + type);
        }
        long sequence;
        try {
          sequence = Long.parseLong(text);
        } catch (NumberFormatException e) {
          throw DynamoError.validation("Invalid SequenceNumber: " + text);
        }
        position = stream.indexOfSequence(sequence);
        boolean exists = position < stream.records.size() && stream.records.get(position).sequence() == sequence;
        if (!exists) {
          throw DynamoError.validation("Invalid SequenceNumber: " + text + " is not in the shard");
        }
        if (type.equals("AFTER_SEQUENCE_NUMBER")) {
          position++;
        }
      }
    }
    ObjectNode response = Json.object();
    response.put("ShardIterator", iterator(stream, position));
    return response;
  }

  ObjectNode getRecords(JsonNode request) {
    String iterator = Requests.required(request, "ShardIterator");
    String[] parts;
    try {
      parts = new String(Base64.getUrlDecoder().decode(iterator), StandardCharsets.UTF_8).split("\\|");
    } catch (IllegalArgumentException e) {
      parts = new String[0];
    }
    if (parts.length != 3) {
      throw DynamoError.validation("Invalid ShardIterator");
    }
    Stream stream = stream(parts[0]);
    int position = Integer.parseInt(parts[2]);
    int limit = request.path("Limit").asInt(MAX_RECORDS);
    if (limit < 1 || limit > MAX_RECORDS) {
      throw DynamoError.validation("1 validation error detected: Value '" + limit + "' at 'limit' failed to satisfy "
          + "constraint: Member must have value between 1 and 1000");
    }
    ObjectNode response = Json.object();
    ArrayNode records = response.putArray("Records");
    int end = Math.min(stream.records.size(), position + limit);
    for (int i = position; i < end; i++) {
      records.add(render(stream, stream.records.get(i)));
    }
    if (stream.enabled || end < stream.records.size()) {
      response.put("NextShardIterator", iterator(stream, end));
    }
    return response;
  }

  private static ObjectNode render(Stream stream, Stream.Change change) {
    ObjectNode record = Json.object();
    record.put("eventID", Long.toHexString(change.sequence()) + "-" + Integer.toHexString(stream.arn.hashCode()));
    record.put("eventName", change.eventName());
    record.put("eventVersion", "1.1");
    record.put("eventSource", "aws:dynamodb");
    record.put("awsRegion", EngineState.REGION);
    ObjectNode dynamodb = record.putObject("dynamodb");
    dynamodb.put("ApproximateCreationDateTime", change.time().getEpochSecond());
    dynamodb.set("Keys", ValueJson.writeItem(change.keys()));
    boolean keysOnly = stream.viewType.equals("KEYS_ONLY");
    if (!keysOnly && change.newImage() != null && !stream.viewType.equals("OLD_IMAGE")) {
      dynamodb.set("NewImage", ValueJson.writeItem(change.newImage()));
    }
    if (!keysOnly && change.oldImage() != null && !stream.viewType.equals("NEW_IMAGE")) {
      dynamodb.set("OldImage", ValueJson.writeItem(change.oldImage()));
    }
    dynamodb.put("SequenceNumber", change.sequenceNumber());
    dynamodb.put("SizeBytes", change.sizeBytes());
    dynamodb.put("StreamViewType", stream.viewType);
    if (change.byService()) {
      record.putObject("userIdentity").put("PrincipalId", "dynamodb.amazonaws.com").put("Type", "Service");
    }
    return record;
  }

  private static String iterator(Stream stream, int position) {
    String text = stream.arn + "|" + stream.shardId + "|" + position;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
