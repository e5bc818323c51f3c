package dev.monotable.local.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Query's answers as a public emulator's suite recorded them from live DynamoDB: the parser's
 * message for every member of the wrong JSON type, the constraint, legacy-parameter, expression
 * and key checks in DynamoDB's order, and what queries of tables and indexes return. Requests are
 * raw JSON (most are malformed on purpose); {@code $hash}, {@code $range} and the like name the
 * fixture tables of {@link RecordedFixtures}.
 */
@EngineOnly("sends raw, unsigned request bodies that the SDK cannot build")
class RecordedQueryTest extends RecordedFixtures {
  private static final String OP = "Query";
  /** KeyConditions on a non-key attribute, with an empty QueryFilter. */
  private static final String KC_Z = "{KeyConditions: {z: {ComparisonOperator: 'NULL'}}, QueryFilter: {}}";
  /** KeyConditionExpression on a non-key attribute. */
  private static final String KE_Z = "{KeyConditionExpression: 'z = :a', ExpressionAttributeValues: {':a': {N: '1'}}}";
  private static final String KC_A = "{KeyConditions: {a: {ComparisonOperator: 'EQ', AttributeValueList: [{S: 'b'}]}}}";
  private static final String KE_A = "{KeyConditionExpression: 'a = :a', ExpressionAttributeValues: {':a': {S: 'b'}}}";
  private static final String KC_C = "{KeyConditions: {c: {ComparisonOperator: 'EQ', AttributeValueList: [{S: 'b'}]}}}";
  private static final String KE_C = "{KeyConditionExpression: 'c = :a', ExpressionAttributeValues: {':a': {S: 'b'}}}";
  private static final String KC_ZNULL = "{KeyConditions: {z: {ComparisonOperator: 'NULL'}}}";
  private static final String KE_ZBETWEEN =
      "{KeyConditionExpression: 'z between :a and :b', ExpressionAttributeValues: {':a': {N: '1'}, ':b': {N: '1'}}}";
  private static final String START_INVALID = "The provided starting key is invalid";

  // ---------------------------------------------------------------- serialization

  @Test
  void serializations() {
    String[][] members = {
        {"TableName", "String"}, {"ExclusiveStartKey", "Map<AttributeValue>"},
        {"ExclusiveStartKey.Attr", "AttrStruct<ValueStruct>"}, {"AttributesToGet", "List"},
        {"ConsistentRead", "Boolean"}, {"ReturnConsumedCapacity", "String"}, {"QueryFilter", "Map<Condition>"},
        {"QueryFilter.Attr", "ValueStruct<Condition>"}, {"QueryFilter.Attr.ComparisonOperator", "String"},
        {"QueryFilter.Attr.AttributeValueList", "List"},
        {"QueryFilter.Attr.AttributeValueList.0", "AttrStruct<ValueStruct>"}, {"IndexName", "String"},
        {"ScanIndexForward", "Boolean"}, {"Select", "String"}, {"Limit", "Integer"}, {"ConditionalOperator", "String"},
        {"KeyConditions", "Map<Condition>"}, {"KeyConditions.Attr", "ValueStruct<Condition>"},
        {"KeyConditions.Attr.ComparisonOperator", "String"}, {"KeyConditions.Attr.AttributeValueList", "List"},
        {"KeyConditions.Attr.AttributeValueList.0", "AttrStruct<ValueStruct>"}, {"KeyConditionExpression", "String"},
        {"FilterExpression", "String"}, {"ExpressionAttributeValues", "Map<AttributeValue>"},
        {"ExpressionAttributeValues.Attr", "AttrStruct<ValueStruct>"},
        {"ExpressionAttributeNames", "Map<java.lang.String>"}, {"ExpressionAttributeNames.Attr", "String"},
        {"ProjectionExpression", "String"}};
    check(typeCases(OP, members));
  }

  // ---------------------------------------------------------------- validation

  @ParameterizedTest(name = "{0}")
  @MethodSource("validations")
  void validation(String name, List<Case> cases) {
    check(cases);
  }

