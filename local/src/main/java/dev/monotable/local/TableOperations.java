package dev.monotable.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.monotable.local.value.DynamoError;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** CreateTable, DescribeTable, ListTables, DeleteTable, UpdateTable and time to live. */
final class TableOperations {
  private static final Pattern NAME_CHARACTERS = Pattern.compile("[a-zA-Z0-9_.-]+");
  private static final int MAX_GLOBAL_INDEXES = 20;
  private static final int MAX_LOCAL_INDEXES = 5;

  private final EngineState state;

  TableOperations(EngineState state) {
    this.state = state;
  }

  ObjectNode createTable(JsonNode request) {
    String name = Requests.tableName(request);
    checkName(name, "tableName");
    CreateTableChecks.check(request);
    if (state.tables.containsKey(name)) {
      throw DynamoError.inUse("Table already exists: " + name);
    }
    Map<String, String> types = attributeDefinitions(request.get("AttributeDefinitions"));
    KeySchema key = keySchema(request.get("KeySchema"), types, "table");
    Instant now = state.clock().instant();
    String arn = "arn:aws:dynamodb:" + EngineState.REGION + ":" + EngineState.ACCOUNT + ":table/" + name;
    Table table = new Table(name, arn, state.replayedTableId != null ? state.replayedTableId : tableId(), now, key);
    table.attributeTypes.putAll(types);
    billing(table, request, true);
    Set<String> used = new LinkedHashSet<>();
    used.add(key.partitionKey());
    if (key.hasSortKey()) {
      used.add(key.sortKey());
    }
    JsonNode locals = request.get("LocalSecondaryIndexes");
    if (locals != null && !locals.isNull()) {
      if (!key.hasSortKey()) {
        throw DynamoError.validation("One or more parameter values were invalid: Table KeySchema does not have a range key, "
            + "which is required when specifying a LocalSecondaryIndex");
      }
      if (locals.size() > MAX_LOCAL_INDEXES) {
        throw DynamoError.validation("One or more parameter values were invalid: Number of LocalSecondaryIndexes exceeds "
            + "per-table limit of " + MAX_LOCAL_INDEXES);
      }
      for (JsonNode definition : locals) {
        SecondaryIndex index = index(table, definition, false, types);
        if (!index.key.partitionKey().equals(key.partitionKey()) || !index.key.hasSortKey()) {
          throw DynamoError.validation("One or more parameter values were invalid: Index KeySchema does not have the same "
              + "leading hash key as table KeySchema for index: " + index.name);
        }
        add(table, index);
        used.add(index.key.sortKey());
      }
    }
    JsonNode globals = request.get("GlobalSecondaryIndexes");
    if (globals != null && !globals.isNull()) {
      if (globals.size() > MAX_GLOBAL_INDEXES) {
        throw DynamoError.validation("One or more parameter values were invalid: GlobalSecondaryIndex count exceeds the "
            + "per-table limit of " + MAX_GLOBAL_INDEXES);
      }
      int position = 0;
      for (JsonNode definition : globals) {
        position++;
        SecondaryIndex index = index(table, definition, true, types);
        capacity(index, definition, table, "globalSecondaryIndexes." + position + ".member.");
        add(table, index);
        used.add(index.key.partitionKey());
        if (index.key.hasSortKey()) {
          used.add(index.key.sortKey());
        }
      }
    }
    if (!used.equals(types.keySet())) {
      throw DynamoError.validation("One or more parameter values were invalid: Some AttributeDefinitions are not used. "
          + "AttributeDefinitions: " + types.keySet() + ", keys used: " + used);
    }
    streamSpecification(table, request.get("StreamSpecification"), true);
    table.deletionProtection = Requests.flag(request, "DeletionProtectionEnabled");
    JsonNode tags = request.get("Tags");
    if (tags != null && !tags.isNull()) {
      TagOperations.tag(table, tags);
    }
    state.tables.put(name, table);
    ObjectNode response = Json.object();
    ObjectNode description = TableDescriptions.of(table);
    if (table.billingMode.equals("PAY_PER_REQUEST")) {
      // CreateTable's answer names the mode alone, and the throughput mode beside it; DescribeTable adds the time
      description.putObject("BillingModeSummary").put("BillingMode", table.billingMode);
      description.putObject("TableThroughputModeSummary").put("TableThroughputMode", table.billingMode);
    }
    response.set("TableDescription", description);
    return response;
  }

