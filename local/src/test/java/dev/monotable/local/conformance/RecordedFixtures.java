package dev.monotable.local.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;

/**
 * The base of the tests ported from the expectations a public emulator's suite recorded against live
 * DynamoDB (the {@code Recorded*Test} classes): the suite's five fixture tables (hash S, hash N,
 * hash+range S with two local and two global indexes, hash+range N, hash+range B), requests written
 * in a relaxed JSON (single quotes, bare member names, trailing commas), the serialization cases the
 * suite derives for every member from its wire type, and a runner that sends many cases and reports
 * every answer that differs from the recorded one at once.
 *
 * <p>In a request, {@code $hash}, {@code $hashN}, {@code $range}, {@code $rangeN} and {@code $rangeB}
 * stand for the fixture tables. Raw bodies are needed because most cases send members of the wrong
 * JSON type or shape, which the SDK cannot; so the subclasses are engine-only.
 */
abstract class RecordedFixtures extends EngineTest {
  static final String VALIDATION = "com.amazon.coral.validate#ValidationException";
  static final String SERIALIZATION = "com.amazon.coral.service#SerializationException";
  static final String NOT_FOUND = "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException";
  static final String CONDITIONAL = "com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException";
  static final String IN_USE = "com.amazonaws.dynamodb.v20120810#ResourceInUseException";
  static final String LIMIT_EXCEEDED = "com.amazonaws.dynamodb.v20120810#LimitExceededException";
  static final String TARGET = "DynamoDB_20120810.";

  // ---------------------------------------------------------------- recorded messages and values

  static final String NOT_FOUND_MESSAGE = "Requested resource not found";
  static final String CONDITIONAL_MESSAGE = "The conditional request failed";
  /** DynamoDB's largest item, in bytes. */
  static final int MAX_SIZE = 409600;
  static final String TOO_BIG = "Item size has exceeded the maximum allowed size";
  static final String NOT_NULL = "failed to satisfy constraint: Member must not be null";
  static final String NAME_PATTERN = "failed to satisfy constraint: "
      + "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+";
  static final String NAME_MIN = "failed to satisfy constraint: Member must have length greater than or equal to 3";
  static final String NAME_MAX = "failed to satisfy constraint: Member must have length less than or equal to 255";
  static final String NAME_CONSTRAINT = "Map keys must satisfy constraint: [Member must have length less than or equal "
      + "to 255, Member must have length greater than or equal to 3, Member must satisfy regular expression pattern: "
      + "[a-zA-Z0-9_.-]+]";
  static final String CAPACITY_ENUM = "Value 'hi' at 'returnConsumedCapacity' failed to satisfy constraint: "
      + "Member must satisfy enum value set: [INDEXES, TOTAL, NONE]";
  static final String RETURN_VALUES_ENUM = "Value 'hi' at 'returnValues' failed to satisfy constraint: "
      + "Member must satisfy enum value set: [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]";
  static final String METRICS_ENUM = "Value 'hi' at 'returnItemCollectionMetrics' failed to satisfy constraint: "
      + "Member must satisfy enum value set: [SIZE, NONE]";
  static final String NO_SCHEMA_MATCH = "The provided key element does not match the schema";
  static final String EMPTY_VALUE = "Supplied AttributeValue is empty, must contain exactly one of the supported "
      + "datatypes";
  static final String MANY_TYPES = "Supplied AttributeValue has more than one datatypes set, "
      + "must contain exactly one of the supported datatypes";
  static final String INVALID = "One or more parameter values were invalid: ";

