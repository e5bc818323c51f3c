package dev.monotable.local.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.monotable.local.MonotableLocal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/**
 * CreateTable, UpdateTable, DeleteTable, DescribeTable and ListTables as a public conformance suite
 * recorded them against live DynamoDB: the serialization error of every member of the wrong JSON
 * type, the constraint and request checks in DynamoDB's order, and what each answers. A table is
 * ACTIVE at once here, so the suite's cases about tables still being created are left out.
 */
@EngineOnly("sends raw request bodies, many of which the SDK cannot build")
class RecordedTableTest extends RecordedFixtures {
  private static final String CREATE = "CreateTable";
  private static final String AD_AB = "AttributeDefinitions: [{AttributeName: 'a', AttributeType: 'S'}, "
      + "{AttributeName: 'b', AttributeType: 'S'}]";
  private static final String KS_A = "KeySchema: [{KeyType: 'HASH', AttributeName: 'a'}]";
  private static final String KS_AB = "KeySchema: [{KeyType: 'HASH', AttributeName: 'a'}, "
      + "{KeyType: 'RANGE', AttributeName: 'b'}]";
  private static final String PT = "ProvisionedThroughput: {ReadCapacityUnits: 1, WriteCapacityUnits: 1}";
  private static final String INDEX_AB = "KeySchema: [{AttributeName: 'a', KeyType: 'HASH'}, "
      + "{AttributeName: 'b', KeyType: 'RANGE'}]";
  private static final String NOT_NULL = "' failed to satisfy constraint: Member must not be null";
  private static final String NO_DEFINITION = "Invalid KeySchema: Some index key attribute have no definition";
  private static final String SAME_NAME = "Both the Hash Key and the Range Key element in the KeySchema have the "
      + "same name";
  private static final String UNKNOWN_PROJECTION = INVALID + "Unknown ProjectionType: null";

  // ================================================================ CreateTable

  @Test
  void createTable_serialization() {
    List<Case> cases = new ArrayList<>();
    cases.addAll(typeCases(CREATE, "TableName", "String"));
    cases.addAll(typeCases(CREATE, "AttributeDefinitions", "List"));
    cases.addAll(typeCases(CREATE, "KeySchema", "List"));
    cases.addAll(typeCases(CREATE, "LocalSecondaryIndexes", "List"));
    cases.addAll(typeCases(CREATE, "GlobalSecondaryIndexes", "List"));
    cases.addAll(typeCases(CREATE, "ProvisionedThroughput", "FieldStruct<ProvisionedThroughput>"));
    cases.addAll(typeCases(CREATE, "ProvisionedThroughput.WriteCapacityUnits", "Long"));
    cases.addAll(typeCases(CREATE, "ProvisionedThroughput.ReadCapacityUnits", "Long"));
    cases.addAll(typeCases(CREATE, "KeySchema.0", "ValueStruct<KeySchemaElement>"));
    cases.addAll(typeCases(CREATE, "KeySchema.0.KeyType", "String"));
    cases.addAll(typeCases(CREATE, "KeySchema.0.AttributeName", "String"));
    cases.addAll(typeCases(CREATE, "AttributeDefinitions.0", "ValueStruct<AttributeDefinition>"));
    cases.addAll(typeCases(CREATE, "AttributeDefinitions.0.AttributeName", "String"));
    cases.addAll(typeCases(CREATE, "AttributeDefinitions.0.AttributeType", "String"));
    for (String kind : List.of("LocalSecondaryIndexes", "GlobalSecondaryIndexes")) {
      String index = kind + ".0";
      cases.addAll(typeCases(CREATE, index, "ValueStruct<" + kind.substring(0, kind.length() - 2) + ">"));
      cases.addAll(typeCases(CREATE, index + ".IndexName", "String"));
      cases.addAll(typeCases(CREATE, index + ".KeySchema", "List"));
      cases.addAll(typeCases(CREATE, index + ".Projection", "FieldStruct<Projection>"));
      cases.addAll(typeCases(CREATE, index + ".KeySchema.0", "ValueStruct<KeySchemaElement>"));
      cases.addAll(typeCases(CREATE, index + ".KeySchema.0.AttributeName", "String"));
      cases.addAll(typeCases(CREATE, index + ".KeySchema.0.KeyType", "String"));
      cases.addAll(typeCases(CREATE, index + ".Projection.NonKeyAttributes", "List"));
      cases.addAll(typeCases(CREATE, index + ".Projection.ProjectionType", "String"));
      cases.addAll(typeCases(CREATE, index + ".Projection.NonKeyAttributes.0", "String"));
    }
    cases.addAll(typeCases(CREATE, "GlobalSecondaryIndexes.0.ProvisionedThroughput",
        "FieldStruct<ProvisionedThroughput>"));
    cases.addAll(typeCases(CREATE, "GlobalSecondaryIndexes.0.ProvisionedThroughput.WriteCapacityUnits", "Long"));
    cases.addAll(typeCases(CREATE, "GlobalSecondaryIndexes.0.ProvisionedThroughput.ReadCapacityUnits", "Long"));
    cases.addAll(typeCases(CREATE, "BillingMode", "String"));
    check(cases);
  }

