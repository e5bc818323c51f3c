package dev.monotable.local.conformance;

import static dev.monotable.local.conformance.Values.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Condition expressions on PutItem, UpdateItem and DeleteItem: every comparator, BETWEEN, IN, every
 * function, the logical operators with their precedence, and the ConditionalCheckFailedException
 * that a false condition raises (with the old item when ReturnValuesOnConditionCheckFailure is ALL_OLD).
 *
 * <p>Most tests evaluate a condition by writing the fixture item over itself with that condition:
 * the write succeeds when the condition is true and fails with ConditionalCheckFailedException when
 * it is false, and either way the stored item stays the fixture.
 */
class ConditionExpressionTest extends EngineTest {
  private static final Map<String, AttributeValue> FIXTURE = item(
      "pk", s("fixture"),
      "str", s("hello world"),
      "num", n("10"),
      "ratio", n("1.5"),
      "bin", b(1, 2, 3),
      "flag", bool(true),
      "nada", nul(),
      "seq", l(s("a"), s("b"), n("3")),
      "doc", m("top", s("x"), "child", m("leaf", s("y"))),
      "tags", ss("red", "green"),
      "scores", ns("1", "2", "3"),
      "blobs", bs(new byte[] {1}, new byte[] {2}),
      "blank", s(""),
      "dot.ted", s("one name"));

  private String table;

  @BeforeAll
  void createFixtureTable() {
    table = createTable("pk", null);
    client.putItem(r -> r.tableName(table).item(FIXTURE));
  }

  // ---------------------------------------------------------------- attribute_exists / attribute_not_exists

  @Test
  void attributeExists_presentAndMissingPaths_trueOnlyWhenPresent() {
    assertTrue(holds("attribute_exists(str)"));
    assertTrue(holds("attribute_exists(nada)"), "an attribute holding NULL exists");
    assertTrue(holds("attribute_exists(blank)"), "an attribute holding an empty string exists");
    assertTrue(holds("attribute_exists(doc.child.leaf)"));
    assertTrue(holds("attribute_exists(seq[2])"));
    assertFalse(holds("attribute_exists(absent)"));
    assertFalse(holds("attribute_exists(doc.absent)"));
    assertFalse(holds("attribute_exists(seq[3])"));
    assertFalse(holds("attribute_exists(str.child)"));
  }

  @Test
  void attributeNotExists_presentAndMissingPaths_trueOnlyWhenMissing() {
    assertFalse(holds("attribute_not_exists(str)"));
    assertFalse(holds("attribute_not_exists(doc.top)"));
    assertTrue(holds("attribute_not_exists(absent)"));
    assertTrue(holds("attribute_not_exists(doc.child.absent)"));
    assertTrue(holds("attribute_not_exists(seq[7])"));
  }

  @Test
  void attributeNotExistsOnKey_putOfNewItemSucceedsAndOverwriteFails() {
    Map<String, AttributeValue> first = item("pk", s("create-once"), "v", s("first"));
    client.putItem(r -> r.tableName(table).item(first).conditionExpression("attribute_not_exists(pk)"));

    assertThrows(ConditionalCheckFailedException.class, () -> client.putItem(r -> r.tableName(table)
        .item(item("pk", s("create-once"), "v", s("second")))
        .conditionExpression("attribute_not_exists(pk)")));

    assertItem(first, read("create-once"));
  }

  @Test
  void attributeExistsOnKey_putOfMissingItemFailsAndCreatesNothing() {
    assertThrows(ConditionalCheckFailedException.class, () -> client.putItem(r -> r.tableName(table)
        .item(item("pk", s("must-exist"), "v", s("x")))
        .conditionExpression("attribute_exists(pk)")));

    assertFalse(client.getItem(r -> r.tableName(table).key(item("pk", s("must-exist")))).hasItem());
  }

  // ---------------------------------------------------------------- attribute_type

  @Test
  void attributeType_eachDataType_matchesOnlyItsOwnType() {
    Map<String, String> types = new LinkedHashMap<>();
    types.put("str", "S");
    types.put("num", "N");
    types.put("bin", "B");
    types.put("flag", "BOOL");
    types.put("nada", "NULL");
    types.put("seq", "L");
    types.put("doc", "M");
    types.put("tags", "SS");
    types.put("scores", "NS");
    types.put("blobs", "BS");
    for (Map.Entry<String, String> attribute : types.entrySet()) {
      for (String type : types.values()) {
        boolean expected = type.equals(attribute.getValue());
        assertEquals(expected, holds("attribute_type(" + attribute.getKey() + ", :t)", ":t", s(type)),
            "attribute_type(" + attribute.getKey() + ", " + type + ")");
      }
    }
    assertTrue(holds("attribute_type(doc.child, :t)", ":t", s("M")));
    assertFalse(holds("attribute_type(absent, :t)", ":t", s("S")));
  }

