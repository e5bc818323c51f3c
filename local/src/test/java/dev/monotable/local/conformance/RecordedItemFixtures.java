package dev.monotable.local.conformance;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fixtures for the item tests recorded against live DynamoDB by the dynalite project: its five test
 * tables (hash S, hash N, hash+range S with two local and two global indexes, hash+range N, hash+range
 * B), raw JSON requests written in a relaxed notation ({@code {TableName: '$hash', Key: {a: {S: 'x'}}}},
 * the tables named by {@code $hash}, {@code $hashN}, {@code $range}, {@code $rangeN}, {@code $rangeB}),
 * and cases that check the whole answer the way those recordings do: the {@code __type} with its
 * namespace, the message (spelled {@code Message} for the service framework's errors), the status.
 *
 * <p>Raw bodies are needed because most cases send members of the wrong JSON type or shape, which the
 * SDK cannot; so the subclasses are engine-only.
 */
abstract class RecordedItemFixtures extends EngineTest {
  static final String VALIDATION = "com.amazon.coral.validate#ValidationException";
  static final String SERIALIZATION = "com.amazon.coral.service#SerializationException";
  static final String NOT_FOUND = "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException";
  static final String CONDITIONAL = "com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException";
  static final String NOT_FOUND_MESSAGE = "Requested resource not found";
  static final String CONDITIONAL_MESSAGE = "The conditional request failed";
  /** DynamoDB's largest item, in bytes. */
  static final int MAX_SIZE = 409600;

  // ---------------------------------------------------------------- recorded messages and values

  static final String NOT_NULL = "failed to satisfy constraint: Member must not be null";
  static final String NAME_PATTERN = "failed to satisfy constraint: "
      + "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+";
  static final String NAME_MIN = "failed to satisfy constraint: Member must have length greater than or equal to 3";
  static final String NAME_MAX = "failed to satisfy constraint: Member must have length less than or equal to 255";
  static final String CAPACITY_ENUM = "Value 'hi' at 'returnConsumedCapacity' failed to satisfy constraint: "
      + "Member must satisfy enum value set: [INDEXES, TOTAL, NONE]";
  static final String RETURN_VALUES_ENUM = "Value 'hi' at 'returnValues' failed to satisfy constraint: "
      + "Member must satisfy enum value set: [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]";
  static final String METRICS_ENUM = "Value 'hi' at 'returnItemCollectionMetrics' failed to satisfy constraint: "
      + "Member must satisfy enum value set: [SIZE, NONE]";
  static final String NO_SCHEMA_MATCH = "The provided key element does not match the schema";
  static final String EMPTY_VALUE = "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes";
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
      {"{N: '123456789012345678901234567890123456789'}", "Attempting to store more than 38 significant digits in a Number"},
      {"{N: '-1.23456789012345678901234567890123456789'}", "Attempting to store more than 38 significant digits in a Number"},
      {"{N: '1e126'}", "Number overflow. Attempting to store a number with magnitude larger than supported range"},
      {"{N: '-1e126'}", "Number overflow. Attempting to store a number with magnitude larger than supported range"},
      {"{N: '1e-131'}", "Number underflow. Attempting to store a number with magnitude smaller than supported range"},
      {"{N: '-1e-131'}", "Number underflow. Attempting to store a number with magnitude smaller than supported range"}};
  /** Keys that do not match the hash table's schema (a string key {@code a}). */
  static final List<String> WRONG_HASH_KEYS = List.of("{}", "{b: {S: 'a'}}", "{a: {S: 'a'}, b: {S: 'a'}}",
      "{a: {B: 'abcd'}}", "{a: {N: '1'}}", "{a: {BOOL: true}}", "{a: {NULL: true}}", "{a: {SS: ['a']}}",
      "{a: {NS: ['1']}}", "{a: {BS: ['aaaa']}}", "{a: {M: {}}}", "{a: {L: []}}");

  private static final JsonMapper RELAXED = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES,
          JsonReadFeature.ALLOW_TRAILING_COMMA)
      .build();
  private static final Pattern TABLE = Pattern.compile("\\$(hashN|hash|rangeN|rangeB|range)\\b");
  private static final AtomicInteger RANDOM = new AtomicInteger();

  String hashTable;
  String hashNTable;
  String rangeTable;
  String rangeNTable;
  String rangeBTable;

  @BeforeAll
  void createRecordedTables() {
    hashTable = uniqueName("hash");
    hashNTable = uniqueName("hashN");
    rangeTable = uniqueName("range");
    rangeNTable = uniqueName("rangeN");
    rangeBTable = uniqueName("rangeB");
    String throughput = "ProvisionedThroughput: {ReadCapacityUnits: 10, WriteCapacityUnits: 5}";
    call("CreateTable", "{TableName: '$hash', AttributeDefinitions: [{AttributeName: 'a', AttributeType: 'S'}],"
        + " KeySchema: [{KeyType: 'HASH', AttributeName: 'a'}], " + throughput + "}");
    call("CreateTable", "{TableName: '$hashN', AttributeDefinitions: [{AttributeName: 'a', AttributeType: 'N'}],"
        + " KeySchema: [{KeyType: 'HASH', AttributeName: 'a'}], BillingMode: 'PAY_PER_REQUEST'}");
    call("CreateTable", "{TableName: '$range', AttributeDefinitions: [{AttributeName: 'a', AttributeType: 'S'},"
        + " {AttributeName: 'b', AttributeType: 'S'}, {AttributeName: 'c', AttributeType: 'S'},"
        + " {AttributeName: 'd', AttributeType: 'S'}],"
        + " KeySchema: [{KeyType: 'HASH', AttributeName: 'a'}, {KeyType: 'RANGE', AttributeName: 'b'}], " + throughput + ","
        + " LocalSecondaryIndexes: ["
        + "  {IndexName: 'index1', KeySchema: [{AttributeName: 'a', KeyType: 'HASH'}, {AttributeName: 'c', KeyType: 'RANGE'}],"
        + "   Projection: {ProjectionType: 'ALL'}},"
        + "  {IndexName: 'index2', KeySchema: [{AttributeName: 'a', KeyType: 'HASH'}, {AttributeName: 'd', KeyType: 'RANGE'}],"
        + "   Projection: {ProjectionType: 'INCLUDE', NonKeyAttributes: ['c']}}],"
        + " GlobalSecondaryIndexes: ["
        + "  {IndexName: 'index3', KeySchema: [{AttributeName: 'c', KeyType: 'HASH'}], " + throughput + ","
        + "   Projection: {ProjectionType: 'ALL'}},"
        + "  {IndexName: 'index4', KeySchema: [{AttributeName: 'c', KeyType: 'HASH'}, {AttributeName: 'd', KeyType: 'RANGE'}],"
        + "   " + throughput + ", Projection: {ProjectionType: 'INCLUDE', NonKeyAttributes: ['e']}}]}");
    call("CreateTable", "{TableName: '$rangeN', AttributeDefinitions: [{AttributeName: 'a', AttributeType: 'S'},"
        + " {AttributeName: 'b', AttributeType: 'N'}],"
        + " KeySchema: [{KeyType: 'HASH', AttributeName: 'a'}, {KeyType: 'RANGE', AttributeName: 'b'}], " + throughput + "}");
    call("CreateTable", "{TableName: '$rangeB', AttributeDefinitions: [{AttributeName: 'a', AttributeType: 'S'},"
        + " {AttributeName: 'b', AttributeType: 'B'}],"
        + " KeySchema: [{KeyType: 'HASH', AttributeName: 'a'}, {KeyType: 'RANGE', AttributeName: 'b'}], " + throughput + "}");
  }

  // ---------------------------------------------------------------- requests

  /** A string no other call returns, as the recordings' random keys. */
  static String rand() {
    return "r" + RANDOM.incrementAndGet() + "-" + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36);
  }

  /** A unique string of exactly ten characters, as the recordings' random keys are (item sizes depend on it). */
  static String rand10() {
    String digits = Integer.toString(RANDOM.incrementAndGet()) + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1);
    return ("k" + digits).substring(0, 10);
  }

  /** {@code count} copies of {@code c}. */
  static String repeat(char c, int count) {
    char[] chars = new char[Math.max(0, count)];
    Arrays.fill(chars, c);
    return new String(chars);
  }

  /** Parses relaxed JSON (single quotes, bare names, trailing commas), the fixture tables' names put in. */
  JsonNode json(String relaxed) {
    Matcher m = TABLE.matcher(relaxed);
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
    try {
      return RELAXED.readTree(out.toString());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + relaxed, e);
    }
  }

  /** The answer to {@code operation} (such as {@code GetItem}) given {@code body}. */
  Answer send(String operation, String body) {
    String strict;
    try {
      strict = RELAXED.writeValueAsString(json(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    RawRequest raw = RawRequest.send(local, "DynamoDB_20120810." + operation, strict);
    try {
      return new Answer(raw.status(), RELAXED.readTree(raw.body()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("answer not JSON: " + raw.body(), e);
    }
  }

  /** The body of a successful answer; fails on any other. */
  JsonNode call(String operation, String body) {
    Answer answer = send(operation, body);
    if (answer.status() != 200) {
      fail(operation + " " + body + " answered " + answer);
    }
    return answer.body();
  }

  /** An answer's status and parsed body. */
  record Answer(int status, JsonNode body) {
    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  // ---------------------------------------------------------------- cases

  enum Kind { SERIALIZATION, VALIDATION, VALIDATION_PARTS, VALIDATION_MATCHING, NOT_FOUND, CONDITIONAL, SUCCEEDS }

  /** One recorded request and what DynamoDB answered it. */
  record Case(String name, String operation, String body, Kind kind, String expected, List<String> parts) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Case serialization(String name, String operation, String body, String message) {
    return new Case(name, operation, body, Kind.SERIALIZATION, message, List.of());
  }

  static Case validation(String name, String operation, String body, String message) {
    return new Case(name, operation, body, Kind.VALIDATION, message, List.of());
  }

  /** A validation message listing {@code parts}, in any order (DynamoDB's order is that of a hash set). */
  static Case validationParts(String name, String operation, String body, String... parts) {
    return new Case(name, operation, body, Kind.VALIDATION_PARTS, null, List.of(parts));
  }

  /** A validation message matching {@code regex} (the recordings of syntax errors give only its start). */
  static Case validationMatching(String name, String operation, String body, String regex) {
    return new Case(name, operation, body, Kind.VALIDATION_MATCHING, regex, List.of());
  }

  static Case notFound(String name, String operation, String body) {
    return new Case(name, operation, body, Kind.NOT_FOUND, NOT_FOUND_MESSAGE, List.of());
  }

  static Case conditional(String name, String operation, String body) {
    return new Case(name, operation, body, Kind.CONDITIONAL, CONDITIONAL_MESSAGE, List.of());
  }

  /** A 200 whose body is {@code expected} (relaxed JSON; numbers compared by value). */
  static Case succeeds(String name, String operation, String body, String expected) {
    return new Case(name, operation, body, Kind.SUCCEEDS, expected, List.of());
  }

  /** Expected's own rules, the same for PutItem, UpdateItem and DeleteItem; {@code target} is "Item: {}" or "Key: {}". */
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
        validation("AttributeValueList without ComparisonOperator", op, head + "{a: {AttributeValueList: [{S: 'a'}]}}}",
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
    String head = "{TableName: 'abc', " + target + more + ", ConditionExpression: '', ExpressionAttributeValues: {':b': ";
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

  /** Fails unless the engine answers {@code c} as DynamoDB did. */
  void verify(Case c) {
    String mismatch = mismatch(c);
    if (mismatch != null) {
      fail(mismatch);
    }
  }

  /** Fails, listing every case of {@code cases} the engine answers otherwise than DynamoDB did. */
  void verifyAll(List<Case> cases) {
    List<String> mismatches = new ArrayList<>();
    for (Case c : cases) {
      String mismatch = mismatch(c);
      if (mismatch != null) {
        mismatches.add(mismatch);
      }
    }
    if (!mismatches.isEmpty()) {
      fail(mismatches.size() + " of " + cases.size() + " cases differ:\n" + String.join("\n", mismatches));
    }
  }

  /** Why the engine's answer to {@code c} is not DynamoDB's, or null when it is. */
  String mismatch(Case c) {
    Answer answer = send(c.operation(), c.body());
    JsonNode body = answer.body();
    String type = body.path("__type").asText(null);
    String message = body.has("message") ? body.get("message").asText() : null;
    boolean ok = switch (c.kind()) {
      case SERIALIZATION -> answer.status() == 400 && body.size() == 2 && SERIALIZATION.equals(type)
          && body.has("Message") && c.expected().equals(body.get("Message").asText());
      case VALIDATION -> answer.status() == 400 && VALIDATION.equals(type) && c.expected().equals(message);
      case VALIDATION_MATCHING -> answer.status() == 400 && VALIDATION.equals(type) && message != null
          && Pattern.compile(c.expected()).matcher(message).find();
      case VALIDATION_PARTS -> answer.status() == 400 && VALIDATION.equals(type) && message != null
          && hasParts(message, c.parts());
      case NOT_FOUND -> answer.status() == 400 && body.size() == 2 && NOT_FOUND.equals(type) && c.expected().equals(message);
      case CONDITIONAL -> answer.status() == 400 && body.size() == 2 && CONDITIONAL.equals(type)
          && c.expected().equals(message);
      case SUCCEEDS -> answer.status() == 200 && sameJson(json(c.expected()), body);
    };
    if (ok) {
      return null;
    }
    String wanted = c.kind() == Kind.VALIDATION_PARTS ? c.parts().size() + " parts " + c.parts() : c.expected();
    String sent = c.body().length() > 300 ? c.body().substring(0, 300) + "..." : c.body();
    return "[" + c.name() + "] " + c.operation() + " " + sent + "\n    expected " + c.kind() + ": " + wanted
        + "\n    got " + answer;
  }

  private static boolean hasParts(String message, List<String> parts) {
    String prefix = parts.size() + " validation error" + (parts.size() == 1 ? "" : "s") + " detected: ";
    if (!message.startsWith(prefix)) {
      return false;
    }
    Set<String> errors = new HashSet<>(Arrays.asList(message.substring(prefix.length()).split("; ")));
    return errors.containsAll(parts);
  }

  /** JSON equality with numbers compared by value, as the recordings' deep-equal does ({@code 1} is {@code 1.0}). */
  static boolean sameJson(JsonNode expected, JsonNode actual) {
    return expected.equals((a, b) -> {
      if (a.isNumber() && b.isNumber()) {
        return new BigDecimal(a.asText()).compareTo(new BigDecimal(b.asText()));
      }
      return a.equals(b) ? 0 : 1;
    }, actual);
  }

  // ---------------------------------------------------------------- wrong JSON types

  /** The values a recording sends where a member of {@code type} belongs, with DynamoDB's parser messages. */
  private static List<String[]> typeMessages(String type, String subtype) {
    String unexpected = "Unexpected field type";
    String valueType = "Unexpected value type in payload";
    String structure = "Start of structure or map found where not expected";
    String base64 = "only base-64-encoded strings are convertible to bytes";
    return switch (type) {
      case "Boolean" -> List.of(
          new String[] {"'23'", "Unexpected token received from parser"},
          new String[] {"23", "NUMBER_VALUE cannot be converted to Boolean"},
          new String[] {"-2147483648", "NUMBER_VALUE cannot be converted to Boolean"},
          new String[] {"2147483648", "NUMBER_VALUE cannot be converted to Boolean"},
          new String[] {"34.56", "DECIMAL_VALUE cannot be converted to Boolean"},
          new String[] {"[]", "Unrecognized collection type class java.lang.Boolean"},
          new String[] {"{}", structure});
      case "String" -> List.of(
          new String[] {"true", "TRUE_VALUE cannot be converted to String"},
          new String[] {"false", "FALSE_VALUE cannot be converted to String"},
          new String[] {"23", "NUMBER_VALUE cannot be converted to String"},
          new String[] {"-2147483648", "NUMBER_VALUE cannot be converted to String"},
          new String[] {"2147483648", "NUMBER_VALUE cannot be converted to String"},
          new String[] {"34.56", "DECIMAL_VALUE cannot be converted to String"},
          new String[] {"[]", "Unrecognized collection type class java.lang.String"},
          new String[] {"{}", structure});
      case "Integer", "Long" -> List.of(
          new String[] {"'23'", "STRING_VALUE cannot be converted to " + type},
          new String[] {"true", "TRUE_VALUE cannot be converted to " + type},
          new String[] {"false", "FALSE_VALUE cannot be converted to " + type},
          new String[] {"[]", "Unrecognized collection type class java.lang." + type},
          new String[] {"{}", structure});
      case "Blob" -> List.of(
          new String[] {"true", base64},
          new String[] {"23", base64},
          new String[] {"-2147483648", base64},
          new String[] {"2147483648", base64},
          new String[] {"34.56", base64},
          new String[] {"[]", "Unrecognized collection type class java.nio.ByteBuffer"},
          new String[] {"{}", structure},
          new String[] {"'23456'", "Base64 encoded length is expected a multiple of 4 bytes but found: 5"},
          new String[] {"'=+/='", "Invalid last non-pad Base64 character dectected"},
          new String[] {"'+/+='", "Invalid last non-pad Base64 character dectected"});
      case "List" -> scalarsThen(unexpected, new String[] {"{}", structure});
      case "Map" -> scalarsThen(unexpected, new String[] {"[]", "Unrecognized collection type java.util.Map<java.lang.String, "
          + (subtype.contains(".") ? subtype : "com.amazonaws.dynamodb.v20120810." + subtype) + ">"});
      case "ValueStruct" -> scalarsThen(valueType,
          new String[] {"[]", "Unrecognized collection type class com.amazonaws.dynamodb.v20120810." + subtype});
      case "FieldStruct" -> scalarsThen(unexpected,
          new String[] {"[]", "Unrecognized collection type class com.amazonaws.dynamodb.v20120810." + subtype});
      default -> throw new IllegalArgumentException("unknown type " + type);
    };
  }

  private static List<String[]> scalarsThen(String message, String[] last) {
    List<String[]> out = new ArrayList<>();
    for (String value : List.of("'23'", "true", "23", "-2147483648", "2147483648", "34.56")) {
      out.add(new String[] {value, message});
    }
    out.add(last);
    return out;
  }

  /**
   * The serialization cases the recordings generate for {@code property} (a dotted path, {@code 0}
   * for a list's element) of {@code type} ({@code String}, {@code Map<AttributeValue>},
   * {@code AttrStruct<ValueStruct>}, ...): each wrong value put at that path of an otherwise empty body.
   */
  static List<Case> typeCases(String operation, String property, String type) {
    Matcher generic = Pattern.compile("(.+?)<(.+)>$").matcher(type);
    String base = generic.matches() ? generic.group(1) : type;
    String subtype = generic.matches() ? generic.group(2) : null;
    if (base.equals("AttrStruct")) {
      List<Case> cases = new ArrayList<>();
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
    List<Case> cases = new ArrayList<>();
    for (String[] wrong : typeMessages(base, subtype)) {
      cases.add(serialization(operation + " " + property + " = " + wrong[0], operation,
          bodyWith(property, wrong[0]), wrong[1]));
    }
    return cases;
  }

  /** A body holding {@code value} at {@code property}, the containers on the way created as the recordings do. */
  private static String bodyWith(String property, String value) {
    String[] pieces = property.split("\\.");
    ObjectNode root = RELAXED.createObjectNode();
    ContainerNode<?> child = root;
    for (int i = 0; i < pieces.length; i++) {
      JsonNode next;
      if (i == pieces.length - 1) {
        try {
          next = RELAXED.readTree(value);
        } catch (JsonProcessingException e) {
          throw new IllegalArgumentException(value, e);
        }
      } else {
        next = pieces[i + 1].equals("0") ? RELAXED.createArrayNode() : RELAXED.createObjectNode();
      }
      if (child instanceof ArrayNode array) {
        array.add(next);
      } else {
        ((ObjectNode) child).set(pieces[i], next);
      }
      if (next instanceof ContainerNode<?> container) {
        child = container;
      }
    }
    try {
      return RELAXED.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
