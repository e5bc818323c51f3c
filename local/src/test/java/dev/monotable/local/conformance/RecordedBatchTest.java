package dev.monotable.local.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * BatchGetItem and BatchWriteItem as a public conformance suite recorded them against live DynamoDB:
 * the serialization error of every member of the wrong JSON type, the constraint and request checks
 * in DynamoDB's order, and reads, writes and consumed capacity over the suite's fixture tables.
 */
@EngineOnly("sends raw request bodies, many of which the SDK cannot build")
class RecordedBatchTest extends RecordedFixtures {
  private static final String GET = "BatchGetItem";
  private static final String WRITE = "BatchWriteItem";
  private static final AtomicLong KEYS = new AtomicLong(System.nanoTime() % 1_000_000_000L);
  private static final Pattern NAME_KEYS = between("Value '{", "}' at 'requestItems' failed to satisfy constraint: "
      + NAME_CONSTRAINT);
  private static final Pattern WRITE_VALUES = between("Value '{", "}' at 'requestItems' failed to satisfy constraint: "
      + "Map value must satisfy constraint: [Member must have length less than or equal to 25, "
      + "Member must have length greater than or equal to 1]");

  /** A new ten-character string key, as the suite's random strings are. */
  private static String key() {
    return String.format("K%09d", KEYS.incrementAndGet() % 1_000_000_000L);
  }

  /** {@code n - 1} copies of {@code c}: the length the suite's {@code new Array(n).join(c)} gives. */
  private static String fill(int n, char c) {
    return String.valueOf(c).repeat(Math.max(0, n - 1));
  }

  // ================================================================ BatchGetItem

  @Test
  void batchGetItem_serialization() {
    List<Case> cases = new ArrayList<>();
    cases.addAll(typeCases(GET, "RequestItems", "Map<KeysAndAttributes>"));
    cases.addAll(typeCases(GET, "RequestItems.Attr", "ValueStruct<KeysAndAttributes>"));
    cases.addAll(typeCases(GET, "RequestItems.Attr.Keys", "List"));
    cases.addAll(typeCases(GET, "RequestItems.Attr.Keys.0", "ParameterizedMap"));
    cases.addAll(typeCases(GET, "RequestItems.Attr.Keys.0.Attr", "AttrStruct<ValueStruct>"));
    cases.addAll(typeCases(GET, "RequestItems.Attr.AttributesToGet", "List"));
    cases.addAll(typeCases(GET, "RequestItems.Attr.ConsistentRead", "Boolean"));
    cases.addAll(typeCases(GET, "RequestItems.Attr.ExpressionAttributeNames", "Map<java.lang.String>"));
    cases.addAll(typeCases(GET, "RequestItems.Attr.ExpressionAttributeNames.Attr", "String"));
    cases.addAll(typeCases(GET, "RequestItems.Attr.ProjectionExpression", "String"));
    cases.addAll(typeCases(GET, "ReturnConsumedCapacity", "String"));
    check(cases);
  }