  /**
   * A random table id in the UUID form DynamoDB gives, kept for the table's life: a table created
   * again under the same name is another table, with another id. The bits come from
   * ThreadLocalRandom, so that no SecureRandom is seeded at start-up; an id needs to be unique,
   * not unguessable.
   */
  private static String tableId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
    long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48); // IETF variant
    return new UUID(high, low).toString();
  }

  /** A table or index name: DynamoDB reports the pattern and the length as two constraints, in that order. */
  private static void checkName(String name, String field) {
    List<String> violations = new ArrayList<>();
    if (!NAME_CHARACTERS.matcher(name).matches()) {
      violations.add("Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
    }
    if (name.length() < 3) {
      violations.add("Member must have length greater than or equal to 3");
    } else if (name.length() > 255) {
      violations.add("Member must have length less than or equal to 255");
    }
    if (!violations.isEmpty()) {
      StringBuilder message = new StringBuilder().append(violations.size())
          .append(violations.size() == 1 ? " validation error detected: " : " validation errors detected: ");
      for (int i = 0; i < violations.size(); i++) {
        message.append(i == 0 ? "" : "; ").append("Value '").append(name).append("' at '").append(field)
            .append("' failed to satisfy constraint: ").append(violations.get(i));
      }
      throw DynamoError.validation(message.toString());
    }
  }

  private static Map<String, String> attributeDefinitions(JsonNode definitions) {
    if (definitions == null || definitions.isNull() || definitions.size() == 0) {
      throw DynamoError.validation("1 validation error detected: Value null at 'attributeDefinitions' failed to satisfy "
          + "constraint: Member must not be null");
    }
    Map<String, String> types = new LinkedHashMap<>();
    for (JsonNode definition : definitions) {
      String name = Requests.required(definition, "AttributeName");
      String type = Requests.required(definition, "AttributeType");
      if (!type.equals("S") && !type.equals("N") && !type.equals("B")) {
        throw DynamoError.validation("1 validation error detected: Value '" + type + "' at 'attributeDefinitions."
            + "member.attributeType' failed to satisfy constraint: Member must satisfy enum value set: [B, N, S]");
      }
      if (types.put(name, type) != null) {
        throw DynamoError.validation("Cannot have two attributes with the same name. Attribute name: " + name);
      }
    }
    return types;
  }

  private static KeySchema keySchema(JsonNode elements, Map<String, String> types, String of) {
    if (elements == null || elements.isNull() || elements.size() == 0 || elements.size() > 2) {
      throw DynamoError.validation("1 validation error detected: Value at 'keySchema' failed to satisfy constraint: "
          + "Member must have length less than or equal to 2 and greater than or equal to 1");
    }
    String hash = null;
    String range = null;
    for (JsonNode element : elements) {
      String name = Requests.required(element, "AttributeName");
      String type = Requests.required(element, "KeyType");
      if (type.equals("HASH") && hash == null) {
        hash = name;
      } else if (type.equals("RANGE") && range == null && hash != null) {
        range = name;
      } else {
        throw DynamoError.validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
      }
    }
    if (hash == null) {
      throw DynamoError.validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
    }
    if (hash.equals(range)) {
      throw DynamoError.validation("Both the Hash Key and the Range Key element in the KeySchema have the same name");
    }
    for (String attribute : range == null ? List.of(hash) : List.of(hash, range)) {
      if (!types.containsKey(attribute)) {
        throw DynamoError.validation("One or more parameter values were invalid: Some index key attributes are not defined "
            + "in AttributeDefinitions. Keys: [" + attribute + "], AttributeDefinitions: " + types.keySet());
      }
    }
    return new KeySchema(hash, types.get(hash), range, range == null ? null : types.get(range));
  }

  private static SecondaryIndex index(Table table, JsonNode definition, boolean global, Map<String, String> types) {
    String name = Requests.required(definition, "IndexName");
    checkName(name, "indexName");
    KeySchema key = keySchema(definition.get("KeySchema"), types, name);
    JsonNode projection = definition.get("Projection");
    String type = projection == null ? "ALL" : Requests.text(projection, "ProjectionType", "ALL");
    List<String> nonKey = new ArrayList<>();
    JsonNode nonKeyNode = projection == null ? null : projection.get("NonKeyAttributes");
    if (nonKeyNode != null && !nonKeyNode.isNull()) {
      if (!type.equals("INCLUDE")) {
        throw DynamoError.validation("One or more parameter values were invalid: ProjectionType is " + type
            + ", but NonKeyAttributes is specified");
      }
      nonKeyNode.forEach(attribute -> nonKey.add(attribute.asText()));
    }
    if (type.equals("INCLUDE") && nonKey.isEmpty()) {
      throw DynamoError.validation("One or more parameter values were invalid: NonKeyAttributes must not be empty when "
          + "ProjectionType is INCLUDE");
    }
    if (!List.of("ALL", "KEYS_ONLY", "INCLUDE").contains(type)) {
      throw DynamoError.validation("1 validation error detected: Value '" + type + "' at 'projection.projectionType' failed "
          + "to satisfy constraint: Member must satisfy enum value set: [ALL, INCLUDE, KEYS_ONLY]");
    }
    return new SecondaryIndex(name, global, key, table.key, type, nonKey, table.arn + "/index/" + name);
  }

  private static void add(Table table, SecondaryIndex index) {
    if (table.indexes.containsKey(index.name)) {
      throw DynamoError.validation("One or more parameter values were invalid: Duplicate index name: " + index.name);
    }
    table.indexes.put(index.name, index);
  }

  /** A global index's ProvisionedThroughput at {@code path} of the request: required when provisioned, else refused. */
  private static void capacity(SecondaryIndex index, JsonNode definition, Table table, String path) {
    JsonNode throughput = definition.get("ProvisionedThroughput");
    if (table.billingMode.equals("PROVISIONED")) {
      if (throughput == null || throughput.isNull()) {
        throw DynamoError.validation("One or more parameter values were invalid: ProvisionedThroughput must be specified for "
            + "index: " + index.name);
      }
      index.readCapacity = units(throughput, "ReadCapacityUnits", path + "provisionedThroughput.readCapacityUnits");
      index.writeCapacity = units(throughput, "WriteCapacityUnits", path + "provisionedThroughput.writeCapacityUnits");
    } else if (throughput != null && !throughput.isNull()) {
      throw DynamoError.validation("One or more parameter values were invalid: ProvisionedThroughput should not be specified "
          + "for index: " + index.name + " when BillingMode is PAY_PER_REQUEST");
    }
  }

  private void billing(Table table, JsonNode request, boolean creating) {
    String mode = Requests.text(request, "BillingMode", creating ? "PROVISIONED" : table.billingMode);
    if (!mode.equals("PROVISIONED") && !mode.equals("PAY_PER_REQUEST")) {
      throw DynamoError.validation("1 validation error detected: Value '" + mode + "' at 'billingMode' failed to satisfy "
          + "constraint: Member must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]");
    }
    JsonNode throughput = request.get("ProvisionedThroughput");
    boolean given = throughput != null && !throughput.isNull();
    if (mode.equals("PROVISIONED")) {
      if (given) {
        long read = units(throughput, "ReadCapacityUnits", "provisionedThroughput.readCapacityUnits");
        long write = units(throughput, "WriteCapacityUnits", "provisionedThroughput.writeCapacityUnits");
        if (!creating && "PROVISIONED".equals(table.billingMode)) {
          throughputChanged(table, read, write);
        }
        table.readCapacity = read;
        table.writeCapacity = write;
      } else if (creating) {
        throw DynamoError.validation("One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits "
            + "must both be specified when BillingMode is PROVISIONED");
      } else if (!"PROVISIONED".equals(table.billingMode)) {
        throw DynamoError.validation("One or more parameter values were invalid: ProvisionedThroughput must be "
            + "specified when BillingMode is PROVISIONED");
      }
    } else {
      if (given) {
        throw DynamoError.validation("One or more parameter values were invalid: Neither ReadCapacityUnits nor "
            + "WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
      }
      table.readCapacity = 0;
      table.writeCapacity = 0;
      // on demand, global indexes have no capacity of their own either
      table.indexes.values().forEach(index -> {
        index.readCapacity = 0;
        index.writeCapacity = 0;
      });
      if (!mode.equals(table.billingMode)) {
        table.lastPayPerRequest = state.clock().instant();
      }
    }
    table.billingMode = mode;
  }

  /** Records when a provisioned table's throughput was last raised or lowered, and the day's count of decreases. */
  private void throughputChanged(Table table, long read, long write) {
    Instant now = state.clock().instant();
    if (read > table.readCapacity || write > table.writeCapacity) {
      table.lastIncrease = now;
    }
    if (read < table.readCapacity || write < table.writeCapacity) {
      boolean sameDay = table.lastDecrease != null && table.lastDecrease.truncatedTo(ChronoUnit.DAYS)
          .equals(now.truncatedTo(ChronoUnit.DAYS));
      table.decreasesThatDay = sameDay ? table.decreasesThatDay + 1 : 1;
      table.lastDecrease = now;
    }
  }

  /**
   * One member of a ProvisionedThroughput, as the API model constrains it: present, and at least 1.
   * {@code path} names it in DynamoDB's validation message.
   */
  private static long units(JsonNode throughput, String member, String path) {
    JsonNode units = throughput.get(member);
    if (units == null || units.isNull()) {
      throw DynamoError.validation("1 validation error detected: Value null at '" + path + "' failed to satisfy "
          + "constraint: Member must not be null");
    }
    if (!units.canConvertToLong() || units.asLong() < 1) {
      throw DynamoError.validation("1 validation error detected: Value '" + units.asText() + "' at '" + path
          + "' failed to satisfy constraint: Member must have value greater than or equal to 1");
    }
    return units.asLong();
  }

  /** Applies a StreamSpecification: at creation a disabled stream is simply none, on update it must exist. */
  private void streamSpecification(Table table, JsonNode specification, boolean creating) {
    if (specification == null || specification.isNull()) {
      return;
    }
    boolean enabled = Requests.flag(specification, "StreamEnabled");
    if (enabled) {
      String viewType = Requests.choice(specification, "StreamViewType", null,
          "KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES");
      if (table.stream != null && table.stream.enabled) {
        throw DynamoError.validation("Table already has an enabled stream: TableName: " + table.name);
      }
      Instant created = state.clock().instant();
      if (table.stream != null && !created.isAfter(table.stream.created)) {
        created = table.stream.created.plusMillis(1); // stream labels stay distinct
      }
      table.stream = new Stream(table.arn, table.name, viewType, table.key, created);
      table.streams.add(table.stream);
      state.streams.put(table.stream.arn, table.stream);
    } else {
      if (specification.hasNonNull("StreamViewType")) {
        throw DynamoError.validation("One or more parameter values were invalid: StreamViewType cannot be specified when "
            + "StreamEnabled is false");
      }
      if (creating) {
        return;
      }
      if (table.stream == null || !table.stream.enabled) {
        throw DynamoError.validation("Table already has no enabled stream");
      }
      table.stream.enabled = false;
    }
  }

  ObjectNode describeTable(JsonNode request) {
    ObjectNode response = Json.object();
    response.set("Table", TableDescriptions.of(state.namedTable(Requests.tableName(request))));
    return response;
  }

  ObjectNode listTables(JsonNode request) {
    int limit = request.path("Limit").asInt(100);
    if (limit < 1 || limit > 100) {
      throw DynamoError.validation("1 validation error detected: Value '" + limit + "' at 'limit' failed to satisfy "
          + "constraint: Member must have value " + (limit < 1 ? "greater than or equal to 1" : "less than or equal to 100"));
    }
    String start = Requests.text(request, "ExclusiveStartTableName", null);
    TreeMap<String, Table> sorted = new TreeMap<>(state.tables);
    var names = (start == null ? sorted : sorted.tailMap(start, false)).keySet().iterator();
    ObjectNode response = Json.object();
    ArrayNode list = response.putArray("TableNames");
    String last = null;
    while (names.hasNext() && list.size() < limit) {
      last = names.next();
      list.add(last);
    }
    if (names.hasNext()) {
      response.put("LastEvaluatedTableName", last);
    }
    return response;
  }

  ObjectNode deleteTable(JsonNode request) {
    Table table = state.namedTable(Requests.tableName(request));
    if (table.deletionProtection) {
      throw DynamoError.validation("Resource cannot be deleted as it is currently protected against deletion. Disable "
          + "deletion protection first.");
    }
    ObjectNode description = TableDescriptions.of(table);
    description.put("TableStatus", "DELETING");
    // a table being deleted is described without its indexes
    description.remove(List.of("GlobalSecondaryIndexes", "LocalSecondaryIndexes"));
    state.tables.remove(table.name);
    if (table.stream != null) {
      table.stream.enabled = false;
    }
    ObjectNode response = Json.object();
    response.set("TableDescription", description);
    return response;
  }

  ObjectNode updateTable(JsonNode request) {
    UpdateTableChecks.beforeTable(request);
    Table table = state.namedTable(Requests.tableName(request));
    UpdateTableChecks.withTable(table, request);
    JsonNode definitions = request.get("AttributeDefinitions");
    Map<String, String> types = new LinkedHashMap<>(table.attributeTypes);
    if (definitions != null && !definitions.isNull()) {
      attributeDefinitions(definitions).forEach((name, type) -> {
        String old = types.putIfAbsent(name, type);
        if (old != null && !old.equals(type)) {
          throw DynamoError.validation("Cannot change the type of attribute " + name + " from " + old + " to " + type);
        }
      });
    }
    if (request.hasNonNull("BillingMode") || request.hasNonNull("ProvisionedThroughput")) {
      billing(table, request, false);
    }
    JsonNode updates = request.get("GlobalSecondaryIndexUpdates");
    if (updates != null && !updates.isNull()) {
      for (JsonNode update : updates) {
        if (update.hasNonNull("Create")) {
          JsonNode create = update.get("Create");
          if (table.indexes.values().stream().filter(i -> i.global).count() >= MAX_GLOBAL_INDEXES) {
            throw DynamoError.validation("One or more parameter values were invalid: GlobalSecondaryIndex count exceeds the "
                + "per-table limit of " + MAX_GLOBAL_INDEXES);
          }
          SecondaryIndex index = index(table, create, true, types);
          if (table.indexes.containsKey(index.name)) {
            throw DynamoError.validation("One or more parameter values were invalid: Index with name " + index.name
                + " already exists");
          }
          capacity(index, create, table, "globalSecondaryIndexUpdates.member.create.");
          table.attributeTypes.clear();
          table.attributeTypes.putAll(types);
          table.indexes.put(index.name, index);
          table.backfill(index);
        } else if (update.hasNonNull("Delete")) {
          String name = Requests.required(update.get("Delete"), "IndexName");
          SecondaryIndex index = table.indexes.get(name);
          if (index == null || !index.global) {
            throw DynamoError.notFound("Requested resource not found: Index: " + name + " not found");
          }
          table.indexes.remove(name);
        } else if (update.hasNonNull("Update")) {
          JsonNode change = update.get("Update");
          SecondaryIndex index = table.indexes.get(Requests.required(change, "IndexName"));
          if (index == null || !index.global) {
            throw DynamoError.notFound("Requested resource not found: Index: " + change.get("IndexName").asText() + " not found");
          }
          capacity(index, change, table, "globalSecondaryIndexUpdates.member.update.");
        }
      }
    }
    streamSpecification(table, request.get("StreamSpecification"), false);
    if (request.hasNonNull("DeletionProtectionEnabled")) {
      table.deletionProtection = request.get("DeletionProtectionEnabled").asBoolean();
    }
    ObjectNode response = Json.object();
    response.set("TableDescription", TableDescriptions.of(table));
    return response;
  }

  ObjectNode updateTimeToLive(JsonNode request) {
    Table table = state.namedTable(Requests.tableName(request));
    JsonNode specification = request.get("TimeToLiveSpecification");
    if (specification == null || specification.isNull()) {
      throw DynamoError.validation("1 validation error detected: Value null at 'timeToLiveSpecification' failed to satisfy "
          + "constraint: Member must not be null");
    }
    boolean enabled = Requests.flag(specification, "Enabled");
    String attribute = Requests.required(specification, "AttributeName");
    if (enabled && table.ttlEnabled) {
      throw DynamoError.validation("TimeToLive is already enabled");
    }
    if (!enabled && !table.ttlEnabled) {
      throw DynamoError.validation("TimeToLive is already disabled");
    }
    if (!enabled && !attribute.equals(table.ttlAttribute)) {
      throw DynamoError.validation("TimeToLive is active on a different AttributeName: current AttributeName is "
          + table.ttlAttribute);
    }
    Instant now = state.clock().instant();
    if (table.ttlChanged != null && now.isBefore(table.ttlChanged.plusSeconds(3600))) {
      // DynamoDB takes up to an hour to apply a change and refuses another one meanwhile
      throw DynamoError.validation("Time to live has been modified multiple times within a fixed interval");
    }
    table.ttlEnabled = enabled;
    table.ttlAttribute = attribute;
    table.ttlChanged = now;
    ObjectNode response = Json.object();
    response.putObject("TimeToLiveSpecification").put("Enabled", enabled).put("AttributeName", attribute);
    return response;
  }

  ObjectNode describeTimeToLive(JsonNode request) {
    Table table = state.namedTable(Requests.tableName(request));
    ObjectNode response = Json.object();
    ObjectNode description = response.putObject("TimeToLiveDescription");
    description.put("TimeToLiveStatus", table.ttlEnabled ? "ENABLED" : "DISABLED");
    if (table.ttlEnabled) {
      description.put("AttributeName", table.ttlAttribute);
    }
    return response;
  }

  ObjectNode describeEndpoints() {
    ObjectNode response = Json.object();
    response.putArray("Endpoints").addObject().put("Address", "localhost").put("CachePeriodInMinutes", 1440);
    return response;
  }

  ObjectNode describeLimits() {
    ObjectNode response = Json.object();
    response.put("AccountMaxReadCapacityUnits", 80000).put("AccountMaxWriteCapacityUnits", 80000)
        .put("TableMaxReadCapacityUnits", 40000).put("TableMaxWriteCapacityUnits", 40000);
    return response;
  }
}
