package dev.monotable.local.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DescribeLimitsResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.Endpoint;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListTagsOfResourceResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Tag;

/**
 * TagResource, UntagResource and ListTagsOfResource on a table's ARN, with the limits of the API
 * Reference's Tag type (key 1–128 characters, value 0–256, up to 50 tags a table, the {@code aws:}
 * prefix not for users); and DescribeLimits and DescribeEndpoints. DynamoDB applies tags
 * eventually, so the tests read them with {@link #tagsEventually}, which an engine answers at once.
 */
class TaggingTest extends EngineTest {

  @Test
  void tagResource_twoTags_listedByListTagsOfResource() {
    String arn = tableArn();

    client.tagResource(r -> r.resourceArn(arn).tags(tag("team", "billing"), tag("stage", "")));

    assertEquals(Map.of("team", "billing", "stage", ""), tagsEventually(arn, 2));
  }

  @Test
  void tagResource_existingKey_takesTheNewValue() {
    String arn = tableArn();
    client.tagResource(r -> r.resourceArn(arn).tags(tag("team", "billing")));

    client.tagResource(r -> r.resourceArn(arn).tags(tag("team", "search")));

    assertEquals(Map.of("team", "search"), tagsEventually(arn, 1, "search"));
  }

  @Test
  void untagResource_someKeys_removesOnlyThoseAndIgnoresUnknownKeys() {
    String arn = tableArn();
    client.tagResource(r -> r.resourceArn(arn).tags(tag("a", "1"), tag("b", "2"), tag("c", "3")));
    tagsEventually(arn, 3);

    client.untagResource(r -> r.resourceArn(arn).tagKeys("a", "c", "never-there"));

    assertEquals(Map.of("b", "2"), tagsEventually(arn, 1));
  }

  @Test
  void createTable_withTags_listedByListTagsOfResource() {
    String name = uniqueName("tagged");
    String arn = client.createTable(r -> r.tableName(name)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
        .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build())
        .tags(tag("owner", "me"))).tableDescription().tableArn();