  @Test
  void batchGetItem_validation() {
    List<Case> cases = new ArrayList<>();
    cases.add(validation(GET, "{}",
        "1 validation error detected: Value null at 'requestItems' failed to satisfy constraint: Member must not be "
            + "null"));
    cases.add(validations(GET, "{ReturnConsumedCapacity: 'hi', ReturnItemCollectionMetrics: 'hi'}", CAPACITY_ENUM,
        "Value null at 'requestItems' failed to satisfy constraint: Member must not be null"));
    cases.add(validation(GET, "{RequestItems: {}}", "1 validation error detected: Value '{}' at 'requestItems' failed "
        + "to satisfy constraint: Member must have length greater than or equal to 1"));
    cases.add(validations(GET, "{RequestItems: {a: {}}, ReturnConsumedCapacity: 'hi', ReturnItemCollectionMetrics: "
        + "'hi'}",
        CAPACITY_ENUM, NAME_KEYS,
        "Value null at 'requestItems.a.member.keys' failed to satisfy constraint: Member must not be null"));
    cases.add(validations(GET, "{RequestItems: {a: {Keys: []}}}", NAME_KEYS,
        "Value '[]' at 'requestItems.a.member.keys' failed to satisfy constraint: "
            + "Member must have length greater than or equal to 1"));
    cases.add(validations(GET, "{RequestItems: {'aa;': {}}, ReturnConsumedCapacity: 'hi'}", CAPACITY_ENUM, NAME_KEYS,
        "Value null at 'requestItems.aa;.member.keys' failed to satisfy constraint: Member must not be null"));
    cases.add(validations(GET, "{RequestItems: {a: {Keys: [{a: {S: 'a'}}]}}}", NAME_KEYS));
    cases.add(validations(GET, "{RequestItems: {abc: {Keys: " + stringKeys(0, 101) + "}}}",
        between("Value '[", "]' at 'requestItems.abc.member.keys' failed to satisfy constraint: "
            + "Member must have length less than or equal to 100")));
    cases.add(validation(GET, "{RequestItems: {abc: {Keys: [{}], AttributesToGet: ['a'], ExpressionAttributeNames: {},"
        + "ProjectionExpression: ''}}}", "Can not use both expression and non-expression parameters in the same "
        + "request: Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}"));
    cases.add(validation(GET, "{RequestItems: {abc: {Keys: [{}], AttributesToGet: ['a'], ExpressionAttributeNames: "
        + "{}}}}",
        "ExpressionAttributeNames can only be specified when using expressions"));
    cases.add(validation(GET, "{RequestItems: {abc: {Keys: [{}], ExpressionAttributeNames: {}, ProjectionExpression: "
        + "''}}}",
        "ExpressionAttributeNames must not be empty"));
    cases.add(validation(GET, "{RequestItems: {abc: {Keys: [{}], ExpressionAttributeNames: {a: 'a'}, "
        + "ProjectionExpression: ''}}}", "ExpressionAttributeNames contains invalid key: Syntax error; key: \"a\""));
    cases.add(validation(GET, "{RequestItems: {abc: {Keys: [{}], ProjectionExpression: ''}}}",
        "Invalid ProjectionExpression: The expression can not be empty;"));
    cases.add(validation(GET, "{RequestItems: {abc: {Keys: " + stringKeys(0, 100) + "}, abd: {Keys: [{a: {S: "
        + "'100'}}]}}}",
        "Too many items requested for the BatchGetItem call"));
    cases.add(notFound(GET, "{RequestItems: {abc: {Keys: " + stringKeys(0, 100) + "}}}", NOT_FOUND_MESSAGE));
    for (String value : List.of("{}", "{a: ''}", "{M: {a: {}}}", "{L: [{}]}", "{L: [{a: {}}]}")) {
      cases.add(validation(GET, "{RequestItems: {abc: {Keys: [{a: " + value + "}]}}}", EMPTY_VALUE));
    }
    for (String[] invalid : invalidValues()) {
      cases.add(validation(GET, "{RequestItems: {abc: {Keys: [{a: " + invalid[0] + "}]}}}",
          "One or more parameter values were invalid: " + invalid[1]));
    }
    for (String[] invalid : invalidNumbers()) {
      cases.add(validation(GET, "{RequestItems: {abc: {Keys: [{a: " + invalid[0] + "}]}}}", invalid[1]));
    }
    cases.add(validation(GET, "{RequestItems: {abc: {Keys: [{a: {S: 'a', N: '1'}}]}}}", MANY_TYPES));
    String key = "{a: {S: '" + key() + "'}, b: {N: '1234.5678'}}";
    String reversed = "{b: {N: '1234.5678'}, a: " + key.substring(4, key.indexOf('}') + 1) + "}";
    String keys = "[" + key + ", " + reversed + ", " + key + "]";
    cases.add(validation(GET, "{RequestItems: {abc: {Keys: " + keys + ", ExpressionAttributeNames: {}, "
        + "ProjectionExpression: ''}}}", "ExpressionAttributeNames must not be empty"));
    cases.add(validation(GET, "{RequestItems: {abc: {Keys: " + keys + ", ProjectionExpression: ''}}}",
        "Invalid ProjectionExpression: The expression can not be empty;"));
    cases.add(validation(GET, "{RequestItems: {abc: {Keys: " + keys + "}}}", "Provided list of item keys contains "
        + "duplicates"));
    String one = "{a: {S: '" + key() + "'}}";
    cases.add(validation(GET, "{RequestItems: {abc: {Keys: [" + one + ", {a: {S: '" + key() + "'}}, " + one + "], "
        + "AttributesToGet: ['a', 'a']}}}", "One or more parameter values were invalid: Duplicate value in attribute "
        + "name: a"));
    cases.add(validation(GET, "{RequestItems: {abc: {Keys: [{}], AttributesToGet: ['a', 'a']}}}",
        "One or more parameter values were invalid: Duplicate value in attribute name: a"));
    cases.add(notFound(GET, "{RequestItems: {'" + EngineTest.uniqueName("absent") + "': {Keys: [{}]}}}",
        NOT_FOUND_MESSAGE));
    for (String mismatch : keyMismatches(true)) {
      cases.add(validation(GET, "{RequestItems: {$hash: {Keys: [" + mismatch + "]}}}", NO_SCHEMA_MATCH));
    }
    cases.add(validation(GET, "{RequestItems: {$range: {Keys: [{a: {S: 'a'}}]}}}", NO_SCHEMA_MATCH));
    cases.add(validation(GET, "{RequestItems: {$hash: {Keys: [{a: {S: '" + fill(2050, 'a') + "'}}]}}}",
        "One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes"));
    cases.add(validation(GET, "{RequestItems: {$range: {Keys: [{a: {S: 'a'}, b: {S: '" + fill(1026, 'a') + "'}}]}}}",
        "One or more parameter values were invalid: "
            + "Aggregated size of all range keys has exceeded the size limit of 1024 bytes"));
    check(cases);
  }