  @Test
  void attributeType_unknownTypeName_throwsValidation() {
    assertValidation("Invalid ConditionExpression: Invalid attribute type name found; type: STRING, valid types: { "
        + "B,NULL,SS,BOOL,L,BS,N,NS,S,M }",
        () -> holds("attribute_type(str, :t)", ":t", s("STRING")));
  }

  // ---------------------------------------------------------------- begins_with / contains / size

  @Test
  void beginsWith_stringPrefix_trueOnlyForPrefix() {
    assertTrue(holds("begins_with(str, :p)", ":p", s("hello")));
    assertTrue(holds("begins_with(str, :p)", ":p", s("hello world")));
    assertFalse(holds("begins_with(str, :p)", ":p", s("world")));
    assertFalse(holds("begins_with(str, :p)", ":p", s("Hello")));
    assertTrue(holds("begins_with(doc.top, :p)", ":p", s("x")));
    assertFalse(holds("begins_with(absent, :p)", ":p", s("h")));
  }

  @Test
  void contains_substringOfString_trueOnlyForSubstring() {
    assertTrue(holds("contains(str, :v)", ":v", s("lo wo")));
    assertTrue(holds("contains(str, :v)", ":v", s("world")));
    assertFalse(holds("contains(str, :v)", ":v", s("World")));
    assertFalse(holds("contains(absent, :v)", ":v", s("x")));
  }

  @Test
  void contains_elementOfSetOrList_trueOnlyForMember() {
    assertTrue(holds("contains(tags, :v)", ":v", s("red")));
    assertFalse(holds("contains(tags, :v)", ":v", s("blue")));
    assertTrue(holds("contains(scores, :v)", ":v", n("2")));
    assertFalse(holds("contains(scores, :v)", ":v", n("4")));
    assertTrue(holds("contains(blobs, :v)", ":v", b(2)));
    assertTrue(holds("contains(seq, :v)", ":v", s("b")));
    assertTrue(holds("contains(seq, :v)", ":v", n("3")));
    assertFalse(holds("contains(seq, :v)", ":v", s("3")));
  }

  @Test
  void size_ofEachSizedType_countsCharactersBytesElementsAndEntries() {
    assertTrue(holds("size(str) = :v", ":v", n("11")));
    assertTrue(holds("size(bin) = :v", ":v", n("3")));
    assertTrue(holds("size(tags) = :v", ":v", n("2")));
    assertTrue(holds("size(scores) = :v", ":v", n("3")));
    assertTrue(holds("size(seq) = :v", ":v", n("3")));
    assertTrue(holds("size(doc) = :v", ":v", n("2")));
    assertTrue(holds("size(doc.child) = :v", ":v", n("1")));
    assertTrue(holds("size(blank) = :v", ":v", n("0")));
    assertTrue(holds("size(str) > :v", ":v", n("5")));
    assertFalse(holds("size(str) < :v", ":v", n("5")));
  }

  @Test
  void size_ofMissingAttribute_makesComparisonFalse() {
    assertFalse(holds("size(absent) = :v", ":v", n("0")));
    assertFalse(holds("size(absent) < :v", ":v", n("100")));
  }

  // ---------------------------------------------------------------- comparators

  @Test
  void comparators_onNumbers_compareNumerically() {
    assertTrue(holds("num = :v", ":v", n("10")));
    assertTrue(holds("num = :v", ":v", n("10.00")));
    assertFalse(holds("num <> :v", ":v", n("10")));
    assertTrue(holds("num <> :v", ":v", n("11")));
    assertTrue(holds("num < :v", ":v", n("11")));
    assertFalse(holds("num < :v", ":v", n("10")));
    assertTrue(holds("num <= :v", ":v", n("10")));
    assertTrue(holds("num > :v", ":v", n("9")), "10 > 9 as numbers, though not as strings");
    assertFalse(holds("num > :v", ":v", n("10")));
    assertTrue(holds("num >= :v", ":v", n("10")));
    assertTrue(holds("num > :v", ":v", n("-100")));
    assertTrue(holds("ratio = :v", ":v", n("1.50")));
    assertTrue(holds("ratio < :v", ":v", n("1.51")));
  }

