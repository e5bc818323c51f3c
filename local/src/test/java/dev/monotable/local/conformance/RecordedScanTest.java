package dev.monotable.local.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Scan's answers as a public emulator's suite recorded them from live DynamoDB: the parser's
 * message for every member of the wrong JSON type, the constraint, legacy-parameter, expression
 * and start-key checks in DynamoDB's order, and what scans with filters return. Requests are raw
 * JSON; {@code $hash}, {@code $range} and the like name the fixture tables of {@link RecordedFixtures}.
 */
@EngineOnly("sends raw, unsigned request bodies that the SDK cannot build")
class RecordedScanTest extends RecordedFixtures {
  private static final String OP = "Scan";
  private static final String START_INVALID = "The provided starting key is invalid";
  private static final String SEGMENT_START = "{TableName: 'abc', Segment: 1, ExclusiveStartKey: {a: {}}}";
  private static final String EXPRESSION_START = "{TableName: 'abc', Segment: 1, FilterExpression: '', "
      + "ExpressionAttributeNames: {}, ExpressionAttributeValues: {}}";

  // ---------------------------------------------------------------- serialization

  @Test
  void serializations() {
    String[][] members = {
        {"TableName", "String"}, {"ExclusiveStartKey", "Map<AttributeValue>"},
        {"ExclusiveStartKey.Attr", "AttrStruct<ValueStruct>"}, {"AttributesToGet", "List"},
        {"ReturnConsumedCapacity", "String"}, {"Select", "String"}, {"Limit", "Integer"}, {"Segment", "Integer"},
        {"ConditionalOperator", "String"}, {"TotalSegments", "Integer"}, {"ScanFilter", "Map<Condition>"},
        {"ScanFilter.Attr", "ValueStruct<Condition>"}, {"ScanFilter.Attr.ComparisonOperator", "String"},
        {"ScanFilter.Attr.AttributeValueList", "List"},
        {"ScanFilter.Attr.AttributeValueList.0", "AttrStruct<ValueStruct>"}, {"FilterExpression", "String"},
        {"ExpressionAttributeValues", "Map<AttributeValue>"},
        {"ExpressionAttributeValues.Attr", "AttrStruct<ValueStruct>"},
        {"ExpressionAttributeNames", "Map<java.lang.String>"}, {"ExpressionAttributeNames.Attr", "String"},
        {"ProjectionExpression", "String"}, {"IndexName", "String"}};
    check(typeCases(OP, members));
  }

  // ---------------------------------------------------------------- validation

  @ParameterizedTest(name = "{0}")
  @MethodSource("validations")
  void validation(String name, List<Case> cases) {
    check(cases);
  }

  private static Case v(String message, String base, String... parts) {
    String body = merge(base, parts);
    return recorded(OP, body, VALIDATION, message);
  }

  private static Arguments it(String name, Case... cases) {
    return Arguments.of(name, List.of(cases));
  }

  private static Arguments it(String name, List<Case> cases) {
    return Arguments.of(name, cases);
  }

  /** One case per start key, each merged into {@code base}. */
  private static List<Case> startKeys(String message, String base, String... startKeys) {
    List<Case> cases = new ArrayList<>();
    for (String key : startKeys) {
      cases.add(v(message, base, "{ExclusiveStartKey: " + key + "}"));
    }
    return cases;
  }

  /** One case per filter expression (with the given extra members), each expecting {@code prefix + suffix}. */
  private static List<Case> filters(String prefix, String extra, String[][] expressions) {
    List<Case> cases = new ArrayList<>();
    for (String[] expression : expressions) {
      cases.add(v(prefix + (expression.length > 1 ? expression[1] : ""), "{TableName: 'abc'}",
          "{FilterExpression: " + quote(expression[0]) + "}", extra));
    }
    return cases;
  }