  /** Keys {@code {a: {S: "<i>"}}} for i in [from, to), as a JSON list. */
  private static String stringKeys(int from, int to) {
    List<String> keys = new ArrayList<>();
    for (int i = from; i < to; i++) {
      keys.add("{a: {S: '" + i + "'}}");
    }
    return "[" + String.join(", ", keys) + "]";
  }

  private static List<String[]> invalidValues() {
    return List.of(
        new String[] {"{NULL: 'no'}", "Null attribute value types must have the value of true"},
        new String[] {"{SS: []}", "An string set  may not be empty"},
        new String[] {"{NS: []}", "An number set  may not be empty"},
        new String[] {"{BS: []}", "Binary sets should not be empty"},
        new String[] {"{SS: ['a', 'a']}", "Input collection [a, a] contains duplicates."},
        new String[] {"{BS: ['Yg==', 'Yg==']}", "Input collection [Yg==, Yg==]of type BS contains duplicates."});
  }

  private static List<String[]> invalidNumbers() {
    String notNumeric = "The parameter cannot be converted to a numeric value";
    String digits = "Attempting to store more than 38 significant digits in a Number";
    String overflow = "Number overflow. Attempting to store a number with magnitude larger than supported range";
    String underflow = "Number underflow. Attempting to store a number with magnitude smaller than supported range";
    return List.of(
        new String[] {"{S: '', N: ''}", notNumeric},
        new String[] {"{S: 'a', N: ''}", notNumeric},
        new String[] {"{S: 'a', N: 'b'}", notNumeric + ": b"},
        new String[] {"{NS: ['1', '']}", notNumeric},
        new String[] {"{NS: ['1', 'b']}", notNumeric + ": b"},
        new String[] {"{NS: ['1', '1']}", "Input collection contains duplicates"},
        new String[] {"{N: '123456789012345678901234567890123456789'}", digits},
        new String[] {"{N: '-1.23456789012345678901234567890123456789'}", digits},
        new String[] {"{N: '1e126'}", overflow},
        new String[] {"{N: '-1e126'}", overflow},
        new String[] {"{N: '1e-131'}", underflow},
        new String[] {"{N: '-1e-131'}", underflow});
  }

  /** Keys (or items) that do not fit a table keyed by the string {@code a}. */
  private static List<String> keyMismatches(boolean withExtraKey) {
    List<String> keys = new ArrayList<>(List.of("{}", "{b: {S: 'a'}}"));
    if (withExtraKey) {
      keys.add("{a: {S: 'a'}, b: {S: 'a'}}");
    }
    keys.addAll(List.of("{a: {B: 'abcd'}}", "{a: {N: '1'}}", "{a: {BOOL: true}}", "{a: {NULL: true}}",
        "{a: {SS: ['a']}}", "{a: {NS: ['1']}}", "{a: {BS: ['aaaa']}}", "{a: {M: {}}}", "{a: {L: []}}"));
    return keys;
  }

  @Test
  void batchGetItem_missingKeys_giveEmptyResponses() {
    JsonNode answer = ok(GET, "{RequestItems: {$hash: {Keys: [{a: {S: '" + key() + "'}}]},"
        + "$range: {Keys: [{a: {S: '" + key() + "'}, b: {S: '" + key() + "'}}]}}}");
    assertEquals(parse("[]"), answer.get("Responses").get(hashTable));
    assertEquals(parse("[]"), answer.get("Responses").get(rangeTable));
    assertEquals(parse("{}"), answer.get("UnprocessedKeys"));
  }

