package dev.monotable.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.monotable.local.value.DynamoError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * CreateTable's checks of what a request means, once its members have passed the service model's
 * constraints, in the order DynamoDB makes them and with its words: billing and throughput, the
 * table's key schema against the attribute definitions, then each local and each global secondary
 * index, then the number of indexes. The first broken rule is the answer, as DynamoDB gives one.
 */
final class CreateTableChecks {
  private static final String INVALID = "One or more parameter values were invalid: ";
  private static final String PAY_PER_REQUEST = "PAY_PER_REQUEST";
  private static final long MAX_UNITS = 1_000_000_000_000L;
  private static final int MAX_LOCAL_INDEXES = 5;
  private static final int MAX_GLOBAL_INDEXES = 20;

  private CreateTableChecks() {}

  static void check(JsonNode request) {
    boolean onDemand = PAY_PER_REQUEST.equals(request.path("BillingMode").asText(null));
    JsonNode throughput = request.get("ProvisionedThroughput");
    boolean throughputGiven = throughput != null && !throughput.isNull();
    if (onDemand) {
      if (throughputGiven) {
        throw DynamoError.validation(INVALID + "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when "
            + "BillingMode is PAY_PER_REQUEST");
      }
    } else {
      if (!throughputGiven || !throughput.hasNonNull("ReadCapacityUnits")
          || !throughput.hasNonNull("WriteCapacityUnits")) {
        throw DynamoError.validation(INVALID + "ReadCapacityUnits and WriteCapacityUnits must both be specified when "
            + "BillingMode is PROVISIONED");
      }
      for (String units : List.of("ReadCapacityUnits", "WriteCapacityUnits")) {
        JsonNode value = throughput.get(units);
        if (value.isNumber() && value.asDouble() > MAX_UNITS) {
          throw DynamoError.validation("Given value " + value.asText() + " for " + units + " is out of bounds");
        }
      }
    }
    List<String> definitions = names(request.get("AttributeDefinitions"));
    JsonNode keySchema = request.get("KeySchema");
    List<String> keys = names(keySchema);
    if (keys.size() > definitions.size()) {
      throw DynamoError.validation("Invalid KeySchema: Some index key attribute have no definition");
    }
    checkDefined(keys, definitions);
    checkOrder(keySchema, keys);
    JsonNode locals = request.get("LocalSecondaryIndexes");
    JsonNode globals = request.get("GlobalSecondaryIndexes");
    boolean hasLocals = locals != null && !locals.isNull();
    boolean hasGlobals = globals != null && !globals.isNull();
    if (!hasLocals && !hasGlobals && keys.size() != definitions.size()) {
      throw DynamoError.validation(INVALID + "Number of attributes in KeySchema does not exactly match number of "
          + "attributes defined in AttributeDefinitions");
    }
    Set<String> indexNames = new HashSet<>();
    if (hasLocals) {
      if (locals.size() == 0) {
        throw DynamoError.validation(INVALID + "List of LocalSecondaryIndexes is empty");
      }
      if (keys.size() != 2) {
        throw DynamoError.validation(INVALID + "Table KeySchema does not have a range key, which is required when "
            + "specifying a LocalSecondaryIndex");
      }
      for (JsonNode index : locals) {
        String name = index.path("IndexName").asText();
        JsonNode indexSchema = index.get("KeySchema");
        List<String> indexKeys = names(indexSchema);
        checkDefined(indexKeys, definitions);
        checkOrder(indexSchema, indexKeys);
        if (indexKeys.size() != 2) {
          throw DynamoError.validation(INVALID + "Index KeySchema does not have a range key for index: " + name);
        }
        if (!indexKeys.get(0).equals(keys.get(0))) {
          throw DynamoError.validation(INVALID + "Index KeySchema does not have the same leading hash key as table "
              + "KeySchema for index: " + name + ". index hash key: " + indexKeys.get(0) + ", table hash key: "
              + keys.get(0));
        }
        checkProjection(index.get("Projection"));
        if (!indexNames.add(name)) {
          throw DynamoError.validation(INVALID + "Duplicate index name: " + name);
        }
      }
      if (locals.size() > MAX_LOCAL_INDEXES) {
        throw DynamoError.validation(INVALID + "Number of LocalSecondaryIndexes exceeds per-table limit of "
            + MAX_LOCAL_INDEXES);
      }
    }
    if (hasGlobals) {
      if (globals.size() == 0) {
        throw DynamoError.validation(INVALID + "List of GlobalSecondaryIndexes is empty");
      }
      for (JsonNode index : globals) {
        String name = index.path("IndexName").asText();
        JsonNode indexSchema = index.get("KeySchema");
        List<String> indexKeys = names(indexSchema);
        checkDefined(indexKeys, definitions);
        checkOrder(indexSchema, indexKeys);
        checkProjection(index.get("Projection"));
        if (onDemand && index.hasNonNull("ProvisionedThroughput")) {
          throw DynamoError.validation(INVALID + "ProvisionedThroughput should not be specified for index: " + name
              + " when BillingMode is PAY_PER_REQUEST");
        }
        if (!indexNames.add(name)) {
          throw DynamoError.validation(INVALID + "Duplicate index name: " + name);
        }
      }
      if (globals.size() > MAX_GLOBAL_INDEXES) {
        throw DynamoError.validation(INVALID + "GlobalSecondaryIndex count exceeds the per-table limit of "
            + MAX_GLOBAL_INDEXES);
      }
    }
  }

  /** The AttributeName of each element of a list of definitions or key schema elements, in order. */
  private static List<String> names(JsonNode list) {
    List<String> names = new ArrayList<>();
    if (list != null && list.isArray()) {
      list.forEach(element -> names.add(element.path("AttributeName").asText()));
    }
    return names;
  }

  private static void checkDefined(List<String> keys, List<String> definitions) {
    if (!definitions.containsAll(keys)) {
      throw DynamoError.validation(INVALID + "Some index key attributes are not defined in AttributeDefinitions. Keys: "
          + keys + ", AttributeDefinitions: " + definitions);
    }
  }

  /** The same name twice, a first element that is not HASH, a second that is not RANGE: in that order. */
  private static void checkOrder(JsonNode schema, List<String> keys) {
    if (keys.size() > 1 && keys.get(0).equals(keys.get(1))) {
      throw DynamoError.validation("Both the Hash Key and the Range Key element in the KeySchema have the same name");
    }
    if (!"HASH".equals(schema.get(0).path("KeyType").asText())) {
      throw DynamoError.validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
    }
    if (keys.size() > 1 && !"RANGE".equals(schema.get(1).path("KeyType").asText())) {
      throw DynamoError.validation("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
    }
  }

  private static void checkProjection(JsonNode projection) {
    JsonNode type = projection == null ? null : projection.get("ProjectionType");
    if (type == null || type.isNull()) {
      throw DynamoError.validation(INVALID + "Unknown ProjectionType: null");
    }
    if (projection.hasNonNull("NonKeyAttributes") && !type.asText().equals("INCLUDE")) {
      throw DynamoError.validation(INVALID + "ProjectionType is " + type.asText()
          + ", but NonKeyAttributes is specified");
    }
  }
}