  @Test
  void comparators_onStrings_compareLexicographically() {
    assertTrue(holds("str = :v", ":v", s("hello world")));
    assertTrue(holds("str < :v", ":v", s("hello xyz")));
    assertTrue(holds("str > :v", ":v", s("hello")));
    assertTrue(holds("str > :v", ":v", s("Hello world")), "lower case sorts after upper case");
    assertFalse(holds("str >= :v", ":v", s("i")));
    assertTrue(holds("str <= :v", ":v", s("hello world")));
  }

  @Test
  void comparators_onBinary_compareBytes() {
    assertTrue(holds("bin = :v", ":v", b(1, 2, 3)));
    assertTrue(holds("bin < :v", ":v", b(1, 2, 4)));
    assertTrue(holds("bin > :v", ":v", b(1, 2)));
    assertTrue(holds("bin < :v", ":v", b(0xff)), "bytes compare unsigned");
  }

  @Test
  void comparators_betweenTwoAttributes_compareTheirValues() {
    assertTrue(holds("num > ratio"));
    assertFalse(holds("num = ratio"));
    assertTrue(holds("doc.top < doc.child.leaf"));
  }

  @Test
  void comparators_onDifferentTypes_areUnequal() {
    assertFalse(holds("num = :v", ":v", s("10")));
    assertTrue(holds("num <> :v", ":v", s("10")));
    assertFalse(holds("flag = :v", ":v", s("true")));
    assertTrue(holds("flag = :v", ":v", bool(true)));
  }

  @Test
  void comparators_onMissingAttribute_onlyNotEqualHolds() {
    assertTrue(holds("absent <> :v", ":v", s("x")));
    assertFalse(holds("absent = :v", ":v", s("x")));
    assertFalse(holds("absent < :v", ":v", s("x")));
    assertFalse(holds("absent <= :v", ":v", s("x")));
    assertFalse(holds("absent > :v", ":v", s("x")));
    assertFalse(holds("absent >= :v", ":v", s("x")));
  }

  @Test
  void comparators_onDocumentsAndSets_compareWholeValues() {
    assertTrue(holds("doc = :v", ":v", m("child", m("leaf", s("y")), "top", s("x"))));
    assertFalse(holds("doc = :v", ":v", m("top", s("x"))));
    assertTrue(holds("seq = :v", ":v", l(s("a"), s("b"), n("3"))));
    assertFalse(holds("seq = :v", ":v", l(s("b"), s("a"), n("3"))), "list order matters");
    assertTrue(holds("tags = :v", ":v", ss("green", "red")), "set order does not");
    assertFalse(holds("tags = :v", ":v", ss("red")));
  }

  // ---------------------------------------------------------------- BETWEEN / IN

  @Test
  void between_inclusiveBounds_trueInsideAndOnTheBounds() {
    assertTrue(holds("num BETWEEN :lo AND :hi", ":lo", n("5"), ":hi", n("15")));
    assertTrue(holds("num BETWEEN :lo AND :hi", ":lo", n("10"), ":hi", n("10")));
    assertTrue(holds("num BETWEEN :lo AND :hi", ":lo", n("1"), ":hi", n("10")));
    assertFalse(holds("num BETWEEN :lo AND :hi", ":lo", n("11"), ":hi", n("20")));
    assertTrue(holds("str BETWEEN :lo AND :hi", ":lo", s("a"), ":hi", s("z")));
    assertFalse(holds("absent BETWEEN :lo AND :hi", ":lo", s("a"), ":hi", s("z")));
  }

  @Test
  void between_lowerBoundAboveUpperBound_throwsValidation() {
    assertValidation("Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater than or "
        + "equal to lower bound; lower bound operand: AttributeValue: {N:15}, upper bound operand: AttributeValue: "
        + "{N:5}",
        () -> holds("num BETWEEN :lo AND :hi", ":lo", n("15"), ":hi", n("5")));
  }

  @Test
  void in_listOfValues_trueWhenEqualToAny() {
    assertTrue(holds("num IN (:a, :b, :c)", ":a", n("1"), ":b", n("10"), ":c", n("100")));
    assertFalse(holds("num IN (:a, :b)", ":a", n("1"), ":b", n("2")));
    assertTrue(holds("str IN (:a, :b)", ":a", s("x"), ":b", s("hello world")));
    assertTrue(holds("num IN (:a)", ":a", n("10")));
    assertFalse(holds("absent IN (:a)", ":a", s("x")));
  }