  @Test
  void createTable_validation() {
    List<Case> cases = new ArrayList<>();
    cases.add(validation(CREATE, "{}", "The parameter 'TableName' is required but was not present in the request"));
    String nameLength = "TableName must be at least 3 characters long and at most 255 characters long";
    cases.add(validation(CREATE, "{TableName: ''}", nameLength));
    cases.add(validation(CREATE, "{TableName: 'a;'}", nameLength));
    cases.add(validation(CREATE, "{TableName: '" + "a".repeat(256) + "'}", nameLength));
    cases.add(validations(CREATE, "{TableName: 'abc;'}", "Value null at 'attributeDefinitions" + NOT_NULL,
        "Value 'abc;' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: "
            + "[a-zA-Z0-9_.-]+", "Value null at 'keySchema" + NOT_NULL));
    cases.add(validations(CREATE, "{TableName: 'abc', AttributeDefinitions: []}", "Value null at "
        + "'keySchema" + NOT_NULL));
    cases.add(validations(CREATE, "{TableName: 'abc', AttributeDefinitions: [], ProvisionedThroughput: {}, "
            + "BillingMode: 'PAY_PER_REQUEST'}",
        "Value null at 'provisionedThroughput.writeCapacityUnits" + NOT_NULL,
        "Value null at 'provisionedThroughput.readCapacityUnits" + NOT_NULL, "Value null at 'keySchema" + NOT_NULL));
    cases.add(validations(CREATE, "{TableName: 'abc', AttributeDefinitions: [], KeySchema: [], "
            + "ProvisionedThroughput: {ReadCapacityUnits: -1, WriteCapacityUnits: -1}, BillingMode: 'A'}",
        "Value 'A' at 'billingMode' failed to satisfy constraint: Member must satisfy enum value set: "
            + "[PROVISIONED, PAY_PER_REQUEST]",
        "Value '-1' at 'provisionedThroughput.writeCapacityUnits' failed to satisfy constraint: "
            + "Member must have value greater than or equal to 1",
        "Value '-1' at 'provisionedThroughput.readCapacityUnits' failed to satisfy constraint: "
            + "Member must have value greater than or equal to 1",
        "Value '[]' at 'keySchema' failed to satisfy constraint: Member must have length greater than or equal to 1"));
    cases.add(validations(CREATE, "{TableName: 'abc', AttributeDefinitions: [], KeySchema: [{KeyType: 'HASH'}, "
            + "{AttributeName: 'a'}, {KeyType: 'Woop', AttributeName: 'a'}], "
            + "ProvisionedThroughput: {ReadCapacityUnits: 1000000000001, WriteCapacityUnits: 1000000000001}}",
        between("Value '[", "]' at 'keySchema' failed to satisfy constraint: Member must have length less than or "
            + "equal to 2"),
        "Value null at 'keySchema.1.member.attributeName" + NOT_NULL, "Value null at "
            + "'keySchema.2.member.keyType" + NOT_NULL,
        "Value 'Woop' at 'keySchema.3.member.keyType' failed to satisfy constraint: "
            + "Member must satisfy enum value set: [HASH, RANGE]"));
    cases.add(validations(CREATE, "{TableName: 'abc', AttributeDefinitions: [], " + KS_A + ", "
            + "ProvisionedThroughput: {ReadCapacityUnits: 1000000000001, WriteCapacityUnits: -1}}",
        "Value '-1' at 'provisionedThroughput.writeCapacityUnits' failed to satisfy constraint: "
            + "Member must have value greater than or equal to 1"));
    cases.add(validation(CREATE, "{TableName: 'abc', AttributeDefinitions: [], " + KS_A + "}",
        INVALID + "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED"));
    cases.add(validation(CREATE, "{TableName: 'abc', AttributeDefinitions: [], KeySchema: [{KeyType: 'HASH', "
        + "AttributeName: 'a'}, {KeyType: 'HASH', AttributeName: 'a'}], " + PT + ", BillingMode: 'PAY_PER_REQUEST'}",
        INVALID + "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is "
            + "PAY_PER_REQUEST"));
    cases.add(validation(CREATE, "{TableName: 'abc', AttributeDefinitions: [], " + KS_A + ", "
            + "ProvisionedThroughput: {ReadCapacityUnits: 1000000000001, WriteCapacityUnits: 1000000000001}}",
        "Given value 1000000000001 for ReadCapacityUnits is out of bounds"));
    cases.add(validation(CREATE, "{TableName: 'abc', AttributeDefinitions: [], " + KS_A + ", "
            + "ProvisionedThroughput: {WriteCapacityUnits: 1000000000001, ReadCapacityUnits: 1000000000001}}",
        "Given value 1000000000001 for ReadCapacityUnits is out of bounds"));
    cases.add(validation(CREATE, "{TableName: 'abc', AttributeDefinitions: [], " + KS_A + ", "
            + "ProvisionedThroughput: {ReadCapacityUnits: 1000000000000, WriteCapacityUnits: 1000000000001}}",
        "Given value 1000000000001 for WriteCapacityUnits is out of bounds"));
    String doubleHash = "KeySchema: [{KeyType: 'HASH', AttributeName: 'a'}, {KeyType: 'HASH', AttributeName: 'a'}]";
    cases.add(validation(CREATE, "{TableName: 'abc', AttributeDefinitions: [], " + doubleHash + ", " + PT + "}",
        NO_DEFINITION));
    cases.add(validation(CREATE, "{TableName: 'abc', AttributeDefinitions: [], " + KS_A + ", BillingMode: "
        + "'PAY_PER_REQUEST'}", NO_DEFINITION));
    cases.add(validations(CREATE, "{TableName: 'abc', AttributeDefinitions: [{}], " + doubleHash + ", " + PT + "}",
        "Value null at 'attributeDefinitions.1.member.attributeName" + NOT_NULL,
        "Value null at 'attributeDefinitions.1.member.attributeType" + NOT_NULL));
    cases.add(validation(CREATE, "{TableName: 'abc', AttributeDefinitions: [{AttributeName: 'b', AttributeType: "
        + "'SS'}], "
        + doubleHash + ", " + PT + "}", "1 validation error detected: Value 'SS' at "
        + "'attributeDefinitions.1.member.attributeType' failed to satisfy constraint: Member must satisfy enum "
        + "value set: "
        + "[B, N, S]"));
    cases.add(validation(CREATE, "{TableName: 'abc', AttributeDefinitions: [{AttributeName: 'b', AttributeType: 'a'}], "
        + doubleHash + ", " + PT + "}", "1 validation error detected: Value 'a' at "
        + "'attributeDefinitions.1.member.attributeType' failed to satisfy constraint: Member must satisfy enum "
        + "value set: "
        + "[B, N, S]"));
    String adB = "AttributeDefinitions: [{AttributeName: 'b', AttributeType: 'S'}]";
    cases.add(validation(CREATE, "{TableName: 'abc', " + adB + ", " + doubleHash + ", " + PT + "}", NO_DEFINITION));
    cases.add(validation(CREATE, "{TableName: 'abc', " + adB + ", " + KS_A + ", " + PT + "}",
        INVALID + "Some index key attributes are not defined in AttributeDefinitions. Keys: [a], "
            + "AttributeDefinitions: [b]"));
    cases.add(validation(CREATE, "{TableName: 'abc', " + adB + ", " + KS_AB + ", " + PT + "}", NO_DEFINITION));
    cases.add(validation(CREATE, "{TableName: 'abc', AttributeDefinitions: [{AttributeName: 'a', AttributeType: 'S'}], "
        + doubleHash + ", " + PT + "}", NO_DEFINITION));
    cases.add(validation(CREATE, "{TableName: 'abc', " + AD_AB + ", " + doubleHash + ", " + PT + "}", SAME_NAME));
    cases.add(validation(CREATE, "{TableName: 'abc', " + AD_AB + ", KeySchema: [{KeyType: 'HASH', AttributeName: 'a'}, "
        + "{KeyType: 'HASH', AttributeName: 'b'}], " + PT + "}",
        "Invalid KeySchema: The second KeySchemaElement is not a RANGE key type"));
    cases.add(validation(CREATE, "{TableName: 'abc', " + AD_AB + ", KeySchema: [{KeyType: 'RANGE', AttributeName: "
        + "'a'}, "
        + "{KeyType: 'HASH', AttributeName: 'b'}], " + PT + "}",
        "Invalid KeySchema: The first KeySchemaElement is not a HASH key type"));
    cases.add(validation(CREATE, "{TableName: 'abc', " + AD_AB + ", KeySchema: [{KeyType: 'RANGE', AttributeName: "
        + "'a'}, "
        + "{KeyType: 'RANGE', AttributeName: 'b'}], " + PT + "}",
        "Invalid KeySchema: The first KeySchemaElement is not a HASH key type"));
    String countMismatch = INVALID + "Number of attributes in KeySchema does not exactly match number of attributes "
        + "defined in AttributeDefinitions";
    cases.add(validation(CREATE, "{TableName: 'abc', AttributeDefinitions: [{AttributeName: 'a', AttributeType: 'S'}, "
        + "{AttributeName: 'c', AttributeType: 'S'}, {AttributeName: 'b', AttributeType: 'S'}], " + KS_AB + ", "
        + PT + "}",
        countMismatch));
    cases.add(validation(CREATE, "{TableName: 'abc', " + AD_AB + ", " + KS_A + ", " + PT + "}", countMismatch));
    indexCases(cases, true);
    indexCases(cases, false);
    cases.add(validation(CREATE, table(KS_AB, "GlobalSecondaryIndexes: " + indexes(21, false)),
        INVALID + "GlobalSecondaryIndex count exceeds the per-table limit of 20"));
    cases.add(validation(CREATE, table(KS_AB, "LocalSecondaryIndexes: [{IndexName: 'abc', " + INDEX_AB + ", "
        + "Projection: {ProjectionType: 'ALL'}}], GlobalSecondaryIndexes: [{IndexName: 'abc', " + INDEX_AB + ", " + PT
        + ", Projection: {ProjectionType: 'ALL'}}]"), INVALID + "Duplicate index name: abc"));
    cases.add(validation(CREATE, "{TableName: 'abc', " + AD_AB + ", " + KS_A + ", BillingMode: 'PAY_PER_REQUEST', "
        + "GlobalSecondaryIndexes: [{IndexName: 'abc', " + INDEX_AB + ", Projection: {ProjectionType: 'ALL'}}, "
        + "{IndexName: 'abd', " + INDEX_AB + ", " + PT + ", Projection: {ProjectionType: 'ALL'}}]}",
        INVALID + "ProvisionedThroughput should not be specified for index: abd when BillingMode is PAY_PER_REQUEST"));
    check(cases);
  }

