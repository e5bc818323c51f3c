package dev.monotable.local.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.monotable.local.MonotableLocal;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Shared set-up and checks for the conformance tests ported from a public suite whose expectations
 * were recorded against live DynamoDB (the {@code Recorded*Test} classes): the suite's five fixture
 * tables, the serialization cases it derives for every member from the member's wire type, and a
 * table-driven check of many raw requests that reports every mismatch at once.
 *
 * <p>Requests are written in a relaxed JSON (unquoted names, single quotes) for brevity; the names
 * {@code $hash}, {@code $hashN}, {@code $range}, {@code $rangeN} and {@code $rangeB} in a body
 * stand for the fixture tables.
 */
final class RecordedTableFixtures {
  static final String VALIDATION = "com.amazon.coral.validate#ValidationException";
  static final String SERIALIZATION = "com.amazon.coral.service#SerializationException";
  static final String NOT_FOUND = "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException";
  static final String IN_USE = "com.amazonaws.dynamodb.v20120810#ResourceInUseException";
  static final String LIMIT_EXCEEDED = "com.amazonaws.dynamodb.v20120810#LimitExceededException";
  static final String NAME_CONSTRAINT = "Map keys must satisfy constraint: [Member must have length less than or equal "
      + "to 255, Member must have length greater than or equal to 3, Member must satisfy regular expression pattern: "
      + "[a-zA-Z0-9_.-]+]";
  static final String REQUESTED_NOT_FOUND = "Requested resource not found";