  @Test
  void in_hundredValuesAllowedButHundredAndOneRefused() {
    assertTrue(holds(inOf(100), inValues(100)));
    assertValidation("Invalid ConditionExpression: The IN operator is provided with too many operands; number of "
        + "operands: 101",
        () -> holds(inOf(101), inValues(101)));
  }

  // ---------------------------------------------------------------- logical operators and precedence

  private static final String T = "attribute_exists(str)";
  private static final String F = "attribute_exists(absent)";

  @Test
  void logicalOperators_truthTables() {
    assertTrue(holds(T + " AND " + T));
    assertFalse(holds(T + " AND " + F));
    assertFalse(holds(F + " AND " + T));
    assertTrue(holds(T + " OR " + F));
    assertTrue(holds(F + " OR " + T));
    assertFalse(holds(F + " OR " + F));
    assertTrue(holds("NOT " + F));
    assertFalse(holds("NOT " + T));
    assertTrue(holds("NOT NOT " + T));
  }

  @Test
  void precedence_andBindsTighterThanOr() {
    // With a and b true and c false, "a OR b AND c" is true but "(a OR b) AND c" is false.
    assertTrue(holds(T + " OR " + T + " AND " + F));
    assertFalse(holds("(" + T + " OR " + T + ") AND " + F));
    assertTrue(holds(F + " AND " + F + " OR " + T));
    assertFalse(holds(F + " AND (" + F + " OR " + T + ")"));
  }

  @Test
  void precedence_notBindsTighterThanAnd() {
    assertFalse(holds("NOT " + F + " AND " + F));
    assertTrue(holds("NOT (" + F + " AND " + F + ")"));
  }

  @Test
  void parentheses_nested_innermostFirst() {
    // Every pair of parentheses here changes the grouping; DynamoDB refuses merely doubled ones.
    // T AND (T OR (F AND (F OR T))): innermost T, then F, then T, then T.
    assertTrue(holds(T + " AND (" + T + " OR " + F + " AND (" + F + " OR " + T + "))"));
    // T AND (F OR F AND (T OR T)): innermost T, then F, then F, then F.
    assertFalse(holds(T + " AND (" + F + " OR " + F + " AND (" + T + " OR " + T + "))"));
    // Without the inner parentheses the same words group differently: T AND (F OR F AND T OR T) is true.
    assertTrue(holds(T + " AND (" + F + " OR " + F + " AND " + T + " OR " + T + ")"));
  }

  @Test
  void mixedExpression_betweenInsideConjunction_parsesBetweenBoundsFirst() {
    assertTrue(holds("num BETWEEN :lo AND :hi AND str = :s",
        ":lo", n("1"), ":hi", n("20"), ":s", s("hello world")));
    assertFalse(holds("num BETWEEN :lo AND :hi AND str = :s",
        ":lo", n("1"), ":hi", n("20"), ":s", s("other")));
    assertTrue(holds("size(tags) = :two AND contains(tags, :red) OR num < :zero",
        ":two", n("2"), ":red", s("red"), ":zero", n("0")));
  }

  @Test
  void expressionAttributeNames_resolveInConditions() {
    assertTrue(holds("#s = :v AND attribute_exists(#m.#n)", ":v", s("hello world"),
        "#s", "str", "#m", "doc", "#n", "child"));
  }

  @Test
  void expressionAttributeNames_withDots_nameOneTopLevelAttribute() {
    assertTrue(holds("attribute_exists(#d)", "#d", "dot.ted"));
    assertTrue(holds("#d = :v", ":v", s("one name"), "#d", "dot.ted"));
    assertFalse(holds("attribute_exists(#d)", "#d", "doc.top"), "a dotted name is not a path");
    assertTrue(holds("attribute_exists(#m.#t)", "#m", "doc", "#t", "top"));
  }

  // ---------------------------------------------------------------- validation of the expression