  /** Attribute values with no (or no known) data type. */
  static final List<String> EMPTY_VALUES = List.of("{}", "{a: ''}", "{M: {a: {}}}", "{L: [{}]}", "{L: [{a: {}}]}");
  /** Attribute values DynamoDB refuses, with the reason after "One or more parameter values were invalid: ". */
  static final String[][] INVALID_VALUES = {
      {"{NULL: 'no'}", "Null attribute value types must have the value of true"},
      {"{SS: []}", "An string set  may not be empty"},
      {"{NS: []}", "An number set  may not be empty"},
      {"{BS: []}", "Binary sets should not be empty"},
      {"{SS: ['a', 'a']}", "Input collection [a, a] contains duplicates."},
      {"{BS: ['Yg==', 'Yg==']}", "Input collection [Yg==, Yg==]of type BS contains duplicates."}};
  /** Numbers DynamoDB refuses, with its whole message. */
  static final String[][] INVALID_NUMBERS = {
      {"{S: '', N: ''}", "The parameter cannot be converted to a numeric value"},
      {"{S: 'a', N: ''}", "The parameter cannot be converted to a numeric value"},
      {"{S: 'a', N: 'b'}", "The parameter cannot be converted to a numeric value: b"},
      {"{NS: ['1', '']}", "The parameter cannot be converted to a numeric value"},
      {"{NS: ['1', 'b']}", "The parameter cannot be converted to a numeric value: b"},
      {"{NS: ['1', '1']}", "Input collection contains duplicates"},
      {"{N: '123456789012345678901234567890123456789'}",
          "Attempting to store more than 38 significant digits in a Number"},
      {"{N: '-1.23456789012345678901234567890123456789'}",
          "Attempting to store more than 38 significant digits in a Number"},
      {"{N: '1e126'}", "Number overflow. Attempting to store a number with magnitude larger than supported range"},
      {"{N: '-1e126'}", "Number overflow. Attempting to store a number with magnitude larger than supported range"},
      {"{N: '1e-131'}", "Number underflow. Attempting to store a number with magnitude smaller than supported range"},
      {"{N: '-1e-131'}", "Number underflow. Attempting to store a number with magnitude smaller than supported range"}};
  /** Keys that do not match the hash table's schema (a string key {@code a}). */
  static final List<String> WRONG_HASH_KEYS = List.of("{}", "{b: {S: 'a'}}", "{a: {S: 'a'}, b: {S: 'a'}}",
      "{a: {B: 'abcd'}}", "{a: {N: '1'}}", "{a: {BOOL: true}}", "{a: {NULL: true}}", "{a: {SS: ['a']}}",
      "{a: {NS: ['1']}}", "{a: {BS: ['aaaa']}}", "{a: {M: {}}}", "{a: {L: []}}");

  /** KeyConditions or ScanFilter conditions with the wrong number of arguments for their operator. */
  static final String[] WRONG_ARGUMENT_COUNTS = {
      "{a: {ComparisonOperator: 'EQ'}, b: {ComparisonOperator: 'NULL'}, c: {ComparisonOperator: 'NULL'}}",
      "{a: {ComparisonOperator: 'EQ'}}",
      "{a: {ComparisonOperator: 'EQ', AttributeValueList: []}}",
      "{a: {ComparisonOperator: 'NE'}}", "{a: {ComparisonOperator: 'LE'}}", "{a: {ComparisonOperator: 'LT'}}",
      "{a: {ComparisonOperator: 'GE'}}", "{a: {ComparisonOperator: 'GT'}}", "{a: {ComparisonOperator: 'CONTAINS'}}",
      "{a: {ComparisonOperator: 'NOT_CONTAINS'}}", "{a: {ComparisonOperator: 'BEGINS_WITH'}}",
      "{a: {ComparisonOperator: 'IN'}}", "{a: {ComparisonOperator: 'BETWEEN'}}",
      "{a: {ComparisonOperator: 'NULL', AttributeValueList: [{S: 'a'}]}}",
      "{a: {ComparisonOperator: 'NOT_NULL', AttributeValueList: [{S: 'a'}]}}",
      "{a: {ComparisonOperator: 'EQ', AttributeValueList: [{S: 'a'}, {S: 'a'}]}}",
      "{a: {ComparisonOperator: 'NE', AttributeValueList: [{S: 'a'}, {S: 'a'}]}}",
      "{a: {ComparisonOperator: 'LE', AttributeValueList: [{S: 'a'}, {S: 'a'}]}}",
      "{a: {ComparisonOperator: 'LT', AttributeValueList: [{S: 'a'}, {S: 'a'}]}}",
      "{a: {ComparisonOperator: 'GE', AttributeValueList: [{S: 'a'}, {S: 'a'}]}}",
      "{a: {ComparisonOperator: 'GT', AttributeValueList: [{S: 'a'}, {S: 'a'}]}}",
      "{a: {ComparisonOperator: 'CONTAINS', AttributeValueList: [{S: 'a'}, {S: 'a'}]}}",
      "{a: {ComparisonOperator: 'NOT_CONTAINS', AttributeValueList: [{S: 'a'}, {S: 'a'}]}}",
      "{a: {ComparisonOperator: 'NULL', AttributeValueList: [{S: 'a'}, {S: 'a'}]}}",
      "{a: {ComparisonOperator: 'NOT_NULL', AttributeValueList: [{S: 'a'}, {S: 'a'}]}}",
      "{a: {ComparisonOperator: 'BETWEEN', AttributeValueList: [{S: 'a'}, {S: 'a'}, {S: 'a'}]}}"};
  /** Attribute values of the types a comparison that orders (LT, BETWEEN, ...) refuses. */
  static final String[] SCALAR_TYPES_NOT_ORDERED = {
      "{BOOL: true}", "{NULL: true}", "{SS: ['a']}", "{NS: ['1']}", "{BS: ['abcd']}", "{M: {}}", "{L: []}"};