  private static final JsonMapper RELAXED = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES, JsonReadFeature.ALLOW_SINGLE_QUOTES)
      .build();
  private static final String PREFIX = "DynamoDB_20120810.";
  private static final String CAST = "class sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl cannot be "
      + "cast "
      + "to class java.lang.Class (sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl and java.lang.Class "
      + "are "
      + "in module java.base of loader 'bootstrap')";

  private static final AtomicInteger TABLES = new AtomicInteger();

  private final MonotableLocal local;
  private final Map<String, String> names = new LinkedHashMap<>();

  RecordedTableFixtures(MonotableLocal local) {
    this.local = local;
  }

  /** Creates the five fixture tables (as the suite does, provisioned except {@code $hashN}). */
  RecordedTableFixtures createTables() {
    String throughput = "ProvisionedThroughput: {ReadCapacityUnits: 10, WriteCapacityUnits: 5}";
    create("$hash", "{AttributeDefinitions: [{AttributeName: 'a', AttributeType: 'S'}],"
        + "KeySchema: [{KeyType: 'HASH', AttributeName: 'a'}], " + throughput + "}");
    create("$hashN", "{AttributeDefinitions: [{AttributeName: 'a', AttributeType: 'N'}],"
        + "KeySchema: [{KeyType: 'HASH', AttributeName: 'a'}], BillingMode: 'PAY_PER_REQUEST'}");
    create("$range", "{AttributeDefinitions: [{AttributeName: 'a', AttributeType: 'S'},"
        + "{AttributeName: 'b', AttributeType: 'S'}, {AttributeName: 'c', AttributeType: 'S'},"
        + "{AttributeName: 'd', AttributeType: 'S'}],"
        + "KeySchema: [{KeyType: 'HASH', AttributeName: 'a'}, {KeyType: 'RANGE', AttributeName: 'b'}], "
        + throughput + ","
        + "LocalSecondaryIndexes: [{IndexName: 'index1', KeySchema: [{AttributeName: 'a', KeyType: 'HASH'},"
        + "{AttributeName: 'c', KeyType: 'RANGE'}], Projection: {ProjectionType: 'ALL'}},"
        + "{IndexName: 'index2', KeySchema: [{AttributeName: 'a', KeyType: 'HASH'}, {AttributeName: 'd', KeyType: "
        + "'RANGE'}],"
        + "Projection: {ProjectionType: 'INCLUDE', NonKeyAttributes: ['c']}}],"
        + "GlobalSecondaryIndexes: [{IndexName: 'index3', KeySchema: [{AttributeName: 'c', KeyType: 'HASH'}], "
        + throughput + ", Projection: {ProjectionType: 'ALL'}},"
        + "{IndexName: 'index4', KeySchema: [{AttributeName: 'c', KeyType: 'HASH'}, {AttributeName: 'd', KeyType: "
        + "'RANGE'}],"
        + throughput + ", Projection: {ProjectionType: 'INCLUDE', NonKeyAttributes: ['e']}}]}");
    create("$rangeN", "{AttributeDefinitions: [{AttributeName: 'a', AttributeType: 'S'},"
        + "{AttributeName: 'b', AttributeType: 'N'}],"
        + "KeySchema: [{KeyType: 'HASH', AttributeName: 'a'}, {KeyType: 'RANGE', AttributeName: 'b'}], "
        + throughput + "}");
    create("$rangeB", "{AttributeDefinitions: [{AttributeName: 'a', AttributeType: 'S'},"
        + "{AttributeName: 'b', AttributeType: 'B'}],"
        + "KeySchema: [{KeyType: 'HASH', AttributeName: 'a'}, {KeyType: 'RANGE', AttributeName: 'b'}], "
        + throughput + "}");
    return this;
  }

  private void create(String alias, String body) {
    // a plain identifier, so that a relaxed JSON body may use it as an unquoted member name
    String name = "rec_" + alias.substring(1) + "_" + TABLES.incrementAndGet();
    ObjectNode request = (ObjectNode) parse(body);
    request.put("TableName", name);
    names.put(alias, name);
    ok("CreateTable", request.toString());
  }

  /** The real name of a fixture table ({@code $hash}, ...). */
  String name(String alias) {
    return names.get(alias);
  }

  /** {@code text} with the fixture tables' aliases replaced by their names, longest alias first. */
  String expand(String text) {
    String out = text;
    for (String alias : List.of("$hashN", "$hash", "$rangeN", "$rangeB", "$range")) {
      if (names.containsKey(alias)) {
        out = out.replace(alias, names.get(alias));
      }
    }
    return out;
  }

  /** Relaxed JSON (unquoted names, single quotes) as a tree. */
  static JsonNode parse(String relaxed) {
    try {
      return RELAXED.readTree(relaxed);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("bad test JSON: " + relaxed, e);
    }
  }

  /** A copy of {@code node} with every JSON number as a double, so that {@code 1} and {@code 1.0} compare equal. */
  static JsonNode numbersAsDoubles(JsonNode node) {
    if (node.isNumber()) {
      return JsonNodeFactory.instance.numberNode(node.doubleValue());
    }
    if (node.isArray()) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode();
      node.forEach(element -> copy.add(numbersAsDoubles(element)));
      return copy;
    }
    if (node.isObject()) {
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      node.fields().forEachRemaining(field -> copy.set(field.getKey(), numbersAsDoubles(field.getValue())));
      return copy;
    }
    return node;
  }

  /** Sends a request written in relaxed JSON (aliases expanded) and returns the raw answer. */
  RawRequest send(String operation, String relaxedBody) {
    return RawRequest.send(local, PREFIX + operation, parse(expand(relaxedBody)).toString());
  }

  /** Sends a request that must succeed, and returns its answer as JSON. */
  JsonNode ok(String operation, String relaxedBody) {
    RawRequest answer = send(operation, relaxedBody);
    assertEquals(200, answer.status(), operation + " " + relaxedBody + " -> " + answer.body());
    return parse(answer.body());
  }

  // ---------------------------------------------------------------- expected answers

  /**
   * One request and the error DynamoDB answered it with. {@code expected} is the exact message, a
   * {@link Pattern} the whole message matches, or a list of a constraint envelope's parts (strings or
   * patterns) in any order.
   */
  record Case(String operation, String body, String type, Object expected) {
    @Override
    public String toString() {
      return operation + " " + body;
    }
  }

  /** A ValidationException with exactly this message. */
  static Case validation(String operation, String body, String message) {
    return new Case(operation, body, VALIDATION, message);
  }

  /** A ValidationException whose whole message matches the pattern. */
  static Case validation(String operation, String body, Pattern message) {
    return new Case(operation, body, VALIDATION, message);
  }

  /** A ValidationException listing these constraint violations (strings or patterns), in any order. */
  static Case validations(String operation, String body, Object... parts) {
    return new Case(operation, body, VALIDATION, List.of(parts));
  }

  static Case notFound(String operation, String body, String message) {
    return new Case(operation, body, NOT_FOUND, message);
  }

  static Case inUse(String operation, String body, String message) {
    return new Case(operation, body, IN_USE, message);
  }

  static Case serialization(String operation, String body, String message) {
    return new Case(operation, body, SERIALIZATION, message);
  }

  /** A pattern matching {@code prefix}, then anything, then {@code suffix}, both literal. */
  static Pattern between(String prefix, String suffix) {
    return Pattern.compile(Pattern.quote(prefix) + ".*" + Pattern.quote(suffix), Pattern.DOTALL);
  }

  /** Sends every case and fails once, listing every case whose answer differed. */
  void check(List<Case> cases) {
    List<String> mismatches = new ArrayList<>();
    for (Case c : cases) {
      String problem = mismatch(c);
      if (problem != null) {
        mismatches.add(problem);
      }
    }
    assertTrue(mismatches.isEmpty(), mismatches.size() + " of " + cases.size() + " cases differ:\n"
        + String.join("\n", mismatches));
  }

  /** What is wrong with the answer to one case, or null. */
  String mismatch(Case c) {
    RawRequest answer = send(c.operation(), c.body());
    String where = c.operation() + " " + abbreviate(expand(c.body())) + "\n    got " + abbreviate(answer.body());
    if (answer.status() != 400 || !c.type().equals(answer.type())) {
      return where + "\n    expected " + c.type() + ": " + c.expected();
    }
    // the service framework's errors (serialization, access) spell it with a capital M
    String messageKey = c.type().startsWith("com.amazon.coral.service#") ? "Message" : "message";
    if (!parse(answer.body()).has(messageKey)) {
      return where + "\n    expected the message as '" + messageKey + "'";
    }
    String message = answer.message();
    if (!matches(c.expected(), message)) {
      return where + "\n    expected " + c.expected();
    }
    return null;
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
    String[] errors = message.substring(prefix.length()).split("; ");
    for (Object part : parts) {
      boolean found = false;
      for (String error : errors) {
        found |= part instanceof Pattern p ? p.matcher(error).matches() : part.equals(error);
      }
      if (!found) {
        return false;
      }
    }
    return true;
  }

  private static String abbreviate(String text) {
    return text.length() > 400 ? text.substring(0, 400) + "..." : text;
  }

  // ---------------------------------------------------------------- serialization cases by type

  /**
   * The serialization cases the suite derives for one member: {@code property} is a dotted path
   * ({@code RequestItems.Attr.Keys.0}; {@code 0} an element of a list, any other piece a name) and
   * {@code type} the member's wire type ({@code String}, {@code Integer}, {@code Long},
   * {@code Boolean}, {@code Blob}, {@code List}, {@code ParameterizedList}, {@code Map<V>},
   * {@code ParameterizedMap}, {@code ValueStruct<S>}, {@code FieldStruct<S>}, {@code AttrStruct<S>}).
   */
  static List<Case> typeCases(String operation, String property, String type) {
    List<Case> cases = new ArrayList<>();
    String subtype = null;
    String base = type;
    int open = type.indexOf('<');
    if (open > 0 && type.endsWith(">")) {
      base = type.substring(0, open);
      subtype = type.substring(open + 1, type.length() - 1);
    }
    String notExpected = "Start of structure or map found where not expected";
    switch (base) {
      case "Boolean" -> {
        add(cases, operation, property, "'23'", "Unexpected token received from parser");
        add(cases, operation, property, "23", "NUMBER_VALUE cannot be converted to Boolean");
        add(cases, operation, property, "-2147483648", "NUMBER_VALUE cannot be converted to Boolean");
        add(cases, operation, property, "2147483648", "NUMBER_VALUE cannot be converted to Boolean");
        add(cases, operation, property, "34.56", "DECIMAL_VALUE cannot be converted to Boolean");
        add(cases, operation, property, "[]", "Unrecognized collection type class java.lang.Boolean");
        add(cases, operation, property, "{}", notExpected);
      }
      case "String" -> {
        add(cases, operation, property, "true", "TRUE_VALUE cannot be converted to String");
        add(cases, operation, property, "false", "FALSE_VALUE cannot be converted to String");
        add(cases, operation, property, "23", "NUMBER_VALUE cannot be converted to String");
        add(cases, operation, property, "-2147483648", "NUMBER_VALUE cannot be converted to String");
        add(cases, operation, property, "2147483648", "NUMBER_VALUE cannot be converted to String");
        add(cases, operation, property, "34.56", "DECIMAL_VALUE cannot be converted to String");
        add(cases, operation, property, "[]", "Unrecognized collection type class java.lang.String");
        add(cases, operation, property, "{}", notExpected);
      }
      case "Integer", "Long" -> {
        add(cases, operation, property, "'23'", "STRING_VALUE cannot be converted to " + base);
        add(cases, operation, property, "true", "TRUE_VALUE cannot be converted to " + base);
        add(cases, operation, property, "false", "FALSE_VALUE cannot be converted to " + base);
        add(cases, operation, property, "[]", "Unrecognized collection type class java.lang." + base);
        add(cases, operation, property, "{}", notExpected);
      }
      case "Blob" -> {
        for (String scalar : List.of("true", "23", "-2147483648", "2147483648", "34.56")) {
          add(cases, operation, property, scalar, "only base-64-encoded strings are convertible to bytes");
        }
        add(cases, operation, property, "[]", "Unrecognized collection type class java.nio.ByteBuffer");
        add(cases, operation, property, "{}", notExpected);
        add(cases, operation, property, "'23456'", "Base64 encoded length is expected a multiple of 4 bytes but "
            + "found: 5");
        add(cases, operation, property, "'=+/='", "Invalid last non-pad Base64 character dectected");
        add(cases, operation, property, "'+/+='", "Invalid last non-pad Base64 character dectected");
      }
      case "List" -> {
        scalars(cases, operation, property, "Unexpected field type");
        add(cases, operation, property, "{}", notExpected);
      }
      case "ParameterizedList" -> {
        scalars(cases, operation, property, CAST);
        add(cases, operation, property, "{}", notExpected);
      }
      case "Map" -> {
        scalars(cases, operation, property, "Unexpected field type");
        String value = subtype.contains(".") ? subtype : "com.amazonaws.dynamodb.v20120810." + subtype;
        add(cases, operation, property, "[]", "Unrecognized collection type java.util.Map<java.lang.String, "
            + value + ">");
      }
      case "ParameterizedMap" -> {
        scalars(cases, operation, property, CAST);
        add(cases, operation, property, "[]", "Unrecognized collection type java.util.Map<java.lang.String, "
            + "com.amazonaws.dynamodb.v20120810.AttributeValue>");
      }
      case "ValueStruct" -> {
        scalars(cases, operation, property, "Unexpected value type in payload");
        add(cases, operation, property, "[]", "Unrecognized collection type class com.amazonaws.dynamodb.v20120810."
            + subtype);
      }
      case "FieldStruct" -> {
        scalars(cases, operation, property, "Unexpected field type");
        add(cases, operation, property, "[]", "Unrecognized collection type class com.amazonaws.dynamodb.v20120810."
            + subtype);
      }
      case "AttrStruct" -> {
        cases.addAll(typeCases(operation, property, subtype + "<AttributeValue>"));
        String[][] members = {
            {".S", "String"}, {".N", "String"}, {".B", "Blob"}, {".BOOL", "Boolean"}, {".NULL", "Boolean"},
            {".SS", "List"}, {".SS.0", "String"}, {".NS", "List"}, {".NS.0", "String"}, {".BS", "List"},
            {".BS.0", "Blob"}, {".L", "List"}, {".L.0", "ValueStruct<AttributeValue>"}, {".L.0.BS", "List"},
            {".L.0.BS.0", "Blob"}, {".M", "Map<AttributeValue>"}, {".M.a", "ValueStruct<AttributeValue>"},
            {".M.a.BS", "List"}, {".M.a.BS.0", "Blob"}};
        for (String[] member : members) {
          cases.addAll(typeCases(operation, property + member[0], member[1]));
        }
      }
      default -> throw new IllegalArgumentException("unknown type " + type);
    }
    return cases;
  }

  private static void scalars(List<Case> cases, String operation, String property, String message) {
    for (String scalar : List.of("'23'", "true", "23", "-2147483648", "2147483648", "34.56")) {
      add(cases, operation, property, scalar, message);
    }
  }

  /** A body holding {@code value} at the dotted {@code property}, every level above it a list or a map. */
  private static void add(List<Case> cases, String operation, String property, String value, String message) {
    String[] pieces = property.split("\\.");
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    JsonNode child = body;
    for (int i = 0; i < pieces.length - 1; i++) {
      JsonNode next = pieces[i + 1].equals("0") ? JsonNodeFactory.instance.arrayNode()
          : JsonNodeFactory.instance.objectNode();
      if (child instanceof ArrayNode array) {
        array.add(next);
      } else {
        ((ObjectNode) child).set(pieces[i], next);
      }
      child = next;
    }
    JsonNode leaf = parse(value);
    if (child instanceof ArrayNode array) {
      array.add(leaf);
    } else {
      ((ObjectNode) child).set(pieces[pieces.length - 1], leaf);
    }
    cases.add(serialization(operation, body.toString(), message));
  }
}