    assertEquals(Map.of("owner", "me"), tagsEventually(arn, 1));
  }

  @Test
  void tagOperations_unknownTableArn_resourceNotFound() {
    String arn = tableArn();
    String unknown = arn.substring(0, arn.lastIndexOf('/') + 1) + uniqueName("no-such-table");

    assertThrows(ResourceNotFoundException.class, () -> client.listTagsOfResource(r -> r.resourceArn(unknown)));
    assertThrows(ResourceNotFoundException.class,
        () -> client.tagResource(r -> r.resourceArn(unknown).tags(tag("k", "v"))));
    assertThrows(ResourceNotFoundException.class, () -> client.untagResource(r -> r.resourceArn(unknown).tagKeys("k")));
  }

  @Test
  void tagOperations_deletedTable_resourceNotFound() {
    String name = createTable("pk", null);
    String arn = client.describeTable(r -> r.tableName(name)).table().tableArn();
    client.tagResource(r -> r.resourceArn(arn).tags(tag("k", "v")));

    client.deleteTable(r -> r.tableName(name));

    assertThrows(ResourceNotFoundException.class, () -> client.listTagsOfResource(r -> r.resourceArn(arn)));
  }

  @Test
  void tagResource_keyOf128AndValueOf256Characters_accepted() {
    String arn = tableArn();
    String key = "k".repeat(128);

    client.tagResource(r -> r.resourceArn(arn).tags(tag(key, "v".repeat(256))));

    assertEquals(Map.of(key, "v".repeat(256)), tagsEventually(arn, 1));
  }

  @Test
  void tagResource_keyOrValueTooLong_validationNamingTheMember() {
    String arn = tableArn();

    // Tag: Key "Length Constraints: Minimum length of 1. Maximum length of 128."; Value "Maximum length of 256."
    String longKey = "k".repeat(129);
    Values.assertValidation("1 validation error detected: Value '" + longKey + "' at 'tags.1.member.key' failed to "
            + "satisfy constraint: Member must have length less than or equal to 128",
        () -> client.tagResource(r -> r.resourceArn(arn).tags(tag(longKey, "v"))));
    String longValue = "v".repeat(257);
    Values.assertValidation("1 validation error detected: Value '" + longValue + "' at 'tags.2.member.value' failed "
            + "to satisfy constraint: Member must have length less than or equal to 256",
        () -> client.tagResource(r -> r.resourceArn(arn).tags(tag("fine", "v"), tag("k", longValue))));
    Values.assertValidation("1 validation error detected: Value '' at 'tags.1.member.key' failed to satisfy "
            + "constraint: Member must have length greater than or equal to 1",
        () -> client.tagResource(r -> r.resourceArn(arn).tags(tag("", "v"))));

    assertTrue(client.listTagsOfResource(r -> r.resourceArn(arn)).tags().isEmpty(), "a refused request tags nothing");
  }

  @Test
  void tagResource_awsPrefix_refused() {
    String arn = tableArn();

    Values.assertValidation("One or more parameter values were invalid: Tag keys starting with 'aws:' are reserved for AWS use: aws:owner", () -> client.tagResource(r -> r.resourceArn(arn).tags(tag("aws:owner", "me"))));

    assertTrue(client.listTagsOfResource(r -> r.resourceArn(arn)).tags().isEmpty());
  }

  @Test
  void tagResource_beyondFiftyTags_refusedAndKeepsTheFifty() {
    String arn = tableArn();
    List<Tag> fifty = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      fifty.add(tag("key-" + i, "value"));
    }
    client.tagResource(r -> r.resourceArn(arn).tags(fifty));
    tagsEventually(arn, 50);

    DynamoDbException e = assertThrows(DynamoDbException.class,
        () -> client.tagResource(r -> r.resourceArn(arn).tags(tag("one-more", "value"))));
    assertEquals(400, e.statusCode());
    // replacing the value of a tag already there adds none
    client.tagResource(r -> r.resourceArn(arn).tags(tag("key-0", "changed")));

    Map<String, String> tags = tagsEventually(arn, 50, "changed");
    assertFalse(tags.containsKey("one-more"));
    assertEquals("changed", tags.get("key-0"));
  }

  // ---------------------------------------------------------------- DescribeLimits, DescribeEndpoints

  @Test
  void describeLimits_answersTheAccountAndTableCapacityQuotas() {
    DescribeLimitsResponse limits = client.describeLimits(r -> { });

    assertTrue(limits.accountMaxReadCapacityUnits() > 0);
    assertTrue(limits.accountMaxWriteCapacityUnits() > 0);
    assertTrue(limits.tableMaxReadCapacityUnits() > 0);
    assertTrue(limits.tableMaxWriteCapacityUnits() > 0);
    assertTrue(limits.tableMaxReadCapacityUnits() <= limits.accountMaxReadCapacityUnits());
    assertTrue(limits.tableMaxWriteCapacityUnits() <= limits.accountMaxWriteCapacityUnits());
  }

  @Test
  void describeEndpoints_answersOneAddressWithACachePeriod() {
    List<Endpoint> endpoints = client.describeEndpoints(r -> { }).endpoints();

    assertEquals(1, endpoints.size());
    assertFalse(endpoints.get(0).address().isEmpty());
    assertTrue(endpoints.get(0).cachePeriodInMinutes() > 0);
  }

  // ---------------------------------------------------------------- helpers

  private String tableArn() {
    String name = createTable("pk", null);
    return client.describeTable(r -> r.tableName(name)).table().tableArn();
  }

  private static Tag tag(String key, String value) {
    return Tag.builder().key(key).value(value).build();
  }

  private Map<String, String> tagsEventually(String arn, int count) {
    return tagsEventually(arn, count, null);
  }

  /**
   * The table's tags once there are {@code count} of them (and, unless null, one has the value
   * {@code expectedValue}): DynamoDB's ListTagsOfResource may lag a TagResource by a few seconds.
   */
  private Map<String, String> tagsEventually(String arn, int count, String expectedValue) {
    Map<String, String> tags = new LinkedHashMap<>();
    for (int attempt = 0; attempt < 30; attempt++) {
      tags.clear();
      String next = null;
      do {
        String token = next;
        ListTagsOfResourceResponse page = client.listTagsOfResource(r -> r.resourceArn(arn).nextToken(token));
        page.tags().forEach(t -> tags.put(t.key(), t.value()));
        next = page.nextToken();
      } while (next != null);
      if (tags.size() == count && (expectedValue == null || tags.containsValue(expectedValue))) {
        return tags;
      }
      sleep(attempt);
    }
    return tags;
  }

  private static void sleep(int attempt) {
    try {
      Thread.sleep(Math.min(1000, 50L << Math.min(attempt, 5)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