  private static Case vb(String body, String message) {
    return recorded(OP, parse(body).toString(), VALIDATION, message);
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

  /** One case per key option and start key: {@code base} with both merged in. */
  private static List<Case> startKeys(String message, String base, List<String> keyOptions, String... startKeys) {
    List<Case> cases = new ArrayList<>();
    for (String option : keyOptions) {
      for (String key : startKeys) {
        cases.add(v(message, base, option, key == null ? null : "{ExclusiveStartKey: " + key + "}"));
      }
    }
    return cases;
  }

  static Stream<Arguments> validations() {
    List<Arguments> its = new ArrayList<>();
    String name256 = "a".repeat(256);
    String tableLegacy = "{TableName: 'abc', ExclusiveStartKey: {a: {}}, AttributesToGet: ['a', 'a'],"
        + " KeyConditions: {a: {ComparisonOperator: 'EQ', AttributeValueList: [{}]}}}";
    its.add(it("no TableName", vb("{}",
        "1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be "
            + "null")));
    for (String[] bad : new String[][] {{"''", "empty"}, {"'a;'", "short"}}) {
      String value = bad[0].replace("'", "");
      its.add(it(bad[1] + " TableName", vb("{TableName: " + bad[0] + "}", errors(
          "Value '" + value + "' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression "
              + "pattern: [a-zA-Z0-9_.-]+",
          "Value '" + value + "' at 'tableName' failed to satisfy constraint: Member must have length greater than or "
              + "equal to 3"))));
      its.add(it(bad[1] + " IndexName", vb("{TableName: 'abc', IndexName: " + bad[0] + "}", errors(
          "Value '" + value + "' at 'indexName' failed to satisfy constraint: Member must satisfy regular expression "
              + "pattern: [a-zA-Z0-9_.-]+",
          "Value '" + value + "' at 'indexName' failed to satisfy constraint: Member must have length greater than or "
              + "equal to 3"))));
    }
    its.add(it("long TableName", vb("{TableName: '" + name256 + "'}", "1 validation error detected: Value '" + name256
        + "' at 'tableName' failed to satisfy constraint: Member must have length less than or equal to 255")));
    its.add(it("long IndexName", vb("{TableName: 'abc', IndexName: '" + name256 + "'}", "1 validation error detected: "
        + "Value '" + name256 + "' at 'indexName' failed to satisfy constraint: Member must have length less than or "
        + "equal to 255")));
    // "incorrect attributes" (ten constraint errors of eleven) is left out: which ten DynamoDB reports follows its own
    // member order, which the engine (reporting in the service model's order) does not reproduce
    String legacyAll = "{TableName: 'abc', ExclusiveStartKey: {a: {}}, Select: 'SPECIFIC_ATTRIBUTES',"
        + " AttributesToGet: ['a', 'a'], QueryFilter: {a: {ComparisonOperator: 'EQ', AttributeValueList: [{}]}},"
        + " ConditionalOperator: 'OR'}";
    its.add(it("all expressions and non-expression", v("Can not use both expression and non-expression parameters in "
        + "the same request: Non-expression parameters: {AttributesToGet, QueryFilter, ConditionalOperator, "
        + "KeyConditions} Expression parameters: {ProjectionExpression, FilterExpression, KeyConditionExpression}",
        legacyAll, "{KeyConditions: {a: {ComparisonOperator: 'EQ', AttributeValueList: [{}]}}, "
            + "ProjectionExpression: '',"
            + " FilterExpression: '', KeyConditionExpression: '', ExpressionAttributeNames: {},"
            + " ExpressionAttributeValues: {}}")));
    its.add(it("all expressions and non-expression without KeyConditionExpression", v("Can not use both expression and "
        + "non-expression parameters in the same request: Non-expression parameters: {AttributesToGet, QueryFilter, "
        + "ConditionalOperator} Expression parameters: {ProjectionExpression, FilterExpression}",
        legacyAll, "{KeyConditions: {a: {ComparisonOperator: 'EQ', AttributeValueList: [{}]}}, FilterExpression: '',"
            + " ProjectionExpression: '', ExpressionAttributeNames: {}, ExpressionAttributeValues: {}}")));
    its.add(it("all expressions and non-expression without KeyConditions", v("Can not use both expression and "
        + "non-expression parameters in the same request: Non-expression parameters: {AttributesToGet, QueryFilter, "
        + "ConditionalOperator} Expression parameters: {ProjectionExpression, FilterExpression, "
            + "KeyConditionExpression}",
        legacyAll, "{KeyConditionExpression: '', FilterExpression: '', ProjectionExpression: '',"
            + " ExpressionAttributeNames: {}, ExpressionAttributeValues: {}}")));
    its.add(it("ExpressionAttributeNames but no expressions", v("ExpressionAttributeNames can only be specified when "
        + "using expressions", legacyAll, "{ExpressionAttributeNames: {}, ExpressionAttributeValues: {}}")));
    its.add(it("ExpressionAttributeValues but no expressions", v("ExpressionAttributeValues can only be specified when "
        + "using expressions: FilterExpression and KeyConditionExpression are null", legacyAll,
        "{ExpressionAttributeValues: {}}")));

    List<Case> cases = new ArrayList<>();
    for (String empty : new String[] {"{}", "{a: ''}"}) {
      cases.add(v("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes", tableLegacy,
          "{QueryFilter: {a: {ComparisonOperator: 'EQ', AttributeValueList: [" + empty + ", {S: ''}]}}}"));
    }
    its.add(it("bad attribute values in QueryFilter", cases));
    cases = new ArrayList<>();
    for (String[] value : INVALID_VALUES) {
      cases.add(v(INVALID + value[1], tableLegacy,
          "{QueryFilter: {a: {ComparisonOperator: 'EQ', AttributeValueList: [{N: '1'}, " + value[0] + ", {}]}}}"));
    }
    its.add(it("invalid values in QueryFilter", cases));
    cases = new ArrayList<>();
    for (String[] number : INVALID_NUMBERS) {
      cases.add(v(number[1], tableLegacy,
          "{QueryFilter: {a: {ComparisonOperator: 'EQ', AttributeValueList: [{N: '1'}, " + number[0] + "]}}}"));
    }
    its.add(it("empty/invalid numbers in QueryFilter", cases));
    its.add(it("multiple datatypes in QueryFilter", v("Supplied AttributeValue has more than one datatypes set, must "
        + "contain exactly one of the supported datatypes", tableLegacy,
        "{QueryFilter: {a: {ComparisonOperator: 'EQ', AttributeValueList: [{N: '1'}, {S: 'a', N: '1'}]}}}")));
    cases = new ArrayList<>();
    for (String filter : WRONG_ARGUMENT_COUNTS) {
      cases.add(v(INVALID + "Invalid number of argument(s) for the " + operator(filter) + " ComparisonOperator",
          tableLegacy, "{QueryFilter: " + filter + "}"));
    }
    its.add(it("incorrect number of QueryFilter arguments", cases));
    its.add(it("duplicate values in AttributesToGet",
        vb("{TableName: 'abc', QueryFilter: {}, ExclusiveStartKey: {a: {}},"
        + " AttributesToGet: ['a', 'a']}", INVALID + "Duplicate value in attribute name: a")));

    List<String> emptyKeyOptions = List.of("{KeyConditions: {a: {ComparisonOperator: 'EQ'}}}",
        "{KeyConditionExpression: '', ExpressionAttributeNames: {}, ExpressionAttributeValues: {}}");
    its.add(it("unsupported datatype in ExclusiveStartKey", startKeys(START_INVALID + ": Supplied AttributeValue is "
        + "empty, must contain exactly one of the supported datatypes", "{TableName: 'abc'}", emptyKeyOptions,
        "{a: {}}", "{a: {a: ''}}", "{a: {M: {a: {}}}}", "{a: {L: [{}]}}", "{a: {L: [{a: {}}]}}")));
    List<String> twoValueOptions = List.of("{KeyConditions: {a: {ComparisonOperator: 'EQ', AttributeValueList: [{}, "
        + "{}]}}}",
        "{KeyConditionExpression: '', ExpressionAttributeNames: {}, ExpressionAttributeValues: {}}");
    cases = new ArrayList<>();
    for (String[] value : new String[][] {INVALID_VALUES[0], INVALID_VALUES[1], INVALID_VALUES[3]}) {
      cases.addAll(startKeys(START_INVALID + ": " + INVALID + value[1], "{TableName: 'abc'}", twoValueOptions,
          "{a: " + value[0] + "}"));
    }
    its.add(it("invalid values in ExclusiveStartKey", cases));
    cases = new ArrayList<>();
    for (String[] value : new String[][] {INVALID_VALUES[2], INVALID_VALUES[4], INVALID_VALUES[5]}) {
      cases.addAll(startKeys(INVALID + value[1], "{TableName: 'abc'}", twoValueOptions, "{a: " + value[0] + "}"));
    }
    its.add(it("invalid values in ExclusiveStartKey without provided message", cases));
    List<String> oneValueOptions = List.of("{KeyConditions: {a: {ComparisonOperator: 'EQ', AttributeValueList: [{}]}}}",
        "{KeyConditionExpression: '', ExpressionAttributeNames: {}, ExpressionAttributeValues: {}}");
    cases = new ArrayList<>();
    for (String[] number : INVALID_NUMBERS) {
      cases.addAll(startKeys(number[1], "{TableName: 'abc'}", oneValueOptions, "{a: " + number[0] + "}"));
    }
    its.add(it("empty/invalid numbers in ExclusiveStartKey", cases));
    its.add(it("multiple datatypes in ExclusiveStartKey", startKeys(START_INVALID + ": Supplied AttributeValue has "
        + "more than one datatypes set, must contain exactly one of the supported datatypes", "{TableName: 'abc'}",
        oneValueOptions, "{a: {S: 'a', N: '1'}}")));

    cases = new ArrayList<>();
    for (String empty : new String[] {"{}", "{a: ''}"}) {
      cases.add(v("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes",
          "{TableName: 'abc', QueryFilter: {}}",
          "{KeyConditions: {a: {ComparisonOperator: 'EQ', AttributeValueList: [" + empty + ", {S: ''}]}}}"));
    }
    its.add(it("bad attribute values in KeyConditions", cases));
    cases = new ArrayList<>();
    for (String[] value : INVALID_VALUES) {
      cases.add(v(INVALID + value[1], "{TableName: 'abc'}",
          "{KeyConditions: {a: {ComparisonOperator: 'EQ', AttributeValueList: [{N: '1'}, " + value[0] + ", {}]}}}"));
    }
    its.add(it("invalid values in KeyConditions", cases));
    cases = new ArrayList<>();
    for (String[] number : INVALID_NUMBERS) {
      cases.add(v(number[1], "{TableName: 'abc'}",
          "{KeyConditions: {a: {ComparisonOperator: 'EQ', AttributeValueList: [{N: '1'}, " + number[0] + "]}}}"));
    }
    its.add(it("empty/invalid numbers in KeyConditions", cases));
    its.add(it("multiple datatypes in KeyConditions", v("Supplied AttributeValue has more than one datatypes set, must "
        + "contain exactly one of the supported datatypes", "{TableName: 'abc'}",
        "{KeyConditions: {a: {ComparisonOperator: 'EQ', AttributeValueList: [{N: '1'}, {S: 'a', N: '1'}]}}}")));
    cases = new ArrayList<>();
    for (String conditions : WRONG_ARGUMENT_COUNTS) {
      cases.add(v(INVALID + "Invalid number of argument(s) for the " + operator(conditions) + " ComparisonOperator",
          "{TableName: 'abc', QueryFilter: {}}", "{KeyConditions: " + conditions + "}"));
    }
    its.add(it("incorrect number of KeyConditions arguments", cases));
    its.add(it("incorrect number of KeyConditions", v("Conditions can be of length 1 or 2 only",
            "{TableName: 'abc', QueryFilter: {}, KeyConditions: {}}"),
        v("Conditions can be of length 1 or 2 only", "{TableName: 'abc', QueryFilter: {}, KeyConditions: {a: "
            + "{ComparisonOperator: 'NULL'}, b: {ComparisonOperator: 'NULL'}, c: {ComparisonOperator: 'NULL'}}}"),
        v("Conditions can be of length 1 or 2 only", "{TableName: 'abc', KeyConditionExpression: "
            + "':a = a and b = :a and :a = c', ExpressionAttributeValues: {':a': {S: 'a'}}}"),
        v("Conditions can be of length 1 or 2 only", "{TableName: 'abc', KeyConditionExpression: "
            + "'(a > :a and b > :a) and (c > :a and d > :a) and (e > :a and f > :a)', "
            + "ExpressionAttributeValues: {':a': {S: 'a'}}}")));

    cases = new ArrayList<>();
    List<Case> contains = new ArrayList<>();
    List<Case> between = new ArrayList<>();
    List<Case> beginsWith = new ArrayList<>();
    for (String member : new String[] {"QueryFilter", "KeyConditions"}) {
      for (String operator : new String[] {"LT", "LE", "GT", "GE", "IN"}) {
        for (String value : SCALAR_TYPES_NOT_ORDERED) {
          cases.add(notValidFor(member, operator, "[" + value + "]", value));
        }
      }
      for (String operator : new String[] {"CONTAINS", "NOT_CONTAINS"}) {
        for (int i = 2; i < SCALAR_TYPES_NOT_ORDERED.length; i++) {
          String value = SCALAR_TYPES_NOT_ORDERED[i];
          contains.add(notValidFor(member, operator, "[" + value + "]", value));
        }
      }
      for (String value : SCALAR_TYPES_NOT_ORDERED) {
        between.add(notValidFor(member, "BETWEEN", "[" + value + ", " + value + "]", value));
      }
      beginsWith.add(notValidFor(member, "BEGINS_WITH", "[{N: '1'}]", "{N: '1'}"));
      for (String value : SCALAR_TYPES_NOT_ORDERED) {
        beginsWith.add(notValidFor(member, "BEGINS_WITH", "[" + value + "]", value));
      }
    }
    its.add(it("invalid ComparisonOperator types", cases));
    its.add(it("invalid CONTAINS ComparisonOperator types", contains));
    its.add(it("invalid BETWEEN ComparisonOperator types", between));
    its.add(it("invalid BEGINS_WITH ComparisonOperator types", beginsWith));
    its.add(it("AttributeValueList has different types",
        vb("{TableName: 'abc', KeyConditions: {a: {ComparisonOperator: "
        + "'IN', AttributeValueList: [{S: 'b'}, {N: '1'}]}}}", INVALID
            + "AttributeValues inside AttributeValueList must "
        + "be of same type")));
    its.add(it("BETWEEN arguments in the incorrect order",
        vb("{TableName: 'abc', KeyConditions: {a: {ComparisonOperator: "
        + "'BETWEEN', AttributeValueList: [{S: 'b'}, {S: 'a'}]}}}", "The BETWEEN condition was provided a range where "
        + "the lower bound is greater than the upper bound")));
    its.add(it("empty ExpressionAttributeNames", vb("{TableName: 'abc', KeyConditionExpression: '', "
        + "ExpressionAttributeNames: {}, ExpressionAttributeValues: {}}",
            "ExpressionAttributeNames must not be empty")));
    its.add(it("invalid ExpressionAttributeNames", vb("{TableName: 'abc', KeyConditionExpression: '', "
        + "ExpressionAttributeNames: {a: 'a'}, ExpressionAttributeValues: {}}",
        "ExpressionAttributeNames contains invalid key: Syntax error; key: \"a\"")));
    its.add(it("empty ExpressionAttributeValues", vb("{TableName: 'abc', KeyConditionExpression: '', "
        + "ExpressionAttributeValues: {}}", "ExpressionAttributeValues must not be empty")));
    its.add(it("invalid ExpressionAttributeValues", vb("{TableName: 'abc', KeyConditionExpression: '', "
        + "ExpressionAttributeValues: {a: {S: 'b'}}}", "ExpressionAttributeValues contains invalid key: Syntax error; "
        + "key: \"a\"")));
    its.add(it("empty KeyConditionExpression",
        vb("{TableName: 'abc', KeyConditionExpression: '', FilterExpression: '', "
        + "ProjectionExpression: '', ExpressionAttributeValues: {':0': {S: 'b'}}}",
        "Invalid KeyConditionExpression: The expression can not be empty;")));
    cases = new ArrayList<>();
    for (String expression : new String[] {"things are not gonna be ok", "a > 4", "(size(a))[0] > a"}) {
      cases.add(v("~Invalid KeyConditionExpression: Syntax error; ", "{TableName: 'abc', FilterExpression: ''}",
          "{KeyConditionExpression: '" + expression + "'}"));
    }
    its.add(it("syntax errors in KeyConditionExpression", cases));
    String operand = "~Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or "
        + "function: attribute_type, operand type:";
    its.add(it("invalid operand types", v(operand, "{TableName: 'abc', FilterExpression: '', KeyConditionExpression: "
        + "'attribute_type(a, b)'}")));
    its.add(it("invalid operand types with attributes", v(operand, "{TableName: 'abc', FilterExpression: '', "
        + "KeyConditionExpression: 'attribute_type(a, :a)', ExpressionAttributeValues: {':a': {N: '1'}}}")));
    its.add(it("empty FilterExpression", vb("{TableName: 'abc', KeyConditionExpression: 'attribute_type(a, :a)', "
        + "FilterExpression: '', ProjectionExpression: '', ExpressionAttributeValues: {':a': {S: 'N'}}}",
        "Invalid FilterExpression: The expression can not be empty;")));
    its.add(it("empty ProjectionExpression", vb("{TableName: 'abc', KeyConditionExpression: 'attribute_type(a, :a)', "
        + "FilterExpression: 'a > b', ProjectionExpression: '', ExpressionAttributeValues: {':a': {S: 'N'}}}",
        "Invalid ProjectionExpression: The expression can not be empty;")));
    its.add(it("invalid operator", vb("{TableName: 'abc', KeyConditionExpression: 'attribute_type(a, :a)', "
        + "ExpressionAttributeValues: {':a': {S: 'S'}}}", "Invalid operator used in KeyConditionExpression: "
        + "attribute_type")));
    cases = new ArrayList<>();
    for (String[] expression : new String[][] {{"a > b and size(b) > c or a > c", "OR"}, {"a in (b, size(c), d)", "IN"},
        {"attribute_exists(a)", "attribute_exists"}, {"attribute_not_exists(a)", "attribute_not_exists"},
        {"contains(a.d, b)", "contains"}, {"not a > b", "NOT"}, {"a <> b", "<>"}}) {
      cases.add(v("Invalid operator used in KeyConditionExpression: " + expression[1], "{TableName: 'abc'}",
          "{KeyConditionExpression: '" + expression[0] + "'}"));
    }
    its.add(it("invalid operators", cases));
    cases = new ArrayList<>();
    for (String[] expression : new String[][] {{":a between size(b) and size(a) and b > :b", "BETWEEN"},
        {"begins_with(:a, b) and a > :b", "begins_with"}}) {
      cases.add(v("Invalid condition in KeyConditionExpression: " + expression[1] + " operator must have the key "
          + "attribute as its first operand", "{TableName: 'abc', ExpressionAttributeValues: {':a': {S: '1'}, "
          + "':b': {S: '1'}}}", "{KeyConditionExpression: '" + expression[0] + "'}"));
    }
    its.add(it("no key attribute as first operator", cases));
    its.add(it("nested operations", expressions("KeyConditionExpressions cannot contain nested operations", null,
        "size(b) > a AND a.b > b AND b > c", "a > size(b.d)", "a between size(b) and size(a)")));
    its.add(it("multiple attribute names", expressions("Invalid condition in KeyConditionExpression: Multiple "
        + "attribute names used in one condition", null, "b > a.b", "b between c[1] and d", "a between b and size(a)",
        "begins_with(a, b)")));
    its.add(it("nested attributes", expressions("KeyConditionExpressions cannot have conditions on nested attributes",
        null, "b.d > a AND c.d > e.f", "a.d > c", "b[0] > a")));
    its.add(it("no key attribute", expressions("Invalid condition in KeyConditionExpression: No key attribute "
        + "specified", "{':a': {N: '1'}, ':b': {N: '1'}}", ":b > :a AND a < :b", ":a > b AND :a < :b")));
    its.add(it("multiple conditions per key", expressions("KeyConditionExpressions must only contain one condition "
        + "per key", "{':a': {N: '1'}}", "b > :a AND b < :a and c = :a and d = :a",
        "(a > :a and b > :a) and (b > :a and c > :a)")));
    its.add(it("KeyConditionExpression BETWEEN args have different types", vb("{TableName: 'abc', "
        + "KeyConditionExpression: 'a between :b and :a', ExpressionAttributeValues: {':a': {S: 'a'}, ':b': {N: '1'}}}",
        "Invalid KeyConditionExpression: The BETWEEN operator requires same data type for lower and upper bounds; "
            + "lower bound operand: AttributeValue: {N:1}, upper bound operand: AttributeValue: {S:a}")));
    its.add(it("KeyConditionExpression BETWEEN args in the incorrect order", vb("{TableName: 'abc', "
        + "KeyConditionExpression: 'a between :b and :a', ExpressionAttributeValues: {':a': {S: 'a'}, ':b': {S: 'b'}}}",
        "Invalid KeyConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to "
            + "lower "
            + "bound; lower bound operand: AttributeValue: {S:b}, upper bound operand: AttributeValue: {S:a}")));

    cases = new ArrayList<>();
    for (String keyOptions : new String[] {KC_Z, KE_Z, KE_ZBETWEEN}) {
      for (String key : new String[] {"{}", "{b: {S: 'a'}}", "{a: {S: 'a'}, b: {S: 'a'}}"}) {
        String body = merge("{TableName: 'abc'}", keyOptions, "{ExclusiveStartKey: " + key + "}");
        cases.add(recorded(OP, body, NOT_FOUND, "Requested resource not found"));
      }
    }
    its.add(it("table exists checked before key validity", cases));
    its.add(it("non-existent index name",
        v("The table does not have the specified index: whatever", "{TableName: '$hash', IndexName: 'whatever', "
            + "ExclusiveStartKey: {}}", KC_ZNULL),
        v("The table does not have the specified index: whatever", "{TableName: '$range', IndexName: 'whatever', "
            + "ExclusiveStartKey: {}}", KC_ZNULL)));
    its.add(it("global index with ConsistentRead", v("Consistent reads are not supported on global secondary indexes",
        "{TableName: '$range', IndexName: 'index3', ConsistentRead: true, ExclusiveStartKey: {}}", KC_ZNULL)));
    List<String> zOptions = List.of(KC_Z, KE_Z);
    its.add(it("ExclusiveStartKey invalid", startKeys(START_INVALID, "{TableName: '$hash'}", zOptions,
        "{}", "{b: {S: 'a'}}", "{a: {S: 'a'}, b: {S: 'a'}}")));
    its.add(it("ExclusiveStartKey for range table invalid", startKeys(START_INVALID, "{TableName: '$range'}", zOptions,
        "{}", "{z: {N: '1'}}", "{b: {S: 'a'}, c: {S: 'b'}}", "{a: {B: 'abcd'}}", "{a: {S: 'a'}}",
        "{a: {N: '1'}, b: {S: 'a'}, c: {S: 'b'}}", "{a: {N: '1'}, b: {N: '1'}, z: {N: '1'}}")));
    its.add(it("ExclusiveStartKey invalid for local index", startKeys(START_INVALID,
        "{TableName: '$range', IndexName: 'index1'}", zOptions, "{}", "{z: {N: '1'}}", "{a: {B: 'abcd'}}",
        "{a: {S: 'a'}}", "{a: {S: 'a'}, b: {S: 'a'}}", "{a: {S: 'a'}, c: {S: 'a'}}", "{b: {S: 'a'}, c: {S: 'a'}}")));
    its.add(it("ExclusiveStartKey invalid for global index", startKeys(START_INVALID,
        "{TableName: '$range', IndexName: 'index3'}", zOptions, "{}", "{z: {N: '1'}}", "{a: {B: 'abcd'}}",
        "{a: {S: 'a'}}", "{a: {S: 'a'}, b: {S: 'a'}}", "{a: {S: 'a'}, c: {S: 'a'}}",
        "{a: {S: 'a'}, b: {S: 'a'}, z: {S: 'a'}}", "{a: {S: 'a'}, b: {S: 'a'}, c: {S: 'a'}, z: {S: 'a'}}",
        "{c: {N: '1'}}", "{c: {S: '1'}}")));
    its.add(it("ExclusiveStartKey does not match hash schema", startKeys(NO_SCHEMA_MATCH,
        "{TableName: '$hash'}", zOptions,
        "{a: {B: 'abcd'}}", "{a: {N: '1'}}", "{a: {BOOL: true}}", "{a: {NULL: true}}", "{a: {SS: ['a']}}",
        "{a: {NS: ['1']}}", "{a: {BS: ['aaaa']}}", "{a: {M: {}}}", "{a: {L: []}}")));
    its.add(it("ExclusiveStartKey does not match range schema", startKeys(NO_SCHEMA_MATCH,
        "{TableName: '$range'}", zOptions,
        "{a: {N: '1'}, z: {S: 'a'}}", "{a: {B: 'YQ=='}, b: {S: 'a'}}")));
    its.add(it("ExclusiveStartKey does not match schema for local index", startKeys(NO_SCHEMA_MATCH,
        "{TableName: '$range', IndexName: 'index1'}", zOptions, "{a: {N: '1'}, x: {S: '1'}, y: {S: '1'}}",
        "{a: {B: 'YQ=='}, b: {S: '1'}, c: {S: '1'}}")));
    its.add(it("ExclusiveStartKey does not match schema for global index", startKeys(NO_SCHEMA_MATCH,
        "{TableName: '$range', IndexName: 'index3'}", zOptions, "{x: {S: '1'}, y: {S: '1'}, c: {N: '1'}}",
        "{a: {S: '1'}, b: {S: '1'}, c: {B: 'YQ=='}}")));
    List<String> missedOptions = List.of(KC_ZNULL, KE_ZBETWEEN);
    its.add(it("hash in ExclusiveStartKey but not in query", startKeys("Query condition missed key schema element: a",
        "{TableName: '$range'}", missedOptions, null, "{a: {S: 'a'}, b: {N: '1'}}", "{a: {S: 'a'}, c: {N: '1'}}",
        "{a: {S: 'a'}, z: {S: '1'}}")));
    its.add(it("local hash in ExclusiveStartKey but not in query", startKeys("Query condition missed key schema "
        + "element: a", "{TableName: '$range', IndexName: 'index1'}", missedOptions, null,
        "{a: {S: '1'}, b: {N: '1'}, c: {N: '1'}}", "{a: {S: 'a'}, b: {S: 'a'}, c: {S: 'a'}}",
        "{a: {S: 'a'}, b: {S: 'a'}, z: {S: 'a'}}")));
    its.add(it("global hash in ExclusiveStartKey but not in query", startKeys("Query condition missed key schema "
        + "element: c", "{TableName: '$range', IndexName: 'index3'}", missedOptions, null,
        "{x: {N: '1'}, y: {N: '1'}, c: {S: '1'}}", "{a: {N: '1'}, b: {N: '1'}, c: {S: '1'}}",
        "{a: {S: 'a'}, b: {S: 'a'}, c: {S: 'a'}}")));
    List<String> aOptions = List.of(KC_A, KE_A);
    List<String> cOptions = List.of(KC_C, KE_C);
    its.add(it("range in ExclusiveStartKey invalid", startKeys(START_INVALID, "{TableName: '$range'}", aOptions,
        "{a: {S: 'a'}}", "{a: {S: 'a'}, c: {N: '1'}}", "{a: {S: 'a'}, z: {S: '1'}}",
        "{a: {S: 'a'}, b: {S: '1'}, c: {S: '1'}}")));
    its.add(it("local range in ExclusiveStartKey invalid", startKeys(START_INVALID,
        "{TableName: '$range', IndexName: 'index1'}", aOptions, "{a: {S: 'a'}}", "{a: {S: 'a'}, c: {N: '1'}}",
        "{a: {S: 'a'}, z: {S: '1'}}", "{a: {S: 'a'}, b: {S: '1'}, c: {S: '1'}, d: {S: '1'}}")));
    its.add(it("global range in ExclusiveStartKey invalid", startKeys(START_INVALID,
        "{TableName: '$range', IndexName: 'index4', Select: 'ALL_ATTRIBUTES'}", cOptions, "{c: {S: '1'}}",
        "{a: {N: '1'}, c: {S: '1'}}", "{a: {N: '1'}, b: {N: '1'}, c: {S: '1'}}",
        "{a: {N: '1'}, b: {N: '1'}, c: {S: '1'}, e: {N: '1'}}",
        "{a: {S: 'a'}, b: {S: '1'}, c: {S: '1'}, d: {S: '1'}, e: {S: '1'}}")));
    its.add(it("hash in ExclusiveStartKey and KeyConditions but range has incorrect schema", startKeys(NO_SCHEMA_MATCH,
        "{TableName: '$range'}", aOptions, "{a: {S: 'a'}, b: {N: '1'}}", "{a: {S: 'a'}, b: {B: 'YQ=='}}")));
    its.add(it("hash in ExclusiveStartKey and KeyConditions but local has incorrect schema", startKeys(NO_SCHEMA_MATCH,
        "{TableName: '$range', IndexName: 'index1'}", aOptions, "{a: {S: 'a'}, b: {N: '1'}, c: {N: '1'}}",
        "{a: {S: 'a'}, b: {B: 'YQ=='}, c: {N: '1'}}", "{a: {S: 'a'}, b: {S: 'a'}, c: {N: '1'}}",
        "{a: {S: 'a'}, b: {S: 'a'}, c: {B: 'YQ=='}}")));
    its.add(it("range in ExclusiveStartKey invalid, but hash and local ok",
        startKeys(START_INVALID + ": " + NO_SCHEMA_MATCH,
        "{TableName: '$range', IndexName: 'index1'}", aOptions, "{a: {S: '1'}, b: {N: '1'}, c: {S: 'a'}}",
        "{a: {S: '1'}, b: {B: 'YQ=='}, c: {S: 'a'}}")));
    its.add(it("global hash in ExclusiveStartKey but bad in query", startKeys(START_INVALID + ": " + NO_SCHEMA_MATCH,
        "{TableName: '$range', IndexName: 'index3'}", cOptions, "{x: {N: '1'}, y: {N: '1'}, c: {S: 'a'}}",
        "{a: {N: '1'}, b: {S: '1'}, c: {S: 'a'}}", "{a: {S: '1'}, b: {N: '1'}, c: {S: 'a'}}")));
    its.add(it("global range in ExclusiveStartKey but bad in query", startKeys(START_INVALID + ": " + NO_SCHEMA_MATCH,
        "{TableName: '$range', IndexName: 'index4'}", cOptions, "{x: {N: '1'}, y: {N: '1'}, c: {S: 'a'}, d: {S: 'a'}}",
        "{a: {N: '1'}, b: {S: '1'}, c: {S: 'a'}, d: {S: 'a'}}",
            "{a: {S: '1'}, b: {N: '1'}, c: {S: 'a'}, d: {S: 'a'}}")));
    its.add(it("missing range element", startKeys("Query condition missed key schema element: b",
        "{TableName: '$range', ExclusiveStartKey: {a: {S: 'a'}, b: {S: 'a'}}}",
        List.of("{KeyConditions: {a: {ComparisonOperator: 'EQ', AttributeValueList: [{S: 'b'}]}, "
                + "c: {ComparisonOperator: 'NULL'}}}",
            "{KeyConditionExpression: 'a = :a and c = :b', ExpressionAttributeValues: {':a': {S: 'b'}, ':b': {N: "
                + "'1'}}}"),
        (String) null)));
    its.add(it("ExclusiveStartKey with local index and missing part", startKeys("Query condition missed key schema "
        + "element: c", "{TableName: '$range', IndexName: 'index1', ExclusiveStartKey: {a: {S: 'a'}, b: {S: 'a'}, "
        + "c: {S: 'a'}}}", List.of("{KeyConditions: {a: {ComparisonOperator: 'EQ', AttributeValueList: [{S: 'b'}]}, "
            + "b: {ComparisonOperator: 'NULL'}}}",
        "{KeyConditionExpression: 'a = :a and b = :b', ExpressionAttributeValues: {':a': {S: 'b'}, ':b': {N: '1'}}}"),
        (String) null)));
    its.add(it("ExclusiveStartKey with global index and missing part", startKeys("Query condition missed key schema "
        + "element: d", "{TableName: '$range', IndexName: 'index4', Select: 'ALL_ATTRIBUTES', ExclusiveStartKey: "
        + "{a: {S: 'a'}, b: {S: 'a'}, c: {S: 'a'}, d: {S: 'a'}}}",
        List.of("{KeyConditions: {c: {ComparisonOperator: 'EQ', AttributeValueList: [{S: 'b'}]}, "
            + "b: {ComparisonOperator: 'NULL'}}}",
        "{KeyConditionExpression: 'c = :a and b = :b', ExpressionAttributeValues: {':a': {S: 'b'}, ':b': {N: '1'}}}"),
        (String) null)));
    cases = new ArrayList<>();
    for (String condition : new String[] {"{ComparisonOperator: 'NULL'}", "{ComparisonOperator: 'NOT_NULL'}",
        "{ComparisonOperator: 'NE', AttributeValueList: [{N: '1'}]}",
        "{ComparisonOperator: 'CONTAINS', AttributeValueList: [{S: 'a'}]}",
        "{ComparisonOperator: 'NOT_CONTAINS', AttributeValueList: [{S: 'a'}]}",
        "{ComparisonOperator: 'IN', AttributeValueList: [{S: 'a'}]}"}) {
      cases.add(v("Attempted conditional constraint is not an indexable operation", "{TableName: '$hash'}",
          "{KeyConditions: {a: " + condition + "}}"));
    }
    its.add(it("non-indexable operations", cases));
    cases = new ArrayList<>();
    for (String condition : new String[] {"{ComparisonOperator: 'NULL'}", "{ComparisonOperator: 'NOT_NULL'}",
        "{ComparisonOperator: 'CONTAINS', AttributeValueList: [{S: 'a'}]}",
        "{ComparisonOperator: 'NOT_CONTAINS', AttributeValueList: [{S: 'a'}]}",
        "{ComparisonOperator: 'IN', AttributeValueList: [{S: 'a'}]}"}) {
      cases.add(v("Attempted conditional constraint is not an indexable operation", "{TableName: '$range', "
          + "ExclusiveStartKey: {a: {S: 'a'}, b: {S: 'a'}}}", "{KeyConditions: {a: {ComparisonOperator: 'EQ', "
          + "AttributeValueList: [{S: 'b'}]}, b: " + condition + "}}"));
    }
    its.add(it("unsupported comparison on range", cases));
    its.add(it("incorrect comparison operator on index", v("Attempted conditional constraint is not an indexable "
        + "operation", "{TableName: '$range', IndexName: 'index1', KeyConditions: {a: {ComparisonOperator: 'EQ', "
        + "AttributeValueList: [{S: 'a'}]}, c: {ComparisonOperator: 'NULL'}}}")));
    its.add(it("mismatching param type", v(INVALID + "Condition parameter type does not match schema type",
        "{TableName: '$hash', KeyConditionExpression: ':a > a', ExpressionAttributeValues: {':a': {N: '1'}}}")));
    its.add(it("unsupported conditions", unsupported("{TableName: '$hash'}", "a", "b")));
    its.add(it("global unsupported conditions", unsupported("{TableName: '$range', IndexName: 'index3'}", "c", "z")));
    String outside = "The provided starting key is outside query boundaries based on provided conditions";
    its.add(it("ExclusiveStartKey with out-of-bounds hash key", startKeys(outside, "{TableName: '$range', "
        + "ExclusiveStartKey: {a: {S: 'a'}, b: {S: 'a'}}}", aOptions, (String) null)));
    its.add(it("ExclusiveStartKey with local index and out-of-bounds hash key", startKeys(outside, "{TableName: "
        + "'$range', IndexName: 'index1', ExclusiveStartKey: {a: {S: 'a'}, b: {S: 'a'}, c: {S: 'a'}}}", aOptions,
        (String) null)));
    its.add(it("global hash in ExclusiveStartKey but outside range", startKeys(outside, "{TableName: '$range', "
        + "IndexName: 'index3', ExclusiveStartKey: {a: {S: 'a'}, b: {S: 'a'}, c: {S: 'a'}}}", cOptions,
            (String) null)));
    its.add(it("second global hash in ExclusiveStartKey but outside range", startKeys(outside, "{TableName: '$range', "
        + "IndexName: 'index4', ExclusiveStartKey: {a: {S: 'a'}, b: {S: 'a'}, c: {S: 'a'}, d: {S: 'a'}}}", cOptions,
        (String) null)));
    String predicate = "The provided starting key does not match the range key predicate";
    its.add(it("ExclusiveStartKey with non-matching range key", startKeys(predicate, "{TableName: '$range', "
        + "ExclusiveStartKey: {a: {S: 'a'}, b: {S: 'a'}}}", List.of("{KeyConditions: {a: {ComparisonOperator: 'EQ', "
        + "AttributeValueList: [{S: 'b'}]}, b: {ComparisonOperator: 'GT', AttributeValueList: [{S: 'a'}]}}}",
        "{KeyConditionExpression: 'a = :a and b > :a', ExpressionAttributeValues: {':a': {S: 'b'}}}"), (String) null)));
    its.add(it("ExclusiveStartKey with local index and not matching predicate", startKeys(predicate, "{TableName: "
        + "'$range', IndexName: 'index1', ExclusiveStartKey: {a: {S: 'a'}, b: {S: 'a'}, c: {S: 'a'}}}",
        List.of("{KeyConditions: {a: {ComparisonOperator: 'EQ', AttributeValueList: [{S: 'a'}]}, "
            + "c: {ComparisonOperator: 'GT', AttributeValueList: [{S: 'a'}]}}}",
        "{KeyConditionExpression: 'a = :a and c > :a', ExpressionAttributeValues: {':a': {S: 'b'}}}"), (String) null)));
    its.add(it("global hash in ExclusiveStartKey but not matching predicate", startKeys(predicate, "{TableName: "
        + "'$range', IndexName: 'index4'}",
            List.of("{KeyConditions: {c: {ComparisonOperator: 'EQ', AttributeValueList: "
        + "[{S: 'a'}]}, d: {ComparisonOperator: 'GT', AttributeValueList: [{S: 'a'}]}}}",
        "{KeyConditionExpression: 'c = :a and d > :a', ExpressionAttributeValues: {':a': {S: 'b'}}}"),
        "{a: {S: 'a'}, b: {S: 'a'}, c: {S: 'a'}, d: {S: 'a'}}",
            "{a: {S: 'a'}, b: {S: 'a'}, c: {S: 'b'}, d: {S: 'a'}}")));
    String oneRow = "The query can return at most one row and cannot be restarted";
    its.add(it("ExclusiveStartKey with matching range but non-matching hash key", startKeys(oneRow, "{TableName: "
        + "'$range', ExclusiveStartKey: {a: {S: 'a'}, b: {S: 'a'}}}",
            List.of("{KeyConditions: {a: {ComparisonOperator: "
        + "'EQ', AttributeValueList: [{S: 'b'}]}, b: {ComparisonOperator: 'LT', AttributeValueList: [{S: 'b'}]}}}",
        "{KeyConditionExpression: 'a = :a and b < :a', ExpressionAttributeValues: {':a': {S: 'b'}}}"), (String) null)));
    its.add(it("global hash in ExclusiveStartKey but exact match", startKeys(oneRow, "{TableName: '$range', "
        + "IndexName: 'index4', KeyConditions: {c: {ComparisonOperator: 'EQ', AttributeValueList: [{S: 'a'}]}, "
        + "d: {ComparisonOperator: 'EQ', AttributeValueList: [{S: 'a'}]}}}", List.of("{}"),
        "{a: {S: 'a'}, b: {S: 'a'}, c: {S: 'c'}, d: {S: 'a'}}",
            "{a: {S: 'a'}, b: {S: 'a'}, c: {S: 'b'}, d: {S: 'a'}}")));
    its.add(it("hash key in QueryFilter", v("QueryFilter can only contain non-primary key attributes: Primary key "
        + "attribute: a", "{TableName: '$hash', KeyConditions: {a: {ComparisonOperator: 'EQ', AttributeValueList: "
        + "[{S: 'a'}]}}, QueryFilter: {a: {ComparisonOperator: 'EQ', AttributeValueList: [{S: 'a'}]}}}")));
    its.add(it("hash key in FilterExpression", filters("Filter Expression can only contain non-primary key "
        + "attributes: Primary key attribute: a", "$hash", "attribute_exists(a.b) AND b = :b", "a = :b", "a[1] = :b")));
    its.add(it("range key in QueryFilter", v("QueryFilter can only contain non-primary key attributes: Primary key "
        + "attribute: b", "{TableName: '$range', KeyConditions: {a: {ComparisonOperator: 'EQ', AttributeValueList: "
        + "[{S: 'a'}]}}, QueryFilter: {b: {ComparisonOperator: 'EQ', AttributeValueList: [{S: 'a'}]}}}")));
    its.add(it("global range key in QueryFilter", v("QueryFilter can only contain non-primary key attributes: Primary "
        + "key attribute: d", "{TableName: '$range', IndexName: 'index4', Select: 'ALL_ATTRIBUTES', KeyConditions: "
        + "{c: {ComparisonOperator: 'EQ', AttributeValueList: [{S: 'a'}]}}, QueryFilter: {d: {ComparisonOperator: "
            + "'EQ', "
        + "AttributeValueList: [{S: 'a'}]}}}")));
    its.add(it("range key in FilterExpression", filters("Filter Expression can only contain non-primary key "
        + "attributes: Primary key attribute: b", "$range", "attribute_exists(b.c) AND c = :b", "b = :b",
            "b[1] = :b")));
    its.add(it("non-scalar index access in FilterExpression", filters("Key attributes must be scalars; list random "
        + "access '[]' and map lookup '.' are not allowed: IndexKey: d", "$range", "attribute_exists(d.c) AND c = :b",
        "d[1] = :b")));
    its.add(it("ALL_ATTRIBUTES when global index does not have ALL", startKeys(INVALID + "Select type ALL_ATTRIBUTES is "
        + "not supported for global secondary index index4 because its projection type is not ALL", "{TableName: "
        + "'$range', IndexName: 'index4', Select: 'ALL_ATTRIBUTES', ExclusiveStartKey: {a: {S: 'a'}, b: {S: 'b'}, "
        + "c: {S: 'a'}, d: {S: 'b'}}}", List.of("{KeyConditions: {c: {ComparisonOperator: 'EQ', AttributeValueList: "
        + "[{S: 'a'}]}}, QueryFilter: {a: {ComparisonOperator: 'EQ', AttributeValueList: [{N: '1'}]}}}",
        "{KeyConditionExpression: 'c = :a', FilterExpression: 'a = :b and a.b = :a', ExpressionAttributeValues: "
            + "{':a': {S: 'a'}, ':b': {N: '1'}}}"), (String) null)));
    return its.stream();
  }

  // ---------------------------------------------------------------- functionality

  /** Queries (relaxed JSON, fixture placeholders) and checks the whole answer. */
  private void expect(String request, String answer) {
    JsonNode got = ok(OP, expand(request));
    assertBody(expand(answer), got);
  }

  /** The answer to the same query asked with KeyConditions and with a KeyConditionExpression. */
  private void expectBoth(String common, String legacy, String expression, String answer) {
    expect(merge(common, legacy), answer);
    expect(merge(common, expression), answer);
  }

  @Test
  void hashTableWhenEmpty() {
    String common = "{TableName: '$hash', ConsistentRead: false, ReturnConsumedCapacity: 'NONE', "
        + "ScanIndexForward: true, Select: 'ALL_ATTRIBUTES'}";
    expectBoth(common, "{KeyConditions: {a: {ComparisonOperator: 'EQ', AttributeValueList: [{S: 'qempty0001'}]}}}",
        "{KeyConditionExpression: 'a = :a', ExpressionAttributeValues: {':a': {S: 'qempty0002'}}}",
        "{Count: 0, ScannedCount: 0, Items: []}");
  }

  @Test
  void hashTableWithItems() {
    putAll(hashTable, "{a: {S: 'qhash00001'}, b: {N: '1234.5'}}", "{a: {S: 'qhash00002'}, b: {N: '1234.5'}}",
        "{a: {S: 'qhash00003'}, b: {N: '77'}}");
    expectBoth("{TableName: '$hash', ConsistentRead: true}",
        "{QueryFilter: {}, KeyConditions: {a: {ComparisonOperator: 'EQ', AttributeValueList: [{S: 'qhash00002'}]}}}",
        "{KeyConditionExpression: 'a = :a', ExpressionAttributeValues: {':a': {S: 'qhash00002'}}}",
        "{Count: 1, ScannedCount: 1, Items: [{a: {S: 'qhash00002'}, b: {N: '1234.5'}}]}");
  }

  /** Three items of one partition with sort keys {@code 1}, {@code 2}, {@code 3},
      queried with one sort-key operator. */
  private void rangeOperator(String hash, String legacyOperator, String expressionOperator, String answerKeys) {
    putAll(rangeTable, "{a: {S: '" + hash + "'}, b: {S: '1'}}", "{a: {S: '" + hash + "'}, b: {S: '2'}}",
        "{a: {S: '" + hash + "'}, b: {S: '3'}}");
    StringBuilder items = new StringBuilder();
    for (char key : answerKeys.toCharArray()) {
      items.append(items.length() == 0 ? "" : ", ").append("{a: {S: '").append(hash).append("'}, b: {S: '").append(key)
          .append("'}}");
    }
    String legacy = "{KeyConditions: {a: {ComparisonOperator: 'EQ', AttributeValueList: [{S: '" + hash + "'}]}"
        + (legacyOperator == null ? "" : ", b: {ComparisonOperator: '" + legacyOperator + "', AttributeValueList: "
        + "[{S: '2'}]}") + "}}";
    String expression = "{KeyConditionExpression: 'a = :a" + (expressionOperator == null ? "" : " AND b "
        + expressionOperator + " :b") + "', ExpressionAttributeValues: {':a': {S: '" + hash + "'}"
        + (expressionOperator == null ? "" : ", ':b': {S: '2'}") + "}}";
    expectBoth("{TableName: '$range', ConsistentRead: true}", legacy, expression,
        "{Count: " + answerKeys.length() + ", ScannedCount: " + answerKeys.length() + ", Items: [" + items + "]}");
  }

  @Test
  void rangeTableOperators() {
    rangeOperator("qrangehash", null, null, "123");
    rangeOperator("qrangeeq00", "EQ", "=", "2");
    rangeOperator("qrangele00", "LE", "<=", "12");
    rangeOperator("qrangelt00", "LT", "<", "1");
    rangeOperator("qrangege00", "GE", ">=", "23");
    rangeOperator("qrangegt00", "GT", ">", "3");
  }

  @Test
  void rangeTableBeginsWithAndBetween() {
    putAll(rangeTable, "{a: {S: 'qbegins000'}, b: {S: 'aaa'}}", "{a: {S: 'qbegins000'}, b: {S: 'aab'}}",
        "{a: {S: 'qbegins000'}, b: {S: 'abc'}}");
    expectBoth("{TableName: '$range', ConsistentRead: true}", "{KeyConditions: {a: {ComparisonOperator: 'EQ', "
        + "AttributeValueList: [{S: 'qbegins000'}]}, b: {ComparisonOperator: 'BEGINS_WITH', AttributeValueList: "
        + "[{S: 'aa'}]}}}", "{KeyConditionExpression: 'a = :a AND begins_with(b, :b)', ExpressionAttributeValues: "
        + "{':a': {S: 'qbegins000'}, ':b': {S: 'aa'}}}", "{Count: 2, ScannedCount: 2, Items: [{a: {S: 'qbegins000'}, "
        + "b: {S: 'aaa'}}, {a: {S: 'qbegins000'}, b: {S: 'aab'}}]}");
    putAll(rangeTable, "{a: {S: 'qbetween00'}, b: {S: 'aa'}}", "{a: {S: 'qbetween00'}, b: {S: 'ab'}}",
        "{a: {S: 'qbetween00'}, b: {S: 'abc'}}", "{a: {S: 'qbetween00'}, b: {S: 'ac'}}",
        "{a: {S: 'qbetween00'}, b: {S: 'aca'}}");
    expectBoth("{TableName: '$range', ConsistentRead: true}", "{KeyConditions: {a: {ComparisonOperator: 'EQ', "
        + "AttributeValueList: [{S: 'qbetween00'}]}, b: {ComparisonOperator: 'BETWEEN', AttributeValueList: "
        + "[{S: 'ab'}, {S: 'ac'}]}}}", "{KeyConditionExpression: 'a = :a AND b BETWEEN :b AND :c', "
        + "ExpressionAttributeValues: {':a': {S: 'qbetween00'}, ':b': {S: 'ab'}, ':c': {S: 'ac'}}}",
        "{Count: 3, ScannedCount: 3, Items: [{a: {S: 'qbetween00'}, b: {S: 'ab'}}, {a: {S: 'qbetween00'}, "
            + "b: {S: 'abc'}}, {a: {S: 'qbetween00'}, b: {S: 'ac'}}]}");
  }

  @Test
  void onlyRequestedAttributes() {
    putAll(rangeTable, "{a: {S: 'qattrs0000'}, b: {S: 'b1'}, d: {S: 'd1'}}",
        "{a: {S: 'qattrs0000'}, b: {S: 'b2'}}", "{a: {S: 'qattrs0000'}, b: {S: 'b3'}, d: {S: 'd3'}, e: {S: 'e3'}}");
    String answer = "{Count: 3, ScannedCount: 3, Items: [{b: {S: 'b1'}, d: {S: 'd1'}}, {b: {S: 'b2'}}, "
        + "{b: {S: 'b3'}, d: {S: 'd3'}}]}";
    String common = "{TableName: '$range', ConsistentRead: true}";
    String legacyKey = "{KeyConditions: {a: {ComparisonOperator: 'EQ', AttributeValueList: [{S: 'qattrs0000'}]}}}";
    String expressionKey = "{KeyConditionExpression: 'a = :a', ExpressionAttributeValues: {':a': {S: 'qattrs0000'}}}";
    expect(merge(common, legacyKey, "{AttributesToGet: ['b', 'd']}"), answer);
    expect(merge(common, legacyKey, "{ProjectionExpression: 'b, d'}"), answer);
    expect(merge(common, expressionKey, "{ProjectionExpression: 'b, d'}"), answer);
    expect(merge(common, expressionKey, "{ExpressionAttributeNames: {'#b': 'b', '#d': 'd'}, "
        + "ProjectionExpression: '#b, #d'}"), answer);
  }

  @Test
  void onlyRequestedNestedAttributes() {
    putAll(rangeTable, "{a: {S: 'qnested000'}, b: {S: 'b1'}, e: {M: {a: {S: 'b1'}, d: {S: 'b1'}}}, "
        + "f: {L: [{S: 'd1'}, {S: 'd2'}, {S: 'd3'}]}}", "{a: {S: 'qnested000'}, b: {S: 'b2'}}",
        "{a: {S: 'qnested000'}, b: {S: 'b3'}, d: {S: 'd3'}, e: {S: 'e3'}}");
    String answer = "{Count: 3, ScannedCount: 3, Items: [{e: {M: {a: {S: 'b1'}, d: {S: 'b1'}}}, "
        + "f: {L: [{S: 'd1'}, {S: 'd3'}]}}, {}, {d: {S: 'd3'}}]}";
    String common = "{TableName: '$range', ConsistentRead: true}";
    String expressionKey = "{KeyConditionExpression: 'a = :a', ExpressionAttributeValues: {':a': {S: 'qnested000'}}}";
    expect(merge(common, "{KeyConditions: {a: {ComparisonOperator: 'EQ', AttributeValueList: [{S: 'qnested000'}]}}, "
        + "ProjectionExpression: 'f[2], f[0], e.d, e.a, d'}"), answer);
    expect(merge(common, expressionKey, "{ProjectionExpression: 'f[2], f[0], e.d, e.a, d'}"), answer);
    expect(merge(common, expressionKey, "{ExpressionAttributeNames: {'#f': 'f', '#e': 'e', '#a': 'a'}, "
        + "ProjectionExpression: '#f[2],#f[0],#e.d,e.#a,d'}"), answer);
  }

  @Test
  void filterItemsByQueryFilter() {
    putAll(rangeTable, "{a: {S: 'qfilter000'}, b: {S: 'b1'}, d: {S: '1'}}",
        "{a: {S: 'qfilter000'}, b: {S: 'b2'}}", "{a: {S: 'qfilter000'}, b: {S: 'b3'}, d: {S: 'd3'}, e: {S: 'e3'}}");
    expectBoth("{TableName: '$range', ConsistentRead: true}", "{KeyConditions: {a: {ComparisonOperator: 'EQ', "
        + "AttributeValueList: [{S: 'qfilter000'}]}}, QueryFilter: {e: {ComparisonOperator: 'NOT_NULL'}}}",
        "{KeyConditionExpression: 'a = :a', ExpressionAttributeValues: {':a': {S: 'qfilter000'}}, "
            + "FilterExpression: 'attribute_exists(e)'}",
        "{Count: 1, ScannedCount: 3, Items: [{a: {S: 'qfilter000'}, b: {S: 'b3'}, d: {S: 'd3'}, e: {S: 'e3'}}]}");
  }

  @Test
  void projectedAttributesByDefaultForLocalIndex() {
    String a = "a: {S: 'qproject00'}";
    putAll(rangeTable, "{" + a + ", b: {S: 'b1'}, c: {S: 'c1'}, d: {S: 'd1'}}", "{" + a + ", b: {S: 'b2'}}",
        "{" + a + ", b: {S: 'b3'}, d: {S: 'd3'}, e: {S: 'e3'}, f: {S: 'f3'}}",
        "{" + a + ", b: {S: 'b4'}, c: {S: 'c4'}, d: {S: 'd4'}, e: {S: 'e4'}}");
    String request = "{TableName: '$range', ConsistentRead: true, IndexName: 'index2', KeyConditions: {a: "
        + "{ComparisonOperator: 'EQ', AttributeValueList: [{S: 'qproject00'}]}}";
    String items = "Count: 3, ScannedCount: 3, Items: [{" + a + ", b: {S: 'b1'}, c: {S: 'c1'}, d: {S: 'd1'}}, "
        + "{" + a + ", b: {S: 'b3'}, d: {S: 'd3'}}, {" + a + ", b: {S: 'b4'}, c: {S: 'c4'}, d: {S: 'd4'}}]";
    expect(request + ", ReturnConsumedCapacity: 'TOTAL'}", "{" + items + ", ConsumedCapacity: {CapacityUnits: 1, "
        + "TableName: '$range'}}");
    expect(request + ", ReturnConsumedCapacity: 'INDEXES'}", "{" + items + ", ConsumedCapacity: {CapacityUnits: 1, "
        + "TableName: '$range', Table: {CapacityUnits: 0}, LocalSecondaryIndexes: {index2: {CapacityUnits: 1}}}}");
  }

  @Test
  void allAttributesWhenAskedForLocalIndex() {
    String a = "a: {S: 'qallattrs0'}";
    String long1 = "e".repeat(4061);
    String[] items = {"{" + a + ", b: {S: 'b1'}, c: {S: 'c1'}, d: {S: 'd1'}}", "{" + a + ", b: {S: 'b2'}}",
        "{" + a + ", b: {S: 'b3'}, d: {S: 'd3'}, e: {M: {e3: {S: '" + long1 + "'}}}, f: {L: [{S: 'f3'}, {S: 'ff3'}]}}",
        "{" + a + ", b: {S: 'b4'}, c: {S: 'c4'}, d: {S: 'd4'}, e: {M: {ee4: {S: 'e4'}, eee4: {S: '" + long1 + "'}}}}"};
    putAll(rangeTable, items);
    String request = "{TableName: '$range', ConsistentRead: true, IndexName: 'index2', KeyConditions: {a: "
        + "{ComparisonOperator: 'EQ', AttributeValueList: [{S: 'qallattrs0'}]}}, Select: 'ALL_ATTRIBUTES'";
    String found = "Count: 3, ScannedCount: 3, Items: [" + items[0] + ", " + items[2] + ", " + items[3] + "]";
    expect(request + ", ReturnConsumedCapacity: 'TOTAL'}", "{" + found + ", ConsumedCapacity: {CapacityUnits: 4, "
        + "TableName: '$range'}}");
    expect(request + ", ReturnConsumedCapacity: 'INDEXES'}", "{" + found + ", ConsumedCapacity: {CapacityUnits: 4, "
        + "TableName: '$range', Table: {CapacityUnits: 3}, LocalSecondaryIndexes: {index2: {CapacityUnits: 1}}}}");
  }

  /** Five items of partition {@code hash} with sort keys 2, 1, 3, 4, 5 (c = 'c'), the third with d = 'd' when asked. */
  private void fiveItems(String hash, boolean withD) {
    for (String b : new String[] {"2", "1", "3", "4", "5"}) {
      putAll(rangeTable, "{a: {S: '" + hash + "'}, b: {S: '" + b + "'}, c: {S: 'c'}"
          + (withD && b.equals("3") ? ", d: {S: 'd'}" : "") + "}");
    }
  }

  private static String key(String hash, String b) {
    return "{a: {S: '" + hash + "'}, b: {S: '" + b + "'}}";
  }

  private static String item(String hash, String b, String more) {
    return "{a: {S: '" + hash + "'}, b: {S: '" + b + "'}, c: {S: 'c'}" + more + "}";
  }

  @Test
  void countWhenAsked() {
    fiveItems("qcount0000", false);
    JsonNode got = ok(OP, expand("{TableName: '$range', ConsistentRead: true, KeyConditions: {a: "
        + "{ComparisonOperator: 'EQ', AttributeValueList: [{S: 'qcount0000'}]}, b: {ComparisonOperator: 'GE', "
        + "AttributeValueList: [{S: '2'}]}}, Select: 'COUNT'}"));
    assertBody("{Count: 4, ScannedCount: 4}", got);
  }

  @Test
  void limitItems() {
    fiveItems("qlimit0000", false);
    expect("{TableName: '$range', ConsistentRead: true, KeyConditions: {a: {ComparisonOperator: 'EQ', "
        + "AttributeValueList: [{S: 'qlimit0000'}]}, b: {ComparisonOperator: 'GE', AttributeValueList: [{S: '2'}]}}, "
        + "Limit: 2}", "{Count: 2, ScannedCount: 2, Items: [" + item("qlimit0000", "2", "") + ", "
        + item("qlimit0000", "3", "") + "], LastEvaluatedKey: " + key("qlimit0000", "3") + "}");
  }

  @Test
  void limitItemsWithQueryFilter() {
    fiveItems("qlimitfilt", true);
    expectBoth("{TableName: '$range', ConsistentRead: true, Limit: 2}",
        "{KeyConditions: {a: {ComparisonOperator: 'EQ', "
        + "AttributeValueList: [{S: 'qlimitfilt'}]}, b: {ComparisonOperator: 'GE', AttributeValueList: [{S: '2'}]}}, "
        + "QueryFilter: {d: {ComparisonOperator: 'EQ', AttributeValueList: [{S: 'd'}]}}}",
        "{KeyConditionExpression: 'a = :a AND b >= :b', ExpressionAttributeValues: {':a': {S: 'qlimitfilt'}, "
            + "':b': {S: '2'}, ':d': {S: 'd'}}, FilterExpression: 'd = :d'}",
        "{Count: 1, ScannedCount: 2, Items: [" + item("qlimitfilt", "3", ", d: {S: 'd'}") + "], LastEvaluatedKey: "
            + key("qlimitfilt", "3") + "}");
  }

  @Test
  void lastEvaluatedKeyWhenOnlyCount() {
    fiveItems("qlekcount0", false);
    expect("{TableName: '$range', ConsistentRead: true, KeyConditions: {a: {ComparisonOperator: 'EQ', "
        + "AttributeValueList: [{S: 'qlekcount0'}]}, b: {ComparisonOperator: 'GE', AttributeValueList: [{S: '2'}]}}, "
        + "Limit: 2, Select: 'COUNT'}", "{Count: 2, ScannedCount: 2, LastEvaluatedKey: " + key("qlekcount0", "3")
            + "}");
    fiveItems("qlekcountf", true);
    expect("{TableName: '$range', ConsistentRead: true, KeyConditions: {a: {ComparisonOperator: 'EQ', "
        + "AttributeValueList: [{S: 'qlekcountf'}]}, b: {ComparisonOperator: 'GE', AttributeValueList: [{S: '2'}]}}, "
        + "QueryFilter: {d: {ComparisonOperator: 'EQ', AttributeValueList: [{S: 'd'}]}}, Limit: 2, Select: 'COUNT'}",
        "{Count: 1, ScannedCount: 2, LastEvaluatedKey: " + key("qlekcountf", "3") + "}");
  }

  /** Items of one partition of a fixture table, sort keys of the given type, queried by their partition. */
  private String sortItems(String table, String hash, String type, String... sortKeys) {
    List<String> items = new ArrayList<>();
    for (String sortKey : sortKeys) {
      items.add("{a: {S: '" + hash + "'}, b: {" + type + ": '" + sortKey + "'}}");
    }
    putAll(expand(table), items.toArray(String[]::new));
    return "{TableName: '" + table + "', ConsistentRead: true, KeyConditions: {a: {ComparisonOperator: 'EQ', "
        + "AttributeValueList: [{S: '" + hash + "'}]}}";
  }

  private static String sortKeyItems(String hash, String type, String... sortKeys) {
    List<String> items = new ArrayList<>();
    for (String sortKey : sortKeys) {
      items.add("{a: {S: '" + hash + "'}, b: {" + type + ": '" + sortKey + "'}}");
    }
    return "Count: " + sortKeys.length + ", ScannedCount: " + sortKeys.length + ", Items: [" + String.join(", ", items)
        + "]";
  }

  @Test
  void itemsInOrderForStrings() {
    String request = sortItems("$range", "qorderstr0", "S", "1", "2", "10", "a", "b", "aa", "ab", "A", "B");
    expect(request + "}", "{" + sortKeyItems("qorderstr0", "S", "1", "10", "2", "A", "B", "a", "aa", "ab", "b") + "}");
  }

  @Test
  void itemsInOrderForNumbers() {
    String request = sortItems("$rangeN", "qordernum0", "N", "0", "99.1", "10.9", "10.1", "9.1", "9", "1.9", "1.1", "1",
        "0.9", "0.1", "0.09", "0.01", "-0.01", "-0.09", "-0.1", "-0.9", "-1", "-1.01", "-9", "-9.9", "-10.1", "-99.1");
    expect(request + "}", "{" + sortKeyItems("qordernum0", "N", "-99.1", "-10.1", "-9.9", "-9", "-1.01", "-1", "-0.9",
        "-0.1", "-0.09", "-0.01", "0", "0.01", "0.09", "0.1", "0.9", "1", "1.1", "1.9", "9", "9.1", "10.1", "10.9",
        "99.1") + "}");
  }

  @Test
  void itemsInOrderForBinary() {
    String request = sortItems("$rangeB", "qorderbin0", "B", "1Py5xA==", "JA==", "2w==", "cAeRhZE=", "6piVtA==", "MjA0",
        "1g==", "ER/jLQ==", "T7MzEUw=", "9FkiOH0=", "Iv/a", "9V0=");
    expect(request + "}", "{" + sortKeyItems("qorderbin0", "B", "ER/jLQ==", "Iv/a", "JA==", "MjA0", "T7MzEUw=",
        "cAeRhZE=", "1Py5xA==", "1g==", "2w==", "6piVtA==", "9FkiOH0=", "9V0=") + "}");
  }

  @Test
  void itemsInReverseOrder() {
    String strings = sortItems("$range", "qreverses0", "S", "1", "2", "10");
    expect(strings + ", ScanIndexForward: false}", "{" + sortKeyItems("qreverses0", "S", "2", "10", "1") + "}");
    expect(strings + ", ScanIndexForward: false, Limit: 2}", "{" + sortKeyItems("qreverses0", "S", "2", "10")
        + ", LastEvaluatedKey: {a: {S: 'qreverses0'}, b: {S: '10'}}}");
    expect(strings + ", ScanIndexForward: false, ExclusiveStartKey: {a: {S: 'qreverses0'}, b: {S: '2'}}}",
        "{" + sortKeyItems("qreverses0", "S", "10", "1") + "}");
    String numbers = sortItems("$rangeN", "qreversen0", "N", "0", "99.1", "10.9", "9.1", "0.9", "-0.01", "-0.1", "-1",
        "-99.1");
    expect(numbers + ", ScanIndexForward: false}", "{" + sortKeyItems("qreversen0", "N", "99.1", "10.9", "9.1", "0.9",
        "0", "-0.01", "-0.1", "-1", "-99.1") + "}");
    String binary = sortItems("$rangeB", "qreverseb0", "B", "1Py5xA==", "JA==", "2w==", "cAeRhZE=", "6piVtA==", "MjA0",
        "1g==", "ER/jLQ==", "T7MzEUw=");
    expect(binary + ", ScanIndexForward: false}", "{" + sortKeyItems("qreverseb0", "B", "6piVtA==", "2w==", "1g==",
        "1Py5xA==", "cAeRhZE=", "T7MzEUw=", "MjA0", "JA==", "ER/jLQ==") + "}");
    String binaryLimit = sortItems("$rangeB", "qreverseb1", "B", "1Py5xA==", "JA==", "2w==", "cAeRhZE=", "6piVtA==");
    expect(binaryLimit + ", ScanIndexForward: false, Limit: 3}", "{" + sortKeyItems("qreverseb1", "B", "6piVtA==",
        "2w==", "1Py5xA==") + ", LastEvaluatedKey: {a: {S: 'qreverseb1'}, b: {B: '1Py5xA=='}}}");
  }

  @Test
  void itemsInReverseOrderWithLimitForNumbers() {
    putAll(rangeNTable, "{a: {S: 'qreversen1'}, b: {N: '0'}}");
    for (String b : new String[] {"99.1", "10.9", "9.1", "0.9"}) {
      putAll(rangeNTable, "{a: {S: 'qreversen1'}, b: {N: '" + b + "'}, c: {S: 'c'}}");
    }
    expect("{TableName: '$rangeN', ConsistentRead: true, KeyConditions: {a: {ComparisonOperator: 'EQ', "
        + "AttributeValueList: [{S: 'qreversen1'}]}}, ScanIndexForward: false, Limit: 3}",
            "{Count: 3, ScannedCount: 3, "
        + "Items: [{a: {S: 'qreversen1'}, b: {N: '99.1'}, c: {S: 'c'}}, {a: {S: 'qreversen1'}, b: {N: '10.9'}, "
        + "c: {S: 'c'}}, {a: {S: 'qreversen1'}, b: {N: '9.1'}, c: {S: 'c'}}], LastEvaluatedKey: {a: {S: 'qreversen1'}, "
        + "b: {N: '9.1'}}}");
  }

  /** Nine items of one partition of the range table with index1's sort key c (1, 2, 10, a, b, aa, ab, A, B). */
  private String[] localIndexItems(String hash) {
    String a = "a: {S: '" + hash + "'}";
    String[] items = {"{" + a + ", b: {S: '1'}, c: {S: '1'}, d: {S: '1'}}", "{" + a + ", b: {S: '2'}, c: {S: '2'}}",
        "{" + a + ", b: {S: '3'}, c: {S: '10'}}", "{" + a + ", b: {S: '4'}, c: {S: 'a'}}",
        "{" + a + ", b: {S: '5'}, c: {S: 'b'}}", "{" + a + ", b: {S: '6'}, c: {S: 'aa'}, e: {S: '6'}}",
        "{" + a + ", b: {S: '7'}, c: {S: 'ab'}}", "{" + a + ", b: {S: '8'}, c: {S: 'A'}}",
        "{" + a + ", b: {S: '9'}, c: {S: 'B'}}"};
    putAll(rangeTable, items);
    return items;
  }

  private static String found(String[] items, int... which) {
    List<String> chosen = new ArrayList<>();
    for (int i : which) {
      chosen.add(items[i - 1]);
    }
    return "Count: " + which.length + ", ScannedCount: " + which.length + ", Items: [" + String.join(", ", chosen)
        + "]";
  }

  @Test
  void itemsInOrderForLocalIndexStrings() {
    String[] items = localIndexItems("qlocalord0");
    String request = "{TableName: '$range', IndexName: 'index1', KeyConditions: {a: {ComparisonOperator: 'EQ', "
        + "AttributeValueList: [{S: 'qlocalord0'}]}}";
    String all = found(items, 1, 3, 2, 8, 9, 4, 6, 7, 5);
    expect(request + ", ReturnConsumedCapacity: 'TOTAL'}", "{" + all + ", ConsumedCapacity: {CapacityUnits: 0.5, "
        + "TableName: '$range'}}");
    expect(request + ", ReturnConsumedCapacity: 'INDEXES'}", "{" + all + ", ConsumedCapacity: {CapacityUnits: 0.5, "
        + "TableName: '$range', Table: {CapacityUnits: 0}, LocalSecondaryIndexes: {index1: {CapacityUnits: 0.5}}}}");
  }

  @Test
  void comparisonsOnLocalIndex() {
    String[] items = localIndexItems("qlocalcmp0");
    String request = "{TableName: '$range', IndexName: 'index1', ExpressionAttributeValues: {':a': {S: 'qlocalcmp0'}, "
        + "':c': {S: 'a'}";
    expect(request + "}, KeyConditionExpression: 'a = :a AND c <= :c'}", "{" + found(items, 1, 3, 2, 8, 9, 4) + "}");
    expect(request + "}, KeyConditionExpression: 'a = :a AND c = :c'}", "{" + found(items, 4) + "}");
    expect(request + "}, KeyConditionExpression: 'a = :a AND c >= :c'}", "{" + found(items, 4, 6, 7, 5) + "}");
    expect(request + "}, KeyConditionExpression: 'a = :a AND c > :c'}", "{" + found(items, 6, 7, 5) + "}");
    expect(request + "}, KeyConditionExpression: 'a = :a AND c < :c'}", "{" + found(items, 1, 3, 2, 8, 9) + "}");
    expect(request + ", ':d': {S: 'ab'}}, KeyConditionExpression: 'a = :a AND c BETWEEN :c AND :d'}",
        "{" + found(items, 4, 6, 7) + "}");
  }

  /**
   * Seven items of the range table, six of them in index3's partition {@code c} (the fifth in
   * partition 'c'), with d as given (null for none) and, when {@code ef}, e and f = 'a'.
   */
  private String[] globalItems(String c, String[] ds, boolean ef) {
    String[][] keys = {{"a", "a"}, {"b", "b"}, {"c", "e"}, {"c", "d"}, {"c", "c"}, {"d", "a"}, {"e", "a"}};
    String[] items = new String[keys.length];
    for (int i = 0; i < keys.length; i++) {
      items[i] = "{a: {S: '" + keys[i][0] + "'}, b: {S: '" + keys[i][1] + "'}, c: {S: '" + (i == 4 ? "c" : c) + "'}"
          + (ds == null ? "" : ", d: {S: '" + ds[i] + "'}") + (ef ? ", e: {S: 'a'}, f: {S: 'a'}" : "") + "}";
    }
    putAll(rangeTable, items);
    return items;
  }

  private static String withoutF(String item) {
    return item.replace(", f: {S: 'a'}", "");
  }

  private static String gsiCapacity(String index) {
    return "ConsumedCapacity: {CapacityUnits: 0.5, TableName: '$range', Table: {CapacityUnits: 0}, "
        + "GlobalSecondaryIndexes: {" + index + ": {CapacityUnits: 0.5}}}";
  }

  private static String globalKey(String a, String b, String c, String d) {
    return "{a: {S: '" + a + "'}, b: {S: '" + b + "'}, c: {S: '" + c + "'}" + (d == null ? "" : ", d: {S: '" + d + "'}")
        + "}";
  }

  @Test
  void basicHashGlobalIndex() {
    String c = "qglobal001";
    String[] items = globalItems(c, new String[] {"a", "a", "a", "a", "a", "a", "a"}, false);
    String request = "{TableName: '$range', KeyConditions: {c: {ComparisonOperator: 'EQ', AttributeValueList: "
        + "[{S: '" + c + "'}]}}, IndexName: 'index3', Limit: 4";
    String page = "Count: 4, ScannedCount: 4, Items: [" + items[1] + ", " + items[0] + ", " + items[2] + ", " + items[6]
        + "], LastEvaluatedKey: " + globalKey("e", "a", c, null);
    expect(request + ", ReturnConsumedCapacity: 'TOTAL'}", "{" + page + ", ConsumedCapacity: {CapacityUnits: 0.5, "
        + "TableName: '$range'}}");
    expect(request + ", ReturnConsumedCapacity: 'INDEXES'}", "{" + page + ", " + gsiCapacity("index3") + "}");
  }

  @Test
  void basicHashGlobalIndexInReverse() {
    String c = "qglobal002";
    String[] items = globalItems(c, null, false);
    expect("{TableName: '$range', KeyConditions: {c: {ComparisonOperator: 'EQ', AttributeValueList: [{S: '" + c
        + "'}]}}, "
        + "IndexName: 'index3', ScanIndexForward: false, Limit: 4, ReturnConsumedCapacity: 'INDEXES'}",
        "{Count: 4, ScannedCount: 4, Items: [" + items[3] + ", " + items[5] + ", " + items[6] + ", " + items[2]
            + "], LastEvaluatedKey: " + globalKey("c", "e", c, null) + ", " + gsiCapacity("index3") + "}");
  }

  @Test
  void rangeGlobalIndex() {
    String c = "qglobal003";
    String[] items = globalItems(c, new String[] {"f", "a", "b", "c", "d", "e", "f"}, true);
    expect("{TableName: '$range', KeyConditions: {c: {ComparisonOperator: 'EQ', AttributeValueList: [{S: '" + c
        + "'}]}, "
        + "d: {ComparisonOperator: 'LT', AttributeValueList: [{S: 'f'}]}}, IndexName: 'index4', Limit: 3, "
        + "ReturnConsumedCapacity: 'INDEXES'}", "{Count: 3, ScannedCount: 3, Items: [" + withoutF(items[1]) + ", "
        + withoutF(items[2]) + ", " + withoutF(items[3]) + "], LastEvaluatedKey: " + globalKey("c", "d", c, "c") + ", "
        + gsiCapacity("index4") + "}");
  }

  @Test
  void rangeGlobalIndexInReverse() {
    String c = "qglobal004";
    String[] items = globalItems(c, new String[] {"f", "a", "b", "c", "d", "e", "f"}, false);
    expect("{TableName: '$range', KeyConditions: {c: {ComparisonOperator: 'EQ', AttributeValueList: [{S: '" + c
        + "'}]}, "
        + "d: {ComparisonOperator: 'LT', AttributeValueList: [{S: 'f'}]}}, IndexName: 'index4', "
        + "ScanIndexForward: false, Limit: 3, ReturnConsumedCapacity: 'INDEXES'}", "{Count: 3, ScannedCount: 3, "
        + "Items: [" + items[5] + ", " + items[3] + ", " + items[2] + "], LastEvaluatedKey: "
        + globalKey("c", "e", c, "b") + ", " + gsiCapacity("index4") + "}");
  }

  @Test
  void exclusiveStartKeyOnBasicHashGlobalIndex() {
    String c = "qglobal005";
    String[] items = globalItems(c, new String[] {"a", "a", "a", "a", "a", "a", "a"}, false);
    expect("{TableName: '$range', KeyConditions: {c: {ComparisonOperator: 'EQ', AttributeValueList: [{S: '" + c
        + "'}]}}, "
        + "IndexName: 'index3', Limit: 2, ExclusiveStartKey: " + globalKey("c", "e", c, null) + ", "
        + "ReturnConsumedCapacity: 'INDEXES'}", "{Count: 2, ScannedCount: 2, Items: [" + items[6] + ", " + items[5]
        + "], LastEvaluatedKey: " + globalKey("d", "a", c, null) + ", " + gsiCapacity("index3") + "}");
    String c2 = "qglobal006";
    String[] items2 = globalItems(c2, null, false);
    expect("{TableName: '$range', KeyConditions: {c: {ComparisonOperator: 'EQ', AttributeValueList: [{S: '" + c2
        + "'}]}}, IndexName: 'index3', ScanIndexForward: false, Limit: 2, ExclusiveStartKey: "
        + globalKey("e", "a", c2, null) + ", ReturnConsumedCapacity: 'INDEXES'}", "{Count: 2, ScannedCount: 2, "
        + "Items: [" + items2[2] + ", " + items2[0] + "], LastEvaluatedKey: " + globalKey("a", "a", c2, null) + ", "
        + gsiCapacity("index3") + "}");
  }

  @Test
  void exclusiveStartKeyOnRangeGlobalIndex() {
    String c = "qglobal007";
    String[] items = globalItems(c, new String[] {"f", "a", "b", "c", "d", "e", "f"}, true);
    expect("{TableName: '$range', KeyConditions: {c: {ComparisonOperator: 'EQ', AttributeValueList: [{S: '" + c
        + "'}]}, "
        + "d: {ComparisonOperator: 'LT', AttributeValueList: [{S: 'f'}]}}, IndexName: 'index4', Limit: 1, "
        + "ExclusiveStartKey: " + globalKey("c", "e", c, "b") + ", ReturnConsumedCapacity: 'INDEXES'}",
        "{Count: 1, ScannedCount: 1, Items: [" + withoutF(items[3]) + "], LastEvaluatedKey: "
            + globalKey("c", "d", c, "c") + ", " + gsiCapacity("index4") + "}");
    String c2 = "qglobal008";
    String[] items2 = globalItems(c2, new String[] {"f", "a", "b", "c", "d", "e", "f"}, true);
    expect("{TableName: '$range', KeyConditions: {c: {ComparisonOperator: 'EQ', AttributeValueList: [{S: '" + c2
        + "'}]}, d: {ComparisonOperator: 'LT', AttributeValueList: [{S: 'f'}]}}, IndexName: 'index4', Limit: 1, "
        + "ScanIndexForward: false, ExclusiveStartKey: " + globalKey("c", "d", c2, "c") + ", "
        + "ReturnConsumedCapacity: 'INDEXES'}", "{Count: 1, ScannedCount: 1, Items: [" + withoutF(items2[2])
        + "], LastEvaluatedKey: " + globalKey("c", "e", c2, "b") + ", " + gsiCapacity("index4") + "}");
  }

  @Test
  void globalIndexWithEqualValues() {
    String c = "qglobal009";
    String[][] keys = {{"a", "a"}, {"b", "a"}, {"c", "a"}, {"c", "b"}, {"d", "a"}, {"d", "b"}};
    String[] items = new String[keys.length];
    for (int i = 0; i < keys.length; i++) {
      items[i] = "{a: {S: '" + keys[i][0] + "'}, b: {S: '" + keys[i][1] + "'}, c: {S: '" + c + "'}, d: {S: 'a'}}";
    }
    putAll(rangeTable, items);
    expect("{TableName: '$range', KeyConditions: {c: {ComparisonOperator: 'EQ', AttributeValueList: [{S: '" + c
        + "'}]}}, "
        + "IndexName: 'index4', ExclusiveStartKey: " + items[0] + ", ReturnConsumedCapacity: 'INDEXES'}",
        "{Count: 5, ScannedCount: 5, Items: [" + items[4] + ", " + items[1] + ", " + items[2] + ", " + items[5] + ", "
            + items[3] + "], " + gsiCapacity("index4") + "}");
  }

  @Test
  void lastEvaluatedKeyWhenLimitEqualsTheRowsLeft() {
    // the recorded suite empties its range table first; a table of the same key schema stands in for it
    String table = uniqueName("range");
    ok("CreateTable", "{TableName: '" + table + "', AttributeDefinitions: [{AttributeName: 'a', AttributeType: "
        + "'S'}, {AttributeName: 'b', AttributeType: 'S'}], KeySchema: [{KeyType: 'HASH', AttributeName: 'a'}, "
        + "{KeyType: 'RANGE', AttributeName: 'b'}], BillingMode: 'PAY_PER_REQUEST'}");
    putAll(table, "{a: {S: 'qlimitsz01'}, b: {S: '1'}, c: {S: 'c'}}",
        "{a: {S: 'qlimitsz01'}, b: {S: '2'}, c: {S: 'c'}}",
        "{a: {S: 'qlimitsz02'}, b: {S: '1'}, c: {S: 'c'}}", "{a: {S: 'qlimitsz02'}, b: {S: '2'}, c: {S: 'c'}}");
    JsonNode scanned = ok("Scan", "{TableName: '" + table + "'}").get("Items");
    JsonNode last = scanned.get(scanned.size() - 1);
    String lastHash = last.get("a").get("S").asText();
    String otherHash = lastHash.equals("qlimitsz01") ? "qlimitsz02" : "qlimitsz01";
    List<JsonNode> lastItems = new ArrayList<>();
    List<JsonNode> otherItems = new ArrayList<>();
    scanned.forEach(item -> (item.get("a").get("S").asText().equals(lastHash) ? lastItems : otherItems).add(item));
    String query = "{TableName: '" + table + "', ConsistentRead: true, KeyConditions: {a: {ComparisonOperator: 'EQ', "
        + "AttributeValueList: [{S: '%s'}]}}%s}";
    assertBody("{Count: 2, ScannedCount: 2, Items: " + lastItems + "}", ok(OP, String.format(query, lastHash,
        "")));
    assertBody("{Count: 2, ScannedCount: 2, Items: " + lastItems + ", LastEvaluatedKey: {a: " + last.get("a") + ", b: "
        + last.get("b") + "}}", ok(OP, String.format(query, lastHash, ", Limit: 2")));
    JsonNode other = ok(OP, String.format(query, otherHash, ", Limit: 2"));
    assertEquals(2, other.get("Count").asInt());
    assertEquals(2, other.get("ScannedCount").asInt());
    assertBody("{x: " + otherItems + "}", parse("{x: " + other.get("Items") + "}"));
  }

  private static String operator(String conditions) {
    return parse(conditions).get("a").get("ComparisonOperator").asText();
  }

  private static Case notValidFor(String member, String operator, String list, String value) {
    String type = parse(value).fieldNames().next();
    return v(INVALID + "ComparisonOperator " + operator + " is not valid for " + type + " AttributeValue type",
        "{TableName: 'abc'}", "{" + member + ": {a: {ComparisonOperator: '" + operator + "', AttributeValueList: "
            + list + "}}}");
  }

  private static List<Case> expressions(String message, String values, String... expressions) {
    List<Case> cases = new ArrayList<>();
    for (String expression : expressions) {
      cases.add(v(message, "{TableName: 'abc'}", "{KeyConditionExpression: '" + expression + "'}",
          values == null ? null : "{ExpressionAttributeValues: " + values + "}"));
    }
    return cases;
  }

  private static List<Case> filters(String message, String table, String... filters) {
    List<Case> cases = new ArrayList<>();
    for (String filter : filters) {
      cases.add(v(message, "{TableName: '" + table + "', KeyConditionExpression: 'a = :a', ExpressionAttributeValues: "
          + "{':a': {S: '1'}, ':b': {N: '1'}}}", "{FilterExpression: '" + filter + "'}"));
    }
    return cases;
  }

  /** Key conditions a hash-only key schema (partition {@code k}) cannot serve. */
  private static List<Case> unsupported(String base, String k, String other) {
    List<Case> cases = new ArrayList<>();
    cases.add(v("Query key condition not supported", base, "{KeyConditions: {" + k + ": {ComparisonOperator: 'EQ', "
        + "AttributeValueList: [{S: 'a'}]}, " + other + ": {ComparisonOperator: 'EQ', "
        + "AttributeValueList: [{S: 'a'}]}}}"));
    for (String operator : new String[] {"LE", "LT", "GE", "GT", "BEGINS_WITH"}) {
      cases.add(v("Query key condition not supported", base, "{KeyConditions: {" + k + ": {ComparisonOperator: '"
          + operator + "', AttributeValueList: [{S: 'a'}]}}}"));
    }
    cases.add(v("Query key condition not supported", base, "{KeyConditions: {" + k + ": {ComparisonOperator: "
        + "'BETWEEN', AttributeValueList: [{S: 'a'}, {S: 'a'}]}}}"));
    for (String expression : new String[] {k + " > :a", k + " < :a", ":a <= " + k, ":a >= " + k,
        "begins_with(" + k + ", :a)", k + " between :a and :a", k + " = :a AND b = :a", "y = :a and z = :a"}) {
      cases.add(v("Query key condition not supported", base, "{KeyConditionExpression: '" + expression + "', "
          + "ExpressionAttributeValues: {':a': {S: '1'}}}"));
    }
    return cases;
  }
}
