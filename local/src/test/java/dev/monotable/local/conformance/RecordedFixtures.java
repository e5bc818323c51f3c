package dev.monotable.local.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.monotable.local.MonotableLocal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Shared pieces of the tests ported from the expectations a public emulator's suite recorded
 * against live DynamoDB ({@link RecordedQueryTest}, {@link RecordedScanTest}): the five fixture
 * tables that suite works on, request bodies written compactly (single quotes, bare member names),
 * the per-member wrong-JSON-type cases DynamoDB's parser answers, and a runner that sends a list of
 * raw requests and collects every answer that differs from the recorded one, so that one test
 * reports all its mismatches at once.
 */
final class RecordedFixtures {
  static final String VALIDATION = "com.amazon.coral.validate#ValidationException";
  static final String SERIALIZATION = "com.amazon.coral.service#SerializationException";
  static final String NOT_FOUND = "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException";
  static final String TARGET = "DynamoDB_20120810.";

  private static final ObjectMapper RELAXED = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
      .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
      .build();
  private static final ObjectMapper STRICT = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** The names of the five fixture tables, unique to one test class. */
  record Tables(String hash, String hashN, String range, String rangeN, String rangeB) {
    /** Replaces the placeholders {@code $HASH}, {@code $HASHN}, {@code $RANGE}, {@code $RANGEN}, {@code $RANGEB}. */
    String resolve(String text) {
      return text.replace("$HASHN", hashN).replace("$HASH", hash).replace("$RANGEN", rangeN)
          .replace("$RANGEB", rangeB).replace("$RANGE", range);
    }
  }

  /**
   * One recorded expectation: a request body and the error type and message DynamoDB answered. A
   * message starting with {@code ~} is a regular expression the message must start with; a message
   * containing {@code " | "} lists several constraint errors reported in one message, in any order.
   */
  record Case(String label, String target, String body, String type, String message) {
  }

  private RecordedFixtures() {
  }

  /** Parses a body written with single quotes and bare member names into strict JSON. */
  static ObjectNode json(String relaxed) {
    try {
      return (ObjectNode) RELAXED.readTree(relaxed);
    } catch (IOException e) {
      throw new UncheckedIOException("bad test body: " + relaxed, e);
    }
  }

  /** {@code base} with every member of each of {@code parts} (relaxed JSON) added, later ones replacing. */
  static String merge(String base, String... parts) {
    ObjectNode merged = json(base);
    for (String part : parts) {
      if (part != null) {
        merged.setAll(json(part));
      }
    }
    return merged.toString();
  }

