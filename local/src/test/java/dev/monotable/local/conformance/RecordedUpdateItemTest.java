package dev.monotable.local.conformance;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * UpdateItem as recorded against live DynamoDB by the dynalite project's test suite: every member of
 * the wrong JSON type, the legacy AttributeUpdates and Expected rules, update expressions refused for
 * their syntax, operands, paths and types, updates of key and index attributes, and what successful
 * updates return and store.
 */
@EngineOnly("sends raw, unsigned request bodies that the SDK cannot build")
class RecordedUpdateItemTest extends RecordedFixtures {
  private static final String UPDATE = "UpdateItem";
  private static final String PUT_ITEM = "PutItem";
  private static final String GET = "GetItem";
  private static final String SYNTAX = "^Invalid UpdateExpression: Syntax error; ";
  private static final String KEY_UPDATE = INVALID + "Cannot update attribute %s. This attribute is part of the key";
  private static final String INVALID_PATH = "The document path provided in the update expression is invalid for update";
  private static final String WRONG_OPERAND = "An operand in the update expression has an incorrect data type";
  /** The numbers UpdateItem's recording sends as expression values. */
  private static final String[][] NUMBERS = {
      {"{S: 'a', N: ''}", "The parameter cannot be converted to a numeric value"},
      {"{S: 'a', N: 'b'}", "The parameter cannot be converted to a numeric value: b"},
      {"{NS: ['1', '']}", "The parameter cannot be converted to a numeric value"},
      {"{NS: ['1', 'b']}", "The parameter cannot be converted to a numeric value: b"},
      {"{NS: ['1', '1']}", "Input collection contains duplicates"}};
  /** Placeholders most expression cases carry along. */
  private static final String PLACEHOLDERS = ", ExpressionAttributeValues: {':a': {S: 'a'}, ':b': {S: 'a'}},"
      + " ExpressionAttributeNames: {'#a': 'a', '#b': 'b'}}";

  // ---------------------------------------------------------------- serialization