  @Test
  void batchGetItem_returnsOnlyItemsThatExist() {
    String item = "{a: {S: '" + key() + "'}, b: {N: '7.25'}}";
    String item2 = "{a: {S: '" + key() + "'}, b: {N: '7.25'}}";
    String item3 = "{a: {S: '" + key() + "'}, b: {N: '42'}}";
    ok(WRITE, "{RequestItems: {$hash: [{PutRequest: {Item: " + item + "}}, {PutRequest: {Item: " + item2 + "}},"
        + "{PutRequest: {Item: " + item3 + "}}]}}");
    JsonNode answer = ok(GET, "{RequestItems: {$hash: {Keys: [" + keyOf(item) + ", {a: {S: '" + key() + "'}}, "
        + keyOf(item3) + ", {a: {S: '" + key() + "'}}], ConsistentRead: true}}}");
    JsonNode items = answer.get("Responses").get(hashTable);
    assertEquals(Set.of(parse(item), parse(item3)), asSet(items));
    assertEquals(2, items.size());
    assertEquals(parse("{}"), answer.get("UnprocessedKeys"));
  }

  @Test
  void batchGetItem_returnsOnlyRequestedAttributes() {
    String item = "{a: {S: '" + key() + "'}, b: {N: '7.25'}, c: {S: 'c'}}";
    String item2 = "{a: {S: '" + key() + "'}, b: {N: '7.25'}}";
    String item3 = "{a: {S: '" + key() + "'}, b: {N: '42'}}";
    String item4 = "{a: {S: '" + key() + "'}}";
    ok(WRITE, "{RequestItems: {$hash: [{PutRequest: {Item: " + item + "}}, {PutRequest: {Item: " + item2 + "}},"
        + "{PutRequest: {Item: " + item3 + "}}, {PutRequest: {Item: " + item4 + "}}]}}");
    List<String> failures = new ArrayList<>();
    for (String projection : List.of("AttributesToGet: ['b', 'c']", "ProjectionExpression: 'b, c'",
        "ProjectionExpression: '#b, #c', ExpressionAttributeNames: {'#b': 'b', '#c': 'c'}")) {
      JsonNode answer = ok(GET, "{RequestItems: {$hash: {" + projection + ", Keys: [" + keyOf(item) + ", {a: {S: '"
          + key() + "'}}, " + keyOf(item3) + ", {a: {S: '" + key() + "'}}, " + keyOf(item4) + "], ConsistentRead: "
          + "true}}}");
      JsonNode items = answer.get("Responses").get(hashTable);
      Set<JsonNode> expected = Set.of(parse("{b: {N: '7.25'}, c: {S: 'c'}}"), parse("{b: {N: '42'}}"), parse("{}"));
      if (!expected.equals(asSet(items)) || items.size() != 3 || !answer.get("UnprocessedKeys").isEmpty()) {
        failures.add(projection + " -> " + answer);
      }
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  @Test
  void batchGetItem_consumedCapacity_perTable() {
    // {put item's b filler, ConsistentRead, hash table's units}: an item just under and just over 4 KB
    Object[][] runs = {{4082, "AQI=', 'Ag==', 'AQ==", false, 1.5}, {4084, "AQI=', 'Ag==", false, 2.0},
        {4082, "AQI=', 'Ag==', 'AQ==", true, 3.0}, {4084, "AQI=', 'Ag==", true, 4.0}};
    for (Object[] run : runs) {
      String a = key();
      String item = "{a: {S: '" + a + "'}, b: {S: '" + fill((int) run[0] - a.length(), 'b') + "'}, c: {N: '12.3456'},"
          + "d: {B: 'AQI='}, e: {BS: ['" + run[1] + "']}}";
      String item2 = "{a: {S: '" + key() + "'}}";
      ok(WRITE, "{RequestItems: {$hash: [{PutRequest: {Item: " + item + "}}, {PutRequest: {Item: "
          + item2 + "}}]}}");
      boolean consistent = (boolean) run[2];
      double units = (double) run[3];
      double nUnits = consistent ? 1 : 0.5;
      String items = "RequestItems: {$hash: {Keys: [{a: {S: '" + a + "'}}, " + item2.replace("}}", "}}") + ", {a: {S: '"
          + key() + "'}}], ConsistentRead: " + consistent + "}, $hashN: {Keys: [{a: {N: '1234567.25'}}], "
          + "ConsistentRead: "
          + consistent + "}}";
      JsonNode total = ok(GET, "{" + items + ", ReturnConsumedCapacity: 'TOTAL'}");
      assertEquals(asSet(expand("[{CapacityUnits: " + units + ", TableName: '$hash'}, {CapacityUnits: " + nUnits
          + ", TableName: '$hashN'}]")), asSet(total.get("ConsumedCapacity")), "TOTAL " + run[0] + " " + consistent);
      assertEquals(2, total.get("Responses").get(hashTable).size());
      assertEquals(0, total.get("Responses").get(hashNTable).size());
      JsonNode indexes = ok(GET, "{" + items + ", ReturnConsumedCapacity: 'INDEXES'}");
      assertEquals(asSet(expand("[{CapacityUnits: " + units + ", Table: {CapacityUnits: " + units + "}, TableName: "
          + "'$hash'}, {CapacityUnits: " + nUnits + ", Table: {CapacityUnits: " + nUnits + "}, TableName: '$hashN'}]")),
          asSet(indexes.get("ConsumedCapacity")), "INDEXES " + run[0] + " " + consistent);
    }
  }

  /** The key {@code {a: ...}} of an item written as {@code {a: {S: '...'}, ...}}. */
  private static String keyOf(String item) {
    JsonNode node = parse(item);
    return "{a: " + node.get("a") + "}";
  }

  private static Set<JsonNode> asSet(JsonNode array) {
    Set<JsonNode> set = new HashSet<>();
    array.forEach(element -> set.add(numbersAsDoubles(element)));
    return set;
  }

  private static Set<JsonNode> asSet(String relaxedArray) {
    return asSet(parse(relaxedArray));
  }

  // ================================================================ BatchWriteItem

  @Test
  void batchWriteItem_serialization() {
    List<Case> cases = new ArrayList<>();
    cases.addAll(typeCases(WRITE, "RequestItems",
        "Map<java.util.List<com.amazonaws.dynamodb.v20120810.WriteRequest>>"));
    cases.addAll(typeCases(WRITE, "RequestItems.Attr", "ParameterizedList"));
    cases.addAll(typeCases(WRITE, "RequestItems.Attr.0", "ValueStruct<WriteRequest>"));
    cases.addAll(typeCases(WRITE, "RequestItems.Attr.0.DeleteRequest", "FieldStruct<DeleteRequest>"));
    cases.addAll(typeCases(WRITE, "RequestItems.Attr.0.DeleteRequest.Key", "Map<AttributeValue>"));
    cases.addAll(typeCases(WRITE, "RequestItems.Attr.0.DeleteRequest.Key.Attr", "AttrStruct<ValueStruct>"));
    cases.addAll(typeCases(WRITE, "RequestItems.Attr.0.PutRequest", "FieldStruct<PutRequest>"));
    cases.addAll(typeCases(WRITE, "RequestItems.Attr.0.PutRequest.Item", "Map<AttributeValue>"));
    cases.addAll(typeCases(WRITE, "RequestItems.Attr.0.PutRequest.Item.Attr", "AttrStruct<ValueStruct>"));
    cases.addAll(typeCases(WRITE, "ReturnConsumedCapacity", "String"));
    cases.addAll(typeCases(WRITE, "ReturnItemCollectionMetrics", "String"));
    check(cases);
  }

  @Test
  void batchWriteItem_validation() {
    List<Case> cases = new ArrayList<>();
    cases.add(validation(WRITE, "{}",
        "1 validation error detected: Value null at 'requestItems' failed to satisfy constraint: Member must not be "
            + "null"));
    cases.add(validations(WRITE, "{ReturnConsumedCapacity: 'hi', ReturnItemCollectionMetrics: 'hi'}", CAPACITY_ENUM,
        METRICS_ENUM, "Value null at 'requestItems' failed to satisfy constraint: Member must not be null"));
    cases.add(validation(WRITE, "{RequestItems: {}}", "1 validation error detected: Value '{}' at 'requestItems' "
        + "failed "
        + "to satisfy constraint: Member must have length greater than or equal to 1"));
    cases.add(validations(WRITE, "{RequestItems: {a: []}}", NAME_KEYS, WRITE_VALUES));
    cases.add(validation(WRITE, "{RequestItems: {abc: [{}]}}", MANY_TYPES));
    cases.add(validations(WRITE, "{RequestItems: {a: []}, ReturnConsumedCapacity: 'hi', ReturnItemCollectionMetrics: "
        + "'hi'}",
        CAPACITY_ENUM, METRICS_ENUM, NAME_KEYS, WRITE_VALUES));
    cases.add(validations(WRITE, "{RequestItems: {'aa;': [{PutRequest: {}, DeleteRequest: {}}]}, "
            + "ReturnConsumedCapacity: 'hi', ReturnItemCollectionMetrics: "
            + "'hi'}", CAPACITY_ENUM, METRICS_ENUM, NAME_KEYS,
        "Value null at 'requestItems.aa;.member.1.member.deleteRequest.key' failed to satisfy constraint: "
            + "Member must not be null",
        "Value null at 'requestItems.aa;.member.1.member.putRequest.item' failed to satisfy constraint: "
            + "Member must not be null"));
    cases.add(validations(WRITE, "{RequestItems: {abc: " + mixedRequests(26) + "}}", WRITE_VALUES));
    cases.add(notFound(WRITE, "{RequestItems: {abc: " + mixedRequests(25) + "}}", NOT_FOUND_MESSAGE));
    String item = "{a: {S: '" + key() + "'}, c: {S: 'c'}}";
    cases.add(notFound(WRITE, "{RequestItems: {abc: [{PutRequest: {Item: " + item + "}}, {DeleteRequest: {Key: "
        + keyOf(item) + "}}]}}", NOT_FOUND_MESSAGE));
    cases.add(validation(WRITE, "{RequestItems: {$hash: [{PutRequest: {Item: " + item + "}}, {DeleteRequest: {Key: "
        + keyOf(item) + "}}]}}", "Provided list of item keys contains duplicates"));
    cases.add(validation(WRITE, "{RequestItems: {$hash: [{DeleteRequest: {Key: " + keyOf(item) + "}}, {PutRequest: "
        + "{Item: " + item + "}}]}}", "Provided list of item keys contains duplicates"));
    cases.add(validations(WRITE, "{RequestItems: {a: [{PutRequest: {Item: {a: {S: 'a'}}}}]}}", NAME_KEYS));
    for (String value : List.of("{}", "{a: ''}", "{M: {a: {}}}", "{L: [{}]}", "{L: [{a: {}}]}")) {
      cases.add(validation(WRITE, put("abc", "{a: " + value + "}"), EMPTY_VALUE));
    }
    for (String[] invalid : invalidValues()) {
      cases.add(validation(WRITE, put("abc", "{a: " + invalid[0] + "}"),
          "One or more parameter values were invalid: " + invalid[1]));
    }
    for (String[] invalid : invalidNumbers()) {
      cases.add(validation(WRITE, put("abc", "{a: " + invalid[0] + "}"), invalid[1]));
    }
    cases.add(validation(WRITE, put("abc", "{a: {S: 'a', N: '1'}}"), MANY_TYPES));
    sizeCases(cases);
    cases.add(notFound(WRITE, "{RequestItems: {'" + EngineTest.uniqueName("absent") + "': [{PutRequest: {Item: {}}}]}}",
        NOT_FOUND_MESSAGE));
    for (String mismatch : keyMismatches(false)) {
      cases.add(validation(WRITE, put("$hash", mismatch), NO_SCHEMA_MATCH));
    }
    cases.add(validation(WRITE, put("$range", "{a: {S: 'a'}}"), NO_SCHEMA_MATCH));
    cases.add(validation(WRITE, put("$range", "{a: {S: 'a'}, b: {S: 'a'}, c: {N: '1'}}"), Pattern.compile(
        "One or more parameter values were invalid: Type mismatch for Index Key c Expected: S Actual: N IndexName: "
            + "index\\d")));
    cases.add(validation(WRITE, put("$hash", "{a: {S: '" + fill(2050, 'a') + "'}}"),
        "One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes"));
    cases.add(validation(WRITE, put("$range", "{a: {S: 'a'}, b: {S: '" + fill(1026, 'a') + "'}}"),
        "One or more parameter values were invalid: "
            + "Aggregated size of all range keys has exceeded the size limit of 1024 bytes"));
    check(cases);
  }

  /** The item size cases: one byte over 400 KB is refused, exactly 400 KB reaches the (missing) table. */
  private void sizeCases(List<Case> cases) {
    String k = key();
    int rest = MAX_SIZE + 1 - k.length();
    String ones38 = "1".repeat(38) + "0".repeat(88);
    String seven = "1111111" + "0".repeat(119);
    // {filler length argument (as new Array(n).join), other attributes, too big?}
    Object[][] sizes = {
        {rest - 1, "", true}, {rest - 2, "", false},
        {rest - 1 - 1 - 20, ", c: {N: '" + ones38 + "'}", true},
        {rest - 1 - 1 - 2, ", c: {N: '1" + "0".repeat(125) + "'}", true},
        {rest - 1 - 1 - 2, ", c: {N: '11" + "0".repeat(124) + "'}", true},
        {rest - 1 - 1 - 4, ", c: {N: '11111" + "0".repeat(121) + "'}", true},
        {rest - 1 - 1 - 4, ", c: {N: '111111" + "0".repeat(120) + "'}", true},
        {rest - 1 - 1 - 5, ", c: {N: '" + seven + "'}", true},
        {rest - 1 - 1 - 5 - 1 - 5, ", c: {N: '" + seven + "'}, d: {N: '" + seven + "'}", true},
        {rest - 1 - 1 - 5 - 1 - 6, ", c: {N: '" + seven + "'}, d: {N: '" + seven + "'}", false}};
    for (Object[] size : sizes) {
      String item = "{a: {S: '" + k + "'}, b: {S: '" + fill((int) size[0], 'a') + "'}" + size[1] + "}";
      cases.add((boolean) size[2] ? validation(WRITE, put("abc", item), TOO_BIG)
          : notFound(WRITE, put("abc", item), NOT_FOUND_MESSAGE));
    }
    String longName = "b".repeat(27);
    cases.add(validation(WRITE, put("abc", "{a: {S: '" + k + "'}, " + longName + ": {S: "
        + "'" + fill(rest - 27, 'a') + "'}}"),
        TOO_BIG));
    cases.add(notFound(WRITE, put("abc", "{a: {S: '" + k + "'}, " + longName + ": {S: "
        + "'" + fill(rest - 28, 'a') + "'}}"),
        NOT_FOUND_MESSAGE));
    cases.add(validation(WRITE, put("abc", "{a: {S: '" + k + "'}, bb: {S: '" + fill(rest - 7, 'a') + "'}, ccc: {S: "
        + "'cc'}}"),
        TOO_BIG));
    cases.add(notFound(WRITE, put("abc", "{a: {S: '" + k + "'}, bb: {S: '" + fill(rest - 8, 'a') + "'}, ccc: {S: "
        + "'cc'}}"),
        NOT_FOUND_MESSAGE));
  }

  private static String put(String table, String item) {
    return "{RequestItems: {'" + table + "': [{PutRequest: {Item: " + item + "}}]}}";
  }

  /** {@code n} requests alternating a put and a delete of the keys "0", "1", ... */
  private static String mixedRequests(int n) {
    List<String> requests = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      requests.add(i % 2 == 1 ? "{DeleteRequest: {Key: {a: {S: '" + i + "'}}}}" : "{PutRequest: {Item: {a: {S: '" + i
          + "'}}}}");
    }
    return "[" + String.join(", ", requests) + "]";
  }

  @Test
  void batchWriteItem_writesOneItemToEachTable() {
    String item = "{a: {S: '" + key() + "'}, c: {S: 'c'}}";
    String item2 = "{a: {S: '" + key() + "'}, b: {S: '" + key() + "'}, c: {S: 'c'}}";
    JsonNode answer = ok(WRITE, "{RequestItems: {$hash: [{PutRequest: {Item: " + item + "}}], $range: [{PutRequest: "
        + "{Item: " + item2 + "}}]}}");
    assertEquals(parse("{UnprocessedItems: {}}"), answer);
    assertEquals(parse("{Item: " + item + "}"), getItem("$hash", keyOf(item)));
    assertEquals(parse("{Item: " + item2 + "}"), getItem("$range", rangeKeyOf(item2)));
  }

  @Test
  void batchWriteItem_deletesAnItemFromEachTable() {
    String item = "{a: {S: '" + key() + "'}, c: {S: 'c'}}";
    String item2 = "{a: {S: '" + key() + "'}, b: {S: '" + key() + "'}, c: {S: 'c'}}";
    ok("PutItem", "{TableName: '$hash', Item: " + item + "}");
    ok("PutItem", "{TableName: '$range', Item: " + item2 + "}");
    JsonNode answer = ok(WRITE, "{RequestItems: {$hash: [{DeleteRequest: {Key: " + keyOf(item) + "}}], $range: "
        + "[{DeleteRequest: {Key: " + rangeKeyOf(item2) + "}}]}}");
    assertEquals(parse("{UnprocessedItems: {}}"), answer);
    assertEquals(parse("{}"), getItem("$hash", keyOf(item)));
    assertEquals(parse("{}"), getItem("$range", rangeKeyOf(item2)));
  }

  @Test
  void batchWriteItem_putsAndDeletesTogether() {
    String item = "{a: {S: '" + key() + "'}, c: {S: 'c'}}";
    String item2 = "{a: {S: '" + key() + "'}, c: {S: 'c'}}";
    ok("PutItem", "{TableName: '$hash', Item: " + item + "}");
    assertEquals(parse("{UnprocessedItems: {}}"), ok(WRITE, "{RequestItems: {$hash: [{DeleteRequest: {Key: "
        + keyOf(item) + "}}, {PutRequest: {Item: " + item2 + "}}]}}"));
    assertEquals(parse("{UnprocessedItems: {}}"), ok(WRITE, "{RequestItems: {$hash: [{PutRequest: {Item: " + item
        + "}}, {DeleteRequest: {Key: " + keyOf(item2) + "}}]}}"));
    assertEquals(parse("{Item: " + item + "}"), getItem("$hash", keyOf(item)));
    assertEquals(parse("{}"), getItem("$hash", keyOf(item2)));
  }

  @Test
  void batchWriteItem_consumedCapacity_perTable() {
    // {b filler, binary set, units of the puts, units of the deletes the first time, then again (nothing left)}
    Object[][] runs = {{1010, "AQI=', 'Ag==', 'AQ==", 2.0, 2.0, 2.0}, {1012, "AQI=', 'Ag==", 3.0, 3.0, 2.0}};
    for (Object[] run : runs) {
      String a = key();
      String key2 = key();
      String key3 = "98765" + KEYS.incrementAndGet() + ".5";
      String item = "{a: {S: '" + a + "'}, b: {S: '" + fill((int) run[0] - a.length(), 'b') + "'}, c: {N: '12.3456'},"
          + "d: {B: 'AQI='}, e: {BS: ['" + run[1] + "']}}";
      String puts = "RequestItems: {$hash: [{PutRequest: {Item: " + item + "}}, {PutRequest: {Item: {a: {S: '" + key2
          + "'}}}}], $hashN: [{PutRequest: {Item: {a: {N: '" + key3 + "'}}}}]}";
      String deletes = "RequestItems: {$hash: [{DeleteRequest: {Key: {a: {S: '" + a + "'}}}}, {DeleteRequest: {Key: "
          + "{a: {S: '" + key2 + "'}}}}], $hashN: [{DeleteRequest: {Key: {a: {N: '" + key3 + "'}}}}]}";
      assertCapacity(ok(WRITE, "{" + puts + ", ReturnConsumedCapacity: 'TOTAL'}"), (double) run[2], false);
      assertCapacity(ok(WRITE, "{" + puts + ", ReturnConsumedCapacity: 'INDEXES'}"), (double) run[2], true);
      assertCapacity(ok(WRITE, "{" + deletes + ", ReturnConsumedCapacity: 'TOTAL'}"), (double) run[3], false);
      assertCapacity(ok(WRITE, "{" + deletes + ", ReturnConsumedCapacity: 'INDEXES'}"), (double) run[4], true);
    }
  }

  private void assertCapacity(JsonNode answer, double hashUnits, boolean indexes) {
    String hash = indexes ? "{CapacityUnits: " + hashUnits + ", Table: {CapacityUnits: " + hashUnits + "}, "
        + "TableName: '$hash'}"
        : "{CapacityUnits: " + hashUnits + ", TableName: '$hash'}";
    String hashN = indexes ? "{CapacityUnits: 1.0, Table: {CapacityUnits: 1.0}, TableName: '$hashN'}"
        : "{CapacityUnits: 1.0, TableName: '$hashN'}";
    assertEquals(asSet(expand("[" + hash + ", " + hashN + "]")), asSet(answer.get("ConsumedCapacity")),
        answer.toString());
  }

  private JsonNode getItem(String table, String key) {
    return ok("GetItem", "{TableName: '" + table + "', Key: " + key + ", ConsistentRead: true}");
  }

  private static String rangeKeyOf(String item) {
    JsonNode node = parse(item);
    return "{a: " + node.get("a") + ", b: " + node.get("b") + "}";
  }
}