  private static final JsonMapper RELAXED = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES,
          JsonReadFeature.ALLOW_TRAILING_COMMA)
      .build();
  private static final ObjectMapper STRICT = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern TABLE = Pattern.compile("\\$(hashN|hash|rangeN|rangeB|range)\\b");
  private static final AtomicInteger TABLES = new AtomicInteger();
  private static final AtomicInteger RANDOM = new AtomicInteger();

  String hashTable;
  String hashNTable;
  String rangeTable;
  String rangeNTable;
  String rangeBTable;

  /**
   * Creates the five fixture tables as the suite does (provisioned except {@code $hashN}). Their names
   * are plain identifiers, so that a relaxed body may use one as a bare member name.
   */
  @BeforeAll
  void createRecordedTables() {
    int n = TABLES.incrementAndGet();
    hashTable = "rec_hash_" + n;
    hashNTable = "rec_hashN_" + n;
    rangeTable = "rec_range_" + n;
    rangeNTable = "rec_rangeN_" + n;
    rangeBTable = "rec_rangeB_" + n;
    String throughput = "ProvisionedThroughput: {ReadCapacityUnits: 10, WriteCapacityUnits: 5}";
    ok("CreateTable", "{TableName: '$hash', AttributeDefinitions: [{AttributeName: 'a', AttributeType: 'S'}],"
        + " KeySchema: [{KeyType: 'HASH', AttributeName: 'a'}], " + throughput + "}");
    ok("CreateTable", "{TableName: '$hashN', AttributeDefinitions: [{AttributeName: 'a', AttributeType: 'N'}],"
        + " KeySchema: [{KeyType: 'HASH', AttributeName: 'a'}], BillingMode: 'PAY_PER_REQUEST'}");
    ok("CreateTable", "{TableName: '$range', AttributeDefinitions: [{AttributeName: 'a', AttributeType: 'S'},"
        + " {AttributeName: 'b', AttributeType: 'S'}, {AttributeName: 'c', AttributeType: 'S'},"
        + " {AttributeName: 'd', AttributeType: 'S'}],"
        + " KeySchema: [{KeyType: 'HASH', AttributeName: 'a'}, {KeyType: 'RANGE', AttributeName: 'b'}], "
        + throughput + ","
        + " LocalSecondaryIndexes: ["
        + "  {IndexName: 'index1', KeySchema: [{AttributeName: 'a', KeyType: 'HASH'},"
        + "   {AttributeName: 'c', KeyType: 'RANGE'}], Projection: {ProjectionType: 'ALL'}},"
        + "  {IndexName: 'index2', KeySchema: [{AttributeName: 'a', KeyType: 'HASH'},"
        + "   {AttributeName: 'd', KeyType: 'RANGE'}],"
        + "   Projection: {ProjectionType: 'INCLUDE', NonKeyAttributes: ['c']}}],"
        + " GlobalSecondaryIndexes: ["
        + "  {IndexName: 'index3', KeySchema: [{AttributeName: 'c', KeyType: 'HASH'}], " + throughput + ","
        + "   Projection: {ProjectionType: 'ALL'}},"
        + "  {IndexName: 'index4', KeySchema: [{AttributeName: 'c', KeyType: 'HASH'},"
        + "   {AttributeName: 'd', KeyType: 'RANGE'}],"
        + "   " + throughput + ", Projection: {ProjectionType: 'INCLUDE', NonKeyAttributes: ['e']}}]}");
    ok("CreateTable", "{TableName: '$rangeN', AttributeDefinitions: [{AttributeName: 'a', AttributeType: 'S'},"
        + " {AttributeName: 'b', AttributeType: 'N'}],"
        + " KeySchema: [{KeyType: 'HASH', AttributeName: 'a'}, {KeyType: 'RANGE', AttributeName: 'b'}], "
        + throughput + "}");
    ok("CreateTable", "{TableName: '$rangeB', AttributeDefinitions: [{AttributeName: 'a', AttributeType: 'S'},"
        + " {AttributeName: 'b', AttributeType: 'B'}],"
        + " KeySchema: [{KeyType: 'HASH', AttributeName: 'a'}, {KeyType: 'RANGE', AttributeName: 'b'}], "
        + throughput + "}");
  }

  // ---------------------------------------------------------------- requests

  /** A string no other call returns, as the recordings' random keys. */
  static String rand() {
    return "r" + RANDOM.incrementAndGet() + "-" + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36);
  }

  /** A unique string of exactly ten characters, as the recordings' random keys are (item sizes depend on it). */
  static String rand10() {
    String digits = Integer.toString(RANDOM.incrementAndGet())
        + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1);
    return ("k" + digits).substring(0, 10);
  }

  /** {@code count} copies of {@code c}. */
  static String repeat(char c, int count) {
    return String.valueOf(c).repeat(Math.max(0, count));
  }

  /** {@code text} with the fixture tables' placeholders ({@code $hash}, ...) replaced by their names. */
  String expand(String text) {
    Matcher m = TABLE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = switch (m.group(1)) {
        case "hash" -> hashTable;
        case "hashN" -> hashNTable;
        case "range" -> rangeTable;
        case "rangeN" -> rangeNTable;
        default -> rangeBTable;
      };
      m.appendReplacement(out, Matcher.quoteReplacement(name));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Parses relaxed JSON (single quotes, bare names, trailing commas) as it is. */
  static JsonNode parse(String relaxed) {
    try {
      return RELAXED.readTree(relaxed);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("bad test JSON: " + relaxed, e);
    }
  }

  /** Parses relaxed JSON, the fixture tables' names put in. */
  JsonNode json(String relaxed) {
    return parse(expand(relaxed));
  }

  /** {@code base} with the members of each of {@code parts} (relaxed JSON) added, later ones replacing; strict JSON. */
  static String merge(String base, String... parts) {
    ObjectNode merged = (ObjectNode) parse(base);
    for (String part : parts) {
      if (part != null) {
        merged.setAll((ObjectNode) parse(part));
      }
    }
    return merged.toString();
  }

  /**
   * Sends {@code body} to {@code operation} (such as {@code GetItem}), the tables' names put in. A body that
   * is strict JSON already goes as it is; a relaxed one is written strictly first.
   */
  RawRequest send(String operation, String body) {
    String expanded = expand(body);
    String strict;
    try {
      STRICT.readTree(expanded);
      strict = expanded;
    } catch (JsonProcessingException notStrict) {
      strict = parse(expanded).toString();
    }
    return RawRequest.send(local, TARGET + operation, strict);
  }

  /** Sends a request that must succeed, and returns its answer as JSON. */
  JsonNode ok(String operation, String body) {
    RawRequest answer = send(operation, body);
    assertEquals(200, answer.status(), operation + " " + body + " -> " + answer.body());
    return parse(answer.body());
  }

  /** Puts every item (relaxed JSON objects) into {@code table} with PutItem. */
  void putAll(String table, String... items) {
    for (String item : items) {
      ok("PutItem", "{TableName: '" + table + "', Item: " + item + "}");
    }
  }

  /** JSON equality with numbers compared by value, as the recordings' deep-equal does ({@code 1} is {@code 1.0}). */
  static boolean sameJson(JsonNode expected, JsonNode actual) {
    Comparator<JsonNode> numbersByValue = (a, b) -> a.isNumber() && b.isNumber()
        ? new BigDecimal(a.asText()).compareTo(new BigDecimal(b.asText())) : a.equals(b) ? 0 : 1;
    return expected.equals(numbersByValue, actual);
  }

  /** Asserts that {@code answer} equals the relaxed JSON {@code expected}, members in any order, numbers by value. */
  static void assertBody(String expected, JsonNode answer) {
    JsonNode wanted = parse(expected);
    assertTrue(sameJson(wanted, answer), () -> "expected " + abbreviate(wanted) + "\n but was " + abbreviate(answer));
  }

  /** The JSON text with long runs of one character shortened, for readable failures. */
  private static String abbreviate(JsonNode node) {
    return node.toString().replaceAll("(.)\\1{19,}", "$1$1$1...");
  }

  /** A copy of {@code node} with every JSON number as a double, so that {@code 1} and {@code 1.0} compare equal. */
  static JsonNode numbersAsDoubles(JsonNode node) {
    if (node.isNumber()) {
      return NODES.numberNode(node.doubleValue());
    }
    if (node.isArray()) {
      ArrayNode copy = NODES.arrayNode();
      node.forEach(element -> copy.add(numbersAsDoubles(element)));
      return copy;
    }
    if (node.isObject()) {
      ObjectNode copy = NODES.objectNode();
      node.fields().forEachRemaining(field -> copy.set(field.getKey(), numbersAsDoubles(field.getValue())));
      return copy;
    }
    return node;
  }

  // ---------------------------------------------------------------- cases

  /**
   * One recorded request and what DynamoDB answered it. {@code type} is the error's {@code __type}, or null
   * for a 200 whose body is {@code expected} (relaxed JSON, numbers by value). An error's {@code expected}
   * is its exact message, a {@link Pattern} the whole message matches, or a list of the parts (strings or
   * patterns) of a constraint envelope, in any order. {@code name} (may be null) names the case in reports.
   */
  record Case(String name, String operation, String body, String type, Object expected) {
    @Override
    public String toString() {
      return name != null ? name : operation + " " + body;
    }
  }

  /** A ValidationException with exactly this message. */
  static Case validation(String operation, String body, String message) {
    return new Case(null, operation, body, VALIDATION, message);
  }

  /** A ValidationException whose whole message matches the pattern. */
  static Case validation(String operation, String body, Pattern message) {
    return new Case(null, operation, body, VALIDATION, message);
  }

  /** A ValidationException with exactly this message. */
  static Case validation(String name, String operation, String body, String message) {
    return new Case(name, operation, body, VALIDATION, message);
  }

  /** A ValidationException listing these constraint violations (strings or patterns), in any order. */
  static Case validations(String operation, String body, Object... parts) {
    return new Case(null, operation, body, VALIDATION, List.of(parts));
  }

  /** A ValidationException listing these constraint violations, in any order (DynamoDB's is a hash set's). */
  static Case validationParts(String name, String operation, String body, String... parts) {
    return new Case(name, operation, body, VALIDATION, List.<Object>of(parts));
  }

  /** A ValidationException whose message contains a match of {@code regex} (syntax errors are recorded by start). */
  static Case validationMatching(String name, String operation, String body, String regex) {
    return new Case(name, operation, body, VALIDATION, Pattern.compile(".*?(?:" + regex + ").*", Pattern.DOTALL));
  }

  static Case serialization(String operation, String body, String message) {
    return new Case(null, operation, body, SERIALIZATION, message);
  }

  static Case serialization(String name, String operation, String body, String message) {
    return new Case(name, operation, body, SERIALIZATION, message);
  }

  static Case notFound(String operation, String body, String message) {
    return new Case(null, operation, body, NOT_FOUND, message);
  }

  /** A ResourceNotFoundException with DynamoDB's plain message. */
  static Case missingTable(String name, String operation, String body) {
    return new Case(name, operation, body, NOT_FOUND, NOT_FOUND_MESSAGE);
  }

  static Case inUse(String operation, String body, String message) {
    return new Case(null, operation, body, IN_USE, message);
  }

  static Case conditional(String name, String operation, String body) {
    return new Case(name, operation, body, CONDITIONAL, CONDITIONAL_MESSAGE);
  }

  /** A 200 whose body is {@code expected} (relaxed JSON; numbers compared by value). */
  static Case succeeds(String name, String operation, String body, String expected) {
    return new Case(name, operation, body, null, expected);
  }

  /**
   * An error written in the suite's short notation: a message starting with {@code ~} is a regular expression
   * the message must start with; one containing {@code " | "} lists the constraint errors of one message, in
   * any order (see {@link #errors}); any other is the exact message.
   */
  static Case recorded(String operation, String body, String type, String message) {
    Object expected = message;
    if (message.startsWith("~")) {
      expected = Pattern.compile("(?:" + message.substring(1) + ").*", Pattern.DOTALL);
    } else if (message.contains(" | ")) {
      expected = List.<Object>of(message.split(" \\| "));
    }
    return new Case(body, operation, body, type, expected);
  }

  /** Several constraint errors of one ValidationException, in any order (see {@link #recorded}). */
  static String errors(String... errors) {
    return String.join(" | ", errors);
  }

  /** A pattern matching {@code prefix}, then anything, then {@code suffix}, both literal. */
  static Pattern between(String prefix, String suffix) {
    return Pattern.compile(Pattern.quote(prefix) + ".*" + Pattern.quote(suffix), Pattern.DOTALL);
  }

  /** Expected's own rules, alike for PutItem, UpdateItem and DeleteItem; {@code target} is "Item: {}" or "Key: {}". */
  static List<Case> expectedCases(String op, String target) {
    String head = "{TableName: 'aaa', " + target + ", Expected: ";
    return List.of(
        validation("Expected without value or Exists", op, head + "{a: {}}}",
            INVALID + "Value must be provided when Exists is null for Attribute: a"),
        validation("Exists true without value", op, head + "{a: {Exists: true}}}",
            INVALID + "Value must be provided when Exists is true for Attribute: a"),
        validation("Exists false with value", op, head + "{a: {Exists: false, Value: {S: 'a'}}}}",
            INVALID + "Value cannot be used when Exists is false for Attribute: a"),
        validation("ComparisonOperator alone", op, head + "{a: {ComparisonOperator: 'LT'}}}",
            INVALID + "Value or AttributeValueList must be used with ComparisonOperator: LT for Attribute: a"),
        validation("ComparisonOperator with Exists", op, head + "{a: {Exists: true, ComparisonOperator: 'LT'}}}",
            INVALID + "Exists and ComparisonOperator cannot be used together for Attribute: a"),
        validation("AttributeValueList with Value", op,
            head + "{a: {AttributeValueList: [{S: 'a'}], Value: {S: 'a'}, ComparisonOperator: 'LT'}}}",
            INVALID + "Value and AttributeValueList cannot be used together for Attribute: a"),
        validation("AttributeValueList without ComparisonOperator", op,
            head + "{a: {AttributeValueList: [{S: 'a'}]}}}",
            INVALID + "AttributeValueList can only be used with a ComparisonOperator for Attribute: a"),
        validation("Value for NULL", op, head + "{a: {Value: {S: 'a'}, ComparisonOperator: 'NULL'}}}",
            INVALID + "Invalid number of argument(s) for the NULL ComparisonOperator"),
        validation("Value for BETWEEN", op, head + "{a: {Value: {S: 'a'}, ComparisonOperator: 'BETWEEN'}}}",
            INVALID + "Invalid number of argument(s) for the BETWEEN ComparisonOperator"));
  }

  /** The expression members' own rules for a ConditionExpression. */
  static List<Case> expressionMemberCases(String op, String target) {
    String head = "{TableName: 'abc', " + target + ", ";
    return List.of(
        validation("empty names", op, head + "ExpressionAttributeNames: {}, ExpressionAttributeValues: {},"
            + " ConditionExpression: ''}", "ExpressionAttributeNames must not be empty"),
        validation("invalid names", op, head + "ExpressionAttributeNames: {a: 'a'}, ExpressionAttributeValues: {},"
            + " ConditionExpression: ''}", "ExpressionAttributeNames contains invalid key: Syntax error; key: \"a\""),
        validation("empty values", op, head + "ExpressionAttributeValues: {}, ConditionExpression: ''}",
            "ExpressionAttributeValues must not be empty"),
        validation("invalid values", op, head + "ExpressionAttributeValues: {a: {S: 'a'}}, ConditionExpression: ''}",
            "ExpressionAttributeValues contains invalid key: Syntax error; key: \"a\""),
        validation("empty condition", op, head + "ConditionExpression: ''}",
            "Invalid ConditionExpression: The expression can not be empty;"));
  }

  /** ExpressionAttributeValues refused, each named by its key; {@code more} adds members to the request. */
  static List<Case> expressionValueCases(String op, String target, String more, String[][] numbers) {
    String head = "{TableName: 'abc', " + target + more
        + ", ConditionExpression: '', ExpressionAttributeValues: {':b': ";
    String invalid = "ExpressionAttributeValues contains invalid value: ";
    List<Case> cases = new ArrayList<>();
    for (String value : EMPTY_VALUES) {
      cases.add(validation("expression value empty " + value, op, head + value + "}}",
          invalid + EMPTY_VALUE + " for key :b"));
    }
    for (String[] value : INVALID_VALUES) {
      cases.add(validation("expression value invalid " + value[0], op, head + value[0] + "}}",
          invalid + INVALID + value[1] + " for key :b"));
    }
    for (String[] value : numbers) {
      cases.add(validation("expression value number " + value[0], op, head + value[0] + "}}",
          invalid + value[1] + " for key :b"));
    }
    cases.add(validation("expression value of several types", op, head + "{S: 'a', N: '1'}}}",
        invalid + MANY_TYPES + " for key :b"));
    return cases;
  }

  // ---------------------------------------------------------------- checking cases

  /** Fails unless the engine answers {@code c} as DynamoDB did. */
  void verify(Case c) {
    String mismatch = mismatch(c);
    if (mismatch != null) {
      fail(mismatch);
    }
  }

  /** Sends every case and fails once, listing each answer that differs from the recorded one. */
  void check(List<Case> cases) {
    assertTrue(!cases.isEmpty(), "no cases");
    List<String> mismatches = new ArrayList<>();
    for (Case c : cases) {
      String mismatch = mismatch(c);
      if (mismatch != null) {
        mismatches.add(mismatch);
      }
    }
    assertTrue(mismatches.isEmpty(), () -> mismatches.size() + " of " + cases.size() + " cases differ:\n"
        + String.join("\n", mismatches));
  }

  /**
   * Why the engine's answer to {@code c} is not DynamoDB's, or null when it is. An error must come as a 400
   * with the {@code __type} and its message alone, spelled {@code Message} for the service framework's
   * errors and {@code message} for DynamoDB's own.
   */
  String mismatch(Case c) {
    RawRequest answer = send(c.operation(), c.body());
    String sent = c.body().length() > 300 ? c.body().substring(0, 300) + "..." : c.body();
    String got = answer.body().length() > 400 ? answer.body().substring(0, 400) + "..." : answer.body();
    String where = "[" + c + "] " + c.operation() + " " + sent + "\n    got " + answer.status() + " " + got;
    JsonNode body = parse(answer.body());
    if (c.type() == null) {
      boolean same = answer.status() == 200 && sameJson(json((String) c.expected()), body);
      return same ? null : where + "\n    expected 200 " + c.expected();
    }
    if (answer.status() != 400 || !c.type().equals(answer.type())) {
      return where + "\n    expected " + c.type() + ": " + c.expected();
    }
    String messageKey = c.type().startsWith("com.amazon.coral.service#") ? "Message" : "message";
    if (body.size() != 2 || !body.has(messageKey)) {
      return where + "\n    expected __type and '" + messageKey + "' alone";
    }
    return matches(c.expected(), body.get(messageKey).asText()) ? null : where + "\n    expected " + c.expected();
  }

  private static boolean matches(Object expected, String message) {
    if (expected instanceof String text) {
      return text.equals(message);
    }
    if (expected instanceof Pattern pattern) {
      return pattern.matcher(message).matches();
    }
    List<?> parts = (List<?>) expected;
    String prefix = parts.size() + " validation error" + (parts.size() == 1 ? "" : "s") + " detected: ";
    if (!message.startsWith(prefix)) {
      return false;
    }
    // each part matches an error of its own, and no error is left over
    List<String> errors = new ArrayList<>(Arrays.asList(message.substring(prefix.length()).split("; ")));
    for (Object part : parts) {
      int at = 0;
      while (at < errors.size() && !(part instanceof Pattern p ? p.matcher(errors.get(at)).matches()
          : part.equals(errors.get(at)))) {
        at++;
      }
      if (at == errors.size()) {
        return false;
      }
      errors.remove(at);
    }
    return errors.isEmpty();
  }

  // ---------------------------------------------------------------- wrong JSON types

  /**
   * The serialization cases the suite derives for one member: {@code property} is a dotted path
   * ({@code RequestItems.Attr.Keys.0}; {@code 0} an element of a list, any other piece a name) and
   * {@code type} the member's wire type ({@code String}, {@code Integer}, {@code Long}, {@code Boolean},
   * {@code Blob}, {@code List}, {@code ParameterizedList}, {@code Map<V>}, {@code ParameterizedMap},
   * {@code ValueStruct<S>}, {@code FieldStruct<S>}, or {@code AttrStruct<S>}: an attribute value and every
   * member of it). Each wrong value is put at that path of an otherwise empty body.
   */
  static List<Case> typeCases(String operation, String property, String type) {
    String base = type;
    String subtype = null;
    int open = type.indexOf('<');
    if (open > 0 && type.endsWith(">")) {
      base = type.substring(0, open);
      subtype = type.substring(open + 1, type.length() - 1);
    }
    List<Case> cases = new ArrayList<>();
    if (base.equals("AttrStruct")) {
      String[][] members = {
          {"", subtype + "<AttributeValue>"}, {".S", "String"}, {".N", "String"}, {".B", "Blob"},
          {".BOOL", "Boolean"}, {".NULL", "Boolean"}, {".SS", "List"}, {".SS.0", "String"},
          {".NS", "List"}, {".NS.0", "String"}, {".BS", "List"}, {".BS.0", "Blob"}, {".L", "List"},
          {".L.0", "ValueStruct<AttributeValue>"}, {".L.0.BS", "List"}, {".L.0.BS.0", "Blob"},
          {".M", "Map<AttributeValue>"}, {".M.a", "ValueStruct<AttributeValue>"}, {".M.a.BS", "List"},
          {".M.a.BS.0", "Blob"}};
      for (String[] member : members) {
        cases.addAll(typeCases(operation, property + member[0], member[1]));
      }
      return cases;
    }
    for (String[] wrong : typeMessages(base, subtype)) {
      cases.add(serialization(operation + " " + property + " = " + wrong[0], operation,
          bodyWith(property, parse(wrong[0])), wrong[1]));
    }
    return cases;
  }

  /** The serialization cases of every member of {@code members}, each a pair of a property and its type. */
  static List<Case> typeCases(String operation, String[][] members) {
    List<Case> cases = new ArrayList<>();
    for (String[] member : members) {
      cases.addAll(typeCases(operation, member[0], member[1]));
    }
    return cases;
  }

  /** The values the suite sends where a member of {@code type} belongs, with DynamoDB's parser messages. */
  private static List<String[]> typeMessages(String type, String subtype) {
    String structure = "Start of structure or map found where not expected";
    String base64 = "only base-64-encoded strings are convertible to bytes";
    String cast = "class sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl cannot be cast to class "
        + "java.lang.Class (sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl and java.lang.Class are in "
        + "module java.base of loader 'bootstrap')";
    String collection = "Unrecognized collection type ";
    String model = "com.amazonaws.dynamodb.v20120810.";
    return switch (type) {
      case "Boolean" -> List.of(
          new String[] {"'23'", "Unexpected token received from parser"},
          new String[] {"23", "NUMBER_VALUE cannot be converted to Boolean"},
          new String[] {"-2147483648", "NUMBER_VALUE cannot be converted to Boolean"},
          new String[] {"2147483648", "NUMBER_VALUE cannot be converted to Boolean"},
          new String[] {"34.56", "DECIMAL_VALUE cannot be converted to Boolean"},
          new String[] {"[]", collection + "class java.lang.Boolean"},
          new String[] {"{}", structure});
      case "String" -> List.of(
          new String[] {"true", "TRUE_VALUE cannot be converted to String"},
          new String[] {"false", "FALSE_VALUE cannot be converted to String"},
          new String[] {"23", "NUMBER_VALUE cannot be converted to String"},
          new String[] {"-2147483648", "NUMBER_VALUE cannot be converted to String"},
          new String[] {"2147483648", "NUMBER_VALUE cannot be converted to String"},
          new String[] {"34.56", "DECIMAL_VALUE cannot be converted to String"},
          new String[] {"[]", collection + "class java.lang.String"},
          new String[] {"{}", structure});
      case "Integer", "Long" -> List.of(
          new String[] {"'23'", "STRING_VALUE cannot be converted to " + type},
          new String[] {"true", "TRUE_VALUE cannot be converted to " + type},
          new String[] {"false", "FALSE_VALUE cannot be converted to " + type},
          new String[] {"[]", collection + "class java.lang." + type},
          new String[] {"{}", structure});
      case "Blob" -> List.of(
          new String[] {"true", base64},
          new String[] {"23", base64},
          new String[] {"-2147483648", base64},
          new String[] {"2147483648", base64},
          new String[] {"34.56", base64},
          new String[] {"[]", collection + "class java.nio.ByteBuffer"},
          new String[] {"{}", structure},
          new String[] {"'23456'", "Base64 encoded length is expected a multiple of 4 bytes but found: 5"},
          new String[] {"'=+/='", "Invalid last non-pad Base64 character dectected"},
          new String[] {"'+/+='", "Invalid last non-pad Base64 character dectected"});
      case "List" -> scalarsThen("Unexpected field type", new String[] {"{}", structure});
      case "ParameterizedList" -> scalarsThen(cast, new String[] {"{}", structure});
      case "Map" -> scalarsThen("Unexpected field type", new String[] {"[]", collection
          + "java.util.Map<java.lang.String, " + (subtype.contains(".") ? subtype : model + subtype) + ">"});
      case "ParameterizedMap" -> scalarsThen(cast, new String[] {"[]", collection
          + "java.util.Map<java.lang.String, " + model + "AttributeValue>"});
      case "ValueStruct" -> scalarsThen("Unexpected value type in payload",
          new String[] {"[]", collection + "class " + model + subtype});
      case "FieldStruct" -> scalarsThen("Unexpected field type",
          new String[] {"[]", collection + "class " + model + subtype});
      default -> throw new IllegalArgumentException("unknown type " + type);
    };
  }

  /** The six scalars a container or structure refuses with {@code message}, then {@code last}. */
  private static List<String[]> scalarsThen(String message, String[] last) {
    List<String[]> out = new ArrayList<>();
    for (String value : List.of("'23'", "true", "23", "-2147483648", "2147483648", "34.56")) {
      out.add(new String[] {value, message});
    }
    out.add(last);
    return out;
  }

  /** A body holding {@code value} at the dotted {@code property}, every level above it a list or a map. */
  private static String bodyWith(String property, JsonNode value) {
    String[] pieces = property.split("\\.");
    ObjectNode root = NODES.objectNode();
    JsonNode child = root;
    for (int i = 0; i < pieces.length - 1; i++) {
      JsonNode next = pieces[i + 1].equals("0") ? NODES.arrayNode() : NODES.objectNode();
      if (child instanceof ArrayNode array) {
        array.add(next);
      } else {
        ((ObjectNode) child).set(pieces[i], next);
      }
      child = next;
    }
    if (child instanceof ArrayNode array) {
      array.add(value);
    } else {
      ((ObjectNode) child).set(pieces[pieces.length - 1], value);
    }
    return root.toString();
  }
}
