package dev.monotable.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.monotable.local.value.DynamoError;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * UpdateTable's checks of what a request means, in the order DynamoDB makes them and with its
 * words: first those that need no table (throughput bounds, something to update, one action per
 * index update, one update per index), then, once the table is found, those that depend on it
 * (one index created or deleted at a time, index throughput bounds, a throughput that changes).
 */
final class UpdateTableChecks {
  private static final String INVALID = "One or more parameter values were invalid: ";
  private static final long MAX_UNITS = 1_000_000_000_000L;
  private static final List<String> UNITS = List.of("ReadCapacityUnits", "WriteCapacityUnits");
  /** The members that change a table besides its global secondary indexes; any one makes a request an update. */
  private static final List<String> CHANGES = List.of("ProvisionedThroughput", "BillingMode", "StreamSpecification",
      "SSESpecification", "ReplicaUpdates", "DeletionProtectionEnabled", "TableClass", "OnDemandThroughput",
      "WarmThroughput", "AttributeDefinitions", "MultiRegionConsistency", "GlobalTableWitnessUpdates");

  private UpdateTableChecks() {}

  /** The checks DynamoDB makes before it looks for the table. */
  static void beforeTable(JsonNode request) {
    JsonNode throughput = request.get("ProvisionedThroughput");
    if (throughput != null && throughput.isObject()) {
      checkBounds(throughput);
    }
    JsonNode updates = request.get("GlobalSecondaryIndexUpdates");
    boolean anyChange = updates != null && updates.size() > 0;
    for (String member : CHANGES) {
      anyChange |= request.hasNonNull(member);
    }
    if (!anyChange) {
      throw DynamoError.validation("At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, "
          + "GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required");
    }
    if (updates == null || !updates.isArray()) {
      return;
    }
    for (JsonNode update : updates) {
      if (!update.hasNonNull("Update") && !update.hasNonNull("Create") && !update.hasNonNull("Delete")) {
        throw DynamoError.validation(INVALID + "One of GlobalSecondaryIndexUpdate.Update, "
            + "GlobalSecondaryIndexUpdate.Create, GlobalSecondaryIndexUpdate.Delete must not be null");
      }
    }
    Set<String> indexes = new HashSet<>();
    for (JsonNode update : updates) {
      JsonNode action = update.hasNonNull("Update") ? update.get("Update")
          : update.hasNonNull("Create") ? update.get("Create") : update.get("Delete");
      String name = action.path("IndexName").asText();
      if (!indexes.add(name)) {
        throw DynamoError.validation(INVALID + "Only one global secondary index update per index is allowed "
            + "simultaneously. Index: " + name);
      }
    }
  }

  /** The checks DynamoDB makes once it has found {@code table}. */
  static void withTable(Table table, JsonNode request) {
    JsonNode updates = request.get("GlobalSecondaryIndexUpdates");
    if (updates != null && updates.isArray()) {
      int onlineChanges = 0;
      for (JsonNode update : updates) {
        if (update.hasNonNull("Create") || update.hasNonNull("Delete")) {
          onlineChanges++;
        }
      }
      if (onlineChanges > 1) {
        throw new DynamoError("LimitExceededException", "Subscriber limit exceeded: Only 1 online index can be "
            + "created or deleted simultaneously per table", 400);
      }
      for (JsonNode update : updates) {
        JsonNode throughput = update.path("Update").get("ProvisionedThroughput");
        if (throughput != null && throughput.isObject() && outOfBounds(throughput)) {
          throw DynamoError.validation("This operation cannot be performed with given input values. Please contact "
              + "DynamoDB service team for more info: Action Blocked: IndexUpdate");
        }
      }
    }
    JsonNode throughput = request.get("ProvisionedThroughput");
    boolean onlyThroughput = throughput != null && throughput.isObject() && (updates == null || updates.size() == 0);
    for (String member : CHANGES) {
      onlyThroughput &= member.equals("ProvisionedThroughput") || !request.hasNonNull(member);
    }
    if (onlyThroughput && table.billingMode.equals("PROVISIONED")
        && throughput.path("ReadCapacityUnits").asLong() == table.readCapacity
        && throughput.path("WriteCapacityUnits").asLong() == table.writeCapacity) {
      throw DynamoError.validation("The provisioned throughput for the table will not change. The requested value "
          + "equals the current value. Current ReadCapacityUnits provisioned for the table: " + table.readCapacity
          + ". Requested ReadCapacityUnits: " + table.readCapacity + ". Current WriteCapacityUnits provisioned for the "
          + "table: " + table.writeCapacity + ". Requested WriteCapacityUnits: " + table.writeCapacity
          + ". Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits.");
    }
  }

  private static void checkBounds(JsonNode throughput) {
    for (String units : UNITS) {
      JsonNode value = throughput.get(units);
      if (value != null && value.isNumber() && value.asDouble() > MAX_UNITS) {
        throw DynamoError.validation("Given value " + value.asText() + " for " + units + " is out of bounds");
      }
    }
  }

  private static boolean outOfBounds(JsonNode throughput) {
    for (String units : UNITS) {
      JsonNode value = throughput.get(units);
      if (value != null && value.isNumber() && value.asDouble() > MAX_UNITS) {
        return true;
      }
    }
    return false;
  }
}