  @Test
  void conditionExpression_invalid_throwsValidation() {
    assertValidation("Invalid ConditionExpression: Invalid function name; function: ATTRIBUTE_EXISTS",
        () -> holds("ATTRIBUTE_EXISTS(str)"));
    assertValidation("Invalid ConditionExpression: Invalid function name; function: Begins_With",
        () -> holds("Begins_With(str, :p)", ":p", s("h")));
    assertValidation("Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"=\"", () -> holds("num = "));
    assertValidation("Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"AND\"",
        () -> holds("num = :v AND", ":v", n("1")));
    assertValidation("Invalid ConditionExpression: Syntax error; token: \"=\", near: \"== :v\"",
        () -> holds("num == :v", ":v", n("1")));
    assertValidation("Invalid ConditionExpression: An expression attribute value used in expression is not defined; "
        + "attribute value: :undefined",
        () -> holds("num = :undefined", ":v", n("1")));
    assertValidation("Value provided in ExpressionAttributeValues unused in expressions: keys: {:unused}",
        () -> holds("num = :v", ":v", n("1"), ":unused", n("2")));
    assertValidation("Invalid ConditionExpression: An expression attribute name used in the document path is not "
        + "defined; attribute name: #undefined",
        () -> holds("#undefined = :v", ":v", n("1")));
    assertValidation("Value provided in ExpressionAttributeNames unused in expressions: keys: {#unused}",
        () -> holds("num = :v", ":v", n("1"), "#unused", "str"));
    assertValidation("Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: name",
        () -> holds("name = :v", ":v", s("reserved word")));
    assertValidation("Invalid ConditionExpression: Invalid function name; function: unknown_function",
        () -> holds("unknown_function(str)"));
  }

  // ---------------------------------------------------------------- the failure and what it returns

  @Test
  void failedCondition_onEachWrite_throwsConditionalCheckFailedAndKeepsItem() {
    Map<String, AttributeValue> original = item("pk", s("guarded"), "v", n("1"));
    client.putItem(r -> r.tableName(table).item(original));
    Map<String, AttributeValue> values = item(":two", n("2"));

    ConditionalCheckFailedException onPut = assertThrows(ConditionalCheckFailedException.class,
        () -> client.putItem(r -> r.tableName(table).item(item("pk", s("guarded"), "v", n("9")))
            .conditionExpression("v = :two").expressionAttributeValues(values)));
    ConditionalCheckFailedException onUpdate = assertThrows(ConditionalCheckFailedException.class,
        () -> client.updateItem(r -> r.tableName(table).key(item("pk", s("guarded")))
            .updateExpression("SET v = :two").conditionExpression("v = :two").expressionAttributeValues(values)));
    ConditionalCheckFailedException onDelete = assertThrows(ConditionalCheckFailedException.class,
        () -> client.deleteItem(r -> r.tableName(table).key(item("pk", s("guarded")))
            .conditionExpression("v = :two").expressionAttributeValues(values)));

    for (ConditionalCheckFailedException e : List.of(onPut, onUpdate, onDelete)) {
      assertEquals("ConditionalCheckFailedException", e.awsErrorDetails().errorCode());
      assertEquals(400, e.statusCode());
      assertFalse(e.hasItem(), "no item unless ReturnValuesOnConditionCheckFailure is ALL_OLD");
    }
    assertItem(original, read("guarded"));
  }

  @Test
  void returnValuesOnConditionCheckFailureAllOld_eachWrite_returnsTheStoredItem() {
    Map<String, AttributeValue> original = item("pk", s("returned"), "v", n("1"), "tags", ss("a", "b"),
        "m", m("x", l(s("y"))));
    client.putItem(r -> r.tableName(table).item(original));
    Map<String, AttributeValue> values = item(":two", n("2"));
    ReturnValuesOnConditionCheckFailure allOld = ReturnValuesOnConditionCheckFailure.ALL_OLD;

    ConditionalCheckFailedException onPut = assertThrows(ConditionalCheckFailedException.class,
        () -> client.putItem(r -> r.tableName(table).item(item("pk", s("returned"), "v", n("9")))
            .conditionExpression("v = :two").expressionAttributeValues(values)
            .returnValuesOnConditionCheckFailure(allOld)));
    ConditionalCheckFailedException onUpdate = assertThrows(ConditionalCheckFailedException.class,
        () -> client.updateItem(r -> r.tableName(table).key(item("pk", s("returned")))
            .updateExpression("SET v = :two").conditionExpression("v = :two").expressionAttributeValues(values)
            .returnValuesOnConditionCheckFailure(allOld)));
    ConditionalCheckFailedException onDelete = assertThrows(ConditionalCheckFailedException.class,
        () -> client.deleteItem(r -> r.tableName(table).key(item("pk", s("returned")))
            .conditionExpression("v = :two").expressionAttributeValues(values)
            .returnValuesOnConditionCheckFailure(allOld)));

    for (ConditionalCheckFailedException e : List.of(onPut, onUpdate, onDelete)) {
      assertTrue(e.hasItem(), "the old item comes back with the failure");
      assertItem(original, e.item());
    }
    assertItem(original, read("returned"));
  }