  static Stream<Case> serializations() {
    List<Case> cases = new ArrayList<>();
    for (String[] member : new String[][] {
        {"TableName", "String"}, {"Key", "Map<AttributeValue>"}, {"Key.Attr", "AttrStruct<ValueStruct>"},
        {"Expected", "Map<ExpectedAttributeValue>"}, {"Expected.Attr", "ValueStruct<ExpectedAttributeValue>"},
        {"Expected.Attr.Exists", "Boolean"}, {"Expected.Attr.Value", "AttrStruct<FieldStruct>"},
        {"AttributeUpdates", "Map<AttributeValueUpdate>"}, {"AttributeUpdates.Attr", "ValueStruct<AttributeValueUpdate>"},
        {"AttributeUpdates.Attr.Action", "String"}, {"AttributeUpdates.Attr.Value", "AttrStruct<FieldStruct>"},
        {"ReturnConsumedCapacity", "String"}, {"ReturnItemCollectionMetrics", "String"}, {"ReturnValues", "String"},
        {"ConditionExpression", "String"}, {"UpdateExpression", "String"},
        {"ExpressionAttributeValues", "Map<AttributeValue>"}, {"ExpressionAttributeValues.Attr", "AttrStruct<ValueStruct>"},
        {"ExpressionAttributeNames", "Map<java.lang.String>"}, {"ExpressionAttributeNames.Attr", "String"}}) {
      cases.addAll(typeCases(UPDATE, member[0], member[1]));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("serializations")
  void wrongJsonType_isASerializationException(Case c) {
    verify(c);
  }

  // ---------------------------------------------------------------- what the request says by itself

  static Stream<Case> requestValidations() {
    String name = repeat('a', 256);
    String noKey = "Value null at 'key' " + NOT_NULL;
    List<Case> cases = new ArrayList<>();
    cases.add(validationParts("no TableName", UPDATE, "{}", "Value null at 'tableName' " + NOT_NULL, noKey));
    cases.add(validationParts("empty TableName", UPDATE, "{TableName: ''}", "Value '' at 'tableName' " + NAME_PATTERN,
        "Value '' at 'tableName' " + NAME_MIN, noKey));
    cases.add(validationParts("short TableName", UPDATE, "{TableName: 'a;'}", "Value 'a;' at 'tableName' " + NAME_PATTERN,
        "Value 'a;' at 'tableName' " + NAME_MIN, noKey));
    cases.add(validationParts("long TableName", UPDATE, "{TableName: '" + name + "'}",
        "Value '" + name + "' at 'tableName' " + NAME_MAX, noKey));
    cases.add(validationParts("incorrect attributes", UPDATE,
        "{TableName: 'abc;', ReturnConsumedCapacity: 'hi', ReturnItemCollectionMetrics: 'hi', ReturnValues: 'hi'}",
        CAPACITY_ENUM, "Value 'abc;' at 'tableName' " + NAME_PATTERN, METRICS_ENUM, RETURN_VALUES_ENUM, noKey));
    cases.add(validation("expression and non-expression", UPDATE, "{TableName: 'abc', Key: {a: {}}, Expected: {a: {}},"
        + " AttributeUpdates: {}, ExpressionAttributeNames: {}, ExpressionAttributeValues: {}, ConditionExpression: '',"
        + " UpdateExpression: ''}", "Can not use both expression and non-expression parameters in the same request: "
        + "Non-expression parameters: {AttributeUpdates, Expected} Expression parameters: {UpdateExpression, "
        + "ConditionExpression}"));
    cases.add(validation("names without expression", UPDATE, "{TableName: 'abc', Key: {a: {}}, Expected: {a: {}},"
        + " ExpressionAttributeNames: {}, ExpressionAttributeValues: {}}",
        "ExpressionAttributeNames can only be specified when using expressions"));
    cases.add(validation("values without expression", UPDATE, "{TableName: 'abc', Key: {a: {}}, Expected: {a: {}},"
        + " ExpressionAttributeValues: {}}", "ExpressionAttributeValues can only be specified when using expressions: "
        + "UpdateExpression and ConditionExpression are null"));
    for (String value : EMPTY_VALUES) {
      cases.add(validation("empty key value " + value, UPDATE, "{TableName: 'abc', Key: {a: " + value + "},"
          + " ConditionExpression: '', UpdateExpression: '', ExpressionAttributeNames: {}, ExpressionAttributeValues: {}}",
          EMPTY_VALUE));
    }
    for (String[] value : INVALID_VALUES) {
      cases.add(validation("invalid key value " + value[0], UPDATE, "{TableName: 'abc', Key: {a: " + value[0] + "},"
          + " Expected: {a: {}}, AttributeUpdates: {a: {x: 'whatever'}}}", INVALID + value[1]));
    }
    for (String[] value : INVALID_NUMBERS) {
      cases.add(validation("invalid key number " + value[0], UPDATE, "{TableName: 'abc', Key: {a: " + value[0] + "}}",
          value[1]));
    }
    cases.add(validation("key value of several types", UPDATE, "{TableName: 'abc', Key: {a: {S: 'a', N: '1'}}}",
        MANY_TYPES));
    cases.add(validation("update without value", UPDATE, "{TableName: 'abc', Key: {}, Expected: {a: {}},"
        + " AttributeUpdates: {a: {x: 'whatever'}}}",
        INVALID + "Only DELETE action is allowed when no attribute value is specified"));
    for (String value : List.of("S: '1'", "N: '1'", "B: 'Yg=='", "NULL: true", "BOOL: true", "M: {}", "L: []")) {
      cases.add(validation("DELETE with a value of " + value, UPDATE, "{TableName: 'abc', Key: {},"
          + " AttributeUpdates: {a: {Action: 'DELETE', Value: {" + value + "}}}}",
          INVALID + "DELETE action with value is not supported for the type " + value.substring(0, value.indexOf(':'))));
    }
    for (String value : List.of("S: '1'", "B: 'Yg=='", "NULL: true", "BOOL: true", "M: {}")) {
      cases.add(validation("ADD with a value of " + value, UPDATE, "{TableName: 'abc', Key: {},"
          + " AttributeUpdates: {a: {Action: 'ADD', Value: {" + value + "}}}}",
          INVALID + "ADD action is not supported for the type " + value.substring(0, value.indexOf(':'))));
    }
    cases.addAll(expectedCases(UPDATE, "Key: {}").subList(0, 3));
    String head = "{TableName: 'abc', Key: {}, ";
    cases.add(validation("empty names", UPDATE, head + "ExpressionAttributeNames: {}, ExpressionAttributeValues: {},"
        + " ConditionExpression: '', UpdateExpression: ''}", "ExpressionAttributeNames must not be empty"));
    cases.add(validation("invalid names", UPDATE, head + "ExpressionAttributeNames: {a: 'a'}, ExpressionAttributeValues: {},"
        + " ConditionExpression: '', UpdateExpression: ''}",
        "ExpressionAttributeNames contains invalid key: Syntax error; key: \"a\""));
    cases.add(validation("empty values", UPDATE, head + "ExpressionAttributeValues: {}, ConditionExpression: '',"
        + " UpdateExpression: ''}", "ExpressionAttributeValues must not be empty"));
    cases.add(validation("invalid value key", UPDATE, head + "ExpressionAttributeValues: {':b': {a: ''}, b: {S: 'a'}},"
        + " ConditionExpression: '', UpdateExpression: ''}",
        "ExpressionAttributeValues contains invalid key: Syntax error; key: \"b\""));
    cases.addAll(expressionValueCases(UPDATE, "Key: {}", ", UpdateExpression: ''", NUMBERS));
    cases.add(validation("empty update expression", UPDATE, head + "ConditionExpression: '', UpdateExpression: ''}",
        "Invalid UpdateExpression: The expression can not be empty;"));
    cases.add(validation("empty condition", UPDATE, head + "ConditionExpression: ''}",
        "Invalid ConditionExpression: The expression can not be empty;"));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requestValidations")
  void request_isCheckedBeforeTheTable(Case c) {
    verify(c);
  }

  // ---------------------------------------------------------------- update expressions

  static Stream<Case> expressionValidations() {
    String head = "{TableName: 'abc', Key: {}, UpdateExpression: ";
    List<Case> cases = new ArrayList<>();
    for (String expression : List.of("whatever", "set a", "add a", "delete a", "set a=set", "remove a = b", "add a = b",
        "delete a = b", "delete a b", "delete a if_not_exist(b)", "add abort b", "add a if_not_exist(b)", "remove a b",
        "set a b", "set :a = b", "add :a b", "delete :a b", "remove :a", "set a = b / c", "set a = b * c",
        "set a[1] = \\\"eight\\\"", "set a[1] = 1", "SET a = if_not_exist(a, 100)", "SET if_not_exist(a, b) = a",
        "set (a = (b + c))", "set a = (b.c).d + e", "set a = (b.c)[0] + e", "set a = b + c + d")) {
      cases.add(validationMatching("syntax " + expression, UPDATE, head + "'" + expression + "'}", SYNTAX));
    }
    for (String[] reserved : new String[][] {{" set #c = :c set abOrt = true ", "abOrt"}, {" remove Absolute ", "Absolute"}}) {
      cases.add(validation("reserved word " + reserved[1], UPDATE, head + "'" + reserved[0] + "'" + PLACEHOLDERS,
          "Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: " + reserved[1]));
    }
    cases.add(validationMatching("unknown function", UPDATE, head + "'set #c = if_not_exist(:c) set c = d'" + PLACEHOLDERS,
        "^Invalid UpdateExpression: Invalid function name; function: "));
    for (String[] section : new String[][] {{"set a = #c set c = :d", "SET"}, {"remove #d set a = b remove e", "REMOVE"},
        {"add #d :e set a = b add e :f", "ADD"}, {"delete #d :e set a = b delete #e :f", "DELETE"}}) {
      cases.add(validation("section twice " + section[1], UPDATE, head + "'" + section[0] + "'" + PLACEHOLDERS,
          "Invalid UpdateExpression: The \"" + section[1] + "\" section can only be used once in an update expression;"));
    }
    cases.add(validationMatching("undefined name", UPDATE, head + "'SET #c = if_not_exists(:c)'" + PLACEHOLDERS,
        "^Invalid UpdateExpression: An expression attribute name used in the document path is not defined; "
            + "attribute name: #"));
    cases.add(validationMatching("undefined value", UPDATE, head + "'SET #a = if_not_exists(:c)'" + PLACEHOLDERS,
        "^Invalid UpdateExpression: An expression attribute value used in expression is not defined; attribute value: :"));
    for (String[] overlap : new String[][] {
        {"set d[1] = a, d.b = a, c[1].a = a, #c = if_not_exists(a)", "[c, [1], a]", "[c]"},
        {"set #c[3].#d = a, #c[3] = a", "[c, [3], [3]]", "[c, [3]]"}}) {
      cases.add(validation("overlap " + overlap[0], UPDATE, head + "'" + overlap[0] + "',"
          + " ExpressionAttributeNames: {'#c': 'c', '#d': '[3]'}}", "Invalid UpdateExpression: Two document paths overlap "
          + "with each other; must remove or rewrite one of these paths; path one: " + overlap[1] + ", path two: "
          + overlap[2]));
    }
    for (String[] conflict : new String[][] {
        {"set #c[3].#d = a, #c.#d[3] = if_not_exists(a)", "[c, [3], [3]]", "[c, [3], [3]]"},
        {"remove a.#c set a[1] = #d", "[a, c]", "[a, [1]]"}}) {
      cases.add(validation("conflict " + conflict[0], UPDATE, head + "'" + conflict[0] + "',"
          + " ExpressionAttributeNames: {'#b': 'b', '#c': 'c', '#d': '[3]'}}", "Invalid UpdateExpression: Two document "
          + "paths conflict with each other; must remove or rewrite one of these paths; path one: " + conflict[1]
          + ", path two: " + conflict[2]));
    }
    for (String[] operand : new String[][] {
        {"set b = list_append(:a, a), c = if_not_exists(a) add a.b :a", "{S: 'a'}", "ADD", "STRING"},
        {"delete a.b :a", "{S: 'a'}", "DELETE", "STRING"}, {"add a.b :a", "{NULL: '1'}", "ADD", "NULL"},
        {"delete a.b :a", "{NULL: 'yes'}", "DELETE", "NULL"}, {"add a.b :a", "{BOOL: '0'}", "ADD", "BOOLEAN"},
        {"delete a.b :a", "{BOOL: 'false'}", "DELETE", "BOOLEAN"}, {"add a.b :a", "{B: 'YQ=='}", "ADD", "BINARY"},
        {"delete a.b :a", "{B: 'YQ=='}", "DELETE", "BINARY"}, {"add a.b :a", "{M: {a: {L: [{N: '1'}]}}}", "ADD", "MAP"},
        {"delete a.b :a", "{M: {a: {L: [{N: '1'}]}}}", "DELETE", "MAP"}, {"add a.b :a", "{L: [{N: '1'}]}", "ADD", "LIST"},
        {"delete a.b :a", "{L: [{N: '1'}]}", "DELETE", "LIST"}, {"delete a.b :a", "{N: '1'}", "DELETE", "NUMBER"}}) {
      cases.add(validation("operand " + operand[0] + " " + operand[1], UPDATE, head + "'" + operand[0] + "',"
          + " ExpressionAttributeValues: {':a': " + operand[1] + ", ':b': {S: 'a'}}}",
          "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: " + operand[2]
              + ", operand type: " + operand[3]));
    }
    for (String expression : List.of("set a = if_not_exists(c)", "set a = list_append(c)")) {
      cases.add(validationMatching("operand count " + expression, UPDATE, head + "'" + expression + "'" + PLACEHOLDERS,
          "^Invalid UpdateExpression: Incorrect number of operands for operator or function; operator or function: "
              + "[a-z_]+, number of operands: \\d+$"));
    }
    for (String expression : List.of("set a = if_not_exists(:a, c)", "set a = if_not_exists(if_not_exists(a, b), c)")) {
      cases.add(validationMatching("operand path " + expression, UPDATE, head + "'" + expression + "'" + PLACEHOLDERS,
          "^Invalid UpdateExpression: Operator or function requires a document path; operator or function: [a-z_]+$"));
    }
    String values = ", ExpressionAttributeValues: {':a': {S: 'a'}, ':b': {N: '1'}, ':c': {B: 'YQ=='}, ':d': {BOOL: 'no'},"
        + " ':e': {NULL: 'true'}, ':f': {SS: ['a']}, ':g': {NS: ['1']}, ':h': {BS: ['YQ==']}, ':i': {M: {}}, ':j': {L: []}},"
        + " ExpressionAttributeNames: {'#a': 'a', '#b': 'b'}}";
    for (String[] typed : new String[][] {
        {"set a = list_append(:a, a)", "list_append", "S"}, {"set a = list_append(a, :b)", "list_append", "N"},
        {"set a = list_append(:c, a)", "list_append", "B"}, {"set a = list_append(:d, a)", "list_append", "BOOL"},
        {"set a = list_append(:e, a)", "list_append", "NULL"}, {"set a = list_append(:f, a)", "list_append", "SS"},
        {"set a = list_append(:g, a)", "list_append", "NS"}, {"set a = list_append(:h, a)", "list_append", "BS"},
        {"set a = list_append(:i, a)", "list_append", "M"}, {"set a = a + :a", "+", "S"}, {"set a = :a + :c", "+", "S"},
        {"set a = :c + a", "+", "B"}, {"set a = a + :d", "+", "BOOL"}, {"set a = a + :e", "+", "NULL"},
        {"set a = a + :f", "+", "SS"}, {"set a = a + :g", "+", "NS"}, {"set a = a + :h", "+", "BS"},
        {"set a = a + :i", "+", "M"}, {"set a = a + :j", "+", "L"}, {"set a = a - :a", "-", "S"},
        {"set a = :a - :c", "-", "S"}, {"set a = :c - a", "-", "B"}, {"set a = a - :d", "-", "BOOL"},
        {"set a = a - :e", "-", "NULL"}, {"set a = a - :f", "-", "SS"}, {"set a = a - :g", "-", "NS"},
        {"set a = a - :h", "-", "BS"}, {"set a = a - :i", "-", "M"}, {"set a = a - :j", "-", "L"}}) {
      cases.add(validation("function operand " + typed[0], UPDATE, head + "'" + typed[0] + "'" + values,
          "Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: " + typed[1]
              + ", operand type: " + typed[2]));
    }
    cases.add(validationMatching("unused names", UPDATE, head + "'remove a set b = list_append(b, if_not_exists(a, :a))',"
        + " ConditionExpression: 'a = :b'" + PLACEHOLDERS,
        "^Value provided in ExpressionAttributeNames unused in expressions: keys: \\{(#a, #b|#b, #a)\\}$"));
    cases.add(validationMatching("unused values", UPDATE, head + "'remove a', ConditionExpression: 'a = :b',"
        + " ExpressionAttributeValues: {':a': {S: 'a'}, ':b': {S: 'a'}, ':c': {S: 'a'}}}",
        "^Value provided in ExpressionAttributeValues unused in expressions: keys: \\{(:c, :a|:a, :c)\\}$"));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("expressionValidations")
  void updateExpression_validation(Case c) {
    verify(c);
  }

  // ---------------------------------------------------------------- against the table

  static Stream<Case> tableValidations() {
    List<Case> cases = new ArrayList<>();
    cases.add(missingTable("missing table, empty key", UPDATE, "{TableName: '" + rand() + "', Key: {}}"));
    for (String key : WRONG_HASH_KEYS) {
      cases.add(validation("key not the schema's " + key, UPDATE, "{TableName: '$hash', Key: " + key + "}", NO_SCHEMA_MATCH));
    }
    cases.add(validation("range key missing", UPDATE, "{TableName: '$range', Key: {a: {S: 'a'}}}", NO_SCHEMA_MATCH));
    for (String update : List.of("AttributeUpdates: {a: {Value: {S: '" + rand() + "'}}}",
        "UpdateExpression: 'add a.b :a', ExpressionAttributeValues: {':a': {N: '1'}}",
        "UpdateExpression: 'delete a :a', ExpressionAttributeValues: {':a': {NS: ['1']}}",
        "UpdateExpression: 'remove d set b = :a, a = :a', ExpressionAttributeValues: {':a': {N: '1'}}",
        "UpdateExpression: 'delete b :a remove a', ExpressionAttributeValues: {':a': {NS: ['1']}}",
        "UpdateExpression: 'set a = a.b + a[1]'")) {
      cases.add(validation("hash key updated: " + update, UPDATE, "{TableName: '$hash', Key: {a: {S: '" + rand() + "'}}, "
          + update + "}", String.format(KEY_UPDATE, "a")));
    }
    String rangeKey = "Key: {a: {S: '" + rand() + "'}, b: {S: '" + rand() + "'}}";
    for (String update : List.of("AttributeUpdates: {d: {Value: {N: '123.456'}}, b: {Value: {S: '" + rand() + "'}}}",
        "UpdateExpression: 'set d[1] = :a add b.b :a', ExpressionAttributeValues: {':a': {N: '1'}}")) {
      cases.add(validation("range key updated: " + update, UPDATE, "{TableName: '$range', " + rangeKey + ", " + update + "}",
          String.format(KEY_UPDATE, "b")));
    }
    for (String update : List.of("AttributeUpdates: {d: {Value: {N: '123.456'}}, c: {Value: {N: '654.321'}}}",
        "UpdateExpression: 'set d.a = a add c :a', ExpressionAttributeValues: {':a': {N: '1'}}",
        "UpdateExpression: 'set e = c[1], c = a + :a', ExpressionAttributeValues: {':a': {N: '1'}}")) {
      cases.add(validationMatching("index key of the wrong type: " + update, UPDATE, "{TableName: '$range', " + rangeKey
          + ", " + update + "}", "^One or more parameter values were invalid: Type mismatch for Index Key c Expected: S "
          + "Actual: N IndexName: index\\d$"));
    }
    for (String update : List.of("UpdateExpression: 'add d.b :a', ExpressionAttributeValues: {':a': {N: '1'}}",
        "UpdateExpression: 'set d[1] = :a', ExpressionAttributeValues: {':a': {N: '1'}}",
        "UpdateExpression: 'set e = list_append(a, b), f = d[1]'")) {
      cases.add(validation("into an index key: " + update, UPDATE, "{TableName: '$range', " + rangeKey + ", " + update + "}",
          "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: IndexKey: d"));
    }
    for (String expression : List.of("set c = b", "set e = list_append(b, c)")) {
      cases.add(validation("missing operand " + expression, UPDATE, "{TableName: '$hash', Key: {a: {S: '" + rand() + "'}},"
          + " UpdateExpression: '" + expression + "'}",
          "The provided expression refers to an attribute that does not exist in the item"));
    }
    for (String expression : List.of("set b.a = a", "set b[1] = a")) {
      cases.add(validation("nested path in a missing item " + expression, UPDATE, "{TableName: '$hash', Key: {a: {S: '"
          + rand() + "'}}, UpdateExpression: '" + expression + "'}", INVALID_PATH));
    }
    cases.add(validation("item too big", UPDATE, "{TableName: '$hash', Key: {a: {S: '" + rand() + "'}}, AttributeUpdates:"
        + " {b: {Action: 'PUT', Value: {S: '" + repeat('a', MAX_SIZE - 1) + "'}}, c: {Action: 'PUT', Value: {N: '"
        + repeat('1', 38) + repeat('0', 88) + "'}}}}", "Item size to update has exceeded the maximum allowed size"));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tableValidations")
  void againstTheTable_validation(Case c) {
    verify(c);
  }

  // Left out: "ResourceNotFoundException if table is being created" (a table is ACTIVE at once here).

  @Test
  void typesOfStoredAttributes_refuseWrongUpdates() {
    String key = "{a: {S: '" + rand() + "'}}";
    ok(UPDATE, "{TableName: '$hash', Key: " + key + ", AttributeUpdates: {b: {Value: {SS: ['1']}}, c: {Value: {N: '1'}},"
        + " d: {Value: {NS: ['1']}}}}");
    List<Case> cases = new ArrayList<>();
    for (String update : List.of("{b: {Action: 'DELETE', Value: {NS: ['1']}}}", "{b: {Action: 'DELETE', Value: {BS: ['YQ==']}}}",
        "{c: {Action: 'DELETE', Value: {NS: ['1']}}}", "{b: {Action: 'ADD', Value: {NS: ['1']}}}",
        "{d: {Action: 'ADD', Value: {N: '1'}}}")) {
      cases.add(validation("AttributeUpdates " + update, UPDATE, "{TableName: '$hash', Key: " + key
          + ", AttributeUpdates: " + update + "}", "Type mismatch for attribute to update"));
    }
    String other = "{a: {S: '" + rand() + "'}}";
    ok(UPDATE, "{TableName: '$hash', Key: " + other + ", UpdateExpression: 'set b = :b, c = :c, d = :d',"
        + " ExpressionAttributeValues: {':b': {M: {a: {SS: ['1']}}}, ':c': {N: '1'}, ':d': {NS: ['1']}}}");
    for (String[] update : new String[][] {{"delete d :a", "{SS: ['1']}"}, {"delete b :a", "{NS: ['1']}"},
        {"delete b.a :a", "{NS: ['1']}"}, {"delete b.a :a", "{BS: ['YQ==']}"}, {"delete c :a", "{NS: ['1']}"},
        {"add b :a", "{NS: ['1']}"}, {"add d :a", "{N: '1'}"}, {"set e = a + :a", "{N: '1'}"},
        {"set e = b - :a", "{N: '1'}"}, {"set e = list_append(d, if_not_exists(f, :a))", "{L: []}"}}) {
      cases.add(validation("expression " + update[0] + " " + update[1], UPDATE, "{TableName: '$hash', Key: " + other
          + ", UpdateExpression: '" + update[0] + "', ExpressionAttributeValues: {':a': " + update[1] + "}}",
          WRONG_OPERAND));
    }
    check(cases);
  }

  @Test
  void nestedPathsThatDoNotExist_areInvalidForUpdate() {
    String key = "{a: {S: '" + rand() + "'}}";
    ok(UPDATE, "{TableName: '$hash', Key: " + key + ", UpdateExpression: 'set b = a, c = :c, d = :d',"
        + " ExpressionAttributeValues: {':c': {M: {'1': {S: 'a'}}}, ':d': {L: [{S: 'a'}, {S: 'b'}]}}}");
    List<Case> cases = new ArrayList<>();
    for (String expression : List.of("set b.a = :a, #1 = :a", "set b[1] = :a, #1 = :a", "set y.a = :a, #1 = :a",
        "set y[1] = :a, #1 = :a", "set c[1] = :a, #1 = :a", "set d.#1 = :a", "remove b.a set #1 = :a",
        "remove b[1] set #1 = :a", "remove y.a set #1 = :a", "remove y[1] set #1 = :a", "remove c[1] set #1 = :a",
        "remove d.#1 set #1 = :a", "delete b.a :a set #1 = :a", "delete b[1] :a set #1 = :a", "delete y.a :a set #1 = :a",
        "delete y[1] :a set #1 = :a", "delete c[1] :a set #1 = :a", "delete d.#1 :a", "add b.a :a set #1 = :a",
        "add b[1] :a set #1 = :a", "add y.a :a set #1 = :a", "add y[1] :a set #1 = :a", "add c[1] :a set #1 = :a",
        "add d.#1 :a")) {
      cases.add(validation(expression, UPDATE, "{TableName: '$hash', Key: " + key + ", UpdateExpression: '" + expression
          + "', ExpressionAttributeNames: {'#1': '1'}, ExpressionAttributeValues: {':a': {SS: ['a']}}}", INVALID_PATH));
    }
    check(cases);
  }

  @Test
  void indexKeyOfAnotherType_isRefused() {
    String key = "{a: {S: '" + rand() + "'}, b: {S: '" + rand() + "'}}";
    ok(UPDATE, "{TableName: '$range', Key: " + key + ", UpdateExpression: 'set e = :a',"
        + " ExpressionAttributeValues: {':a': {N: '1'}}}");
    check(List.of(
        validation("set c = e", UPDATE, "{TableName: '$range', Key: " + key + ", UpdateExpression: 'set c = e'}",
            "The update expression attempted to update the secondary index key to unsupported type"),
        validation("set d = e", UPDATE, "{TableName: '$range', Key: " + key + ", UpdateExpression: 'set d = e'}",
            "The update expression attempted to update the secondary index key to unsupported type")));
  }

  // ---------------------------------------------------------------- functionality

  @Test
  void conditions_onAMissingItem_fail() {
    String r = "{S: '" + rand() + "'}";
    List<Case> cases = new ArrayList<>();
    for (String condition : List.of("Expected: {a: {Value: " + r + "}}", "Expected: {a: {ComparisonOperator: 'NOT_NULL'}}",
        "ConditionExpression: 'a = :a', ExpressionAttributeValues: {':a': " + r + "}",
        "ConditionExpression: '#a = :a', ExpressionAttributeNames: {'#a': 'a'}, ExpressionAttributeValues: {':a': " + r + "}",
        "ConditionExpression: 'attribute_exists(a)'",
        "ConditionExpression: 'attribute_exists(#a)', ExpressionAttributeNames: {'#a': 'a'}")) {
      cases.add(conditional(condition, UPDATE, "{TableName: '$hash', Key: {a: {S: '" + rand() + "'}}, " + condition + "}"));
    }
    check(cases);
  }

  @Test
  void returnValues() {
    String[] k = new String[8];
    for (int i = 0; i < k.length; i++) {
      k[i] = "{a: {S: '" + rand() + "'}}";
    }
    String t = "{TableName: '$hash', Key: ";
    check(List.of(
        succeeds("no action", UPDATE, t + k[1] + "}", "{}"),
        succeeds("key only stored", GET, t + k[1] + ", ConsistentRead: true}", "{Item: " + k[1] + "}"),
        succeeds("no old values", UPDATE, t + k[2] + ", ReturnValues: 'ALL_OLD'}", "{}"),
        succeeds("before ALL_OLD", UPDATE, t + k[3] + ", AttributeUpdates: {b: {Value: {S: 'a'}}}}", "{}"),
        succeeds("ALL_OLD", UPDATE, t + k[3] + ", AttributeUpdates: {b: {Value: {S: 'b'}}}, ReturnValues: 'ALL_OLD'}",
            "{Attributes: {a: " + json(k[3]).get("a") + ", b: {S: 'a'}}}"),
        succeeds("before UPDATED_OLD", UPDATE, t + k[4] + ", AttributeUpdates: {b: {Value: {S: 'a'}}, c: {Value: {S: 'a'}}}}",
            "{}"),
        succeeds("UPDATED_OLD", UPDATE, t + k[4] + ", AttributeUpdates: {b: {Value: {S: 'b'}}, c: {Value: {S: 'a'}}},"
            + " ReturnValues: 'UPDATED_OLD'}", "{Attributes: {b: {S: 'a'}, c: {S: 'a'}}}"),
        succeeds("before nested UPDATED_OLD", UPDATE, t + k[5] + ", AttributeUpdates: {b: {Value: {M: {a: {S: 'a'},"
            + " b: {L: []}}}}, c: {Value: {N: '1'}}}}", "{}"),
        succeeds("nested UPDATED_OLD", UPDATE, t + k[5] + ", AttributeUpdates: {b: {Value: {M: {a: {S: 'b'}, b: {L: []}}}},"
            + " c: {Action: 'ADD', Value: {N: '1'}}}, ReturnValues: 'UPDATED_OLD'}",
            "{Attributes: {b: {M: {a: {S: 'a'}, b: {L: []}}}, c: {N: '1'}}}"),
        succeeds("before ALL_NEW", UPDATE, t + k[6] + ", AttributeUpdates: {b: {Value: {S: 'a'}}}}", "{}"),
        succeeds("ALL_NEW", UPDATE, t + k[6] + ", AttributeUpdates: {b: {Value: {S: 'b'}}}, ReturnValues: 'ALL_NEW'}",
            "{Attributes: {a: " + json(k[6]).get("a") + ", b: {S: 'b'}}}"),
        succeeds("before UPDATED_NEW", UPDATE, t + k[7] + ", AttributeUpdates: {b: {Value: {S: 'a'}}, c: {Value: {S: 'a'}}}}",
            "{}"),
        succeeds("UPDATED_NEW", UPDATE, t + k[7] + ", UpdateExpression: 'set b=:b,c=:c', ExpressionAttributeValues:"
            + " {':b': {S: 'b'}, ':c': {S: 'a'}}, ReturnValues: 'UPDATED_NEW'}", "{Attributes: {b: {S: 'b'}, c: {S: 'a'}}}"),
        succeeds("from another attribute", UPDATE, t + k[0] + ", UpdateExpression: 'set b = if_not_exists(b, a)',"
            + " ReturnValues: 'UPDATED_NEW'}", "{Attributes: {b: " + json(k[0]).get("a") + "}}")));
  }

  @Test
  void addsOnMissingItems_keepOnlyWhatAdds() {
    List<Case> cases = new ArrayList<>();
    String values = "ExpressionAttributeValues: {':c': {SS: ['a', 'b']}, ':d': {N: '5'}, ':e': {SS: ['a', 'b']},"
        + " ':f': {L: [{S: 'a'}, {N: '1'}]}}";
    for (String update : List.of("AttributeUpdates: {b: {Action: 'DELETE'}, c: {Action: 'DELETE', Value: {SS: ['a', 'b']}},"
            + " d: {Action: 'ADD', Value: {N: '5'}}, e: {Action: 'ADD', Value: {SS: ['a', 'b']}},"
            + " f: {Action: 'ADD', Value: {L: [{S: 'a'}, {N: '1'}]}}}",
        "UpdateExpression: 'REMOVE b DELETE c :c ADD d :d, e :e SET f = :f', " + values,
        "UpdateExpression: 'ADD #e :e,#d :d DELETE #c :c REMOVE #b SET #f = :f', " + values
            + ", ExpressionAttributeNames: {'#b': 'b', '#c': 'c', '#d': 'd', '#e': 'e', '#f': 'f'}")) {
      String key = "{a: {S: '" + rand() + "'}}";
      cases.add(succeeds("update " + update, UPDATE, "{TableName: '$hash', Key: " + key + ", " + update
          + ", ReturnValues: 'UPDATED_NEW'}", "{Attributes: {d: {N: '5'}, e: {SS: ['a', 'b']}, f: {L: [{S: 'a'}, {N: '1'}]}}}"));
      cases.add(succeeds("stored " + update, GET, "{TableName: '$hash', Key: " + key + ", ConsistentRead: true}",
          "{Item: {a: " + json(key).get("a") + ", d: {N: '5'}, e: {SS: ['a', 'b']}, f: {L: [{S: 'a'}, {N: '1'}]}}}"));
    }
    check(cases);
  }

  @Test
  void legacyActions_deleteAndAdd() {
    String k1 = "{a: {S: '" + rand() + "'}}";
    String k2 = "{a: {S: '" + rand() + "'}, b: {S: '" + rand() + "'}}";
    String k3 = "{a: {S: '" + rand() + "'}}";
    String k4 = "{a: {S: '" + rand() + "'}}";
    String k5 = "{a: {S: '" + rand() + "'}}";
    String hash = "{TableName: '$hash', Key: ";
    String range = "{TableName: '$range', Key: ";
    String a1 = json(k1).get("a").toString();
    String a3 = json(k3).get("a").toString();
    check(List.of(
        succeeds("put b, c", UPDATE, hash + k1 + ", AttributeUpdates: {b: {Value: {S: 'a'}}, c: {Value: {S: 'a'}}}}", "{}"),
        succeeds("delete b", UPDATE, hash + k1 + ", AttributeUpdates: {b: {Action: 'DELETE'}, c: {Value: {S: 'a'}}},"
            + " ReturnValues: 'UPDATED_NEW'}", "{Attributes: {c: {S: 'a'}}}"),
        succeeds("b deleted", GET, hash + k1 + ", ConsistentRead: true}", "{Item: {a: " + a1 + ", c: {S: 'a'}}}"),
        succeeds("index table: put c, d", UPDATE, range + k2 + ", AttributeUpdates: {c: {Value: {S: 'a'}}, d: {Value:"
            + " {S: 'a'}}}}", "{}"),
        succeeds("index table: delete c", UPDATE, range + k2 + ", AttributeUpdates: {c: {Action: 'DELETE'}, d: {Value:"
            + " {S: 'a'}}}, ReturnValues: 'UPDATED_NEW'}", "{Attributes: {d: {S: 'a'}}}"),
        succeeds("index table: c deleted", GET, range + k2 + ", ConsistentRead: true}",
            "{Item: " + k2.substring(0, k2.length() - 1) + ", d: {S: 'a'}}}"),
        succeeds("put number", UPDATE, hash + k3 + ", AttributeUpdates: {b: {Value: {N: '1'}}}}", "{}"),
        succeeds("add number", UPDATE, hash + k3 + ", AttributeUpdates: {b: {Action: 'ADD', Value: {N: '3'}}},"
            + " ReturnValues: 'UPDATED_NEW'}", "{Attributes: {b: {N: '4'}}}"),
        succeeds("number added", GET, hash + k3 + ", ConsistentRead: true}", "{Item: {a: " + a3 + ", b: {N: '4'}}}"),
        succeeds("put set", UPDATE, hash + k4 + ", AttributeUpdates: {b: {Value: {SS: ['a', 'b']}}}}", "{}"),
        succeeds("add to set", UPDATE, hash + k4 + ", AttributeUpdates: {b: {Action: 'ADD', Value: {SS: ['c', 'd']}}},"
            + " ReturnValues: 'UPDATED_NEW'}", "{Attributes: {b: {SS: ['a', 'b', 'c', 'd']}}}"),
        succeeds("put list", UPDATE, hash + k5 + ", AttributeUpdates: {b: {Value: {L: [{S: 'a'}, {N: '1'}]}}}}", "{}"),
        succeeds("add to list", UPDATE, hash + k5 + ", AttributeUpdates: {b: {Action: 'ADD', Value: {L: [{S: 'b'},"
            + " {N: '2'}]}}}, ReturnValues: 'UPDATED_NEW'}", "{Attributes: {b: {L: [{S: 'a'}, {N: '1'}, {S: 'b'}, {N: '2'}]}}}"),
        succeeds("list added", GET, hash + k5 + ", ConsistentRead: true}", "{Item: {a: " + json(k5).get("a")
            + ", b: {L: [{S: 'a'}, {N: '1'}, {S: 'b'}, {N: '2'}]}}}"),
        succeeds("set added", GET, hash + k4 + ", ConsistentRead: true}", "{Item: {a: " + json(k4).get("a")
            + ", b: {SS: ['a', 'b', 'c', 'd']}}}")));
  }

  @Test
  void setsLoseDeletedAndDuplicateMembers() {
    String key = "{a: {S: '" + rand() + "'}}";
    String hash = "{TableName: '$hash', Key: " + key;
    ok(UPDATE, hash + ", AttributeUpdates: {b: {Value: {NS: ['1', '2', '3']}}, c: {Value: {S: 'a'}}}}");
    List<String> mismatches = new ArrayList<>();
    expectSet(mismatches, ok(UPDATE, hash + ", AttributeUpdates: {b: {Action: 'DELETE', Value: {NS: ['1', '4']}},"
        + " c: {Value: {S: 'a'}}}, ReturnValues: 'UPDATED_NEW'}").path("Attributes").path("b").path("NS"), "2", "3");
    expectSet(mismatches, ok(GET, hash + ", ConsistentRead: true}").path("Item").path("b").path("NS"), "2", "3");
    String lastDelete = ok(UPDATE, hash + ", AttributeUpdates: {b: {Action: 'DELETE', Value: {NS: ['2', '3']}},"
        + " c: {Value: {S: 'a'}}}, ReturnValues: 'UPDATED_NEW'}").toString();
    if (!sameJson(json("{Attributes: {c: {S: 'a'}}}"), json(lastDelete))) {
      mismatches.add("deleting the last members: " + lastDelete);
    }
    String left = ok(GET, hash + ", ConsistentRead: true}").path("Item").toString();
    if (!sameJson(json("{a: " + json(key).get("a") + ", c: {S: 'a'}}"), json(left))) {
      mismatches.add("after deleting the last members: " + left);
    }
    Object[][] adds = {
        {"{SS: ['a', 'b']}", "{SS: ['b', 'c', 'd']}", "SS", new String[] {"a", "b", "c", "d"}},
        {"{NS: ['1', '2']}", "{NS: ['2', '3', '4']}", "NS", new String[] {"1", "2", "3", "4"}},
        {"{BS: ['AQI=', 'Ag==']}", "{BS: ['Ag==', 'AQ==']}", "BS", new String[] {"AQI=", "Ag==", "AQ=="}}};
    for (Object[] add : adds) {
      String setKey = "{TableName: '$hash', Key: {a: {S: '" + rand() + "'}}";
      ok(UPDATE, setKey + ", AttributeUpdates: {b: {Value: " + add[0] + "}}}");
      expectSet(mismatches, ok(UPDATE, setKey + ", AttributeUpdates: {b: {Action: 'ADD', Value: " + add[1] + "}},"
          + " ReturnValues: 'UPDATED_NEW'}").path("Attributes").path("b").path((String) add[2]), (String[]) add[3]);
      expectSet(mismatches, ok(GET, setKey + ", ConsistentRead: true}").path("Item").path("b").path((String) add[2]),
          (String[]) add[3]);
    }
    if (!mismatches.isEmpty()) {
      fail(String.join("\n", mismatches));
    }
  }

  private static void expectSet(List<String> mismatches, JsonNode set, String... members) {
    List<String> got = new ArrayList<>();
    set.forEach(member -> got.add(member.asText()));
    if (got.size() != members.length || !got.containsAll(List.of(members))) {
      mismatches.add("expected the set " + List.of(members) + ", got " + set);
    }
  }

  @Test
  void capacity_countsTheLargerOfOldAndNew() {
    String small = rand10();
    String larger = rand10();
    String growing = rand10();
    String growingLarger = rand10();
    String t = "{TableName: '$hash', Key: {a: {S: '%s'}}, AttributeUpdates: {b: {Value: {S: '%s'}}, c: {Value:"
        + " {N: '12.3456'}}, d: {Value: {B: 'AQI='}}, e: {Value: {BS: [%s]}}}, ReturnConsumedCapacity: '%s'}";
    String three = "'AQI=', 'Ag==', 'AQ=='";
    String two = "'AQI=', 'Ag=='";
    String smallB = repeat('b', 1009 - small.length());
    String largerB = repeat('b', 1011 - larger.length());
    String growingB = repeat('b', 1008 - growing.length());
    String growingLargerB = repeat('b', 1010 - growingLarger.length());
    String grow = "{TableName: '$hash', Key: {a: {S: '%s'}}, AttributeUpdates: {b: {Value: {S: '%s'}}},"
        + " ReturnConsumedCapacity: 'TOTAL'}";
    check(List.of(
        succeeds("small TOTAL", UPDATE, String.format(t, small, smallB, three, "TOTAL"),
            "{ConsumedCapacity: {CapacityUnits: 1, TableName: '$hash'}}"),
        succeeds("small INDEXES", UPDATE, String.format(t, small, smallB, three, "INDEXES"),
            "{ConsumedCapacity: {CapacityUnits: 1, Table: {CapacityUnits: 1}, TableName: '$hash'}}"),
        succeeds("larger TOTAL", UPDATE, String.format(t, larger, largerB, two, "TOTAL"),
            "{ConsumedCapacity: {CapacityUnits: 2, TableName: '$hash'}}"),
        succeeds("larger INDEXES", UPDATE, String.format(t, larger, largerB, two, "INDEXES"),
            "{ConsumedCapacity: {CapacityUnits: 2, Table: {CapacityUnits: 2}, TableName: '$hash'}}"),
        succeeds("created small", UPDATE, String.format(t, growing, growingB, three, "TOTAL"),
            "{ConsumedCapacity: {CapacityUnits: 1, TableName: '$hash'}}"),
        succeeds("grown by a byte, still small", UPDATE, String.format(grow, growing, growingB + "b"),
            "{ConsumedCapacity: {CapacityUnits: 1, TableName: '$hash'}}"),
        succeeds("created just small", UPDATE, String.format(t, growingLarger, growingLargerB, two, "TOTAL"),
            "{ConsumedCapacity: {CapacityUnits: 1, TableName: '$hash'}}"),
        succeeds("grown by a byte past 1 KB", UPDATE, String.format(grow, growingLarger, growingLargerB + "b"),
            "{ConsumedCapacity: {CapacityUnits: 2, TableName: '$hash'}}")));
  }

  @Test
  void booleanConditions_andNestedUpdates() {
    List<Case> cases = new ArrayList<>();
    for (String update : List.of("Expected: {active: {Value: {BOOL: false}, Exists: true}}, AttributeUpdates: {active:"
            + " {Action: 'PUT', Value: {BOOL: true}}}",
        "ConditionExpression: 'active = :a', UpdateExpression: 'SET active = :b', ExpressionAttributeValues:"
            + " {':a': {BOOL: false}, ':b': {BOOL: true}}",
        "ConditionExpression: '#a = :a', UpdateExpression: 'SET #b = :b', ExpressionAttributeNames: {'#a': 'active',"
            + " '#b': 'active'}, ExpressionAttributeValues: {':a': {BOOL: false}, ':b': {BOOL: true}}")) {
      String a = "{S: '" + rand() + "'}";
      ok(PUT_ITEM, "{TableName: '$hash', Item: {a: " + a + ", active: {BOOL: false}}}");
      cases.add(succeeds("boolean condition: " + update, UPDATE, "{TableName: '$hash', Key: {a: " + a + "}, " + update
          + ", ReturnValues: 'UPDATED_NEW'}", "{Attributes: {active: {BOOL: true}}}"));
    }
    String a = "{S: '" + rand() + "'}";
    String key = "{TableName: '$hash', Key: {a: " + a + "}";
    ok(UPDATE, key + ", UpdateExpression: 'set b = :b, c = :c', ExpressionAttributeValues: {':b': {M: {a: {N: '1'},"
        + " b: {N: '2'}, c: {N: '3'}}}, ':c': {L: [{N: '1'}, {N: '3'}]}}}");
    cases.add(succeeds("nested update", UPDATE, key + ", UpdateExpression: 'set b.c=((c[1])+(b.a)),b.a = a,c[1] = a,"
        + " c[4] = b.a - b.b, c[2] = b.c add c[8] :b, c[6] :a', ExpressionAttributeValues: {':a': {N: '2'},"
        + " ':b': {SS: ['a']}}, ReturnValues: 'UPDATED_NEW'}",
        "{Attributes: {b: {M: {a: " + a + ", c: {N: '4'}}}, c: {L: [" + a + ", {N: '3'}, {N: '2'}]}}}"));
    cases.add(succeeds("nested update stored", GET, key + ", ConsistentRead: true}", "{Item: {a: " + a + ", b: {M: {a: "
        + a + ", b: {N: '2'}, c: {N: '4'}}}, c: {L: [{N: '1'}, " + a + ", {N: '3'}, {N: '-1'}, {N: '2'}, {SS: ['a']}]}}}"));
    check(cases);
  }

  @Test
  void indexedAttributes_moveBetweenIndexes() {
    String a = "{S: '" + rand() + "'}";
    String b = "{S: '" + rand() + "'}";
    String key = "{TableName: '$range', Key: {a: " + a + ", b: " + b + "}";
    String index1 = "{TableName: '$range', ConsistentRead: true, IndexName: 'index1', KeyConditions: {a: {ComparisonOperator:"
        + " 'EQ', AttributeValueList: [" + a + "]}, c: {ComparisonOperator: 'EQ', AttributeValueList: [%s]}}}";
    String index2 = "{TableName: '$range', ConsistentRead: true, IndexName: 'index2', KeyConditions: {a: {ComparisonOperator:"
        + " 'EQ', AttributeValueList: [" + a + "]}, d: {ComparisonOperator: 'EQ', AttributeValueList: [%s]}}}";
    List<String> mismatches = new ArrayList<>();
    JsonNode set = ok(UPDATE, key + ", UpdateExpression: 'set c = a, d = b, e = a, f = b', ReturnValues: 'UPDATED_NEW'}");
    if (!sameJson(json("{Attributes: {c: " + a + ", d: " + b + ", e: " + a + ", f: " + b + "}}"), set)) {
      mismatches.add("set c, d, e, f answered " + set);
    }
    expectItems(mismatches, "index1 after set", String.format(index1, a),
        "[{a: " + a + ", b: " + b + ", c: " + a + ", d: " + b + ", e: " + a + ", f: " + b + "}]");
    expectItems(mismatches, "index2 after set", String.format(index2, b),
        "[{a: " + a + ", b: " + b + ", c: " + a + ", d: " + b + "}]");
    ok(UPDATE, key + ", UpdateExpression: 'set c = b, d = a, e = b, f = a'}");
    expectItems(mismatches, "index1 old value", String.format(index1, a), "[]");
    expectItems(mismatches, "index2 old value", String.format(index2, b), "[]");
    expectItems(mismatches, "index1 new value", String.format(index1, b),
        "[{a: " + a + ", b: " + b + ", c: " + b + ", d: " + a + ", e: " + b + ", f: " + a + "}]");
    expectItems(mismatches, "index2 new value", String.format(index2, a),
        "[{a: " + a + ", b: " + b + ", c: " + b + ", d: " + a + "}]");
    expectItems(mismatches, "index3", "{TableName: '$range', IndexName: 'index3', KeyConditions: {c: {ComparisonOperator:"
        + " 'EQ', AttributeValueList: [" + b + "]}}}",
        "[{a: " + a + ", b: " + b + ", c: " + b + ", d: " + a + ", e: " + b + ", f: " + a + "}]");
    expectItems(mismatches, "index4", "{TableName: '$range', IndexName: 'index4', KeyConditions: {c: {ComparisonOperator:"
        + " 'EQ', AttributeValueList: [" + b + "]}, d: {ComparisonOperator: 'EQ', AttributeValueList: [" + a + "]}}}",
        "[{a: " + a + ", b: " + b + ", c: " + b + ", d: " + a + ", e: " + b + "}]");
    if (!mismatches.isEmpty()) {
      fail(String.join("\n", mismatches));
    }
  }

  /** Adds a mismatch unless the Items of {@code query} are {@code items}. */
  private void expectItems(List<String> mismatches, String name, String query, String items) {
    JsonNode got = ok("Query", query).path("Items");
    if (!sameJson(json(items), got)) {
      mismatches.add(name + ": expected " + items + ", got " + got);
    }
  }
}
