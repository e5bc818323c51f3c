package dev.monotable.local.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DescribeTimeToLive, UpdateTimeToLive, TagResource, UntagResource and ListTagsOfResource as a public
 * conformance suite recorded them against live DynamoDB: serialization errors, the checks in
 * DynamoDB's order (IAM's refusal of what is no ARN before the constraints), and what each answers.
 */
@EngineOnly("sends raw request bodies, many of which the SDK cannot build, and moves the engine's clock")
class RecordedTtlAndTagsTest extends RecordedFixtures {
  private static final String DESCRIBE_TTL = "DescribeTimeToLive";
  private static final String UPDATE_TTL = "UpdateTimeToLive";
  private static final String NAME_REQUIRED = "The parameter 'TableName' is required but was not present in the "
      + "request";
  private static final String NAME_LENGTH = "TableName must be at least 3 characters long and at most 255 characters "
      + "long";
  private static final String NOT_NULL = "' failed to satisfy constraint: Member must not be null";
  private static final String ACCESS_DENIED = "com.amazon.coral.service#AccessDeniedException";

  private Instant now = Instant.parse("2026-01-01T00:00:00Z");
  private String arnPrefix;

  /** Sets the test's own clock before the fixture tables are made, as the suite's tables are made at its start. */
  @BeforeAll
  @Override
  void createRecordedTables() {
    // a clock of the test's own: DynamoDB refuses a second time-to-live change within an hour, so the suite's
    // switches on and off are an hour and a bit apart here
    local.withClock(new Clock() {
      @Override
      public ZoneOffset getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return now;
      }
    });
    super.createRecordedTables();
    String arn = ok("DescribeTable", "{TableName: '$hash'}").get("Table").get("TableArn").asText();
    arnPrefix = arn.substring(0, arn.indexOf(":table/") + ":table/".length());
  }

  private void laterByMoreThanAnHour() {
    now = now.plus(Duration.ofMinutes(61));
  }

  /** The table-name cases every operation on a table itself answers alike. */
  private static void nameCases(List<Case> cases, String operation) {
    cases.addAll(typeCases(operation, "TableName", "String"));
    cases.add(validation(operation, "{}", NAME_REQUIRED));
    for (String name : List.of("", "a;", "a".repeat(256))) {
      cases.add(validation(operation, "{TableName: '" + name + "'}", NAME_LENGTH));
    }
    // left out for UpdateTimeToLive: the suite expects the name's pattern alone, but the service model requires
    // TimeToLiveSpecification too, so the engine lists both violations
    if (!operation.equals(UPDATE_TTL)) {
      cases.add(validation(operation, "{TableName: 'abc;'}", "1 validation error detected: Value 'abc;' at 'tableName' "
          + "failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+"));
    }
  }

  // ================================================================ time to live

  @Test
  void describeTimeToLive_serializationAndValidation() {
    List<Case> cases = new ArrayList<>();
    nameCases(cases, DESCRIBE_TTL);
    String absent = "absent_" + System.nanoTime();
    cases.add(notFound(DESCRIBE_TTL, "{TableName: '" + absent + "'}", "Requested resource not found: Table: " + absent
        + " not found"));
    check(cases);
  }

  @Test
  void describeTimeToLive_ofATable_isDisabled() {
    assertEquals(parse("{TimeToLiveDescription: {TimeToLiveStatus: 'DISABLED'}}"),
        ok(DESCRIBE_TTL, "{TableName: '$rangeN'}"));
  }

  @Test
  void updateTimeToLive_serializationAndValidation() {
    List<Case> cases = new ArrayList<>();
    nameCases(cases, UPDATE_TTL);
    cases.addAll(typeCases(UPDATE_TTL, "TimeToLiveSpecification", "FieldStruct<TimeToLiveSpecification>"));
    cases.addAll(typeCases(UPDATE_TTL, "TimeToLiveSpecification.AttributeName", "String"));
    cases.addAll(typeCases(UPDATE_TTL, "TimeToLiveSpecification.Enabled", "Boolean"));
    cases.add(validations(UPDATE_TTL, "{TableName: 'abc', TimeToLiveSpecification: {}}",
        "Value null at 'timeToLiveSpecification.enabled" + NOT_NULL,
        "Value null at 'timeToLiveSpecification.attributeName" + NOT_NULL));
    cases.add(validations(UPDATE_TTL, "{TableName: 'abc', TimeToLiveSpecification: {AttributeName: null, Enabled: "
        + "null}}",
        "Value null at 'timeToLiveSpecification.attributeName" + NOT_NULL,
        "Value null at 'timeToLiveSpecification.enabled" + NOT_NULL));
    cases.add(validation(UPDATE_TTL, "{TableName: 'abc', TimeToLiveSpecification: {AttributeName: '', Enabled: true}}",
        "TimeToLiveSpecification.AttributeName must be non empty"));
    String absent = "absent_" + System.nanoTime();
    cases.add(notFound(UPDATE_TTL, "{TableName: '" + absent + "', TimeToLiveSpecification: {AttributeName: 'id', "
        + "Enabled: true}}", "Requested resource not found: Table: " + absent + " not found"));
    cases.add(validation(UPDATE_TTL, "{TableName: '$rangeB', TimeToLiveSpecification: {AttributeName: 'a', "
        + "Enabled: false}}", "TimeToLive is already disabled"));
    check(cases);
  }

  @Test
  void updateTimeToLive_enableTwice_isAlreadyEnabled() {
    laterByMoreThanAnHour();
    ok(UPDATE_TTL, "{TableName: '$hash', TimeToLiveSpecification: {AttributeName: 'a', Enabled: true}}");
    check(List.of(validation(UPDATE_TTL, "{TableName: '$hash', TimeToLiveSpecification: {AttributeName: 'a', "
        + "Enabled: true}}", "TimeToLive is already enabled")));
    laterByMoreThanAnHour();
    ok(UPDATE_TTL, "{TableName: '$hash', TimeToLiveSpecification: {AttributeName: 'a', Enabled: false}}");
  }

  @Test
  void updateTimeToLive_enablesAndDisables_asDescribed() {
    laterByMoreThanAnHour();
    assertEquals(parse("{TimeToLiveSpecification: {AttributeName: 'a', Enabled: true}}"),
        ok(UPDATE_TTL, "{TableName: '$hashN', TimeToLiveSpecification: {AttributeName: 'a', Enabled: true}}"));
    assertEquals(parse("{TimeToLiveDescription: {TimeToLiveStatus: 'ENABLED', AttributeName: 'a'}}"),
        ok(DESCRIBE_TTL, "{TableName: '$hashN'}"));
    laterByMoreThanAnHour();
    // left out: the suite expects {TimeToLiveSpecification: {Enabled: false}}, but DynamoDB's API Reference says the
    // answer is the specification as given, and the suite's time-to-live cases were not run against DynamoDB (they
    // switch twice within the hour DynamoDB refuses); the engine answers the specification it was given
    JsonNode disabled = ok(UPDATE_TTL, "{TableName: '$hashN', TimeToLiveSpecification: {AttributeName: 'a', "
        + "Enabled: false}}");
    assertEquals(false, disabled.get("TimeToLiveSpecification").get("Enabled").asBoolean(true));
    assertEquals(parse("{TimeToLiveDescription: {TimeToLiveStatus: 'DISABLED'}}"),
        ok(DESCRIBE_TTL, "{TableName: '$hashN'}"));
  }

  @Test
  void updateTimeToLive_expiredItemsLeaveTheTableAndItsIndexes() {
    laterByMoreThanAnHour();
    assertEquals(parse("{TimeToLiveSpecification: {AttributeName: 'TTL', Enabled: true}}"),
        ok(UPDATE_TTL, "{TableName: '$range', TimeToLiveSpecification: {AttributeName: 'TTL', Enabled: true}}"));
    long seconds = now.getEpochSecond();
    String expired = "{a: {S: 'ttl-pk'}, b: {S: 'b1'}, c: {S: 'ttl-gsi'}, d: {S: 'd1'}, TTL: {N: "
        + "'" + (seconds + 1) + "'}}";
    String living = "{a: {S: 'ttl-pk'}, b: {S: 'b2'}, c: {S: 'ttl-gsi'}, d: {S: 'd2'}, TTL: {N: '" + (seconds + 1000000)
        + "'}}";
    ok("BatchWriteItem", "{RequestItems: {$range: [{PutRequest: {Item: " + expired + "}}, {PutRequest: {Item: "
        + living + "}}]}}");
    now = now.plusSeconds(10);
    local.expireNow();
    JsonNode only = parse("[" + living + "]");
    assertEquals(only, ok("Query", "{TableName: '$range', KeyConditionExpression: 'a = :a', "
        + "ExpressionAttributeValues: {':a': {S: 'ttl-pk'}}}").get("Items"));
    assertEquals(only, ok("Query", "{TableName: '$range', IndexName: 'index1', KeyConditionExpression: 'a = :a', "
        + "ExpressionAttributeValues: {':a': {S: 'ttl-pk'}}}").get("Items"));
    assertEquals(only, ok("Query", "{TableName: '$range', IndexName: 'index3', KeyConditionExpression: 'c = :c', "
        + "ExpressionAttributeValues: {':c': {S: 'ttl-gsi'}}}").get("Items"));
  }

  // ================================================================ tags

  /** The IAM refusal of a ResourceArn that is no ARN with a resource path, naming it. */
  private static Case accessDenied(String operation, String body, String resource) {
    return new Case(null, operation, body, ACCESS_DENIED, Pattern.compile("User: arn:aws:iam::\\d+:.+ is not "
        + "authorized to perform: dynamodb:" + operation + " on resource: " + Pattern.quote(resource)));
  }

  /** The cases TagResource, UntagResource and ListTagsOfResource answer alike but for their list member. */
  private void arnCases(List<Case> cases, String operation, String list, String emptyMessage, String notFoundMessage) {
    cases.addAll(typeCases(operation, "ResourceArn", "String"));
    cases.add(validation(operation, "{}", "Invalid TableArn"));
    cases.add(accessDenied(operation, "{ResourceArn: ''}", "*"));
    for (String arn : List.of("abcd", "a:b:c:d:e:f", "a:b:c:d:e/f")) {
      cases.add(accessDenied(operation, "{ResourceArn: '" + arn + "'}", arn));
    }
    String listMember = list == null ? "" : ", " + list + ": []";
    if (list != null) {
      String path = Character.toLowerCase(list.charAt(0)) + list.substring(1);
      cases.add(validation(operation, "{ResourceArn: 'a:b:c:d:e:f/g'}", "1 validation error detected: Value null at '"
          + path + NOT_NULL));
    }
    cases.add(validation(operation, "{ResourceArn: 'a:b:c:d:e:f/g'" + listMember + "}",
        "Invalid TableArn: Invalid ResourceArn provided as input a:b:c:d:e:f/g"));
    String shortName = arnPrefix + "ab";
    cases.add(validation(operation, "{ResourceArn: '" + shortName + "'" + listMember + "}",
        "Invalid TableArn: Invalid ResourceArn provided as input " + shortName));
    String absent = arnPrefix + "absent_" + System.nanoTime();
    if (list != null) {
      cases.add(validation(operation, "{ResourceArn: '" + absent + "'" + listMember + "}", emptyMessage));
    }
    String oneMember = list == null ? "" : list.equals("Tags") ? ", Tags: [{Key: 'a', Value: 'b'}]" : ", TagKeys: "
        + "['a']";
    cases.add(notFound(operation, "{ResourceArn: '" + absent + "'" + oneMember + "}", notFoundMessage.replace("$arn",
        absent)));
  }

  @Test
  void tagResource_serializationAndValidation() {
    List<Case> cases = new ArrayList<>();
    cases.addAll(typeCases("TagResource", "Tags", "List"));
    cases.addAll(typeCases("TagResource", "Tags.0", "ValueStruct<Tag>"));
    cases.addAll(typeCases("TagResource", "Tags.0.Key", "String"));
    cases.addAll(typeCases("TagResource", "Tags.0.Value", "String"));
    arnCases(cases, "TagResource", "Tags", "Atleast one Tag needs to be provided as Input.",
        "Requested resource not found: ResourcArn: $arn not found");
    check(cases);
  }

  @Test
  void untagResource_serializationAndValidation() {
    List<Case> cases = new ArrayList<>();
    cases.addAll(typeCases("UntagResource", "TagKeys", "List"));
    cases.addAll(typeCases("UntagResource", "TagKeys.0", "String"));
    arnCases(cases, "UntagResource", "TagKeys", "Atleast one Tag Key needs to be provided as Input.",
        "Requested resource not found");
    check(cases);
  }

  @Test
  void listTagsOfResource_serializationAndValidation() {
    List<Case> cases = new ArrayList<>();
    arnCases(cases, "ListTagsOfResource", null, null, "Requested resource not found: ResourcArn: $arn not found");
    check(cases);
  }

  @Test
  void listTagsOfResource_listsWhatWasTagged_untilUntagged() {
    String arn = arnPrefix + hashTable;
    assertEquals(parse("{Tags: []}"), ok("ListTagsOfResource", "{ResourceArn: '" + arn + "'}"));
    ok("TagResource", "{ResourceArn: '" + arn + "', Tags: [{Key: 't1', Value: 'v1'}, {Key: 't2', Value: 'v2'}]}");
    JsonNode tags = ok("ListTagsOfResource", "{ResourceArn: '" + arn + "'}").get("Tags");
    Set<JsonNode> listed = new HashSet<>();
    tags.forEach(listed::add);
    assertEquals(Set.of(parse("{Key: 't1', Value: 'v1'}"), parse("{Key: 't2', Value: 'v2'}")), listed);
    assertEquals(2, tags.size());
    ok("UntagResource", "{ResourceArn: '" + arn + "', TagKeys: ['t1', 't2']}");
    assertEquals(parse("{Tags: []}"), ok("ListTagsOfResource", "{ResourceArn: '" + arn + "'}"));
  }
}