  @Test
  void returnValuesOnConditionCheckFailureAllOld_missingItem_returnsNoItem() {
    ConditionalCheckFailedException e = assertThrows(ConditionalCheckFailedException.class,
        () -> client.putItem(r -> r.tableName(table).item(item("pk", s("nobody"), "v", n("1")))
            .conditionExpression("attribute_exists(pk)")
            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
    assertFalse(e.hasItem());
  }

  @Test
  void optimisticLocking_versionCondition_secondWriterWithStaleVersionFails() {
    client.putItem(r -> r.tableName(table).item(item("pk", s("versioned"), "version", n("1"), "v", s("a"))));
    Map<String, AttributeValue> values = item(":expected", n("1"), ":one", n("1"), ":v", s("b"));

    client.updateItem(r -> r.tableName(table).key(item("pk", s("versioned")))
        .updateExpression("SET version = version + :one, v = :v")
        .conditionExpression("version = :expected")
        .expressionAttributeValues(values));
    assertThrows(ConditionalCheckFailedException.class, () -> client.updateItem(r -> r.tableName(table)
        .key(item("pk", s("versioned")))
        .updateExpression("SET version = version + :one, v = :v")
        .conditionExpression("version = :expected")
        .expressionAttributeValues(item(":expected", n("1"), ":one", n("1"), ":v", s("c")))));

    assertItem(item("pk", s("versioned"), "version", n("2"), "v", s("b")), read("versioned"));
  }

  @Test
  void conditionalDelete_trueCondition_deletesItem() {
    client.putItem(r -> r.tableName(table).item(item("pk", s("deletable"), "state", s("done"))));

    client.deleteItem(r -> r.tableName(table).key(item("pk", s("deletable")))
        .conditionExpression("#st = :done")
        .expressionAttributeNames(Map.of("#st", "state"))
        .expressionAttributeValues(item(":done", s("done"))));

    assertFalse(client.getItem(r -> r.tableName(table).key(item("pk", s("deletable")))).hasItem());
  }

  @Test
  void holdsHelper_leavesFixtureUnchanged() {
    holds("num = :v", ":v", n("10"));
    holds("num = :v", ":v", n("11"));
    assertItem(FIXTURE, read("fixture"));
  }

  // ---------------------------------------------------------------- helpers

  /**
   * Whether {@code condition} holds on the fixture: writes the fixture over itself under the
   * condition. {@code placeholders} alternate names and values: ":x" with an AttributeValue, "#x"
   * with an attribute name.
   */
  private boolean holds(String condition, Object... placeholders) {
    Map<String, AttributeValue> values = new LinkedHashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    for (int i = 0; i < placeholders.length; i += 2) {
      String token = (String) placeholders[i];
      if (token.startsWith(":")) {
        values.put(token, (AttributeValue) placeholders[i + 1]);
      } else {
        names.put(token, (String) placeholders[i + 1]);
      }
    }
    PutItemRequest.Builder request = PutItemRequest.builder()
        .tableName(table)
        .item(FIXTURE)
        .conditionExpression(condition);
    if (!values.isEmpty()) {
      request.expressionAttributeValues(values);
    }
    if (!names.isEmpty()) {
      request.expressionAttributeNames(names);
    }
    try {
      client.putItem(request.build());
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  private static String inOf(int count) {
    StringJoiner list = new StringJoiner(", ", "num IN (", ")");
    for (int i = 0; i < count; i++) {
      list.add(":v" + i);
    }
    return list.toString();
  }

  /** Values :v0..:v(count-1), the last of them equal to the fixture's num. */
  private static Object[] inValues(int count) {
    Object[] pairs = new Object[count * 2];
    for (int i = 0; i < count; i++) {
      pairs[2 * i] = ":v" + i;
      pairs[2 * i + 1] = n(i == count - 1 ? "10" : Integer.toString(1000 + i));
    }
    return pairs;
  }

  private Map<String, AttributeValue> read(String pk) {
    return client.getItem(r -> r.tableName(table).key(item("pk", s(pk))).consistentRead(true)).item();
  }
}