  private static String quote(String text) {
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  static Stream<Arguments> validations() {
    List<Arguments> its = new ArrayList<>();
    String name256 = "a".repeat(256);
    its.add(it("no TableName", v("1 validation error detected: Value null at 'tableName' failed to satisfy constraint: "
        + "Member must not be null", "{}")));
    for (String value : new String[] {"", "a;"}) {
      its.add(it("bad TableName " + value, v(errors(
          "Value '" + value + "' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression "
              + "pattern: [a-zA-Z0-9_.-]+",
          "Value '" + value + "' at 'tableName' failed to satisfy constraint: Member must have length greater than or "
              + "equal to 3"), "{TableName: '" + value + "'}")));
    }
    its.add(it("long TableName", v("1 validation error detected: Value '" + name256 + "' at 'tableName' failed to "
        + "satisfy constraint: Member must have length less than or equal to 255", "{TableName: '" + name256 + "'}")));
    // "incorrect attributes" (ten constraint errors of eleven) is left out: which ten DynamoDB reports follows its own
    // member order, which the engine (reporting in the service model's order) does not reproduce
    String legacyAll = "{TableName: 'abc', ScanFilter: {a: {ComparisonOperator: 'EQ', AttributeValueList: [{}]}}, "
        + "Segment: 1, Limit: 1, AttributesToGet: ['a', 'a'], ExclusiveStartKey: {a: {}}, ConditionalOperator: 'OR', "
        + "Select: 'SPECIFIC_ATTRIBUTES'}";
    its.add(it("expression and non-expression", v("Can not use both expression and non-expression parameters in the "
        + "same request: Non-expression parameters: {AttributesToGet, ScanFilter, ConditionalOperator} Expression "
        + "parameters: {ProjectionExpression, FilterExpression}", legacyAll, "{FilterExpression: '', "
        + "ProjectionExpression: '', ExpressionAttributeNames: {}, ExpressionAttributeValues: {}}")));
    its.add(it("ExpressionAttributeNames but no FilterExpression", v("ExpressionAttributeNames can only be specified "
        + "when using expressions", legacyAll, "{ExpressionAttributeNames: {}, ExpressionAttributeValues: {}}")));
    its.add(it("ExpressionAttributeValues but no FilterExpression", v("ExpressionAttributeValues can only be specified "
        + "when using expressions: FilterExpression is null", legacyAll, "{ExpressionAttributeValues: {}}")));
    its.add(it("duplicate values in AttributesToGet", v(INVALID + "Duplicate value in attribute name: a",
        "{TableName: 'abc', Segment: 1, ScanFilter: {a: {ComparisonOperator: 'EQ', AttributeValueList: [{}, {a: ''}, "
            + "{S: ''}]}}, ExclusiveStartKey: {a: {}}, AttributesToGet: ['a', 'a']}")));
    List<Case> cases = new ArrayList<>();
    for (String empty : new String[] {"{}", "{a: ''}"}) {
      cases.add(v("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes",
          SEGMENT_START,
          "{ScanFilter: {a: {ComparisonOperator: 'EQ', AttributeValueList: [" + empty + ", {S: ''}]}}}"));
    }
    its.add(it("bad attribute values in ScanFilter", cases));
    cases = new ArrayList<>();
    for (String[] value : INVALID_VALUES) {
      cases.add(v(INVALID + value[1], SEGMENT_START, "{ScanFilter: {a: {ComparisonOperator: 'EQ', AttributeValueList: "
          + "[{N: '1'}, " + value[0] + ", {}]}}}"));
    }
    its.add(it("invalid values in ScanFilter", cases));
    cases = new ArrayList<>();
    for (String[] number : INVALID_NUMBERS) {
      cases.add(v(number[1], SEGMENT_START, "{ScanFilter: {a: {ComparisonOperator: 'EQ', AttributeValueList: "
          + "[{N: '1'}, " + number[0] + "]}}}"));
    }
    its.add(it("empty/invalid numbers in ScanFilter", cases));
    its.add(it("multiple datatypes in ScanFilter", v("Supplied AttributeValue has more than one datatypes set, must "
        + "contain exactly one of the supported datatypes", SEGMENT_START,
            "{ScanFilter: {a: {ComparisonOperator: 'EQ', "
        + "AttributeValueList: [{N: '1'}, {S: 'a', N: '1'}]}}}")));
    cases = new ArrayList<>();
    for (String filter : WRONG_ARGUMENT_COUNTS) {
      String operator = parse(filter).get("a").get("ComparisonOperator").asText();
      cases.add(v(INVALID + "Invalid number of argument(s) for the " + operator + " ComparisonOperator", SEGMENT_START,
          "{ScanFilter: " + filter + "}"));
    }
    its.add(it("incorrect number of ScanFilter arguments", cases));
    cases = new ArrayList<>();
    List<Case> contains = new ArrayList<>();
    List<Case> between = new ArrayList<>();
    List<Case> beginsWith = new ArrayList<>();
    for (String operator : new String[] {"LT", "LE", "GT", "GE", "IN"}) {
      for (String value : SCALAR_TYPES_NOT_ORDERED) {
        cases.add(notValidFor(operator, "[" + value + "]", value));
      }
    }
    for (String operator : new String[] {"CONTAINS", "NOT_CONTAINS"}) {
      for (int i = 2; i < SCALAR_TYPES_NOT_ORDERED.length; i++) {
        contains.add(notValidFor(operator, "[" + SCALAR_TYPES_NOT_ORDERED[i] + "]", SCALAR_TYPES_NOT_ORDERED[i]));
      }
    }
    for (String value : SCALAR_TYPES_NOT_ORDERED) {
      between.add(notValidFor("BETWEEN", "[" + value + ", " + value + "]", value));
    }
    beginsWith.add(notValidFor("BEGINS_WITH", "[{N: '1'}]", "{N: '1'}"));
    for (String value : SCALAR_TYPES_NOT_ORDERED) {
      beginsWith.add(notValidFor("BEGINS_WITH", "[" + value + "]", value));
    }
    its.add(it("invalid ComparisonOperator types", cases));
    its.add(it("invalid CONTAINS ComparisonOperator types", contains));
    its.add(it("invalid BETWEEN ComparisonOperator types", between));
    its.add(it("invalid BEGINS_WITH ComparisonOperator types", beginsWith));
    its.add(it("ExclusiveStartKey checked after a valid ScanFilter", v(START_INVALID + ": Supplied AttributeValue is "
        + "empty, must contain exactly one of the supported datatypes", SEGMENT_START, "{ScanFilter: {a: "
        + "{ComparisonOperator: 'EQ', AttributeValueList: [{SS: ['a']}]}}}")));
    its.add(it("unsupported datatype in ExclusiveStartKey", startKeys(START_INVALID + ": Supplied AttributeValue is "
        + "empty, must contain exactly one of the supported datatypes", EXPRESSION_START, "{a: {}}", "{a: {a: ''}}",
        "{a: {M: {a: {}}}}", "{a: {L: [{}]}}", "{a: {L: [{a: {}}]}}")));
    its.add(it("invalid values in ExclusiveStartKey", startKeys(START_INVALID + ": " + INVALID + INVALID_VALUES[0][1],
            EXPRESSION_START, "{a: " + INVALID_VALUES[0][0] + "}").get(0),
        startKeys(START_INVALID + ": " + INVALID + INVALID_VALUES[1][1], EXPRESSION_START,
            "{a: " + INVALID_VALUES[1][0] + "}").get(0),
        startKeys(START_INVALID + ": " + INVALID + INVALID_VALUES[3][1], EXPRESSION_START,
            "{a: " + INVALID_VALUES[3][0] + "}").get(0)));
    cases = new ArrayList<>();
    for (String[] value : new String[][] {INVALID_VALUES[2], INVALID_VALUES[4], INVALID_VALUES[5]}) {
      cases.addAll(startKeys(INVALID + value[1], EXPRESSION_START, "{a: " + value[0] + "}"));
    }
    its.add(it("invalid values in ExclusiveStartKey with no provided message", cases));
    cases = new ArrayList<>();
    for (String[] number : INVALID_NUMBERS) {
      cases.addAll(startKeys(number[1], EXPRESSION_START, "{a: " + number[0] + "}"));
    }
    its.add(it("empty/invalid numbers in ExclusiveStartKey", cases));
    its.add(it("multiple datatypes in ExclusiveStartKey", v(START_INVALID + ": Supplied AttributeValue has more than "
        + "one datatypes set, must contain exactly one of the supported datatypes", "{TableName: 'abc', "
        + "TotalSegments: 1, FilterExpression: '', ExpressionAttributeNames: {}, ExpressionAttributeValues: {}, "
        + "ExclusiveStartKey: {a: {S: 'a', N: '1'}}}")));
    String expressions = "{TableName: 'abc', FilterExpression: '', ExpressionAttributeNames: {}, "
        + "ExpressionAttributeValues: {}}";
    its.add(it("missing TotalSegments", v("The TotalSegments parameter is required but was not present in the request "
        + "when Segment parameter is present", expressions, "{Segment: 1}")));
    its.add(it("missing Segment", v("The Segment parameter is required but was not present in the request when "
        + "parameter TotalSegments is present", expressions, "{TotalSegments: 1}")));
    its.add(it("Segment more than TotalSegments", v("The Segment parameter is zero-based and must be less than "
        + "parameter TotalSegments: Segment: 1 is not less than TotalSegments: 1", expressions,
        "{Segment: 1, TotalSegments: 1}")));
    its.add(it("empty ExpressionAttributeNames", v("ExpressionAttributeNames must not be empty", expressions)));
    its.add(it("invalid ExpressionAttributeNames", v("ExpressionAttributeNames contains invalid key: Syntax error; "
        + "key: \"a\"", expressions, "{ExpressionAttributeNames: {a: 'a'}}")));
    its.add(it("empty ExpressionAttributeValues", v("ExpressionAttributeValues must not be empty",
        "{TableName: 'abc', FilterExpression: '', ExpressionAttributeValues: {}}")));
    its.add(it("invalid ExpressionAttributeValues", v("ExpressionAttributeValues contains invalid key: Syntax error; "
        + "key: \"a\"", "{TableName: 'abc', FilterExpression: '', ExpressionAttributeValues: {a: {S: 'b'}}}")));
    its.add(it("empty FilterExpression", v("Invalid FilterExpression: The expression can not be empty;",
        "{TableName: 'abc', FilterExpression: '', ProjectionExpression: '', ExpressionAttributeValues: "
            + "{':0': {S: 'b'}}}")));
    its.add(it("empty ProjectionExpression", v("Invalid ProjectionExpression: The expression can not be empty;",
        "{TableName: 'abc', FilterExpression: 'a > b', ProjectionExpression: ''}")));
    String[] syntax = {"things are not gonna be ok", "a > 4", "attribute_exists(Pictures-RearView)",
        "attribute_exists(\"Pictures.RearView\")", "attribute_exists(Pictures..RearView)",
        "attribute_exists(Pi#ctures.RearView)", "attribute_exists(asdf[a])", "a in b, c", "a > between", "a in b",
        "a in (b,c,)", "(a)between(b.(c.d))and(c)", "(a)between(b.c.d)and((c)", "#$.b > a", "a > :things.stuff",
        "b[:a] > a", "b[#_] > a", "\u00fc > a", "(a)between(b.c[4.5].#d)and(:a)", "size(a).b > a", "(size(a)).b > a",
        "size(a)[0] > a", "(size(a))[0] > a"};
    String[][] syntaxCases = new String[syntax.length][];
    for (int i = 0; i < syntax.length; i++) {
      syntaxCases[i] = new String[] {syntax[i]};
    }
    its.add(it("syntax errors", filters("~Invalid FilterExpression: Syntax error; ", null, syntaxCases)));
    its.add(it("redundant parentheses", filters("Invalid FilterExpression: The expression has redundant parentheses;",
        null, new String[][] {{"a=a and a > ((views))"}, {"(a)between(((b.c)).d)and(c)"},
        {"a > whatever((:things), ((a)))"}, {"a=a AND ((a=a AND a=a)) AND a=a"}, {"a=a OR ((a=a OR a=a)) OR a=a"},
        {"a=a AND ((a=a AND (a=a AND a=a)))"}, {"a=a OR ((a=a OR (a=a OR a=a)))"}})));
    its.add(it("invalid function names", filters("Invalid FilterExpression: Invalid function name; function: ", null,
        new String[][] {{"a=a and whatever((:things)) > a", "whatever"},
            {"attRIbute_exIsts((views), #a)", "attRIbute_exIsts"}})));
    its.add(it("functions used incorrectly", filters("Invalid FilterExpression: The function is not allowed to be used "
        + "this way in an expression; function: ", null, new String[][] {
            {"a=a and attribute_exists((views), (#a)) > b", "attribute_exists"},
            {"attribute_not_exists(things) > b", "attribute_not_exists"},
            {"attribute_type(things, :a) > b", "attribute_type"}, {"begins_with(things, a) > b", "begins_with"},
            {"contains(:things, c) > b", "contains"}, {"size(contains(a, b)) > a", "contains"},
            {"size(things)", "size"}, {"a between b and attribute_exists(things)", "attribute_exists"},
            {"a in (b, attribute_exists(things))", "attribute_exists"}})));
    its.add(it("reserved keywords", filters("Invalid FilterExpression: Attribute name is a reserved keyword; reserved "
        + "keyword: ", null, new String[][] {{"attribute_exists(views, #a)", "views"}, {":a < abOrT", "abOrT"}})));
    its.add(it("missing attribute names", filters("Invalid FilterExpression: An expression attribute name used in the "
        + "document path is not defined; attribute name: ", null, new String[][] {
            {"attribute_exists(#Pictures.RearView, :a) and a=a", "#Pictures"},
            {"begins_with(Pictures.#RearView)", "#RearView"},
            {"(#P between :lo and :hi) and (#PC in (:cat1, :cat2))", "#P"}, {"#4g > a", "#4g"}, {"#_ > a", "#_"},
            {"(a)between(b.c[45].#d)and(:a)", "#d"}})));
    its.add(it("missing attribute values", filters("Invalid FilterExpression: An expression attribute value used in "
        + "expression is not defined; attribute value: ", null, new String[][] {
            {"begins_with(:hello, #a, #b)", ":hello"}, {":a < :b", ":a"}, {":_ > a", ":_"}})));
    its.add(it("functions with incorrect operands", filters("Invalid FilterExpression: Incorrect number of operands "
        + "for operator or function; operator or function: ", null, new String[][] {
            {"attribute_exists(things, a) and a=a", "attribute_exists, number of operands: 2"},
            {"attribute_not_exists(things, b)", "attribute_not_exists, number of operands: 2"},
            {"attribute_type(things)", "attribute_type, number of operands: 1"},
            {"begins_with(things)", "begins_with, number of operands: 1"},
            {"begins_with(things, size(a), b)", "begins_with, number of operands: 3"},
            {"contains(things)", "contains, number of operands: 1"},
            {"size(things, a) > b", "size, number of operands: 2"}})));
    cases = new ArrayList<>();
    String[][] operandTypes = {
        {"attribute_type(a, size(a)) and a=a and a=:a", "attribute_type", "{N: '1'}"},
        {"attribute_type(a, :a)", "attribute_type", "{N: '1'}"}, {"attribute_type(a, :a)", "attribute_type",
            "{B: 'YQ=='}"},
        {"attribute_type(a, :a)", "attribute_type", "{BOOL: true}"},
        {"attribute_type(a, :a)", "attribute_type", "{NULL: true}"}, {"attribute_type(a, :a)", "attribute_type",
            "{L: []}"},
        {"attribute_type(a, :a)", "attribute_type", "{M: {}}"}, {"attribute_type(a, :a)", "attribute_type",
            "{SS: ['1']}"},
        {"attribute_type(a, :a)", "attribute_type", "{NS: ['1']}"},
        {"attribute_type(a, :a)", "attribute_type", "{BS: ['YQ==']}"},
        {"begins_with(a, size(a)) and a=:a", "begins_with", "{N: '1'}"}};
    for (String[] operand : operandTypes) {
      cases.add(operandType(operand[0], operand[1], operand[2]));
    }
    for (String expression : new String[] {"begins_with(a, :a)", "begins_with(:a, a)"}) {
      for (String value : new String[] {"{N: '1'}", "{BOOL: true}", "{NULL: true}", "{L: []}", "{M: {}}", "{SS: ['1']}",
          "{NS: ['1']}", "{BS: ['YQ==']}"}) {
        cases.add(operandType(expression, "begins_with", value));
      }
    }
    cases.add(operandType("size(size(a)) > :a", "size", "{N: '1'}"));
    cases.add(operandType("attribute_not_exists(size(:a))", "size", "{N: '1'}"));
    cases.add(operandType("size(:a) > a", "size", "{BOOL: true}"));
    cases.add(operandType("size(:a) > a", "size", "{NULL: true}"));
    its.add(it("functions with incorrect operand type", cases));
    // "attribute_type with incorrect value" is left out: it was recorded as "valid types: {B,NULL,...}", the engine
    // keeps the spaced list "{ B,NULL,SS,BOOL,L,BS,N,NS,S,M }" its own condition tests assert
    its.add(it("functions with attr values instead of paths", filters("Invalid FilterExpression: Operator or function "
        + "requires a document path; operator or function: ", "{ExpressionAttributeValues: {':a': {S: '1'}}}",
        new String[][] {{"attribute_exists(:a) and a=a", "attribute_exists"},
            {"attribute_not_exists(size(:a))", "attribute_not_exists"}})));
    its.add(it("non-distinct expressions", filters("Invalid FilterExpression: The first operand must be distinct from "
        + "the remaining operands for this operator or function; operator: ", "{ExpressionAttributeNames: {'#a': 'a'}}",
        // "a = a AND #a = b AND :views > a" (distinct operands reported before the undefined :views) is left out:
        // the engine finds undefined placeholders while parsing, before it checks operands node by node
        new String[][] {{"#a <> a", "<>, first operand: [a]"},
            {"a > #a", ">, first operand: [a]"}, {"((a=a) OR (a=a))", "=, first operand: [a]"},
            {"((a=a) AND (a=a))", "=, first operand: [a]"},
            {"contains(ab.bc[1].a, ab.bc[1].#a)", "contains, first operand: [ab, bc, [1], a]"},
            {"attribute_type(ab.bc[1].#a, ab.bc[1].a)", "attribute_type, first operand: [ab, bc, [1], a]"},
            {"begins_with(ab.bc[1].a, ab.bc[1].#a)", "begins_with, first operand: [ab, bc, [1], a]"}})));
    cases = new ArrayList<>();
    for (String key : new String[] {"{}", "{b: {S: 'a'}}", "{a: {S: 'a'}, b: {S: 'a'}}"}) {
      String body = merge("{TableName: 'abc'}", "{ExclusiveStartKey: " + key + "}");
      cases.add(recorded(OP, body, NOT_FOUND, "Requested resource not found"));
    }
    its.add(it("table exists checked before key validity", cases));
    String whatever = "The table does not have the specified index: whatever";
    its.add(it("unknown index and bad ExclusiveStartKey in hash table", startKeys(whatever, "{TableName: '$hash', "
        + "IndexName: 'whatever', FilterExpression: 'attribute_exists(a.b.c)'}", "{}",
        "{a: {S: 'a'}, b: {S: 'a'}, c: {S: 'a'}}", "{z: {S: 'a'}, y: {S: 'a'}, x: {S: 'a'}}")));
    its.add(it("unknown index and bad ExclusiveStartKey in range table", startKeys(whatever, "{TableName: '$range', "
        + "IndexName: 'whatever', FilterExpression: 'attribute_exists(a.b.c)'}", "{}", "{z: {S: 'a'}}",
        "{a: {S: 'a'}, b: {S: 'a'}, c: {S: 'a'}}", "{z: {S: 'a'}, y: {S: 'a'}, x: {S: 'a'}, w: {S: 'a'}}")));
    its.add(it("ExclusiveStartKey invalid for local index", startKeys(START_INVALID, "{TableName: '$range', "
        + "IndexName: 'index1'}", "{}", "{z: {N: '1'}}", "{a: {B: 'abcd'}}", "{a: {S: 'a'}}",
            "{a: {S: 'a'}, b: {S: 'a'}}",
        "{a: {S: 'a'}, c: {S: 'a'}}", "{b: {S: 'a'}, c: {S: 'a'}}", "{a: {S: 'a'}, c: {N: '1'}}",
        "{a: {S: 'a'}, z: {S: '1'}}", "{a: {S: 'a'}, b: {S: '1'}, c: {S: '1'}, d: {S: '1'}}")));
    its.add(it("ExclusiveStartKey invalid for global index", startKeys(START_INVALID, "{TableName: '$range', "
        + "IndexName: 'index3'}", "{}", "{z: {N: '1'}}", "{a: {B: 'abcd'}}", "{a: {S: 'a'}}", "{c: {N: '1'}}",
        "{c: {S: '1'}}", "{a: {S: 'a'}, b: {S: 'a'}}", "{a: {S: 'a'}, c: {S: 'a'}}", "{a: {S: 'a'}, b: {S: 'a'}, "
        + "z: {S: 'a'}}", "{a: {S: 'a'}, b: {S: 'a'}, c: {S: 'a'}, z: {S: 'a'}}")));
    its.add(it("global range in ExclusiveStartKey invalid", startKeys(START_INVALID, "{TableName: '$range', "
        + "IndexName: 'index4', Select: 'ALL_ATTRIBUTES'}", "{c: {S: '1'}}", "{a: {N: '1'}, c: {S: '1'}}",
        "{a: {N: '1'}, b: {N: '1'}, c: {S: '1'}}", "{a: {N: '1'}, b: {N: '1'}, c: {S: '1'}, e: {N: '1'}}",
        "{a: {S: 'a'}, b: {S: '1'}, c: {S: '1'}, d: {S: '1'}, e: {S: '1'}}")));
    its.add(it("non-existent index name", v(whatever, "{TableName: '$hash', IndexName: 'whatever', FilterExpression: "
            + "'attribute_exists(a.b.c)'}"),
        v(whatever, "{TableName: '$range', IndexName: 'whatever', FilterExpression: 'attribute_exists(a.b.c)'}")));
    its.add(it("ALL_ATTRIBUTES when global index does not have ALL", v(INVALID + "Select type ALL_ATTRIBUTES is not "
        + "supported for global secondary index index4 because its projection type is not ALL", "{TableName: '$range', "
        + "FilterExpression: 'attribute_exists(a.b.c)', IndexName: 'index4', Select: 'ALL_ATTRIBUTES', "
        + "ExclusiveStartKey: {x: {N: '1'}, y: {N: '1'}, c: {S: 'a'}, d: {S: 'a'}}}")));
    its.add(it("ExclusiveStartKey does not match schema for local index", startKeys(NO_SCHEMA_MATCH,
        "{TableName: '$range', "
        + "IndexName: 'index1'}", "{a: {N: '1'}, x: {S: '1'}, y: {S: '1'}}",
            "{a: {B: 'YQ=='}, b: {S: '1'}, c: {S: '1'}}",
        "{a: {S: 'a'}, b: {N: '1'}, c: {N: '1'}}", "{a: {S: 'a'}, b: {B: 'YQ=='}, c: {N: '1'}}",
        "{a: {S: 'a'}, b: {S: 'a'}, c: {N: '1'}}", "{a: {S: 'a'}, b: {S: 'a'}, c: {B: 'YQ=='}}")));
    its.add(it("ExclusiveStartKey does not match schema for global index", startKeys(NO_SCHEMA_MATCH,
        "{TableName: '$range', "
        + "IndexName: 'index3'}", "{x: {S: '1'}, y: {S: '1'}, c: {N: '1'}}",
            "{a: {S: '1'}, b: {S: '1'}, c: {B: 'YQ=='}}")));
    its.add(it("ExclusiveStartKey does not match schema for global compound index", startKeys(NO_SCHEMA_MATCH,
        "{TableName: '$range', IndexName: 'index4'}", "{x: {N: '1'}, y: {N: '1'}, c: {S: '1'}, d: {N: '1'}}",
        "{x: {N: '1'}, y: {N: '1'}, c: {N: '1'}, d: {S: '1'}}")));
    String startNotSchema = START_INVALID + ": " + NO_SCHEMA_MATCH;
    its.add(it("ExclusiveStartKey does not match schema", startKeys(startNotSchema, "{TableName: '$hash', "
        + "FilterExpression: 'attribute_exists(a.b.c)'}", "{}", "{b: {S: 'a'}}", "{a: {S: 'a'}, b: {S: 'a'}}",
        "{a: {B: 'abcd'}}", "{a: {N: '1'}}", "{a: {BOOL: true}}", "{a: {NULL: true}}", "{a: {SS: ['a']}}",
        "{a: {NS: ['1']}}", "{a: {BS: ['aaaa']}}", "{a: {M: {}}}", "{a: {L: []}}")));
    its.add(it("ExclusiveStartKey for range table invalid", startKeys(startNotSchema, "{TableName: '$range'}", "{}",
        "{z: {N: '1'}}", "{b: {S: 'a'}, c: {S: 'b'}}", "{a: {B: 'abcd'}}", "{a: {S: 'a'}}",
        "{a: {N: '1'}, b: {S: 'a'}, c: {S: 'b'}}", "{a: {N: '1'}, b: {N: '1'}, z: {N: '1'}}",
            "{a: {N: '1'}, z: {S: 'a'}}",
        "{a: {B: 'YQ=='}, b: {S: 'a'}}", "{a: {S: 'a'}}", "{a: {S: 'a'}, c: {N: '1'}}", "{a: {S: 'a'}, z: {S: '1'}}",
        "{a: {S: 'a'}, b: {S: '1'}, c: {S: '1'}}", "{a: {S: 'a'}, b: {N: '1'}}", "{a: {S: 'a'}, b: {B: 'YQ=='}}")));
    its.add(it("range in ExclusiveStartKey invalid, but hash and local ok", startKeys(startNotSchema, "{TableName: "
        + "'$range', IndexName: 'index1'}", "{a: {S: '1'}, b: {N: '1'}, c: {S: 'a'}}",
        "{a: {S: '1'}, b: {B: 'YQ=='}, c: {S: 'a'}}")));
    its.add(it("global hash in ExclusiveStartKey but bad in query", startKeys(startNotSchema, "{TableName: '$range', "
        + "IndexName: 'index3'}", "{x: {N: '1'}, y: {N: '1'}, c: {S: 'a'}}", "{a: {N: '1'}, b: {S: '1'}, c: {S: 'a'}}",
        "{a: {S: '1'}, b: {N: '1'}, c: {S: 'a'}}")));
    its.add(it("global range in ExclusiveStartKey but bad in query", startKeys(startNotSchema, "{TableName: '$range', "
        + "IndexName: 'index4'}", "{x: {N: '1'}, y: {N: '1'}, c: {S: 'a'}, d: {S: 'a'}}",
        "{a: {N: '1'}, b: {S: '1'}, c: {S: 'a'}, d: {S: 'a'}}",
            "{a: {S: '1'}, b: {N: '1'}, c: {S: 'a'}, d: {S: 'a'}}")));
    its.add(it("non-scalar key access", filters("Key attributes must be scalars; list random access '[]' and map "
        + "lookup '.' are not allowed: Key: a", "{TableName: '$hash', ExpressionAttributeNames: {'#a': 'a'}}",
        new String[][] {{"attribute_exists(a.b.c) and #a = b"}, {"attribute_exists(#a.b.c)"},
            {"attribute_exists(#a[0])"}})));
    return its.stream();
  }

  private static Case notValidFor(String operator, String list, String value) {
    String type = parse(value).fieldNames().next();
    return v(INVALID + "ComparisonOperator " + operator + " is not valid for " + type + " AttributeValue type",
        SEGMENT_START, "{ScanFilter: {a: {ComparisonOperator: '" + operator + "', AttributeValueList: " + list + "}}}");
  }

  private static Case operandType(String expression, String function, String value) {
    String type = parse(value).fieldNames().next();
    return v("Invalid FilterExpression: Incorrect operand type for operator or function; operator or function: "
        + function + ", operand type: " + type, "{TableName: 'abc'}", "{FilterExpression: " + quote(expression)
        + ", ExpressionAttributeValues: {':a': " + value + "}}");
  }

  // ---------------------------------------------------------------- functionality

  @Test
  void startKeyFromAnotherSegment() {
    for (int i = 0; i < 10; i++) {
      putAll(hashTable, "{a: {S: '" + i + "'}}");
    }
    JsonNode segment = ok(OP, "{TableName: '" + hashTable + "', Segment: 1, TotalSegments: 2}");
    assertTrue(segment.get("Count").asInt() > 0, segment.toString());
    check(List.of(v(START_INVALID + ": Invalid ExclusiveStartKey. Please use ExclusiveStartKey "
        + "with correct Segment. TotalSegments: 2 Segment: 0", "{TableName: '" + hashTable + "', Segment: 0, "
        + "TotalSegments: 2, FilterExpression: 'attribute_exists(a.b.c)', ExclusiveStartKey: {a: "
        + segment.get("Items").get(0).get("a") + "}}")));
  }

  /** An item's JSON with the members of its sets sorted, so that items compare whatever order a set is written in. */
  private static JsonNode normalized(JsonNode item) {
    ObjectNode copy = item.deepCopy();
    copy.fields().forEachRemaining(attribute -> {
      for (String set : new String[] {"SS", "NS", "BS"}) {
        JsonNode members = attribute.getValue().get(set);
        if (members != null) {
          List<String> sorted = new ArrayList<>();
          members.forEach(member -> sorted.add(member.asText()));
          sorted.sort(null);
          ArrayNode array = ((ObjectNode)
              attribute.getValue()).putArray(set);
          sorted.forEach(array::add);
        }
      }
    });
    return copy;
  }

  private static Set<JsonNode> itemSet(JsonNode items) {
    Set<JsonNode> set = new HashSet<>();
    items.forEach(item -> set.add(normalized(item)));
    return set;
  }

  /**
   * Puts one item per entry of {@code bs} (an attribute value for b, or null for none), all with
   * c = {@code tag}, then scans with a ScanFilter on b (the {@code legacy} condition) and c, and with
   * the FilterExpression {@code expression AND c = :c}; both must return exactly the items at the
   * {@code expected} positions.
   */
  private void scanBy(String tag, String[] bs, String legacy, String expression, String values, int... expected) {
    Set<JsonNode> wanted = putTagged(tag, bs, expected);
    String tagValue = "{S: '" + tag + "'}";
    List<String> requests = List.of(
        "{TableName: '" + hashTable + "', ScanFilter: {b: " + legacy + ", c: {ComparisonOperator: 'EQ', "
            + "AttributeValueList: [" + tagValue + "]}}}",
        "{TableName: '" + hashTable + "', FilterExpression: '" + expression + " AND c = :c', "
            + "ExpressionAttributeValues: {" + (values.isEmpty() ? "" : values + ", ") + "':c': " + tagValue + "}}");
    for (String request : requests) {
      JsonNode answer = ok(OP, request);
      assertEquals(wanted, itemSet(answer.get("Items")), request);
      assertEquals(expected.length, answer.get("Count").asInt(), request);
      assertTrue(answer.get("ScannedCount").asInt() >= bs.length, request);
    }
  }

  private static final String[] STRINGS = {"{S: 'abd'}", "{S: 'abc\\u00ff'}", "{S: 'abc'}", "{S: 'abd\\u0000'}",
      "{S: 'ab'}"};
  private static final String[] DECIMALS = {"{N: '2'}", "{N: '1.9999'}", "{N: '1'}", "{N: '2.00000001'}",
      "{N: '-0.5'}"};
  private static final String[] BINARIES = {"{B: 'zg=='}", "{B: '0A=='}", "{B: 'zw=='}", "{B: '0AA='}", "{B: 'z/8='}"};

  private static String legacy(String operator, String... values) {
    return "{ComparisonOperator: '" + operator + "'" + (values.length == 0 ? "" : ", AttributeValueList: ["
        + String.join(", ", values) + "]") + "}";
  }

  @Test
  void scanWithoutFilter() {
    putAll(hashTable, "{a: {S: 'snofilter0'}}");
    JsonNode answer = ok(OP, "{TableName: '" + hashTable + "'}");
    assertTrue(itemSet(answer.get("Items")).contains(parse("{a: {S: 'snofilter0'}}")),
        answer.toString());
    assertTrue(answer.get("Count").asInt() > 0 && answer.get("ScannedCount").asInt() > 0, answer.toString());
  }

  @Test
  void scanById() {
    putAll(hashTable, "{a: {S: 'sbyid00000'}}");
    for (String request : new String[] {
        "{ScanFilter: {a: {ComparisonOperator: 'EQ', AttributeValueList: [{S: 'sbyid00000'}]}}}",
        "{FilterExpression: 'a = :a', ExpressionAttributeValues: {':a': {S: 'sbyid00000'}}}",
        "{FilterExpression: '#a = :a', ExpressionAttributeValues: {':a': {S: 'sbyid00000'}}, "
            + "ExpressionAttributeNames: {'#a': 'a'}}"}) {
      JsonNode answer = ok(OP, merge("{TableName: '" + hashTable + "'}", request));
      assertBody("{x: [{a: {S: 'sbyid00000'}}]}",
          parse("{x: " + answer.get("Items") + "}"));
      assertEquals(1, answer.get("Count").asInt());
      assertTrue(answer.get("ScannedCount").asInt() > 0);
    }
    for (String request : new String[] {
        "{ScanFilter: {a: {ComparisonOperator: 'EQ', AttributeValueList: [{S: 'snomatch00'}]}}}",
        "{FilterExpression: 'a = :a', ExpressionAttributeValues: {':a': {S: 'snomatch00'}}}"}) {
      JsonNode answer = ok(OP, merge("{TableName: '" + hashTable + "'}", request));
      assertEquals(0, answer.get("Items").size());
      assertEquals(0, answer.get("Count").asInt());
      assertTrue(answer.get("ScannedCount").asInt() > 0);
    }
  }

  @Test
  void scanByNonKeyNumberAndSeveralAttributes() {
    scanBy("snumber000", new String[] {"{N: '8675309.1'}", "{N: '8675309.1'}", "{N: '8675309.2'}"},
        legacy("EQ", "{N: '8675309.1'}"), "b = :b", "':b': {N: '8675309.1'}", 0, 1);
    putAll(hashTable, "{a: {S: 'smulti0000'}, date: {N: '31'}, c: {N: '7'}}",
        "{a: {S: 'smulti0001'}, date: {N: '31'}, c: {N: '7'}}", "{a: {S: 'smulti0002'}, date: {N: '31'}, c: {N: '8'}}");
    for (String request : new String[] {
        "{ScanFilter: {date: {ComparisonOperator: 'EQ', AttributeValueList: [{N: '31'}]}, c: {ComparisonOperator: "
            + "'EQ', "
            + "AttributeValueList: [{N: '7'}]}}}",
        "{FilterExpression: '#d = :date AND c = :c', ExpressionAttributeValues: {':date': {N: '31'}, ':c': {N: '7'}}, "
            + "ExpressionAttributeNames: {'#d': 'date'}}"}) {
      JsonNode answer = ok(OP, merge("{TableName: '" + hashTable + "'}", request));
      assertEquals(Set.of(parse("{a: {S: 'smulti0000'}, date: {N: '31'}, c: {N: '7'}}"),
          parse("{a: {S: 'smulti0001'}, date: {N: '31'}, c: {N: '7'}}")), itemSet(answer.get("Items")));
    }
  }

  @Test
  void scanByEqualAndNotEqual() {
    scanBy("seqb000000", new String[] {"{B: 'abcd'}", "{B: 'abcd'}", "{B: 'Yg=='}"}, legacy("EQ", "{B: 'abcd'}"),
        "b = :b", "':b': {B: 'abcd'}", 0, 1);
    scanBy("seqss00000", new String[] {"{SS: ['a', 'b']}", "{SS: ['a', 'b']}", "{SS: ['a', 'b', 'c']}"},
        legacy("EQ", "{SS: ['b', 'a']}"), "b = :b", "':b': {SS: ['b', 'a']}", 0, 1);
    scanBy("seqns00000", new String[] {"{NS: ['1', '2']}", "{NS: ['1', '2']}", "{NS: ['1', '2', '3']}"},
        legacy("EQ", "{NS: ['2', '1']}"), "b = :b", "':b': {NS: ['2', '1']}", 0, 1);
    scanBy("seqbs00000", new String[] {"{BS: ['Yg==', 'abcd']}", "{BS: ['Yg==', 'abcd']}",
        "{BS: ['Yg==', 'abcd', '1234']}"},
        legacy("EQ", "{BS: ['abcd', 'Yg==']}"), "b = :b", "':b': {BS: ['abcd', 'Yg==']}", 0, 1);
    String[] mixed = {"{S: '1234'}", "{N: '1234'}", "{B: '1234'}"};
    scanBy("seqmixed00", mixed, legacy("EQ", "{S: '1234'}"), "b = :b", "':b': {S: '1234'}", 0);
    scanBy("snemixed00", mixed, legacy("NE", "{S: '1234'}"), "b <> :b", "':b': {S: '1234'}", 1, 2);
    scanBy("sness00000", new String[] {"{SS: ['a', 'b']}", "{SS: ['a', 'b']}", "{SS: ['a', 'b', 'c']}"},
        legacy("NE", "{SS: ['b', 'a']}"), "b <> :b", "':b': {SS: ['b', 'a']}", 2);
    scanBy("snens00000", new String[] {"{NS: ['1', '2']}", "{NS: ['1', '2']}", "{NS: ['3', '2', '1']}"},
        legacy("NE", "{NS: ['2', '1']}"), "b <> :b", "':b': {NS: ['2', '1']}", 2);
    scanBy("snebs00000", new String[] {"{BS: ['Yg==', 'abcd']}", "{BS: ['Yg==', 'abcd']}",
        "{BS: ['Yg==', 'abcd', '1234']}"},
        legacy("NE", "{BS: ['abcd', 'Yg==']}"), "b <> :b", "':b': {BS: ['abcd', 'Yg==']}", 2);
  }

  @Test
  void scanByOrderComparisons() {
    scanBy("sles000000", STRINGS, legacy("LE", STRINGS[0]), "b <= :b", "':b': " + STRINGS[0], 0, 1, 2, 4);
    scanBy("sleddec000", DECIMALS, legacy("LE", DECIMALS[0]), "b <= :b", "':b': " + DECIMALS[0], 0, 1, 2, 4);
    String[] integers = {"{N: '2'}", "{N: '19999'}", "{N: '1'}", "{N: '200000001'}", "{N: '-5'}"};
    scanBy("sleint0000", integers, legacy("LE", integers[0]), "b <= :b", "':b': " + integers[0], 0, 2, 4);
    scanBy("sleb000000", BINARIES, legacy("LE", BINARIES[1]), "b <= :b", "':b': " + BINARIES[1], 0, 1, 2, 4);
    scanBy("slts000000", STRINGS, legacy("LT", STRINGS[0]), "b < :b", "':b': " + STRINGS[0], 1, 2, 4);
    scanBy("sltn000000", DECIMALS, legacy("LT", DECIMALS[0]), "b < :b", "':b': " + DECIMALS[0], 1, 2, 4);
    scanBy("sltb000000", BINARIES, legacy("LT", BINARIES[1]), "b < :b", "':b': " + BINARIES[1], 0, 2, 4);
    scanBy("sges000000", STRINGS, legacy("GE", STRINGS[2]), "b >= :b", "':b': " + STRINGS[2], 0, 1, 2, 3);
    scanBy("sgen000000", DECIMALS, legacy("GE", DECIMALS[1]), "b >= :b", "':b': " + DECIMALS[1], 0, 1, 3);
    scanBy("sgeb000000", BINARIES, legacy("GE", BINARIES[2]), "b >= :b", "':b': " + BINARIES[2], 1, 2, 3, 4);
    scanBy("sgts000000", STRINGS, legacy("GT", STRINGS[2]), "b > :b", "':b': " + STRINGS[2], 0, 1, 3);
    scanBy("sgtn000000", DECIMALS, legacy("GT", DECIMALS[1]), "b > :b", "':b': " + DECIMALS[1], 0, 3);
    scanBy("sgtb000000", BINARIES, legacy("GT", BINARIES[2]), "b > :b", "':b': " + BINARIES[2], 1, 3, 4);
  }

  @Test
  void scanByNullAndNotNull() {
    scanBy("snotnull00", new String[] {"{S: 'x1'}", "{S: 'x2'}", null}, legacy("NOT_NULL"), "attribute_exists(b)", "",
        0, 1);
    scanBy("snull00000", new String[] {null, null, "{S: 'x3'}"}, legacy("NULL"), "attribute_not_exists(b)", "", 0, 1);
  }

  /**
   * Puts one item per entry of {@code bs} into the hash table (key {@code tag-i}, b the entry unless null,
   * c = {@code tag}) and returns the items at the {@code expected} positions, normalized for comparison.
   */
  private Set<JsonNode> putTagged(String tag, String[] bs, int... expected) {
    List<String> items = new ArrayList<>();
    for (int i = 0; i < bs.length; i++) {
      items.add("{a: {S: '" + tag + "-" + i + "'}" + (bs[i] == null ? "" : ", b: " + bs[i]) + ", c: {S: '" + tag
          + "'}}");
    }
    putAll(hashTable, items.toArray(String[]::new));
    Set<JsonNode> wanted = new HashSet<>();
    for (int i : expected) {
      wanted.add(normalized(parse(items.get(i))));
    }
    return wanted;
  }

  /** Scans the hash table with a FilterExpression only ({@code expression AND c = :c}) and checks the items found. */
  private void scanByExpression(String tag, String[] bs, String expression, String values, int... expected) {
    Set<JsonNode> wanted = putTagged(tag, bs, expected);
    String request = "{TableName: '" + hashTable + "', FilterExpression: '" + expression + " AND c = :c', "
        + "ExpressionAttributeValues: {" + (values.isEmpty() ? "" : values + ", ") + "':c': {S: '" + tag + "'}}}";
    JsonNode answer = ok(OP, request);
    assertEquals(wanted, itemSet(answer.get("Items")), request);
    assertEquals(expected.length, answer.get("Count").asInt(), request);
  }

  @Test
  void scanByContains() {
    String[] strings = {"{S: 'abdef'}", "{SS: ['abd', 'bde']}", "{B: 'YWJkZWY='}", "{BS: ['abcd', 'YmRl']}",
        "{S: 'bde'}",
        "{S: 'abd'}", "{L: [{N: '123'}, {S: 'bde'}]}", "{L: [{S: 'abd'}]}", "{L: [{S: 'abde'}]}"};
    scanBy("scontss000", strings, legacy("CONTAINS", "{S: 'bde'}"), "contains(b, :b)", "':b': {S: 'bde'}", 0, 1, 4, 6);
    String[] numbers = {"{N: '1234'}", "{NS: ['123', '234']}", "{B: 'MTIzNA=='}", "{BS: ['MjM0']}", "{SS: ['234']}",
        "{L: [{S: 'abd'}, {N: '234'}]}", "{L: [{N: '123'}]}", "{L: [{N: '1234'}]}"};
    scanBy("scontsn000", numbers, legacy("CONTAINS", "{N: '234'}"), "contains(b, :b)", "':b': {N: '234'}", 1, 5);
    String[] binaries = {"{S: 'abdef'}", "{SS: ['abd', 'bde']}", "{B: 'YWJkZWY='}", "{BS: ['YmRl', 'abcd']}",
        "{B: 'YmRl'}", "{S: 'abd'}", "{L: [{N: '123'}, {B: 'YmRl'}]}", "{L: [{B: 'YWJk'}]}", "{L: [{B: 'YWJkZQ=='}]}"};
    scanBy("scontsb000", binaries, legacy("CONTAINS", "{B: 'YmRl'}"), "contains(b, :b)", "':b': {B: 'YmRl'}", 2, 3, 4,
        6);
    scanBy("snconts000", Arrays.copyOf(strings, 6), legacy("NOT_CONTAINS", "{S: 'bde'}"),
        "NOT contains(b, :b)", "':b': {S: 'bde'}", 2, 3, 5);
    scanBy("snconts001", Arrays.copyOf(numbers, 5), legacy("NOT_CONTAINS", "{N: '234'}"),
        "NOT contains(b, :b)", "':b': {N: '234'}", 0, 2, 3, 4);
    scanBy("snconts002", Arrays.copyOf(binaries, 6), legacy("NOT_CONTAINS", "{B: 'YmRl'}"),
        "NOT contains(b, :b)", "':b': {B: 'YmRl'}", 0, 1, 5);
  }

  @Test
  void scanByBeginsWithInAndBetween() {
    scanBy("sbegins000", new String[] {"{S: 'abdef'}", "{SS: ['abd', 'bde']}", "{B: 'YWJkZWY='}", "{S: 'ab'}",
        "{S: 'abd'}"}, legacy("BEGINS_WITH", "{S: 'abd'}"), "begins_with(b, :b)", "':b': {S: 'abd'}", 0, 4);
    scanBy("sbegins001", new String[] {"{S: 'abdef'}", "{SS: ['abd', 'bde']}", "{B: 'YWJkZWY='}", "{S: 'ab'}",
        "{B: 'YWJk'}"}, legacy("BEGINS_WITH", "{B: 'YWJk'}"), "begins_with(b, :b)", "':b': {B: 'YWJk'}", 2, 4);
    scanBy("sins000000", new String[] {"{S: 'abdef'}", "{SS: ['abd', 'bde']}", "{B: 'YWJkZWY='}", "{S: 'ab'}",
        "{S: 'abd'}"}, legacy("IN", "{S: 'abd'}", "{S: 'abdef'}"), "b IN (:b, :d)", "':b': {S: 'abd'}, "
        + "':d': {S: 'abdef'}", 0, 4);
    scanBy("sinn000000", new String[] {"{S: '1234'}", "{NS: ['1234']}", "{B: 'MTIzNA=='}", "{N: '1234'}",
        "{N: '123.45'}"}, legacy("IN", "{N: '1234'}", "{N: '123.45'}"), "b IN (:b, :d)", "':b': {N: '1234'}, "
        + "':d': {N: '123.45'}", 3, 4);
    scanBy("sinb000000", new String[] {"{S: '1234'}", "{BS: ['MTIzNA==']}", "{B: 'MTIzNA=='}", "{N: '1234'}",
        "{B: 'MTIzNDU='}"}, legacy("IN", "{B: 'MTIzNA=='}", "{B: 'MTIzNDU='}"), "b IN (:b, :d)",
            "':b': {B: 'MTIzNA=='}, "
        + "':d': {B: 'MTIzNDU='}", 2, 4);
    scanBy("sbetweens0", new String[] {"{S: 'abc'}", "{S: 'abd'}", "{S: 'abd\\u0000'}", "{S: 'abe'}",
        "{S: 'abe\\u0000'}"}, legacy("BETWEEN", "{S: 'abd'}", "{S: 'abe'}"), "b BETWEEN :b AND :d",
        "':b': {S: 'abd'}, ':d': {S: 'abe'}", 1, 2, 3);
    scanBy("sbetweenn0", new String[] {"{N: '123'}", "{N: '124'}", "{N: '124.99999'}", "{N: '125'}",
        "{N: '125.000001'}"},
        legacy("BETWEEN", "{N: '124'}", "{N: '125'}"), "b BETWEEN :b AND :d", "':b': {N: '124'}, ':d': {N: '125'}",
        1, 2, 3);
    scanBy("sbetweenb0", BINARIES, legacy("BETWEEN", BINARIES[4], BINARIES[3]), "b BETWEEN :b AND :d",
        "':b': " + BINARIES[4] + ", ':d': " + BINARIES[3], 1, 3, 4);
  }

  @Test
  void scanByNestedPropertiesAndSize() {
    String nested = "{M: {a: {M: {b: {S: 'snestedval'}}}}}";
    String[] bs = {nested, "{L: [{S: 'other'}, " + nested + "]}", "{S: 'plain'}", null};
    scanByExpression("snested000", bs, "(b[1].a.b = :b OR b.a.b = :b)", "':b': {S: 'snestedval'}", 0, 1);
    scanByExpression("snested001", bs, "(attribute_exists(b.a) OR attribute_exists(b[1]))", "", 0, 1);
    scanByExpression("snested002", bs, "(attribute_type(b.a, :m) OR attribute_type(b[1].a, :m))", "':m': {S: 'M'}", 0,
        1);
    String[] sized = {"{S: 'ab\u00ff'}", "{N: '123'}", "{B: 'YWJj'}", "{SS: ['a', 'b', 'c']}",
        "{L: [{S: 'a'}, {S: 'a'}, {S: 'a'}]}", "{M: {a: {S: 'a'}, b: {S: 'a'}, c: {S: 'a'}}}", "{S: 'abcd'}"};
    scanByExpression("ssize00000", sized, "size(b) = :b", "':b': {N: '3'}", 0, 2, 3, 4, 5);
    scanByExpression("ssize00001", sized, "(size(b)) = :b", "':b': {N: '3'}", 0, 2, 3, 4, 5);
    scanByExpression("ssize00002", sized, "((size(b)) = :b)", "':b': {N: '3'}", 0, 2, 3, 4, 5);
  }

  @Test
  void onlyRequestedAttributesAndCount() {
    putAll(hashTable, "{a: {S: 'sattrs0000'}, b: {S: 'b1'}, c: {S: 'sattrs'}, d: {S: 'd1'}}",
        "{a: {S: 'sattrs0001'}, b: {S: 'b2'}, c: {S: 'sattrs'}}",
        "{a: {S: 'sattrs0002'}, b: {S: 'b3'}, c: {S: 'sattrs'}, d: {S: 'd3'}, e: {S: 'e3'}}");
    Set<JsonNode> wanted = Set.of(parse("{b: {S: 'b1'}, d: {S: 'd1'}}"),
        parse("{b: {S: 'b2'}}"), parse("{b: {S: 'b3'}, d: {S: 'd3'}}"));
    for (String request : new String[] {
        "{ScanFilter: {c: {ComparisonOperator: 'EQ', AttributeValueList: [{S: 'sattrs'}]}}, AttributesToGet: ['b', "
            + "'d']}",
        "{FilterExpression: 'c = :c', ExpressionAttributeValues: {':c': {S: 'sattrs'}}, ProjectionExpression: 'b, d'}",
        "{FilterExpression: 'c = :c', ExpressionAttributeValues: {':c': {S: 'sattrs'}}, "
            + "ExpressionAttributeNames: {'#b': 'b', '#d': 'd'}, ProjectionExpression: '#b, #d'}"}) {
      JsonNode answer = ok(OP, merge("{TableName: '" + hashTable + "'}", request));
      assertEquals(wanted, itemSet(answer.get("Items")), request);
      assertEquals(3, answer.get("Count").asInt());
    }
    putAll(hashTable, "{a: {S: 'scount0000'}, b: {S: '1'}, c: {S: 'scount'}}",
        "{a: {S: 'scount0001'}, b: {N: '1'}, c: {S: 'scount'}}",
            "{a: {S: 'scount0002'}, b: {S: '1'}, c: {S: 'scount'}}",
        "{a: {S: 'scount0003'}, c: {S: 'scount'}}", "{a: {S: 'scount0004'}, b: {S: '2'}, c: {S: 'scount'}}");
    JsonNode count = ok(OP, "{TableName: '" + hashTable + "', ScanFilter: {b: {ComparisonOperator: 'EQ', "
        + "AttributeValueList: [{S: '1'}]}, c: {ComparisonOperator: 'EQ', AttributeValueList: [{S: 'scount'}]}}, "
        + "Select: 'COUNT'}");
    assertTrue(count.get("Items") == null, count.toString());
    assertEquals(2, count.get("Count").asInt());
    assertTrue(count.get("ScannedCount").asInt() > 1);
  }

  @Test
  void startKeysAndLastEvaluatedKeys() {
    String b = "{S: 'sstartkey0'}";
    for (int i = 0; i < 10; i++) {
      putAll(hashNTable, "{a: {N: '" + (7000 + i) + "'}, b: " + b + "}");
    }
    String filter = "ScanFilter: {b: {ComparisonOperator: 'EQ', AttributeValueList: [" + b + "]}}";
    JsonNode all = ok(OP, "{TableName: '" + hashNTable + "', " + filter + "}");
    assertEquals(10, all.get("Count").asInt());
    JsonNode after = ok(OP, "{TableName: '" + hashNTable + "', " + filter + ", ExclusiveStartKey: {a: "
        + all.get("Items").get(0).get("a") + "}}");
    assertEquals(9, after.get("Count").asInt());
    JsonNode unmatched = ok(OP, "{TableName: '" + hashTable
        + "', ExclusiveStartKey: {a: {S: 'szzzzzzzz1'}}, "
        + "ScanFilter: {a: {ComparisonOperator: 'EQ', AttributeValueList: [{S: 'szzzzzzzz0'}]}}}");
    assertBody("{Count: 0, Items: [], ScannedCount: " + unmatched.get("ScannedCount") + "}",
        unmatched);
    for (String select : new String[] {"", ", Select: 'COUNT'"}) {
      JsonNode limited = ok(OP, "{TableName: '" + hashNTable + "', Limit: 3, ReturnConsumedCapacity: "
          + "'INDEXES'" + select + "}");
      assertEquals(3, limited.get("ScannedCount").asInt());
      assertEquals(1, limited.get("LastEvaluatedKey").size(), limited.toString());
      assertTrue(!limited.get("LastEvaluatedKey").get("a").get("N").asText().isEmpty());
    }
    JsonNode filtered = ok(OP, "{TableName: '" + hashNTable + "', ExpressionAttributeNames: {'#key': 'a'}, "
        + "ExpressionAttributeValues: {':value': {N: '7005'}}, FilterExpression: '#key = :value', Limit: 2}");
    assertEquals(2, filtered.get("ScannedCount").asInt());
    assertEquals(1, filtered.get("LastEvaluatedKey").size());
  }

  @Test
  void lastEvaluatedKeyWhenLimitIsReached() {
    String b = "{S: 'slimitlarg'}";
    for (int i = 0; i < 5; i++) {
      putAll(rangeBTable, "{a: {S: 'slimit" + i + "'}, b: {B: 'AA=='}, c: " + b + "}");
    }
    JsonNode all = ok(OP, "{TableName: '" + rangeBTable + "', AttributesToGet: ['a', 'c'], Limit: 100000}");
    assertEquals(all.get("Count"), all.get("ScannedCount"));
    assertTrue(all.get("LastEvaluatedKey") == null, all.toString());
    int lastIndex = 0;
    for (int i = 0; i < all.get("Count").asInt(); i++) {
      if (parse(b).equals(all.get("Items").get(i).get("c"))) {
        lastIndex = i;
      }
    }
    int total = all.get("Count").asInt();
    String filter = "ScanFilter: {c: {ComparisonOperator: 'EQ', AttributeValueList: [" + b + "]}}";
    int[][] limits = {{lastIndex, 4, 1}, {lastIndex + 1, 5, 1}, {total, 5, 1}, {total + 1, 5, 0}};
    for (int[] limit : limits) {
      JsonNode page = ok(OP, "{TableName: '" + rangeBTable + "', " + filter + ", Limit: " + limit[0] + "}");
      assertEquals(limit[1], page.get("Count").asInt(), "Limit " + limit[0] + ": " + page);
      assertEquals(limit[2] == 1, page.get("LastEvaluatedKey") != null, "Limit " + limit[0] + ": " + page);
    }
  }

  @Test
  void segmentsAndHashOrder() {
    String b = "{S: 'ssegments0'}";
    List<String> strings = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      strings.add(String.valueOf(i));
    }
    strings.addAll(List.of("aardman", "hello", "zapf", "\u00e4\u00e1\u00f6\u00fc"));
    for (String key : strings) {
      putAll(rangeNTable, "{a: {S: '" + key + "'}, b: {N: '1'}, c: " + b + "}");
    }
    String filter = "ScanFilter: {c: {ComparisonOperator: 'EQ', AttributeValueList: [" + b + "]}}";
    JsonNode all = ok(OP, "{TableName: '" + rangeNTable + "', " + filter + "}");
    List<String> order = new ArrayList<>();
    all.get("Items").forEach(item -> order.add(item.get("a").get("S").asText()));
    assertEquals(List.of("2", "8", "9", "1", "6", "hello", "0", "5", "4", "\u00e4\u00e1\u00f6\u00fc", "aardman", "7",
        "3", "zapf"), order);
    Set<JsonNode> halves = new HashSet<>();
    for (int segment = 0; segment < 2; segment++) {
      JsonNode half = ok(OP, "{TableName: '" + rangeNTable + "', Segment: " + segment
          + ", TotalSegments: 2, "
          + filter + "}");
      assertTrue(half.get("Count").asInt() > 0);
      Set<JsonNode> halfItems = itemSet(half.get("Items"));
      for (int quarter = segment * 2; quarter < segment * 2 + 2; quarter++) {
        JsonNode part = ok(OP, "{TableName: '" + rangeNTable + "', Segment: " + quarter
            + ", TotalSegments: 4, "
            + filter + "}");
        assertTrue(halfItems.containsAll(itemSet(part.get("Items"))), "quarter " + quarter);
      }
      halves.addAll(halfItems);
    }
    assertEquals(itemSet(all.get("Items")), halves);

    String[] numbers = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "-0.09", "999.9", "0.012345", "-999.9"};
    for (String n : numbers) {
      putAll(hashNTable, "{a: {N: '" + n + "'}, b: " + b + "}");
    }
    JsonNode byNumber = ok(OP, "{TableName: '" + hashNTable
        + "', ScanFilter: {b: {ComparisonOperator: 'EQ', "
        + "AttributeValueList: [" + b + "]}}}");
    List<String> numberOrder = new ArrayList<>();
    byNumber.get("Items").forEach(item -> numberOrder.add(item.get("a").get("N").asText()));
    assertEquals(List.of("7", "999.9", "8", "3", "2", "-999.9", "9", "4", "-0.09", "6", "1", "0", "0.012345", "5"),
        numberOrder);
  }

  @Test
  void itemsInTheirHashSegments() {
    putAll(hashTable, "{a: {S: '3635'}}", "{a: {S: '228'}}", "{a: {S: '1668'}}", "{a: {S: '3435'}}");
    String[][] expected = {{"0", "3635"}, {"0", "228"}, {"1", "1668"}, {"4", "3435"}};
    for (String[] one : expected) {
      JsonNode segment = ok(OP, "{TableName: '" + hashTable + "', Segment: " + one[0]
          + ", TotalSegments: 4096}");
      assertTrue(itemSet(segment.get("Items")).contains(parse("{a: {S: '" + one[1] + "'}}")),
          one[1] + " in segment " + one[0] + ": " + segment);
    }
    putAll(hashNTable, "{a: {N: '251'}}", "{a: {N: '2388'}}");
    String[][] numbers = {{"1", "251"}, {"4095", "2388"}};
    for (String[] one : numbers) {
      JsonNode segment = ok(OP, "{TableName: '" + hashNTable + "', Segment: " + one[0]
          + ", TotalSegments: 4096}");
      assertTrue(itemSet(segment.get("Items")).contains(parse("{a: {N: '" + one[1] + "'}}")),
          one[1] + " in segment " + one[0] + ": " + segment);
    }
  }
}