  /** Creates the five fixture tables of the recorded suite, with their key schemas and indexes, by raw requests. */
  static Tables createTables(MonotableLocal local) {
    Tables tables = new Tables(EngineTest.uniqueName("hash"), EngineTest.uniqueName("hashN"),
        EngineTest.uniqueName("range"), EngineTest.uniqueName("rangeN"), EngineTest.uniqueName("rangeB"));
    String throughput = "ProvisionedThroughput: {ReadCapacityUnits: 10, WriteCapacityUnits: 5}";
    create(local, "{TableName: '" + tables.hash()
        + "', AttributeDefinitions: [{AttributeName: 'a', AttributeType: 'S'}],"
        + " KeySchema: [{KeyType: 'HASH', AttributeName: 'a'}], " + throughput + "}");
    create(local, "{TableName: '" + tables.hashN()
        + "', AttributeDefinitions: [{AttributeName: 'a', AttributeType: 'N'}],"
        + " KeySchema: [{KeyType: 'HASH', AttributeName: 'a'}], BillingMode: 'PAY_PER_REQUEST'}");
    create(local, "{TableName: '" + tables.range()
        + "', AttributeDefinitions: [{AttributeName: 'a', AttributeType: 'S'},"
        + " {AttributeName: 'b', AttributeType: 'S'}, {AttributeName: 'c', AttributeType: 'S'},"
        + " {AttributeName: 'd', AttributeType: 'S'}],"
        + " KeySchema: [{KeyType: 'HASH', AttributeName: 'a'}, {KeyType: 'RANGE', AttributeName: 'b'}], " + throughput
            + ","
        + " LocalSecondaryIndexes: [{IndexName: 'index1', KeySchema: [{AttributeName: 'a', KeyType: 'HASH'},"
        + " {AttributeName: 'c', KeyType: 'RANGE'}], Projection: {ProjectionType: 'ALL'}},"
        + " {IndexName: 'index2', KeySchema: [{AttributeName: 'a', KeyType: 'HASH'}, {AttributeName: 'd', KeyType: "
            + "'RANGE'}],"
        + " Projection: {ProjectionType: 'INCLUDE', NonKeyAttributes: ['c']}}],"
        + " GlobalSecondaryIndexes: [{IndexName: 'index3', KeySchema: [{AttributeName: 'c', KeyType: 'HASH'}],"
        + " " + throughput + ", Projection: {ProjectionType: 'ALL'}},"
        + " {IndexName: 'index4', KeySchema: [{AttributeName: 'c', KeyType: 'HASH'}, {AttributeName: 'd', KeyType: "
            + "'RANGE'}],"
        + " " + throughput + ", Projection: {ProjectionType: 'INCLUDE', NonKeyAttributes: ['e']}}]}");
    create(local, "{TableName: '" + tables.rangeN()
        + "', AttributeDefinitions: [{AttributeName: 'a', AttributeType: 'S'},"
        + " {AttributeName: 'b', AttributeType: 'N'}],"
        + " KeySchema: [{KeyType: 'HASH', AttributeName: 'a'}, {KeyType: 'RANGE', AttributeName: 'b'}], " + throughput
            + "}");
    create(local, "{TableName: '" + tables.rangeB()
        + "', AttributeDefinitions: [{AttributeName: 'a', AttributeType: 'S'},"
        + " {AttributeName: 'b', AttributeType: 'B'}],"
        + " KeySchema: [{KeyType: 'HASH', AttributeName: 'a'}, {KeyType: 'RANGE', AttributeName: 'b'}], " + throughput
            + "}");
    return tables;
  }

  private static void create(MonotableLocal local, String relaxed) {
    RawRequest answer = RawRequest.send(local, TARGET + "CreateTable", json(relaxed).toString());
    assertEquals(200, answer.status(), answer.body());
  }

  /** Sends a raw request (relaxed JSON) that must succeed; its answer as JSON. */
  static JsonNode ok(MonotableLocal local, String operation, String relaxed) {
    RawRequest answer = RawRequest.send(local, TARGET + operation, json(relaxed).toString());
    assertEquals(200, answer.status(), operation + " " + relaxed + " -> " + answer.body());
    return strict(answer.body());
  }

  /** Puts every item (relaxed JSON objects) into {@code table} with PutItem. */
  static void putAll(MonotableLocal local, String table, String... items) {
    for (String item : items) {
      ok(local, "PutItem", "{TableName: '" + table + "', Item: " + item + "}");
    }
  }

