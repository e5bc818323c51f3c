package dev.monotable.local.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * GetItem, PutItem and DeleteItem as recorded against live DynamoDB by the dynalite project's test
 * suite: every member of the wrong JSON type, every validation and its message, missing tables,
 * failed conditions, and what successful calls answer.
 */
@EngineOnly("sends raw, unsigned request bodies that the SDK cannot build")
class RecordedGetPutDeleteTest extends RecordedFixtures {
  private static final String GET = "GetItem";
  private static final String PUT = "PutItem";
  private static final String DELETE = "DeleteItem";

  // ---------------------------------------------------------------- serialization

  static Stream<Case> serializations() {
    List<Case> cases = new ArrayList<>();
    for (String[] member : new String[][] {
        {GET, "TableName", "String"}, {GET, "Key", "Map<AttributeValue>"}, {GET, "Key.Attr", "AttrStruct<ValueStruct>"},
        {GET, "AttributesToGet", "List"}, {GET, "ConsistentRead", "Boolean"}, {GET, "ReturnConsumedCapacity", "String"},
        {GET, "ExpressionAttributeNames", "Map<java.lang.String>"}, {GET, "ExpressionAttributeNames.Attr", "String"},
        {GET, "ProjectionExpression", "String"}}) {
      cases.addAll(typeCases(member[0], member[1], member[2]));
    }
    for (String operation : List.of(PUT, DELETE)) {
      String item = operation.equals(PUT) ? "Item" : "Key";
      for (String[] member : new String[][] {
          {"TableName", "String"}, {item, "Map<AttributeValue>"}, {item + ".Attr", "AttrStruct<ValueStruct>"},
          {"Expected", "Map<ExpectedAttributeValue>"}, {"Expected.Attr", "ValueStruct<ExpectedAttributeValue>"},
          {"Expected.Attr.Exists", "Boolean"}, {"Expected.Attr.Value", "AttrStruct<FieldStruct>"},
          {"ReturnConsumedCapacity", "String"}, {"ReturnItemCollectionMetrics", "String"}, {"ReturnValues", "String"},
          {"ConditionExpression", "String"}, {"ExpressionAttributeValues", "Map<AttributeValue>"},
          {"ExpressionAttributeValues.Attr", "AttrStruct<ValueStruct>"},
          {"ExpressionAttributeNames", "Map<java.lang.String>"}, {"ExpressionAttributeNames.Attr", "String"}}) {
        cases.addAll(typeCases(operation, member[0], member[1]));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("serializations")
  void wrongJsonType_isASerializationException(Case c) {
    verify(c);
  }

  // ---------------------------------------------------------------- validation shared by the three

  /** The constraint cases: every message part of DynamoDB's envelope, for GetItem, PutItem and DeleteItem. */
  static Stream<Case> constraints() {
    String name = repeat('a', 256);
    List<Case> cases = new ArrayList<>();
    for (String op : List.of(GET, PUT, DELETE)) {
      String key = op.equals(PUT) ? "item" : "key";
      cases.add(validationParts(op + " no TableName", op, "{}",
          "Value null at 'tableName' " + NOT_NULL, "Value null at '" + key + "' " + NOT_NULL));
      cases.add(validationParts(op + " empty TableName", op, "{TableName: ''}",
          "Value '' at 'tableName' " + NAME_PATTERN, "Value '' at 'tableName' " + NAME_MIN,
          "Value null at '" + key + "' " + NOT_NULL));
      cases.add(validationParts(op + " short TableName", op, "{TableName: 'a;'}",
          "Value 'a;' at 'tableName' " + NAME_PATTERN, "Value 'a;' at 'tableName' " + NAME_MIN,
          "Value null at '" + key + "' " + NOT_NULL));
      cases.add(validationParts(op + " long TableName", op, "{TableName: '" + name + "'}",
          "Value '" + name + "' at 'tableName' " + NAME_MAX, "Value null at '" + key + "' " + NOT_NULL));
    }
    cases.add(validationParts("GetItem incorrect attributes", GET,
        "{TableName: 'abc;', ReturnConsumedCapacity: 'hi', AttributesToGet: []}",
        "Value '[]' at 'attributesToGet' failed to satisfy constraint: Member must have length greater than or equal to 1",
        CAPACITY_ENUM, "Value null at 'key' " + NOT_NULL, "Value 'abc;' at 'tableName' " + NAME_PATTERN));
    for (String op : List.of(PUT, DELETE)) {
      String key = op.equals(PUT) ? "item" : "key";
      cases.add(validationParts(op + " incorrect attributes", op,
          "{TableName: 'abc;', ReturnConsumedCapacity: 'hi', ReturnItemCollectionMetrics: 'hi', ReturnValues: 'hi'}",
          CAPACITY_ENUM, "Value 'abc;' at 'tableName' " + NAME_PATTERN, "Value null at '" + key + "' " + NOT_NULL,
          RETURN_VALUES_ENUM, METRICS_ENUM));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("constraints")
  void constraint_isAValidationExceptionListingEveryViolation(Case c) {
    verify(c);
  }

  /** Attribute values DynamoDB refuses, in a GetItem's or DeleteItem's Key or a PutItem's Item. */
  static Stream<Case> attributeValues() {
    List<Case> cases = new ArrayList<>();
    for (String op : List.of(GET, PUT, DELETE)) {
      String member = op.equals(PUT) ? "Item" : "Key";
      // what else each recording sent along, so that the value's check is seen to come first
      String extra = switch (op) {
        case GET -> ", ProjectionExpression: '', ExpressionAttributeNames: {}";
        case PUT -> ", Expected: {a: {}}";
        default -> "";
      };
      for (String value : EMPTY_VALUES) {
        cases.add(validation(op + " empty value " + value, op,
            "{TableName: 'abc', " + member + ": {a: " + value + "}" + extra + "}", EMPTY_VALUE));
      }
      String invalidExtra = switch (op) {
        case GET -> ", AttributesToGet: ['a', 'a']";
        case PUT -> ", ExpressionAttributeNames: {}, ExpressionAttributeValues: {}, ConditionExpression: ''";
        default -> "";
      };
      for (String[] value : INVALID_VALUES) {
        cases.add(validation(op + " invalid value " + value[0], op,
            "{TableName: 'abc', " + member + ": {a: " + value[0] + "}" + invalidExtra + "}", INVALID + value[1]));
      }
      for (String[] value : INVALID_NUMBERS) {
        cases.add(validation(op + " invalid number " + value[0], op,
            "{TableName: 'abc', " + member + ": {a: " + value[0] + "}}", value[1]));
      }
      cases.add(validation(op + " several types", op, "{TableName: 'abc', " + member + ": {a: {S: 'a', N: '1'}}}",
          MANY_TYPES));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("attributeValues")
  void invalidAttributeValue_isRefusedWithItsReason(Case c) {
    verify(c);
  }

  // ---------------------------------------------------------------- GetItem validation

  static Stream<Case> getItemValidations() {
    List<Case> cases = new ArrayList<>();
    cases.add(validation("expression and non-expression", GET, "{TableName: 'abc', Key: {a: {}}, AttributesToGet: ['a'],"
        + " ExpressionAttributeNames: {}, ProjectionExpression: ''}",
        "Can not use both expression and non-expression parameters in the same request: "
            + "Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}"));
    cases.add(validation("names without expression", GET,
        "{TableName: 'abc', Key: {a: {}}, AttributesToGet: ['a'], ExpressionAttributeNames: {}}",
        "ExpressionAttributeNames can only be specified when using expressions"));
    cases.add(validation("duplicate AttributesToGet", GET, "{TableName: 'abc', Key: {}, AttributesToGet: ['a', 'a']}",
        INVALID + "Duplicate value in attribute name: a"));
    cases.add(validation("empty names", GET, "{TableName: 'abc', Key: {}, ExpressionAttributeNames: {}, ProjectionExpression: ''}",
        "ExpressionAttributeNames must not be empty"));
    cases.add(validation("invalid names", GET,
        "{TableName: 'abc', Key: {}, ExpressionAttributeNames: {a: 'a'}, ProjectionExpression: ''}",
        "ExpressionAttributeNames contains invalid key: Syntax error; key: \"a\""));
    cases.add(validation("empty projection", GET, "{TableName: 'abc', Key: {}, ProjectionExpression: ''}",
        "Invalid ProjectionExpression: The expression can not be empty;"));
    for (String expression : List.of("whatever(stuff)", ":a", "abort,", "a,,b", "a..b", "a[b]", "(a.b).c", "(a)",
        "(a),(b)", "(a,b)", "a-b")) {
      cases.add(validationMatching("projection syntax " + expression, GET,
          "{TableName: 'abc', Key: {}, ProjectionExpression: '" + expression + "'}",
          "^Invalid ProjectionExpression: Syntax error; "));
    }
    for (String expression : List.of("a.abORt", "#a,ABSoLUTE")) {
      cases.add(validationMatching("projection reserved word " + expression, GET,
          "{TableName: 'abc', Key: {}, ProjectionExpression: '" + expression + "'}",
          "^Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: "));
    }
    cases.add(validation("projection undefined name", GET, "{TableName: 'abc', Key: {}, ProjectionExpression: 'a,b,a,#a'}",
        "Invalid ProjectionExpression: An expression attribute name used in the document path is not defined; "
            + "attribute name: #a"));
    for (String[] overlap : new String[][] {{"b[1], b.a, #a.b, a", "[a, b]", "[a]"}, {"a, #a[1]", "[a]", "[a, [1]]"}}) {
      cases.add(validation("projection overlap " + overlap[0], GET, "{TableName: 'abc', Key: {}, ProjectionExpression: '"
          + overlap[0] + "', ExpressionAttributeNames: {'#a': 'a'}}",
          "Invalid ProjectionExpression: Two document paths overlap with each other; must remove or rewrite one of "
              + "these paths; path one: " + overlap[1] + ", path two: " + overlap[2]));
    }
    for (String[] conflict : new String[][] {{"a.b, #a[1], #b", "[a, b]", "[a, [1]]"},
        {"a.b[1], #a[1], #b", "[a, b, [1]]", "[a, [1]]"}, {"a[3].b, #a.#b.b", "[a, [3], b]", "[a, [3], b]"}}) {
      cases.add(validation("projection conflict " + conflict[0], GET, "{TableName: 'abc', Key: {}, ProjectionExpression: '"
          + conflict[0] + "', ExpressionAttributeNames: {'#a': 'a', '#b': '[3]'}}",
          "Invalid ProjectionExpression: Two document paths conflict with each other; must remove or rewrite one of "
              + "these paths; path one: " + conflict[1] + ", path two: " + conflict[2]));
    }
    for (String expression : List.of("a", "a,b")) {
      cases.add(validation("projection unused names " + expression, GET, "{TableName: 'abc', Key: {}, ProjectionExpression: '"
          + expression + "', ExpressionAttributeNames: {'#a': 'a', '#b': 'b'}}",
          "Value provided in ExpressionAttributeNames unused in expressions: keys: {#a, #b}"));
    }
    cases.add(missingTable("missing table, empty key", GET, "{TableName: '" + rand() + "', Key: {}}"));
    for (String key : WRONG_HASH_KEYS) {
      cases.add(validation("key not the schema's " + key, GET, "{TableName: '$hash', Key: " + key + "}", NO_SCHEMA_MATCH));
    }
    cases.add(validation("range key missing", GET, "{TableName: '$range', Key: {a: {S: 'a'}}}", NO_SCHEMA_MATCH));
    // Left out: an empty string or binary key value, recorded for GetItem as "One or more parameter values were
    // invalid: The AttributeValue for a key attribute ..."; DynamoDB now words it "One or more parameter values are
    // not valid. The AttributeValue ..." for every operation (PutItem's recording, logs of GetItem and Query), as the
    // engine does (ItemLimitsTest).
    cases.addAll(keySizeCases(GET));
    for (String expression : List.of("#a.b.c", "#a[0]")) {
      cases.add(validation("projection into the key " + expression, GET, "{TableName: '$hash', Key: {a: {S: '" + rand()
          + "'}}, ProjectionExpression: '" + expression + "', ExpressionAttributeNames: {'#a': 'a'}}",
          "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: Key: a"));
    }
    for (String expression : List.of("#d.b.c", "#d[0]")) {
      cases.add(validation("projection into an index key " + expression, GET, "{TableName: '$range', Key: {a: {S: '"
          + rand() + "'}, b: {S: '" + rand() + "'}}, ProjectionExpression: '" + expression
          + "', ExpressionAttributeNames: {'#d': 'd'}}",
          "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: IndexKey: d"));
    }
    return cases.stream();
  }

  /** A hash key of 2049 bytes and a range key of 1025, in a Key (or an Item for PutItem). */
  private static List<Case> keySizeCases(String op) {
    String member = op.equals(PUT) ? "Item" : "Key";
    String hashKey = (rand() + repeat('a', 2048)).substring(0, 2049);
    String rangeKey = (rand() + repeat('a', 1024)).substring(0, 1025);
    return List.of(
        validation("hash key too big", op, "{TableName: '$hash', " + member + ": {a: {S: '" + hashKey + "'}}}",
            INVALID + "Size of hashkey has exceeded the maximum size limit of2048 bytes"),
        validation("range key too big", op, "{TableName: '$range', " + member + ": {a: {S: 'a'}, b: {S: '" + rangeKey + "'}}}",
            INVALID + "Aggregated size of all range keys has exceeded the size limit of 1024 bytes"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("getItemValidations")
  void getItem_validation(Case c) {
    verify(c);
  }

  // ---------------------------------------------------------------- PutItem validation

  /** {@code new Array(n).join('a')}: n - 1 letters. */
  private static String letters(int n) {
    return repeat('a', n - 1);
  }

  private static String zeros(int n) {
    return repeat('0', n - 1);
  }

  static Stream<Case> putItemValidations() {
    List<Case> cases = new ArrayList<>();
    cases.add(validation("expression and non-expression", PUT, "{TableName: 'abc', Item: {a: {}}, Expected: {a: {}},"
        + " ExpressionAttributeNames: {}, ExpressionAttributeValues: {}, ConditionExpression: ''}",
        "Can not use both expression and non-expression parameters in the same request: "
            + "Non-expression parameters: {Expected} Expression parameters: {ConditionExpression}"));
    cases.add(validation("names without expression", PUT, "{TableName: 'abc', Item: {a: {}}, Expected: {a: {}},"
        + " ExpressionAttributeNames: {}, ExpressionAttributeValues: {}}",
        "ExpressionAttributeNames can only be specified when using expressions"));
    cases.add(validation("values without expression", PUT,
        "{TableName: 'abc', Item: {a: {}}, Expected: {a: {}}, ExpressionAttributeValues: {}}",
        "ExpressionAttributeValues can only be specified when using expressions: ConditionExpression is null"));
    // item sizes: the names and values of every attribute, against 400 KB
    String k = rand();
    int max = MAX_SIZE;
    cases.add(validation("too big, small attribute", PUT, "{TableName: 'aaa', Item: {a: {S: '" + k + "'}, b: {S: '"
        + letters(max + 1 - k.length() - 1) + "'}}, Expected: {a: {}}}", TOO_BIG));
    cases.add(missingTable("just small enough, small attribute", PUT,
        "{TableName: 'aaa', Item: {a: {S: '" + k + "'}, b: {S: '"
        + letters(max + 1 - k.length() - 2) + "'}}}"));
    String longName = repeat('b', 27);
    cases.add(validation("too big, larger attribute", PUT, "{TableName: 'aaa', Item: {a: {S: '" + k + "'}, " + longName
        + ": {S: '" + letters(max + 1 - k.length() - 27) + "'}}}", TOO_BIG));
    cases.add(missingTable("just small enough, larger attribute", PUT, "{TableName: 'aaa', Item: {a: {S: '" + k + "'}, "
        + longName + ": {S: '" + letters(max + 1 - k.length() - 28) + "'}}}"));
    cases.add(validation("too big, several attributes", PUT, "{TableName: 'aaa', Item: {a: {S: '" + k + "'}, bb: {S: '"
        + letters(max + 1 - k.length() - 7) + "'}, ccc: {S: 'cc'}}}", TOO_BIG));
    cases.add(missingTable("just small enough, several attributes", PUT, "{TableName: 'aaa', Item: {a: {S: '" + k
        + "'}, bb: {S: '" + letters(max + 1 - k.length() - 8) + "'}, ccc: {S: 'cc'}}}"));
    String[][] numbers = {
        {"big number", "20", repeat('1', 38) + zeros(89)},
        {"smallest number", "2", "1" + zeros(126)},
        {"smaller number", "2", "11" + zeros(125)},
        {"medium number", "4", "11111" + zeros(122)},
        {"medium number, six digits", "4", "111111" + zeros(121)},
        {"medium number, seven digits", "5", "1111111" + zeros(120)}};
    for (String[] number : numbers) {
      cases.add(validation("too big, " + number[0], PUT, "{TableName: 'aaa', Item: {a: {S: '" + k + "'}, b: {S: '"
          + letters(max + 1 - k.length() - 1 - 1 - Integer.parseInt(number[1])) + "'}, c: {N: '" + number[2] + "'}}}",
          TOO_BIG));
    }
    String seven = "1111111" + zeros(120);
    cases.add(validation("too big, two numbers", PUT, "{TableName: 'aaa', Item: {a: {S: '" + k + "'}, b: {S: '"
        + letters(max + 1 - k.length() - 1 - 1 - 5 - 1 - 5) + "'}, c: {N: '" + seven + "'}, d: {N: '" + seven + "'}}}",
        TOO_BIG));
    cases.add(missingTable("just small enough, two numbers", PUT,
        "{TableName: 'aaa', Item: {a: {S: '" + k + "'}, b: {S: '"
        + letters(max + 1 - k.length() - 1 - 1 - 5 - 1 - 6) + "'}, c: {N: '" + seven + "'}, d: {N: '" + seven + "'}}}"));
    cases.addAll(expectedCases(PUT, "Item: {}"));
    for (String returnValues : List.of("UPDATED_OLD", "ALL_NEW", "UPDATED_NEW")) {
      cases.add(validation("ReturnValues " + returnValues, PUT, "{TableName: 'abc', Item: {}, ReturnValues: '"
          + returnValues + "'}", "ReturnValues can only be ALL_OLD or NONE"));
    }
    cases.add(validation("AttributeValueList without Value for EQ", PUT,
        "{TableName: 'aaa', Item: {}, Expected: {a: {AttributeValueList: [], ComparisonOperator: 'EQ'}}}",
        INVALID + "Invalid number of argument(s) for the EQ ComparisonOperator"));
    cases.add(validation("AttributeValueList of one for NULL", PUT,
        "{TableName: 'aaa', Item: {}, Expected: {a: {AttributeValueList: [{S: 'a'}], ComparisonOperator: 'NULL'}}}",
        INVALID + "Invalid number of argument(s) for the NULL ComparisonOperator"));
    cases.add(validation("empty AttributeValueList for IN", PUT,
        "{TableName: 'aaa', Item: {}, Expected: {a: {AttributeValueList: [], ComparisonOperator: 'IN'}}}",
        INVALID + "Invalid number of argument(s) for the IN ComparisonOperator"));
    cases.add(validation("three values for BETWEEN", PUT, "{TableName: 'aaa', Item: {}, Expected: {a: {AttributeValueList:"
        + " [{N: '1'}, {N: '10'}, {N: '12'}], ComparisonOperator: 'BETWEEN'}}}",
        INVALID + "Invalid number of argument(s) for the BETWEEN ComparisonOperator"));
    cases.add(validation("AttributeValueList with Exists", PUT,
        "{TableName: 'aaa', Item: {}, Expected: {a: {Exists: true, AttributeValueList: [{S: 'a'}]}}}",
        INVALID + "AttributeValueList can only be used with a ComparisonOperator for Attribute: a"));
    cases.addAll(expressionMemberCases(PUT, "Item: {}"));
    cases.add(missingTable("missing table, empty item", PUT, "{TableName: '" + rand() + "', Item: {}}"));
    for (String item : List.of("{}", "{b: {S: 'a'}}")) {
      cases.add(validation("key missing " + item, PUT, "{TableName: '$hash', Item: " + item + "}",
          INVALID + "Missing the key a in the item"));
    }
    for (String type : List.of("B: 'abcd'", "N: '1'", "BOOL: true", "NULL: true", "SS: ['a']", "NS: ['1']",
        "BS: ['aaaa']", "M: {}", "L: []")) {
      cases.add(validation("key of type " + type, PUT, "{TableName: '$hash', Item: {a: {" + type + "}}}",
          INVALID + "Type mismatch for key a expected: S actual: " + type.substring(0, type.indexOf(':'))));
    }
    cases.add(validation("empty string key", PUT, "{TableName: '$hash', Item: {a: {S: ''}}}",
        "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty "
            + "string value. Key: a"));
    cases.add(validation("empty binary key", PUT, "{TableName: '$rangeB', Item: {a: {S: 'a'}, b: {B: ''}}}",
        "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty "
            + "binary value. Key: b"));
    cases.add(validation("range key missing", PUT, "{TableName: '$range', Item: {a: {S: 'a'}}}",
        INVALID + "Missing the key b in the item"));
    cases.add(validationMatching("index key of the wrong type", PUT,
        "{TableName: '$range', Item: {a: {S: 'a'}, b: {S: 'a'}, c: {N: '1'}}}",
        "^One or more parameter values were invalid: Type mismatch for Index Key c Expected: S Actual: N IndexName: index\\d$"));
    cases.addAll(keySizeCases(PUT));
    for (String condition : List.of("attribute_not_exists(_c)", "attribute_not_exists(c._d)")) {
      cases.add(validationMatching("path starting with an underscore " + condition, PUT,
          "{TableName: '$range', Item: {a: {S: 'a'}, b: {S: 'b'}}, ConditionExpression: '" + condition + "'}",
          "^Invalid ConditionExpression: Syntax error;"));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("putItemValidations")
  void putItem_validation(Case c) {
    verify(c);
  }

  // ---------------------------------------------------------------- DeleteItem validation

  static Stream<Case> deleteItemValidations() {
    List<Case> cases = new ArrayList<>();
    cases.add(validation("expression and non-expression", DELETE, "{TableName: 'abc', Key: {}, Expected: {},"
        + " ExpressionAttributeNames: {}, ExpressionAttributeValues: {}, ConditionExpression: ''}",
        "Can not use both expression and non-expression parameters in the same request: "
            + "Non-expression parameters: {Expected} Expression parameters: {ConditionExpression}"));
    cases.add(validation("names without expression", DELETE, "{TableName: 'abc', Key: {}, Expected: {},"
        + " ExpressionAttributeNames: {}, ExpressionAttributeValues: {}}",
        "ExpressionAttributeNames can only be specified when using expressions"));
    cases.add(validation("values without expression", DELETE,
        "{TableName: 'abc', Key: {}, Expected: {}, ExpressionAttributeValues: {}}",
        "ExpressionAttributeValues can only be specified when using expressions: ConditionExpression is null"));
    cases.addAll(expressionMemberCases(DELETE, "Key: {}"));
    cases.add(validation("invalid value key after a bad value", DELETE, "{TableName: 'abc', Key: {},"
        + " ExpressionAttributeValues: {':b': {a: ''}, b: {S: 'a'}}, ConditionExpression: ''}",
        "ExpressionAttributeValues contains invalid key: Syntax error; key: \"b\""));
    cases.addAll(expressionValueCases(DELETE, "Key: {}", "", INVALID_NUMBERS));
    cases.add(validationMatching("condition syntax", DELETE, "{TableName: 'abc', Key: {}, ConditionExpression: 'whatever'}",
        "^Invalid ConditionExpression: Syntax error; "));
    for (String[] expected : new String[][] {
        {"{a: {ComparisonOperator: 'LT'}}", "Value or AttributeValueList must be used with ComparisonOperator: LT for Attribute: a"},
        {"{a: {Exists: true, ComparisonOperator: 'LT'}}", "Exists and ComparisonOperator cannot be used together for Attribute: a"},
        {"{a: {AttributeValueList: []}}", "AttributeValueList can only be used with a ComparisonOperator for Attribute: a"},
        {"{a: {Exists: true, AttributeValueList: []}}",
            "AttributeValueList can only be used with a ComparisonOperator for Attribute: a"},
        {"{a: {Value: {S: 'a'}, AttributeValueList: []}}",
            "Value and AttributeValueList cannot be used together for Attribute: a"},
        {"{a: {Value: {S: 'a'}, ComparisonOperator: 'BETWEEN'}}",
            "Invalid number of argument(s) for the BETWEEN ComparisonOperator"},
        {"{a: {Value: {S: 'a'}, ComparisonOperator: 'NULL'}}", "Invalid number of argument(s) for the NULL ComparisonOperator"},
        {"{a: {ComparisonOperator: 'IN', AttributeValueList: [{S: 'b'}, {N: '1'}]}}",
            "AttributeValues inside AttributeValueList must be of same type"}}) {
      cases.add(validation("Expected " + expected[0], DELETE, "{TableName: 'aaa', Key: {}, Expected: " + expected[0] + "}",
          INVALID + expected[1]));
    }
    cases.add(validation("Expected BETWEEN bounds reversed", DELETE, "{TableName: 'aaa', Key: {}, Expected: {a: "
        + "{ComparisonOperator: 'BETWEEN', AttributeValueList: [{S: 'b'}, {S: 'a'}]}}}",
        "The BETWEEN condition was provided a range where the lower bound is greater than the upper bound"));
    cases.add(validation("condition BETWEEN of two types", DELETE, "{TableName: 'aaa', Key: {},"
        + " ConditionExpression: 'a between :b and :a', ExpressionAttributeValues: {':a': {S: 'a'}, ':b': {N: '1'}}}",
        "Invalid ConditionExpression: The BETWEEN operator requires same data type for lower and upper bounds; "
            + "lower bound operand: AttributeValue: {N:1}, upper bound operand: AttributeValue: {S:a}"));
    cases.add(validation("condition BETWEEN bounds reversed", DELETE, "{TableName: 'aaa', Key: {},"
        + " ConditionExpression: 'a between :b and :a', ExpressionAttributeValues: {':a': {S: 'a'}, ':b': {S: 'b'}}}",
        "Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower "
            + "bound; lower bound operand: AttributeValue: {S:b}, upper bound operand: AttributeValue: {S:a}"));
    for (String key : WRONG_HASH_KEYS) {
      cases.add(validation("key not the schema's " + key, DELETE, "{TableName: '$hash', Key: " + key + "}", NO_SCHEMA_MATCH));
    }
    cases.add(validation("range key missing", DELETE, "{TableName: '$range', Key: {a: {S: 'a'}}}", NO_SCHEMA_MATCH));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("deleteItemValidations")
  void deleteItem_validation(Case c) {
    verify(c);
  }

  // Left out: "ResourceNotFoundException if table is being created" (a table is ACTIVE at once here).

  // ---------------------------------------------------------------- GetItem

  @Test
  void getItem_functionality() {
    String hashKey = rand();
    String hashItem = "{a: {S: '" + hashKey + "'}, b: {S: 'a'}, g: {N: '23'}}";
    String rangeItem = "{a: {S: '" + rand() + "'}, b: {S: '" + rand() + "'}, g: {N: '23'}}";
    ok(PUT, "{TableName: '$hash', Item: " + hashItem + "}");
    ok(PUT, "{TableName: '$range', Item: " + rangeItem + "}");
    String rangeKey = rangeItem.replace(", g: {N: '23'}", "");
    String nested = rand();
    ok(PUT, "{TableName: '$hash', Item: {a: {S: '" + nested + "'}, b: {M: {a: {S: 'a'}, b: {S: 'b'}, c: {S: 'c'}}},"
        + " c: {L: [{S: 'a'}, {S: 'b'}, {S: 'c'}]}}}");
    String missing = "{TableName: '$hash', Key: {a: {S: '" + rand() + "'}}";
    String key = "{TableName: '$hash', Key: {a: {S: '" + hashKey + "'}}, ConsistentRead: true";
    check(List.of(
        succeeds("missing key", GET, missing + "}", "{}"),
        succeeds("capacity TOTAL", GET, missing + ", ReturnConsumedCapacity: 'TOTAL'}",
            "{ConsumedCapacity: {CapacityUnits: 0.5, TableName: '$hash'}}"),
        succeeds("capacity INDEXES", GET, missing + ", ReturnConsumedCapacity: 'INDEXES'}",
            "{ConsumedCapacity: {CapacityUnits: 0.5, Table: {CapacityUnits: 0.5}, TableName: '$hash'}}"),
        succeeds("consistent capacity TOTAL", GET, missing + ", ReturnConsumedCapacity: 'TOTAL', ConsistentRead: true}",
            "{ConsumedCapacity: {CapacityUnits: 1, TableName: '$hash'}}"),
        succeeds("consistent capacity INDEXES", GET, missing + ", ReturnConsumedCapacity: 'INDEXES', ConsistentRead: true}",
            "{ConsumedCapacity: {CapacityUnits: 1, Table: {CapacityUnits: 1}, TableName: '$hash'}}"),
        succeeds("by hash key", GET, key + "}", "{Item: " + hashItem + "}"),
        succeeds("by range key", GET, "{TableName: '$range', Key: " + rangeKey + ", ConsistentRead: true}",
            "{Item: " + rangeItem + "}"),
        succeeds("AttributesToGet", GET, key + ", AttributesToGet: ['b', 'g']}", "{Item: {b: {S: 'a'}, g: {N: '23'}}}"),
        succeeds("projection", GET, key + ", ProjectionExpression: 'b, g'}", "{Item: {b: {S: 'a'}, g: {N: '23'}}}"),
        succeeds("projection with names", GET, key + ", ProjectionExpression: '#b, #g', ExpressionAttributeNames:"
            + " {'#b': 'b', '#g': 'g'}}", "{Item: {b: {S: 'a'}, g: {N: '23'}}}"),
        succeeds("nested projection", GET, "{TableName: '$hash', Key: {a: {S: '" + nested + "'}}, ConsistentRead: true,"
            + " ProjectionExpression: 'b.c,c[2],b.b,c[1],c[0].a'}",
            "{Item: {b: {M: {b: {S: 'b'}, c: {S: 'c'}}}, c: {L: [{S: 'b'}, {S: 'c'}]}}}"),
        succeeds("nested projection with names", GET, "{TableName: '$hash', Key: {a: {S: '" + nested + "'}},"
            + " ConsistentRead: true, ProjectionExpression: '#b.#c,#c[2],#b.#b,#c[1],#c[0][1]',"
            + " ExpressionAttributeNames: {'#b': 'b', '#c': 'c'}}",
            "{Item: {b: {M: {b: {S: 'b'}, c: {S: 'c'}}}, c: {L: [{S: 'b'}, {S: 'c'}]}}}")));
  }

  @Test
  void getItem_capacity_countsEachStartedFourKilobytes() {
    String small = rand();
    String larger = rand();
    ok(PUT, "{TableName: '$hash', Item: {a: {S: '" + small + "'}, b: {S: '" + repeat('b', 4081 - small.length())
        + "'}, c: {N: '12.3456'}, d: {B: 'AQI='}, e: {BS: ['AQI=', 'Ag==', 'AQ==']}}}");
    ok(PUT, "{TableName: '$hash', Item: {a: {S: '" + larger + "'}, b: {S: '" + repeat('b', 4083 - larger.length())
        + "'}, c: {N: '12.3456'}, d: {B: 'AQI='}, e: {BS: ['AQI=', 'Ag==']}}}");
    String[] consistentSmall = {rand10(), rand10()};
    String[] consistentLarger = {rand10(), rand10()};
    ok("BatchWriteItem", "{RequestItems: {'$hash': [" + typedItems(consistentSmall, 0) + "]}}");
    ok("BatchWriteItem", "{RequestItems: {'$hash': [" + typedItems(consistentLarger, 1) + "]}}");
    List<Case> cases = new ArrayList<>();
    cases.add(capacity("small, eventually consistent", small, false, 0.5));
    cases.add(capacity("larger, eventually consistent", larger, false, 1));
    for (String key : consistentSmall) {
      cases.add(capacity("small of every type, consistent", key, true, 1));
    }
    for (String key : consistentLarger) {
      cases.add(capacity("larger of every type, consistent", key, true, 2));
    }
    check(cases);
  }

  /** Two items of every type, of 4 KB and, with {@code extra} 1, a byte more. */
  private static String typedItems(String[] keys, int extra) {
    return "{PutRequest: {Item: {a: {S: '" + keys[0] + "'}, bb: {S: '" + repeat('b', 3999 + extra) + "'},"
        + " ccc: {N: '12.3456'}, dddd: {B: 'AQI='}, eeeee: {BS: ['AQI=', 'Ag==', 'AQ==']}, ffffff: {NULL: true},"
        + " ggggggg: {BOOL: false}, hhhhhhhh: {L: [{S: 'a'}, {S: 'aa'}, {S: 'bb'}, {S: 'ccc'}]},"
        + " iiiiiiiii: {M: {aa: {S: 'aa'}, bbb: {S: 'bbb'}}}}}},"
        + "{PutRequest: {Item: {a: {S: '" + keys[1] + "'}, ab: {S: '" + repeat('b', 4026 + extra) + "'},"
        + " abc: {NULL: true}, abcd: {BOOL: true}, abcde: {L: [{S: 'aa'}, {N: '12.3456'}, {B: 'AQI='}]},"
        + " abcdef: {M: {aa: {S: 'aa'}, bbb: {N: '12.3456'}, cccc: {B: 'AQI='}}}}}}";
  }

  private Case capacity(String name, String key, boolean consistent, double units) {
    return succeeds(name, GET, "{TableName: '$hash', Key: {a: {S: '" + key + "'}}, ReturnConsumedCapacity: 'TOTAL',"
        + " ConsistentRead: " + consistent + ", ProjectionExpression: 'a'}", "{Item: {a: {S: '" + key + "'}},"
        + " ConsumedCapacity: {CapacityUnits: " + units + ", TableName: '$hash'}}");
  }

  // ---------------------------------------------------------------- PutItem

  @Test
  void putItem_storesAndReturns() {
    String basic = "{a: {S: '" + rand() + "'}}";
    String empties = "{a: {S: '" + rand() + "'}, b: {S: ''}, c: {B: ''}, d: {SS: ['']}, e: {BS: ['']}}";
    String longNumbers = rand();
    String every = "{a: {S: '" + rand() + "'}, b: {N: '-56.789'}, c: {B: 'Yg=='}, d: {BOOL: false}, e: {NULL: true},"
        + " f: {SS: ['a']}, g: {NS: ['-56.789']}, h: {BS: ['Yg==']}, i: {L: [{S: 'a'}, {N: '-56.789'}, {B: 'Yg=='},"
        + " {BOOL: true}, {NULL: true}, {SS: ['a']}, {NS: ['-56.789']}, {BS: ['Yg==']}, {L: []}, {M: {}}]},"
        + " j: {M: {a: {S: 'a'}, b: {N: '-56.789'}, c: {B: 'Yg=='}, d: {BOOL: true}, e: {NULL: true}, f: {SS: ['a']},"
        + " g: {NS: ['-56.789']}, h: {BS: ['Yg==']}, i: {L: []}, j: {M: {a: {M: {}}, b: {L: []}}}}}}";
    String old = rand();
    String range = rand();
    List<Case> cases = new ArrayList<>();
    for (String item : List.of(basic, empties, every)) {
      cases.add(succeeds("put " + item, PUT, "{TableName: '$hash', Item: " + item + "}", "{}"));
      cases.add(succeeds("get " + item, GET, "{TableName: '$hash', Key: {a: " + json(item).get("a") + "},"
          + " ConsistentRead: true}", "{Item: " + item + "}"));
    }
    cases.add(succeeds("put long numbers", PUT, "{TableName: '$hash', Item: {a: {S: '" + longNumbers + "'},"
        + " b: {N: '0000012345678901234567890123456789012345678'}, c: {N: '-00001.23456789012345678901234567890123456780000'},"
        + " d: {N: '0009.99999999999999999999999999999999999990000e125'},"
        + " e: {N: '-0009.99999999999999999999999999999999999990000e125'}, f: {N: '0001.000e-130'},"
        + " g: {N: '-0001.000e-130'}}}", "{}"));
    cases.add(succeeds("get long numbers", GET, "{TableName: '$hash', Key: {a: {S: '" + longNumbers + "'}},"
        + " ConsistentRead: true}", "{Item: {a: {S: '" + longNumbers + "'}, b: {N: '12345678901234567890123456789012345678'},"
        + " c: {N: '-1.2345678901234567890123456789012345678'}, d: {N: '" + repeat('9', 38) + repeat('0', 88) + "'},"
        + " e: {N: '-" + repeat('9', 38) + repeat('0', 88) + "'}, f: {N: '0." + repeat('0', 129) + "1'},"
        + " g: {N: '-0." + repeat('0', 129) + "1'}}}"));
    cases.add(succeeds("no old values", PUT, "{TableName: '$hash', Item: {a: {S: '" + rand() + "'}, b: {S: 'a'},"
        + " c: {S: 'a'}}, ReturnValues: 'ALL_OLD'}", "{}"));
    cases.add(succeeds("put before old values", PUT, "{TableName: '$hash', Item: {a: {S: '" + old + "'},"
        + " b: {N: '-0015.789e6'}, c: {S: 'a'}}}", "{}"));
    cases.add(succeeds("old values", PUT, "{TableName: '$hash', Item: {a: {S: '" + old + "'}, b: {S: 'b'}, c: {S: 'a'}},"
        + " ReturnValues: 'ALL_OLD'}", "{Attributes: {a: {S: '" + old + "'}, b: {N: '-15789000'}, c: {S: 'a'}}}"));
    cases.add(succeeds("range item", PUT, "{TableName: '$range', Item: {a: {S: '" + range + "'}, b: {S: 'a'},"
        + " c: {S: 'a'}}}", "{}"));
    cases.add(succeeds("range item beside it", PUT, "{TableName: '$range', Item: {a: {S: '" + range + "'},"
        + " b: {S: 'b'}}}", "{}"));
    cases.add(succeeds("get range item", GET, "{TableName: '$range', Key: {a: {S: '" + range + "'}, b: {S: 'a'}},"
        + " ConsistentRead: true}", "{Item: {a: {S: '" + range + "'}, b: {S: 'a'}, c: {S: 'a'}}}"));
    check(cases);
  }

  /** Condition variants: legacy Expected, an expression, an expression with a name placeholder. */
  private static List<String> conditions(String expected, String expression, String values) {
    String valuesMember = values == null ? "" : ", ExpressionAttributeValues: " + values;
    return List.of(
        "Expected: " + expected,
        "ConditionExpression: '" + expression + "'" + valuesMember,
        "ConditionExpression: '" + expression.replaceAll("(?<![:#\\w])a\\b", "#a") + "', ExpressionAttributeNames: {'#a': 'a'}"
            + valuesMember);
  }

  @Test
  void putItem_conditions() {
    List<Case> cases = new ArrayList<>();
    String r = "{S: '" + rand() + "'}";
    for (String condition : List.of("Expected: {a: {Value: " + r + "}}", "Expected: {a: {ComparisonOperator: 'NOT_NULL'}}",
        "ConditionExpression: 'a = :a', ExpressionAttributeValues: {':a': " + r + "}",
        "ConditionExpression: '#a = :a', ExpressionAttributeNames: {'#a': 'a'}, ExpressionAttributeValues: {':a': " + r + "}",
        "ConditionExpression: 'attribute_exists(a)'",
        "ConditionExpression: 'attribute_exists(#a)', ExpressionAttributeNames: {'#a': 'a'}")) {
      cases.add(conditional("missing item expected to exist: " + condition, PUT,
          "{TableName: '$hash', Item: {a: {S: '" + rand() + "'}}, " + condition + "}"));
    }
    List<String> absent = List.of("Expected: {%s: {Exists: false}}", "Expected: {%s: {ComparisonOperator: 'NULL'}}",
        "ConditionExpression: 'attribute_not_exists(%s)'",
        "ConditionExpression: 'attribute_not_exists(#%1$s)', ExpressionAttributeNames: {'#%1$s': '%1$s'}");
    String existing = put("{a: {S: '" + rand() + "'}}");
    for (String condition : absent) {
      cases.add(conditional("existing item expected not to exist: " + condition, PUT,
          "{TableName: '$hash', Item: " + existing + ", " + String.format(condition, "a") + "}"));
      cases.add(succeeds("other item expected not to exist: " + condition, PUT,
          "{TableName: '$hash', Item: {a: {S: '" + rand() + "'}}, " + String.format(condition, "a") + "}", "{}"));
    }
    String same = put("{a: {S: '" + rand() + "'}}");
    String sameKey = json(same).get("a").toString();
    for (String condition : List.of("Expected: {a: {Value: " + sameKey + "}}",
        "Expected: {a: {ComparisonOperator: 'EQ', AttributeValueList: [" + sameKey + "]}}",
        "Expected: {a: {Value: " + sameKey + ", ComparisonOperator: 'EQ'}}", "Expected: {b: {Exists: false}}",
        "Expected: {b: {ComparisonOperator: 'NULL'}}", "ConditionExpression: 'a = :a', ExpressionAttributeValues: {':a': "
            + sameKey + "}",
        "ConditionExpression: '#a = :a', ExpressionAttributeNames: {'#a': 'a'}, ExpressionAttributeValues: {':a': "
            + sameKey + "}",
        "ConditionExpression: 'attribute_not_exists(b)'",
        "ConditionExpression: 'attribute_not_exists(#b)', ExpressionAttributeNames: {'#b': 'b'}")) {
      cases.add(succeeds("same item: " + condition, PUT, "{TableName: '$hash', Item: " + same + ", " + condition + "}", "{}"));
    }
    String withB = put("{a: {S: '" + rand() + "'}, b: {S: '" + rand() + "'}}");
    String withBKey = json(withB).get("a").toString();
    for (String condition : absent) {
      String c = String.format(condition, "b");
      cases.add(conditional("b exists, other value: " + c, PUT, "{TableName: '$hash', Item: {a: " + withBKey
          + ", b: {S: '" + rand() + "'}}, " + c + "}"));
      cases.add(conditional("b exists, no value: " + c, PUT, "{TableName: '$hash', Item: {a: " + withBKey + "}, " + c + "}"));
      cases.add(conditional("b exists, same value: " + c, PUT, "{TableName: '$hash', Item: " + withB + ", " + c + "}"));
    }
    check(cases);
  }

  /** Puts {@code item} in the hash table and returns it. */
  private String put(String item) {
    ok(PUT, "{TableName: '$hash', Item: " + item + "}");
    return item;
  }

  @Test
  void putItem_severalConditions() {
    String a = "{S: '" + rand() + "'}";
    String c = "{S: '" + rand() + "'}";
    String item = put("{a: " + a + ", c: " + c + "}");
    String other = "{S: '" + rand() + "'}";
    String head = "{TableName: '$hash', Item: " + item + ", ";
    check(List.of(
        succeeds("all hold, Expected", PUT, head + "Expected: {a: {Value: " + a + "}, b: {Exists: false},"
            + " c: {ComparisonOperator: 'GE', Value: " + c + "}}}", "{}"),
        succeeds("all hold, Expected lists", PUT, head + "Expected: {a: {ComparisonOperator: 'EQ', AttributeValueList: ["
            + a + "]}, b: {ComparisonOperator: 'NULL'}, c: {ComparisonOperator: 'GE', AttributeValueList: [" + c + "]}}}", "{}"),
        succeeds("all hold, expression", PUT, head + "ConditionExpression: 'a = :a AND attribute_not_exists(#b) AND c >= :c',"
            + " ExpressionAttributeValues: {':a': " + a + ", ':c': " + c + "}, ExpressionAttributeNames: {'#b': 'b'}}", "{}"),
        conditional("one fails, Expected", PUT, head + "Expected: {a: {Value: " + a + "}, b: {Exists: false},"
            + " c: {Value: " + other + "}}}"),
        conditional("one fails, Expected lists", PUT, head + "Expected: {a: {AttributeValueList: [" + a
            + "], ComparisonOperator: 'EQ'}, b: {ComparisonOperator: 'NULL'}, c: {AttributeValueList: [" + other
            + "], ComparisonOperator: 'EQ'}}}"),
        conditional("one fails, expression", PUT, head + "ConditionExpression: 'a = :a AND attribute_not_exists(#b) AND c = :c',"
            + " ExpressionAttributeValues: {':a': " + a + ", ':c': " + other + "}, ExpressionAttributeNames: {'#b': 'b'}}"),
        succeeds("one fails, OR", PUT, head + "Expected: {a: {ComparisonOperator: 'EQ', AttributeValueList: [" + a
            + "]}, b: {ComparisonOperator: 'NULL'}, c: {ComparisonOperator: 'EQ', AttributeValueList: [" + other
            + "]}}, ConditionalOperator: 'OR'}", "{}"),
        succeeds("one fails, OR expression", PUT, head + "ConditionExpression: 'a = :a OR attribute_not_exists(#b) OR c = :c',"
            + " ExpressionAttributeValues: {':a': " + a + ", ':c': " + other + "}, ExpressionAttributeNames: {'#b': 'b'}}",
            "{}")));
  }

  @Test
  void putItem_comparisons() {
    List<Case> cases = new ArrayList<>();
    // operator, stored value, operand(s) that hold, stored value, operand(s) that do not, expression form
    Object[][] comparisons = {
        {"NE", null, "{S: 'x'}", null, null, "a <> :a"},
        {"LE", "b", "{S: 'c'}", "d", "{S: 'c'}", "a <= :a"},
        {"LT", "b", "{S: 'c'}", "d", "{S: 'c'}", "a < :a"},
        {"GE", "b", "{S: 'a'}", "b", "{S: 'c'}", "a >= :a"},
        {"GT", "b", "{S: 'a'}", "a", "{S: 'c'}", "a > :a"},
        {"CONTAINS", "hello", "{S: 'ell'}", "hello", "{S: 'goodbye'}", "contains(a, :a)"},
        {"BEGINS_WITH", "hello", "{S: 'he'}", "hello", "{S: 'goodbye'}", "begins_with(a, :a)"},
        {"NOT_CONTAINS", "hello", "{S: 'goodbye'}", "hello", "{S: 'ell'}", "not contains(a, :a)"}};
    for (Object[] comparison : comparisons) {
      String operator = (String) comparison[0];
      String holds = operator.equals("NE") ? rand() : (String) comparison[1];
      String holdsOperand = operator.equals("NE") ? "{S: '" + rand() + "'}" : (String) comparison[2];
      String fails = operator.equals("NE") ? rand() : (String) comparison[3];
      String failsOperand = operator.equals("NE") ? "{S: '" + fails + "'}" : (String) comparison[4];
      String expression = (String) comparison[5];
      addComparison(cases, operator, holds, "[" + holdsOperand + "]", expression, "{':a': " + holdsOperand + "}", true);
      addComparison(cases, operator, fails, "[" + failsOperand + "]", expression, "{':a': " + failsOperand + "}", false);
    }
    addComparison(cases, "IN", "b", "[{S: 'c'}, {S: 'b'}]", "a in (:a, :b)", "{':a': {S: 'c'}, ':b': {S: 'b'}}", true);
    addComparison(cases, "IN", "d", "[{S: 'c'}]", "a in (:a)", "{':a': {S: 'c'}}", false);
    addComparison(cases, "BETWEEN", "b", "[{S: 'a'}, {S: 'c'}]", "a between :a and :b", "{':a': {S: 'a'}, ':b': {S: 'c'}}",
        true);
    addComparison(cases, "BETWEEN", "b", "[{S: 'c'}, {S: 'd'}]", "a between :a and :b", "{':a': {S: 'c'}, ':b': {S: 'd'}}",
        false);
    check(cases);
  }

  private void addComparison(List<Case> cases, String operator, String stored, String list, String expression,
      String values, boolean holds) {
    String item = put("{a: {S: '" + stored + "'}}");
    for (String condition : conditions("{a: {ComparisonOperator: '" + operator + "', AttributeValueList: " + list + "}}",
        expression, values)) {
      String body = "{TableName: '$hash', Item: " + item + ", " + condition + "}";
      String name = operator + (holds ? " holds: " : " fails: ") + condition;
      cases.add(holds ? succeeds(name, PUT, body, "{}") : conditional(name, PUT, body));
    }
  }

  @Test
  void putItem_capacity_countsEachStartedKilobyte() {
    String small = rand();
    String larger = rand();
    String smallItem = "{a: {S: '" + small + "'}, b: {S: '" + repeat('b', 1009 - small.length()) + "'}, c: {N: '12.3456'},"
        + " d: {B: 'AQI='}, e: {BS: ['AQI=', 'Ag==', 'AQ==']}}";
    String largerItem = "{a: {S: '" + larger + "'}, b: {S: '" + repeat('b', 1011 - larger.length()) + "'}, c: {N: '12.3456'},"
        + " d: {B: 'AQI='}, e: {BS: ['AQI=', 'Ag==']}}";
    check(List.of(
        succeeds("small TOTAL", PUT, "{TableName: '$hash', Item: " + smallItem + ", ReturnConsumedCapacity: 'TOTAL'}",
            "{ConsumedCapacity: {CapacityUnits: 1, TableName: '$hash'}}"),
        succeeds("small INDEXES", PUT, "{TableName: '$hash', Item: " + smallItem + ", ReturnConsumedCapacity: 'INDEXES'}",
            "{ConsumedCapacity: {CapacityUnits: 1, Table: {CapacityUnits: 1}, TableName: '$hash'}}"),
        succeeds("larger TOTAL", PUT, "{TableName: '$hash', Item: " + largerItem + ", ReturnConsumedCapacity: 'TOTAL'}",
            "{ConsumedCapacity: {CapacityUnits: 2, TableName: '$hash'}}"),
        succeeds("larger INDEXES", PUT, "{TableName: '$hash', Item: " + largerItem + ", ReturnConsumedCapacity: 'INDEXES'}",
            "{ConsumedCapacity: {CapacityUnits: 2, Table: {CapacityUnits: 2}, TableName: '$hash'}}"),
        succeeds("small over larger: the larger old item counts", PUT, "{TableName: '$hash', Item: {a: {S: '" + larger
            + "'}}, ReturnConsumedCapacity: 'INDEXES'}",
            "{ConsumedCapacity: {CapacityUnits: 2, Table: {CapacityUnits: 2}, TableName: '$hash'}}"),
        succeeds("small over small", PUT, "{TableName: '$hash', Item: {a: {S: '" + larger
            + "'}}, ReturnConsumedCapacity: 'INDEXES'}",
            "{ConsumedCapacity: {CapacityUnits: 1, Table: {CapacityUnits: 1}, TableName: '$hash'}}")));
  }

  // ---------------------------------------------------------------- DeleteItem

  @Test
  void deleteItem_functionality() {
    String missing = "{TableName: '$hash', Key: {a: {S: '" + rand() + "'}}";
    String gone = put("{a: {S: '" + rand() + "'}}");
    String withOld = put("{a: {S: '" + rand() + "'}, b: {S: 'b'}}");
    String withOldKey = json(withOld).get("a").toString();
    check(List.of(
        succeeds("missing item", DELETE, missing + "}", "{}"),
        succeeds("missing item, capacity TOTAL", DELETE, missing + ", ReturnConsumedCapacity: 'TOTAL'}",
            "{ConsumedCapacity: {CapacityUnits: 1, TableName: '$hash'}}"),
        succeeds("missing item, capacity INDEXES", DELETE, missing + ", ReturnConsumedCapacity: 'INDEXES'}",
            "{ConsumedCapacity: {CapacityUnits: 1, Table: {CapacityUnits: 1}, TableName: '$hash'}}"),
        succeeds("delete", DELETE, "{TableName: '$hash', Key: " + gone + "}", "{}"),
        succeeds("deleted", GET, "{TableName: '$hash', Key: " + gone + ", ConsistentRead: true}", "{}"),
        succeeds("old values", DELETE, "{TableName: '$hash', Key: {a: " + withOldKey + "}, ReturnValues: 'ALL_OLD'}",
            "{Attributes: " + withOld + "}")));
  }

  @Test
  void deleteItem_conditions() {
    List<Case> cases = new ArrayList<>();
    String r = "{S: '" + rand() + "'}";
    for (String condition : List.of("Expected: {a: {Value: " + r + "}}",
        "ConditionExpression: 'a = :a', ExpressionAttributeValues: {':a': " + r + "}",
        "ConditionExpression: '#a = :a', ExpressionAttributeNames: {'#a': 'a'}, ExpressionAttributeValues: {':a': " + r + "}")) {
      cases.add(conditional("missing item expected to exist: " + condition, DELETE,
          "{TableName: '$hash', Key: {a: {S: '" + rand() + "'}}, " + condition + "}"));
    }
    String existing = put("{a: {S: '" + rand() + "'}}");
    for (String condition : List.of("Expected: {a: {Exists: false}}", "ConditionExpression: 'attribute_not_exists(a)'")) {
      cases.add(conditional("existing item expected not to exist: " + condition, DELETE,
          "{TableName: '$hash', Key: " + existing + ", " + condition + "}"));
      cases.add(succeeds("other item expected not to exist: " + condition, DELETE,
          "{TableName: '$hash', Key: {a: {S: '" + rand() + "'}}, " + condition + "}", "{}"));
    }
    check(cases);
    cases.clear();
    for (String form : List.of("Expected: {a: {Value: %s}}", "ConditionExpression: 'a = :a', ExpressionAttributeValues: {':a': %s}",
        "ConditionExpression: '#a = :a', ExpressionAttributeNames: {'#a': 'a'}, ExpressionAttributeValues: {':a': %s}")) {
      String key = "{S: '" + rand() + "'}";
      put("{a: " + key + "}");
      cases.add(succeeds("same key: " + form, DELETE, "{TableName: '$hash', Key: {a: " + key + "}, "
          + String.format(form, key) + "}", "{}"));
    }
    for (String condition : List.of("Expected: {b: {Exists: false}}", "ConditionExpression: 'attribute_not_exists(b)'",
        "ConditionExpression: 'attribute_not_exists(#b)', ExpressionAttributeNames: {'#b': 'b'}")) {
      String item = put("{a: {S: '" + rand() + "'}}");
      cases.add(succeeds("absent b: " + condition, DELETE, "{TableName: '$hash', Key: " + item + ", " + condition + "}", "{}"));
    }
    String withB = put("{a: {S: '" + rand() + "'}, b: {S: '" + rand() + "'}}");
    String withBKey = "{a: " + json(withB).get("a") + "}";
    for (String condition : List.of("Expected: {b: {Exists: false}}", "ConditionExpression: 'attribute_not_exists(b)'",
        "ConditionExpression: 'attribute_not_exists(#b)', ExpressionAttributeNames: {'#b': 'b'}")) {
      cases.add(conditional("present b: " + condition, DELETE, "{TableName: '$hash', Key: " + withBKey + ", " + condition + "}"));
    }
    for (String form : List.of("Expected: {a: {Value: %1$s}, b: {Exists: false}, c: {Value: %2$s}}",
        "ConditionExpression: 'a = :a AND attribute_not_exists(b) AND c = :c', ExpressionAttributeValues: {':a': %1$s, ':c': %2$s}",
        "ConditionExpression: '#a = :a AND attribute_not_exists(#b) AND #c = :c', ExpressionAttributeNames: {'#a': 'a',"
            + " '#b': 'b', '#c': 'c'}, ExpressionAttributeValues: {':a': %1$s, ':c': %2$s}")) {
      String a = "{S: '" + rand() + "'}";
      String c = "{S: '" + rand() + "'}";
      put("{a: " + a + ", c: " + c + "}");
      cases.add(succeeds("all hold: " + form, DELETE, "{TableName: '$hash', Key: {a: " + a + "}, "
          + String.format(form, a, c) + "}", "{}"));
    }
    String a = "{S: '" + rand() + "'}";
    put("{a: " + a + ", c: {S: '" + rand() + "'}}");
    for (String form : List.of("Expected: {a: {Value: %1$s}, b: {Exists: false}, c: {Value: %2$s}}",
        "ConditionExpression: 'a = :a AND attribute_not_exists(b) AND c = :c', ExpressionAttributeValues: {':a': %1$s, ':c': %2$s}",
        "ConditionExpression: '#a = :a AND attribute_not_exists(#b) AND #c = :c', ExpressionAttributeNames: {'#a': 'a',"
            + " '#b': 'b', '#c': 'c'}, ExpressionAttributeValues: {':a': %1$s, ':c': %2$s}")) {
      cases.add(conditional("one fails: " + form, DELETE, "{TableName: '$hash', Key: {a: " + a + "}, "
          + String.format(form, a, "{S: '" + rand() + "'}") + "}"));
    }
    check(cases);
  }

  @Test
  void deleteItem_capacity_countsTheOldItem() {
    String small = rand();
    String larger = rand();
    put("{a: {S: '" + small + "'}, b: {S: '" + repeat('b', 1009 - small.length()) + "'}, c: {N: '12.3456'},"
        + " d: {B: 'AQI='}, e: {BS: ['AQI=', 'Ag==', 'AQ==']}}");
    put("{a: {S: '" + larger + "'}, b: {S: '" + repeat('b', 1011 - larger.length()) + "'}, c: {N: '12.3456'},"
        + " d: {B: 'AQI='}, e: {BS: ['AQI=', 'Ag==']}}");
    check(List.of(
        succeeds("small", DELETE, "{TableName: '$hash', Key: {a: {S: '" + small + "'}}, ReturnConsumedCapacity: 'TOTAL'}",
            "{ConsumedCapacity: {CapacityUnits: 1, TableName: '$hash'}}"),
        succeeds("larger", DELETE, "{TableName: '$hash', Key: {a: {S: '" + larger + "'}}, ReturnConsumedCapacity: 'TOTAL'}",
            "{ConsumedCapacity: {CapacityUnits: 2, TableName: '$hash'}}")));
  }
}