  /** A CreateTable body of table {@code abc} with attributes a and b, the key schema and the extra members given. */
  private static String table(String keySchema, String extra) {
    return "{TableName: 'abc', " + AD_AB + ", " + keySchema + ", " + extra + ", " + PT + "}";
  }

  /** {@code n} valid indexes abc, abd, ... (or abc0, abc1, ... when more than six) on a and b. */
  private static String indexes(int n, boolean local) {
    List<String> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String name = n > 6 ? "abc" + i : "ab" + (char) ('c' + i);
      list.add("{IndexName: '" + name + "', " + INDEX_AB + (local ? "" : ", " + PT) + ", Projection: "
          + "{ProjectionType: 'ALL'}}");
    }
    return "[" + String.join(", ", list) + "]";
  }

  /** The suite's cases on local (or global) secondary indexes, alike for both but for a few answers. */
  private static void indexCases(List<Case> cases, boolean local) {
    String kind = local ? "LocalSecondaryIndexes" : "GlobalSecondaryIndexes";
    String path = local ? "localSecondaryIndexes" : "globalSecondaryIndexes";
    String pt = local ? "" : PT + ", ";
    cases.add(validation(CREATE, table(KS_A, kind + ": []"), INVALID + "List of " + kind + " is empty"));
    // DynamoDB lists ten of the 27 missing members: all three of the first three indexes, then the fourth's name
    List<Object> nulls = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      for (String member : List.of("indexName", "keySchema", "projection")) {
        nulls.add("Value null at '" + path + "." + i + ".member." + member + NOT_NULL);
      }
    }
    nulls.add("Value null at '" + path + ".4.member.indexName" + NOT_NULL);
    cases.add(validations(CREATE, table(KS_AB, kind + ": [{}, {}, {}, {}, {}, {}, {}, {}, {}]"), nulls.toArray()));
    String longName = "a".repeat(256);
    List<Object> badNames = new ArrayList<>(List.of(
        "Value 'h;' at '" + path + ".1.member.indexName' failed to satisfy constraint: Member must satisfy regular "
            + "expression pattern: [a-zA-Z0-9_.-]+",
        "Value 'h;' at '" + path + ".1.member.indexName' failed to satisfy constraint: Member must have length greater "
            + "than or equal to 3",
        "Value '[]' at '" + path + ".1.member.keySchema' failed to satisfy constraint: Member must have length greater "
            + "than or equal to 1",
        "Value '" + longName + "' at '" + path + ".2.member.indexName' failed to satisfy constraint: Member must have "
            + "length less than or equal to 255"));
    if (local) {
      cases.add(validations(CREATE, table(KS_A, kind + ": [{IndexName: 'h;', KeySchema: [], Projection: {}}, "
          + "{IndexName: '"
          + longName + "', KeySchema: [{AttributeName: 'a', KeyType: 'HASH'}], Projection: {}}]"), badNames.toArray()));
      cases.add(validation(CREATE, table(KS_A, kind + ": [{IndexName: 'abc', KeySchema: [{AttributeName: 'c', KeyType: "
          + "'RANGE'}], Projection: {}}]"), INVALID + "Table KeySchema does not have a range key, which is required "
          + "when "
          + "specifying a LocalSecondaryIndex"));
    } else {
      badNames.addAll(List.of(
          "Value '0' at '" + path + ".1.member.provisionedThroughput.writeCapacityUnits' failed to satisfy constraint: "
              + "Member must have value greater than or equal to 1",
          "Value '0' at '" + path + ".1.member.provisionedThroughput.readCapacityUnits' failed to satisfy constraint: "
              + "Member must have value greater than or equal to 1",
          "Value null at '" + path + ".2.member.provisionedThroughput.writeCapacityUnits" + NOT_NULL,
          "Value null at '" + path + ".2.member.provisionedThroughput.readCapacityUnits" + NOT_NULL));
      cases.add(validations(CREATE, table(KS_A, kind + ": [{IndexName: 'h;', KeySchema: [], Projection: {}, "
          + "ProvisionedThroughput: {ReadCapacityUnits: 0, WriteCapacityUnits: 0}}, {IndexName: '" + longName + "', "
          + "KeySchema: [{AttributeName: 'a', KeyType: 'HASH'}], Projection: {}, ProvisionedThroughput: {}}]"),
          badNames.toArray()));
      cases.add(validation(CREATE, table(KS_A, kind + ": [{IndexName: 'abc', KeySchema: [{AttributeName: 'c', KeyType: "
          + "'RANGE'}], Projection: {}, " + PT + "}]"), Pattern.compile(Pattern.quote(INVALID + "Some index key "
          + "attributes "
          + "are not defined in AttributeDefinitions. Keys: [c], AttributeDefinitions: [") + "(a, b|b, a)\\]")));
    }
    cases.add(validation(CREATE, table(KS_AB, kind + ": [{IndexName: 'abc', KeySchema: [{AttributeName: 'c', KeyType: "
        + "'RANGE'}, {AttributeName: 'd', KeyType: 'RANGE'}], " + pt + "Projection: {}}, {IndexName: 'abc', KeySchema: "
        + "[{AttributeName: 'e', KeyType: 'RANGE'}], " + pt + "Projection: {}}]"), undefinedKeys("c", "d")));
    cases.add(validation(CREATE, table(KS_AB, kind + ": [{IndexName: 'abc', KeySchema: [{AttributeName: 'a', KeyType: "
        + "'RANGE'}], " + pt + "Projection: {}}]"), "Invalid KeySchema: The first KeySchemaElement is not a HASH key "
        + "type"));
    cases.add(validation(CREATE, table(KS_AB, kind + ": [{IndexName: 'abc', KeySchema: [{AttributeName: 'a', KeyType: "
        + "'HASH'}, {AttributeName: 'a', KeyType: 'HASH'}], " + pt + "Projection: {}}]"), SAME_NAME));
    cases.add(validation(CREATE, table(KS_AB, kind + ": [{IndexName: 'abc', KeySchema: [{AttributeName: 'a', KeyType: "
        + "'HASH'}, {AttributeName: 'b', KeyType: 'HASH'}], " + pt + "Projection: {}}]"),
        "Invalid KeySchema: The second KeySchemaElement is not a RANGE key type"));
    cases.add(validation(CREATE, table(KS_AB, kind + ": [{IndexName: 'abc', KeySchema: [{AttributeName: 'b', KeyType: "
        + "'HASH'}], " + pt + "Projection: {}}]"),
        local ? INVALID + "Index KeySchema does not have a range key for index: abc" : UNKNOWN_PROJECTION));
    cases.add(validation(CREATE, table(KS_AB, kind + ": [{IndexName: 'abc', KeySchema: [{AttributeName: 'b', KeyType: "
        + "'HASH'}, {AttributeName: 'a', KeyType: 'RANGE'}], " + pt + "Projection: {}}]"),
        local ? INVALID + "Index KeySchema does not have the same leading hash key as table KeySchema for index: abc. "
            + "index hash key: b, table hash key: a" : UNKNOWN_PROJECTION));
    cases.add(validation(CREATE, table(KS_AB, kind + ": [{IndexName: 'abc', KeySchema: [{AttributeName: 'a', KeyType: "
        + "'HASH'}, {AttributeName: 'a', KeyType: 'RANGE'}], " + pt + "Projection: {}}]"), SAME_NAME));
    cases.add(validation(CREATE, table(KS_AB, kind + ": [{IndexName: 'abc', KeySchema: [{AttributeName: 'a', KeyType: "
        + "'HASH'}, {AttributeName: 'c', KeyType: 'RANGE'}], " + pt + "Projection: {}}]"), undefinedKeys("a", "c")));
    String good = "{IndexName: 'abc', " + INDEX_AB + ", " + pt;
    cases.add(validation(CREATE, table(KS_AB, kind + ": [" + good + "Projection: {}}]"), UNKNOWN_PROJECTION));
    cases.add(validations(CREATE, table(KS_AB, kind + ": [" + good + "Projection: {NonKeyAttributes: [], "
            + "ProjectionType: 'abc'}}]"),
        "Value 'abc' at '" + path + ".1.member.projection.projectionType' failed to satisfy constraint: Member must "
            + "satisfy enum value set: [ALL, INCLUDE, KEYS_ONLY]",
        "Value '[]' at '" + path + ".1.member.projection.nonKeyAttributes' failed to satisfy constraint: Member must "
            + "have length greater than or equal to 1"));
    cases.add(validation(CREATE, table(KS_AB, kind + ": [" + good + "Projection: {NonKeyAttributes: ['a']}}]"),
        UNKNOWN_PROJECTION));
    for (String type : List.of("ALL", "KEYS_ONLY")) {
      cases.add(validation(CREATE, table(KS_AB, kind + ": [" + good + "Projection: {ProjectionType: '" + type
          + "', NonKeyAttributes: ['a']}}]"), INVALID + "ProjectionType is " + type + ", but NonKeyAttributes is "
          + "specified"));
    }
    String all = "Projection: {ProjectionType: 'ALL'}}";
    cases.add(validation(CREATE, table(KS_AB, kind + ": [" + good + all + ", " + good + all + "]"),
        INVALID + "Duplicate index name: abc"));
    String six = indexes(6, local);
    cases.add(validations(CREATE, table(KS_AB, kind + ": " + six.substring(0, six.length() - 1) + ", {}]"),
        "Value null at '" + path + ".7.member.projection" + NOT_NULL, "Value null at '" + path + ".7.member.indexName"
            + NOT_NULL, "Value null at '" + path + ".7.member.keySchema" + NOT_NULL));
    if (local) {
      cases.add(validation(CREATE, table(KS_AB, kind + ": " + six),
          INVALID + "Number of LocalSecondaryIndexes exceeds per-table limit of 5"));
    }
  }

  /** DynamoDB's message for index keys without a definition, their names and the definitions in either order. */
  private static Pattern undefinedKeys(String first, String second) {
    return Pattern.compile(Pattern.quote(INVALID + "Some index key attributes are not defined in AttributeDefinitions. "
        + "Keys: [") + "(" + first + ", " + second + "|" + second + ", " + first + ")\\], AttributeDefinitions: "
        + "\\[(a, b|b, a)\\]");
  }

  @Test
  void createTable_basic_describesTheNewTable() {
    String name = EngineTest.uniqueName("basic").replace('-', '_');
    String table = "{TableName: '" + name + "', AttributeDefinitions: [{AttributeName: 'a', AttributeType: 'S'}], "
        + KS_A + ", " + PT + "}";
    double createdAt = System.currentTimeMillis() / 1000.0;
    ObjectNode description = (ObjectNode) ok(CREATE, table).get("TableDescription");
    checkVolatile(description, name, createdAt);
    ObjectNode expected = (ObjectNode) parse(table);
    expected.put("ItemCount", 0).put("TableSizeBytes", 0).put("TableStatus", description.path("TableStatus").asText());
    ((ObjectNode) expected.get("ProvisionedThroughput")).put("NumberOfDecreasesToday", 0);
    assertEquals(numbersAsDoubles(expected), numbersAsDoubles(
        recordedFields(description)));
    assertTrue(Set.of("CREATING", "ACTIVE").contains(description.get("TableStatus").asText()), description.toString());
  }

  @Test
  void createTable_basicPayPerRequest_describesTheNewTable() {
    String name = EngineTest.uniqueName("ondemand").replace('-', '_');
    String table = "{TableName: '" + name + "', AttributeDefinitions: [{AttributeName: 'a', AttributeType: 'S'}], "
        + KS_A + ", BillingMode: 'PAY_PER_REQUEST'}";
    double createdAt = System.currentTimeMillis() / 1000.0;
    ObjectNode description = (ObjectNode) ok(CREATE, table).get("TableDescription");
    checkVolatile(description, name, createdAt);
    ObjectNode expected = (ObjectNode) parse(table);
    expected.remove("BillingMode");
    expected.put("ItemCount", 0).put("TableSizeBytes", 0).put("TableStatus", description.path("TableStatus").asText());
    expected.set("BillingModeSummary", parse("{BillingMode: 'PAY_PER_REQUEST'}"));
    expected.set("TableThroughputModeSummary", parse("{TableThroughputMode: 'PAY_PER_REQUEST'}"));
    expected.set("ProvisionedThroughput", parse("{NumberOfDecreasesToday: 0, ReadCapacityUnits: 0, "
        + "WriteCapacityUnits: 0}"));
    ObjectNode actual = description.deepCopy();
    actual.remove(List.of("DeletionProtectionEnabled", "WarmThroughput"));
    assertEquals(numbersAsDoubles(expected), numbersAsDoubles(actual));
  }

  /** Checks and removes TableId, CreationDateTime and TableArn, which differ from run to run. */
  private static void checkVolatile(ObjectNode description, String name, double createdAt) {
    assertTrue(description.path("TableId").asText().matches(
        "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}"), description.toString());
    assertTrue(description.path("CreationDateTime").asDouble() > createdAt - 5, description.toString());
    assertTrue(description.path("TableArn").asText().matches("arn:aws:dynamodb:[a-z0-9-]+:\\d+:table/" + name),
        description.toString());
    description.remove(List.of("TableId", "CreationDateTime", "TableArn"));
  }

  /**
   * The description without what DynamoDB added to it after the suite recorded it (deletion protection,
   * warm throughput), which the suite's table does not list.
   */
  private static ObjectNode recordedFields(ObjectNode description) {
    ObjectNode copy = description.deepCopy();
    copy.remove(List.of("DeletionProtectionEnabled", "WarmThroughput"));
    for (String kind : List.of("LocalSecondaryIndexes", "GlobalSecondaryIndexes")) {
      if (copy.get(kind) instanceof ArrayNode list) {
        list.forEach(index -> ((ObjectNode) index).remove(List.of("WarmThroughput")));
      }
    }
    return copy;
  }

  @Test
  void createTable_withFiveLocalSecondaryIndexes_describesThem() {
    String name = EngineTest.uniqueName("lsi").replace('-', '_');
    String table = "{TableName: '" + name + "', " + AD_AB + ", " + KS_AB + ", LocalSecondaryIndexes: "
        + indexes(5, true)
        + ", " + PT + "}";
    double createdAt = System.currentTimeMillis() / 1000.0;
    ObjectNode description = (ObjectNode) ok(CREATE, table).get("TableDescription");
    checkVolatile(description, name, createdAt);
    ArrayNode indexes = (ArrayNode) description.remove("LocalSecondaryIndexes");
    Set<JsonNode> actual = new HashSet<>();
    for (JsonNode index : indexes) {
      assertTrue(index.path("IndexArn").asText().matches("arn:aws:dynamodb:[a-z0-9-]+:\\d+:table/" + name + "/index/"
          + index.path("IndexName").asText()), index.toString());
      actual.add(((ObjectNode) index.deepCopy()).without("IndexArn"));
    }
    ObjectNode expected = (ObjectNode) parse(table);
    Set<JsonNode> expectedIndexes = new HashSet<>();
    for (JsonNode index : (ArrayNode) expected.remove("LocalSecondaryIndexes")) {
      expectedIndexes.add(((ObjectNode) index).put("IndexSizeBytes", 0).put("ItemCount", 0));
    }
    assertEquals(doubles(expectedIndexes), doubles(actual));
    expected.put("ItemCount", 0).put("TableSizeBytes", 0).put("TableStatus", description.path("TableStatus").asText());
    ((ObjectNode) expected.get("ProvisionedThroughput")).put("NumberOfDecreasesToday", 0);
    assertEquals(numbersAsDoubles(expected),
        numbersAsDoubles(recordedFields(description)));
  }

  @Test
  void createTable_withFiveGlobalSecondaryIndexes_describesThem() {
    String name = EngineTest.uniqueName("gsi").replace('-', '_');
    String table = "{TableName: '" + name + "', " + AD_AB + ", " + KS_A + ", GlobalSecondaryIndexes: "
        + indexes(5, false)
        + ", " + PT + "}";
    double createdAt = System.currentTimeMillis() / 1000.0;
    ObjectNode description = (ObjectNode) ok(CREATE, table).get("TableDescription");
    checkVolatile(description, name, createdAt);
    ArrayNode indexes = (ArrayNode) description.remove("GlobalSecondaryIndexes");
    ObjectNode expected = (ObjectNode) parse(table);
    ArrayNode expectedList = (ArrayNode) expected.remove("GlobalSecondaryIndexes");
    assertEquals(doubles(expectedGlobal(expectedList, description.path("TableStatus").asText().equals("ACTIVE")
        ? "ACTIVE" : "CREATING")), doubles(withoutArns(indexes, name)));
    expected.put("ItemCount", 0).put("TableSizeBytes", 0).put("TableStatus", description.path("TableStatus").asText());
    ((ObjectNode) expected.get("ProvisionedThroughput")).put("NumberOfDecreasesToday", 0);
    assertEquals(numbersAsDoubles(expected),
        numbersAsDoubles(recordedFields(description)));
    // and the indexes are (or become) ACTIVE
    ArrayNode described = (ArrayNode) ok("DescribeTable", "{TableName: '" + name + "'}").get("Table")
        .get("GlobalSecondaryIndexes");
    assertEquals(doubles(expectedGlobal(expectedList, "ACTIVE")), doubles(withoutArns(described, name)));
  }

  private static Set<JsonNode> expectedGlobal(ArrayNode indexes, String status) {
    Set<JsonNode> set = new HashSet<>();
    for (JsonNode index : indexes) {
      ObjectNode copy = index.deepCopy();
      copy.put("IndexSizeBytes", 0).put("ItemCount", 0).put("IndexStatus", status);
      ((ObjectNode) copy.get("ProvisionedThroughput")).put("NumberOfDecreasesToday", 0);
      set.add(copy);
    }
    return set;
  }

  private static Set<JsonNode> withoutArns(ArrayNode indexes, String table) {
    Set<JsonNode> set = new HashSet<>();
    for (JsonNode index : indexes) {
      assertTrue(index.path("IndexArn").asText().matches("arn:aws:dynamodb:[a-z0-9-]+:\\d+:table/" + table + "/index/"
          + index.path("IndexName").asText()), index.toString());
      ObjectNode copy = ((ObjectNode) index.deepCopy()).without(List.of("IndexArn", "WarmThroughput"));
      set.add(copy);
    }
    return set;
  }

  private static Set<JsonNode> doubles(Set<JsonNode> nodes) {
    Set<JsonNode> set = new HashSet<>();
    nodes.forEach(node -> set.add(numbersAsDoubles(node)));
    return set;
  }

  // ================================================================ UpdateTable

  private static final String UPDATE = "UpdateTable";

  @Test
  void updateTable_serialization() {
    List<Case> cases = new ArrayList<>();
    cases.addAll(typeCases(UPDATE, "TableName", "String"));
    cases.addAll(typeCases(UPDATE, "ProvisionedThroughput", "FieldStruct<ProvisionedThroughput>"));
    cases.addAll(typeCases(UPDATE, "ProvisionedThroughput.WriteCapacityUnits", "Long"));
    cases.addAll(typeCases(UPDATE, "ProvisionedThroughput.ReadCapacityUnits", "Long"));
    cases.addAll(typeCases(UPDATE, "GlobalSecondaryIndexUpdates", "List"));
    cases.addAll(typeCases(UPDATE, "GlobalSecondaryIndexUpdates.0", "ValueStruct<GlobalSecondaryIndexUpdate>"));
    String update = "GlobalSecondaryIndexUpdates.0.Update";
    cases.addAll(typeCases(UPDATE, update, "FieldStruct<UpdateGlobalSecondaryIndexAction>"));
    cases.addAll(typeCases(UPDATE, update + ".IndexName", "String"));
    cases.addAll(typeCases(UPDATE, update + ".ProvisionedThroughput", "FieldStruct<ProvisionedThroughput>"));
    cases.addAll(typeCases(UPDATE, update + ".ProvisionedThroughput.WriteCapacityUnits", "Long"));
    cases.addAll(typeCases(UPDATE, update + ".ProvisionedThroughput.ReadCapacityUnits", "Long"));
    String create = "GlobalSecondaryIndexUpdates.0.Create";
    cases.addAll(typeCases(UPDATE, create, "FieldStruct<CreateGlobalSecondaryIndexAction>"));
    cases.addAll(typeCases(UPDATE, create + ".IndexName", "String"));
    cases.addAll(typeCases(UPDATE, create + ".ProvisionedThroughput", "FieldStruct<ProvisionedThroughput>"));
    cases.addAll(typeCases(UPDATE, create + ".ProvisionedThroughput.WriteCapacityUnits", "Long"));
    cases.addAll(typeCases(UPDATE, create + ".ProvisionedThroughput.ReadCapacityUnits", "Long"));
    cases.addAll(typeCases(UPDATE, create + ".KeySchema", "List"));
    cases.addAll(typeCases(UPDATE, create + ".KeySchema.0", "ValueStruct<KeySchemaElement>"));
    cases.addAll(typeCases(UPDATE, create + ".KeySchema.0.AttributeName", "String"));
    cases.addAll(typeCases(UPDATE, create + ".KeySchema.0.KeyType", "String"));
    cases.addAll(typeCases(UPDATE, create + ".Projection", "FieldStruct<Projection>"));
    cases.addAll(typeCases(UPDATE, create + ".Projection.NonKeyAttributes", "List"));
    cases.addAll(typeCases(UPDATE, create + ".Projection.ProjectionType", "String"));
    cases.addAll(typeCases(UPDATE, create + ".Projection.NonKeyAttributes.0", "String"));
    cases.addAll(typeCases(UPDATE, "GlobalSecondaryIndexUpdates.0.Delete",
        "FieldStruct<DeleteGlobalSecondaryIndexAction>"));
    cases.addAll(typeCases(UPDATE, "GlobalSecondaryIndexUpdates.0.Delete.IndexName", "String"));
    cases.addAll(typeCases(UPDATE, "BillingMode", "String"));
    check(cases);
  }

  @Test
  void updateTable_validation() {
    List<Case> cases = new ArrayList<>();
    nameCases(cases, UPDATE);
    cases.add(validations(UPDATE, "{TableName: 'abc', ProvisionedThroughput: {}}",
        "Value null at 'provisionedThroughput.writeCapacityUnits" + NOT_NULL,
        "Value null at 'provisionedThroughput.readCapacityUnits" + NOT_NULL));
    cases.add(validations(UPDATE, "{TableName: 'abc', ProvisionedThroughput: {ReadCapacityUnits: -1, "
            + "WriteCapacityUnits: -1}}",
        "Value '-1' at 'provisionedThroughput.writeCapacityUnits' failed to satisfy constraint: "
            + "Member must have value greater than or equal to 1",
        "Value '-1' at 'provisionedThroughput.readCapacityUnits' failed to satisfy constraint: "
            + "Member must have value greater than or equal to 1"));
    cases.add(validation(UPDATE, "{TableName: 'abc', ProvisionedThroughput: {ReadCapacityUnits: 1000000000001, "
        + "WriteCapacityUnits: -1}}", "1 validation error detected: Value '-1' at 'provisionedThroughput."
        + "writeCapacityUnits' failed to satisfy constraint: Member must have value greater than or equal to 1"));
    cases.add(validation(UPDATE, "{TableName: 'abc', ProvisionedThroughput: {ReadCapacityUnits: 1000000000001, "
        + "WriteCapacityUnits: 1000000000001}}", "Given value 1000000000001 for ReadCapacityUnits is out of bounds"));
    cases.add(validation(UPDATE, "{TableName: 'abc', ProvisionedThroughput: {WriteCapacityUnits: 1000000000001, "
        + "ReadCapacityUnits: 1000000000001}}", "Given value 1000000000001 for ReadCapacityUnits is out of bounds"));
    cases.add(validation(UPDATE, "{TableName: 'abc', ProvisionedThroughput: {ReadCapacityUnits: 1000000000000, "
        + "WriteCapacityUnits: 1000000000001}}", "Given value 1000000000001 for WriteCapacityUnits is out of bounds"));
    cases.add(validation(UPDATE, "{TableName: 'abc', GlobalSecondaryIndexUpdates: []}", "At least one of "
        + "ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates or SSESpecification or "
        + "ReplicaUpdates is required"));
    String updatePath = "globalSecondaryIndexUpdates.1.member.update.";
    // left out: {Update: {}} was recorded with provisionedThroughput required too; DynamoDB's current model makes it
    // optional (an index update may change its on-demand or warm throughput alone), so only indexName is reported
    cases.add(validations(UPDATE, "{TableName: 'abc', GlobalSecondaryIndexUpdates: [{Update: {IndexName: 'a', "
            + "ProvisionedThroughput: {}}}, {Update: {IndexName: 'abc;', ProvisionedThroughput: {ReadCapacityUnits: "
            + "1000000000001, WriteCapacityUnits: 0}}}]}",
        "Value 'a' at '" + updatePath + "indexName' failed to satisfy constraint: Member must have length greater than "
            + "or equal to 3",
        "Value null at '" + updatePath + "provisionedThroughput.writeCapacityUnits" + NOT_NULL,
        "Value null at '" + updatePath + "provisionedThroughput.readCapacityUnits" + NOT_NULL,
        "Value 'abc;' at 'globalSecondaryIndexUpdates.2.member.update.indexName' failed to satisfy constraint: Member "
            + "must satisfy regular expression pattern: [a-zA-Z0-9_.-]+",
        "Value '0' at 'globalSecondaryIndexUpdates.2.member.update.provisionedThroughput.writeCapacityUnits' failed to "
            + "satisfy constraint: Member must have value greater than or equal to 1"));
    String oneOf = INVALID + "One of GlobalSecondaryIndexUpdate.Update, GlobalSecondaryIndexUpdate.Create, "
        + "GlobalSecondaryIndexUpdate.Delete must not be null";
    cases.add(validation(UPDATE, "{TableName: 'abc', GlobalSecondaryIndexUpdates: [{}]}", oneOf));
    cases.add(validation(UPDATE, "{TableName: 'abc', GlobalSecondaryIndexUpdates: [{}, {}, {}, {}, {}, {}]}", oneOf));
    cases.add(validation(UPDATE, "{TableName: 'abc', GlobalSecondaryIndexUpdates: [{Delete: {IndexName: 'abc'}}, "
        + "{Delete: {IndexName: 'abc'}}]}", INVALID + "Only one global secondary index update per index is allowed "
        + "simultaneously. Index: abc"));
    cases.add(validation(UPDATE, "{TableName: '$hashN', " + PT + "}", INVALID + "Neither ReadCapacityUnits nor "
        + "WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST"));
    cases.add(validation(UPDATE, "{TableName: '$hashN', BillingMode: 'PROVISIONED'}", INVALID + "ProvisionedThroughput "
        + "must be specified when BillingMode is PROVISIONED"));
    String absent = EngineTest.uniqueName("absent").replace('-', '_');
    cases.add(notFound(UPDATE, "{TableName: '" + absent + "', " + PT + "}",
        "Requested resource not found: Table: " + absent + " not found"));
    for (String units : List.of("ReadCapacityUnits: 1000000000001, WriteCapacityUnits: 1000000000001",
        "ReadCapacityUnits: 1000000000000, WriteCapacityUnits: 1000000000001")) {
      String updates = "GlobalSecondaryIndexUpdates: [{Update: {IndexName: 'abc', ProvisionedThroughput: "
          + "{" + units + "}}}]";
      cases.add(notFound(UPDATE, "{TableName: 'abc', " + updates + "}",
          "Requested resource not found: Table: abc not found"));
      cases.add(validation(UPDATE, "{TableName: '$hash', " + updates + "}", "This operation cannot be performed with "
          + "given input values. Please contact DynamoDB service team for more info: Action Blocked: IndexUpdate"));
    }
    JsonNode throughput = ok("DescribeTable", "{TableName: '$hash'}").get("Table").get("ProvisionedThroughput");
    long read = throughput.get("ReadCapacityUnits").asLong();
    long write = throughput.get("WriteCapacityUnits").asLong();
    cases.add(validation(UPDATE, "{TableName: '$hash', ProvisionedThroughput: {ReadCapacityUnits: " + read
        + ", WriteCapacityUnits: " + write + "}}", "The provisioned throughput for the table will not change. The "
        + "requested value equals the current value. Current ReadCapacityUnits provisioned for the table: " + read
        + ". Requested ReadCapacityUnits: " + read + ". Current WriteCapacityUnits provisioned for the table: " + write
        + ". Requested WriteCapacityUnits: " + write + ". Refer to the Amazon DynamoDB Developer Guide for current "
        + "limits and how to request higher limits."));
    List<String> deletes = new ArrayList<>();
    for (String name : List.of("abc", "abd", "abe", "abf", "abg", "abh")) {
      deletes.add("{Delete: {IndexName: '" + name + "'}}");
    }
    cases.add(new Case(null, UPDATE, "{TableName: '$hash', GlobalSecondaryIndexUpdates: [" + String.join(", ",
        deletes) + "]}",
        LIMIT_EXCEEDED, "Subscriber limit exceeded: Only 1 online index can be created or "
            + "deleted "
        + "simultaneously per table"));
    check(cases);
  }

  /** The suite's table name cases, alike for CreateTable, DescribeTable, UpdateTable and DeleteTable. */
  private static void nameCases(List<Case> cases, String operation) {
    cases.add(validation(operation, "{}", "The parameter 'TableName' is required but was not present in the request"));
    String nameLength = "TableName must be at least 3 characters long and at most 255 characters long";
    for (String name : List.of("", "a;", "a".repeat(256))) {
      cases.add(validation(operation, "{TableName: '" + name + "'}", nameLength));
    }
    if (!operation.equals(CREATE)) {
      cases.add(validation(operation, "{TableName: 'abc;'}", "1 validation error detected: Value 'abc;' at 'tableName' "
          + "failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+"));
    }
  }

  @Test
  void updateTable_throughput_changesAndIsDescribed() {
    String name = EngineTest.uniqueName("upd").replace('-', '_');
    ok(CREATE, "{TableName: '" + name + "', AttributeDefinitions: [{AttributeName: 'a', AttributeType: 'S'}], "
        + KS_A + ", ProvisionedThroughput: {ReadCapacityUnits: 10, WriteCapacityUnits: 5}}");
    double increase = System.currentTimeMillis() / 1000.0;
    ObjectNode description = (ObjectNode) ok(UPDATE, "{TableName: '" + name + "', ProvisionedThroughput: "
        + "{ReadCapacityUnits: 30, WriteCapacityUnits: 15}}").get("TableDescription");
    assertEquals(parse("[{AttributeName: 'a', AttributeType: 'S'}]"), description.get("AttributeDefinitions"));
    assertEquals(parse("[{AttributeName: 'a', KeyType: 'HASH'}]"), description.get("KeySchema"));
    assertTrue(description.get("CreationDateTime").asDouble() < System.currentTimeMillis() / 1000.0 + 1);
    assertTrue(description.get("ItemCount").asLong() > -1 && description.get("TableSizeBytes").asLong() > -1);
    assertEquals(name, description.get("TableName").asText());
    JsonNode raised = description.get("ProvisionedThroughput");
    assertTrue(raised.path("LastIncreaseDateTime").asDouble() > increase - 5, raised.toString());
    long decreases = raised.path("NumberOfDecreasesToday").asLong(-1);
    assertTrue(decreases > -1, raised.toString());
    // the table is ACTIVE at once here, so the new throughput is described at once (DynamoDB: once it is ACTIVE)
    JsonNode described = ok("DescribeTable", "{TableName: '" + name + "'}").get("Table").get("ProvisionedThroughput");
    assertEquals(30, described.get("ReadCapacityUnits").asLong());
    assertEquals(15, described.get("WriteCapacityUnits").asLong());
    double increased = described.get("LastIncreaseDateTime").asDouble();
    double decrease = System.currentTimeMillis() / 1000.0;
    JsonNode lowered = ok(UPDATE, "{TableName: '" + name + "', ProvisionedThroughput: {ReadCapacityUnits: 10, "
        + "WriteCapacityUnits: 5}}").get("TableDescription").get("ProvisionedThroughput");
    assertEquals(increased, lowered.get("LastIncreaseDateTime").asDouble());
    assertTrue(lowered.path("LastDecreaseDateTime").asDouble() > decrease - 5, lowered.toString());
    described = ok("DescribeTable", "{TableName: '" + name + "'}").get("Table").get("ProvisionedThroughput");
    assertEquals(increased, described.get("LastIncreaseDateTime").asDouble());
    assertEquals(decreases + 1, described.get("NumberOfDecreasesToday").asLong());
    assertEquals(10, described.get("ReadCapacityUnits").asLong());
    assertEquals(5, described.get("WriteCapacityUnits").asLong());
  }

  // ================================================================ DeleteTable, DescribeTable

  @Test
  void deleteAndDescribeTable_serializationAndValidation() {
    List<Case> cases = new ArrayList<>();
    for (String operation : List.of("DeleteTable", "DescribeTable")) {
      cases.addAll(typeCases(operation, "TableName", "String"));
      nameCases(cases, operation);
      String absent = EngineTest.uniqueName("absent").replace('-', '_');
      cases.add(notFound(operation, "{TableName: '" + absent + "'}",
          "Requested resource not found: Table: " + absent + " not found"));
    }
    List<Case> creates = new ArrayList<>();
    nameCases(creates, CREATE);
    cases.addAll(creates);
    check(cases);
  }

  @Test
  void deleteTable_answersDeleting_withoutItsIndexes_andTheTableGoes() {
    String name = EngineTest.uniqueName("del").replace('-', '_');
    ok(CREATE, "{TableName: '" + name + "', AttributeDefinitions: [{AttributeName: 'a', AttributeType: 'S'}], "
        + KS_A + ", " + PT + ", GlobalSecondaryIndexes: [{IndexName: 'abc', KeySchema: [{AttributeName: 'a', KeyType: "
        + "'HASH'}], " + PT + ", Projection: {ProjectionType: 'KEYS_ONLY'}}]}");
    JsonNode description = ok("DeleteTable", "{TableName: '" + name + "'}").get("TableDescription");
    assertEquals("DELETING", description.get("TableStatus").asText());
    assertTrue(description.get("GlobalSecondaryIndexes") == null, description.toString());
    RawRequest gone = send("DescribeTable", "{TableName: '" + name + "'}");
    assertEquals(NOT_FOUND, gone.type(), gone.body());
  }

  // ================================================================ ListTables

  private static final String LIST = "ListTables";

  @Test
  void listTables_serializationAndValidation() {
    List<Case> cases = new ArrayList<>();
    cases.addAll(typeCases(LIST, "ExclusiveStartTableName", "String"));
    cases.addAll(typeCases(LIST, "Limit", "Integer"));
    String pattern = "failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+";
    String tooShort = "failed to satisfy constraint: Member must have length greater than or equal to 3";
    cases.add(validations(LIST, "{ExclusiveStartTableName: ''}", "Value '' at 'exclusiveStartTableName' " + pattern,
        "Value '' at 'exclusiveStartTableName' " + tooShort));
    cases.add(validations(LIST, "{ExclusiveStartTableName: 'a;', Limit: 500}",
        "Value 'a;' at 'exclusiveStartTableName' " + pattern, "Value 'a;' at 'exclusiveStartTableName' " + tooShort,
        "Value '500' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 100"));
    String longName = "a".repeat(256);
    cases.add(validation(LIST, "{ExclusiveStartTableName: '" + longName + "'}", "1 validation error detected: Value '"
        + longName + "' at 'exclusiveStartTableName' failed to satisfy constraint: Member must have length less than "
        + "or "
        + "equal to 255"));
    cases.add(validation(LIST, "{Limit: 0}", "1 validation error detected: Value '0' at 'limit' failed to satisfy "
        + "constraint: Member must have value greater than or equal to 1"));
    cases.add(validation(LIST, "{Limit: 101}", "1 validation error detected: Value '101' at 'limit' failed to satisfy "
        + "constraint: Member must have value less than or equal to 100"));
    check(cases);
  }

  @Test
  void listTables_withoutABody_isASerializationExceptionWithoutAMessage() {
    RawRequest answer = RawRequest.send(local, "DynamoDB_20120810.ListTables", "");
    assertEquals(400, answer.status(), answer.body());
    assertEquals(parse("{__type: 'com.amazon.coral.service#SerializationException'}"), parse(answer.body()));
  }

  @Test
  void listTables_answersWithAnyParametersOrNone() {
    for (String body : List.of("{}", "{hi: 'yo', stuff: 'things'}", "{ExclusiveStartTableName: null, Limit: null}",
        "{ExclusiveStartTableName: 'aaa', Limit: 100}")) {
      assertTrue(ok(LIST, body).get("TableNames").isArray(), body);
    }
  }

  @Test
  void listTables_listsANewTable_andPagesWithExclusiveStartTableNameAndLimit() {
    String first = "rec_list_" + System.nanoTime() + "_a";
    String second = first.substring(0, first.length() - 1) + "b";
    for (String name : List.of(first, second)) {
      ok(CREATE, "{TableName: '" + name + "', AttributeDefinitions: [{AttributeName: 'a', AttributeType: 'S'}], "
          + KS_A + ", " + PT + "}");
    }
    assertTrue(names(ok(LIST, "{}")).contains(first));
    List<String> after = names(ok(LIST, "{ExclusiveStartTableName: '" + first + "'}"));
    assertTrue(!after.contains(first) && after.contains(second), after.toString());
    // the name just before the first, as the suite computes it: its last character the next lower one allowed in a
    // table name, then filled up to 255 characters with the highest one allowed
    String before = first.substring(0, first.length() - 1) + "_" + "z".repeat(255 - first.length());
    List<String> from = names(ok(LIST, "{ExclusiveStartTableName: '" + before + "'}"));
    assertTrue(from.contains(first) && from.contains(second), from.toString());
    assertEquals(1, names(ok(LIST, "{Limit: 1}")).size());
    JsonNode page = ok(LIST, "{ExclusiveStartTableName: '" + before + "', Limit: 1}");
    assertEquals(List.of(first), names(page));
    assertEquals(first, page.path("LastEvaluatedTableName").asText());
  }

  @Test
  void listTables_hasNoLastEvaluatedTableName_whenTheLimitIsLargeEnough() {
    JsonNode all = ok(LIST, "{Limit: 100}");
    assertTrue(all.get("TableNames").size() > 0);
    assertTrue(all.get("LastEvaluatedTableName") == null, all.toString());
    JsonNode exact = ok(LIST, "{Limit: " + all.get("TableNames").size() + "}");
    assertTrue(exact.get("LastEvaluatedTableName") == null, exact.toString());
  }

  @Test
  void listTables_overHttp_answersWithDynamoDbsHeaders_forEitherContentType_andCors() throws Exception {
    try (MonotableLocal server = MonotableLocal.start()) {
      HttpClient http = HttpClient.newHttpClient();
      for (String contentType : List.of("application/json", "application/x-amz-json-1.0")) {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(server.endpoint())
            .header("Content-Type", contentType)
            .header("X-Amz-Target", "DynamoDB_20120810.ListTables")
            .header("Origin", "whatever")
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(parse(answer.body()).get("TableNames").isArray(), answer.body());
        assertTrue(answer.headers().firstValue("x-amzn-RequestId").orElse("").matches("[0-9A-Z]{52}"),
            answer.headers().toString());
        assertEquals(contentType, answer.headers().firstValue("Content-Type").orElse(null));
        assertEquals(String.valueOf(answer.body().getBytes(StandardCharsets.UTF_8).length),
            answer.headers().firstValue("Content-Length").orElse(null));
        assertEquals("*", answer.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        CRC32 crc = new CRC32();
        crc.update(answer.body().getBytes(StandardCharsets.UTF_8));
        assertEquals(String.valueOf(crc.getValue()), answer.headers().firstValue("x-amz-crc32").orElse(null));
      }
    }
  }

  private static List<String> names(JsonNode answer) {
    List<String> names = new ArrayList<>();
    answer.get("TableNames").forEach(name -> names.add(name.asText()));
    return names;
  }
}