  static JsonNode strict(String text) {
    try {
      return STRICT.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Asserts that {@code answer} equals the relaxed JSON {@code expected}, members in any order. */
  static void assertBody(String expected, JsonNode answer) {
    JsonNode wanted = json(expected);
    // numbers by value: DynamoDB writes CapacityUnits 1 as 1.0
    Comparator<JsonNode> numbersByValue = (a, b) -> a.isNumber() && b.isNumber()
        ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1;
    assertTrue(wanted.equals(numbersByValue, answer), () -> "expected " + abbreviate(wanted) + "\n but was "
        + abbreviate(answer));
  }

  /** The JSON text with long runs of one character shortened, for readable failures. */
  private static String abbreviate(JsonNode node) {
    return node.toString().replaceAll("(.)\\1{19,}", "$1$1$1...");
  }

  /** Sends every case and fails once, listing each answer that differs from the recorded one. */
  static void check(MonotableLocal local, List<Case> cases) {
    assertTrue(!cases.isEmpty(), "no cases");
    List<String> mismatches = new ArrayList<>();
    for (Case c : cases) {
      RawRequest answer = RawRequest.send(local, TARGET + c.target(), c.body());
      String wrong = mismatch(c, answer);
      if (wrong != null) {
        mismatches.add(c.label() + "\n    request:  " + c.body() + "\n    " + wrong);
      }
    }
    assertTrue(mismatches.isEmpty(), mismatches.size() + " of " + cases.size() + " cases differ:\n"
        + String.join("\n", mismatches));
  }

  private static String mismatch(Case c, RawRequest answer) {
    String got = "got: " + answer.status() + " " + answer.type() + " " + answer.message();
    if (answer.status() != 400 || !c.type().equals(answer.type())) {
      return "expected: " + c.type() + " " + c.message() + "\n    " + got;
    }
    String message = answer.message() == null ? "" : answer.message();
    boolean same;
    if (c.message().startsWith("~")) {
      same = Pattern.compile(c.message().substring(1)).matcher(message).lookingAt();
    } else if (c.message().contains(" | ")) {
      List<String> errors = Arrays.asList(c.message().split(" \\| "));
      String prefix = errors.size() + " validation error" + (errors.size() == 1 ? "" : "s") + " detected: ";
      same = message.startsWith(prefix)
          && sorted(Arrays.asList(message.substring(prefix.length()).split("; "))).equals(sorted(errors));
    } else {
      same = c.message().equals(message);
    }
    return same ? null : "expected: " + c.message() + "\n    " + got;
  }

  private static List<String> sorted(List<String> list) {
    List<String> copy = new ArrayList<>(list);
    copy.sort(null);
    return copy;
  }

  /** Several constraint errors of one ValidationException, in any order (see {@link Case}). */
  static String errors(String... errors) {
    return String.join(" | ", errors);
  }

  // ---------------------------------------------------------------- wrong JSON types

  /**
   * The SerializationException cases of one member: each value of the wrong JSON type placed at
   * {@code path} (members separated by dots, {@code 0} meaning the first element of a list) and the
   * parser message DynamoDB answers for a member of the given kind: {@code Boolean}, {@code String},
   * {@code Integer}, {@code Long}, {@code Blob}, {@code List}, {@code ParameterizedList},
   * {@code Map<T>}, {@code ParameterizedMap}, {@code ValueStruct<T>}, {@code FieldStruct<T>}, or
   * {@code AttrStruct<ValueStruct>} (an attribute value and every member of it).
   */
  static List<Case> typeCases(String target, String path, String kind) {
    List<Case> cases = new ArrayList<>();
    String base = kind;
    String inner = null;
    int open = kind.indexOf('<');
    if (open > 0) {
      base = kind.substring(0, open);
      inner = kind.substring(open + 1, kind.length() - 1);
    }
    if (base.equals("AttrStruct")) {
      String[][] members = {
          {"", inner + "<AttributeValue>"}, {".S", "String"}, {".N", "String"}, {".B", "Blob"},
          {".BOOL", "Boolean"}, {".NULL", "Boolean"}, {".SS", "List"}, {".SS.0", "String"}, {".NS", "List"},
          {".NS.0", "String"}, {".BS", "List"}, {".BS.0", "Blob"}, {".L", "List"},
          {".L.0", "ValueStruct<AttributeValue>"}, {".L.0.BS", "List"}, {".L.0.BS.0", "Blob"},
          {".M", "Map<AttributeValue>"}, {".M.a", "ValueStruct<AttributeValue>"}, {".M.a.BS", "List"},
          {".M.a.BS.0", "Blob"}};
      for (String[] member : members) {
        cases.addAll(typeCases(target, path + member[0], member[1]));
      }
      return cases;
    }
    for (Object[] wrong : wrongValues(base, inner)) {
      cases.add(new Case(path + " = " + wrong[0] + " (" + kind + ")", target, place(path,
          (JsonNode) wrong[0]).toString(),
          SERIALIZATION, (String) wrong[1]));
    }
    return cases;
  }

  private static List<Object[]> wrongValues(String base, String inner) {
    JsonNode str = NODES.textNode("23");
    JsonNode yes = NODES.booleanNode(true);
    JsonNode no = NODES.booleanNode(false);
    JsonNode small = NODES.numberNode(23);
    JsonNode minInt = NODES.numberNode(-2147483648);
    JsonNode overInt = NODES.numberNode(2147483648L);
    JsonNode decimal = NODES.numberNode(34.56);
    JsonNode list = NODES.arrayNode();
    JsonNode map = NODES.objectNode();
    String structure = "Start of structure or map found where not expected";
    String cast = "class sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl cannot be cast to class "
        + "java.lang.Class (sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl and java.lang.Class are in "
        + "module java.base of loader 'bootstrap')";
    String bytes = "only base-64-encoded strings are convertible to bytes";
    switch (base) {
      case "Boolean":
        return List.of(new Object[] {str, "Unexpected token received from parser"},
            new Object[] {small, "NUMBER_VALUE cannot be converted to Boolean"},
            new Object[] {minInt, "NUMBER_VALUE cannot be converted to Boolean"},
            new Object[] {overInt, "NUMBER_VALUE cannot be converted to Boolean"},
            new Object[] {decimal, "DECIMAL_VALUE cannot be converted to Boolean"},
            new Object[] {list, "Unrecognized collection type class java.lang.Boolean"},
            new Object[] {map, structure});
      case "String":
        return List.of(new Object[] {yes, "TRUE_VALUE cannot be converted to String"},
            new Object[] {no, "FALSE_VALUE cannot be converted to String"},
            new Object[] {small, "NUMBER_VALUE cannot be converted to String"},
            new Object[] {minInt, "NUMBER_VALUE cannot be converted to String"},
            new Object[] {overInt, "NUMBER_VALUE cannot be converted to String"},
            new Object[] {decimal, "DECIMAL_VALUE cannot be converted to String"},
            new Object[] {list, "Unrecognized collection type class java.lang.String"},
            new Object[] {map, structure});
      case "Integer":
      case "Long":
        return List.of(new Object[] {str, "STRING_VALUE cannot be converted to " + base},
            new Object[] {yes, "TRUE_VALUE cannot be converted to " + base},
            new Object[] {no, "FALSE_VALUE cannot be converted to " + base},
            new Object[] {list, "Unrecognized collection type class java.lang." + base},
            new Object[] {map, structure});
      case "Blob":
        return List.of(new Object[] {yes, bytes}, new Object[] {small, bytes}, new Object[] {minInt, bytes},
            new Object[] {overInt, bytes}, new Object[] {decimal, bytes},
            new Object[] {list, "Unrecognized collection type class java.nio.ByteBuffer"},
            new Object[] {map, structure},
            new Object[] {NODES.textNode("23456"),
                "Base64 encoded length is expected a multiple of 4 bytes but found: 5"},
            new Object[] {NODES.textNode("=+/="), "Invalid last non-pad Base64 character dectected"},
            new Object[] {NODES.textNode("+/+="), "Invalid last non-pad Base64 character dectected"});
      case "List":
      case "ParameterizedList":
      case "Map":
      case "ParameterizedMap":
      case "ValueStruct":
      case "FieldStruct": {
        String scalar = switch (base) {
          case "ParameterizedList", "ParameterizedMap" -> cast;
          case "ValueStruct" -> "Unexpected value type in payload";
          default -> "Unexpected field type";
        };
        List<Object[]> values = new ArrayList<>();
        for (JsonNode value : List.of(str, yes, small, minInt, overInt, decimal)) {
          values.add(new Object[] {value, scalar});
        }
        switch (base) {
          case "List", "ParameterizedList" -> values.add(new Object[] {map, structure});
          case "Map" -> values.add(new Object[] {list, "Unrecognized collection type java.util.Map<java.lang.String, "
              + (inner.contains(".") ? inner : "com.amazonaws.dynamodb.v20120810." + inner) + ">"});
          case "ParameterizedMap" -> values.add(new Object[] {list, "Unrecognized collection type "
              + "java.util.Map<java.lang.String, com.amazonaws.dynamodb.v20120810.AttributeValue>"});
          default -> values.add(new Object[] {list,
              "Unrecognized collection type class com.amazonaws.dynamodb.v20120810."
              + inner});
        }
        return values;
      }
      default:
        throw new IllegalArgumentException("unknown kind " + base);
    }
  }

  /** A body holding {@code value} at {@code path}: each piece a member, or, where the next is {@code 0}, a list. */
  private static ObjectNode place(String path, JsonNode value) {
    String[] pieces = path.split("\\.");
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
    return root;
  }
}
