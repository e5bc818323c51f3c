package dev.monotable.local.conformance;

import static dev.monotable.local.conformance.Values.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;

/**
 * Expected (with ConditionalOperator) on PutItem, UpdateItem and DeleteItem: the Value/Exists form,
 * every ComparisonOperator, and DynamoDB's refusals of malformed expectations.
 *
 * <p>Most tests write the fixture item over itself with an expectation: the write succeeds when it
 * holds and fails with ConditionalCheckFailedException when it does not.
 */
class LegacyConditionTest extends EngineTest {
  private static final Map<String, AttributeValue> FIXTURE = item(
      "pk", s("fixture"),
      "str", s("hello world"),
      "num", n("10"),
      "bin", b(1, 2, 3),
      "flag", bool(true),
      "tags", ss("red", "green"),
      "seq", l(s("a"), n("1")));

  private String table;

  @BeforeAll
  void createFixtureTable() {
    table = createTable("pk", null);
    client.putItem(r -> r.tableName(table).item(FIXTURE));
  }

  private static ExpectedAttributeValue expect(ComparisonOperator operator, AttributeValue... values) {
    return ExpectedAttributeValue.builder().comparisonOperator(operator).attributeValueList(values).build();
  }

  private boolean holds(Map<String, ExpectedAttributeValue> expected) {
    return holds(expected, null);
  }

  private boolean holds(Map<String, ExpectedAttributeValue> expected, String conditionalOperator) {
    try {
      client.putItem(r -> r.tableName(table).item(FIXTURE).expected(expected).conditionalOperator(conditionalOperator));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  private void assertHolds(boolean expected, String attribute, ExpectedAttributeValue expectation) {
    assertEquals(expected, holds(Map.of(attribute, expectation)), attribute + " " + expectation);
  }

  @Test
  void everyComparisonOperator_evaluatesAgainstTheStoredItem() {
    assertHolds(true, "num", expect(ComparisonOperator.EQ, n("10.0")));
    assertHolds(false, "num", expect(ComparisonOperator.EQ, s("10")));
    assertHolds(true, "tags", expect(ComparisonOperator.EQ, ss("green", "red")));
    assertHolds(true, "num", expect(ComparisonOperator.NE, n("11")));
    assertHolds(false, "num", expect(ComparisonOperator.NE, n("10")));
    assertHolds(true, "absent", expect(ComparisonOperator.NE, n("10")));
    assertHolds(true, "num", expect(ComparisonOperator.LE, n("10")));
    assertHolds(false, "num", expect(ComparisonOperator.LT, n("10")));
    assertHolds(true, "num", expect(ComparisonOperator.GE, n("10")));
    assertHolds(false, "num", expect(ComparisonOperator.GT, n("10")));
    assertHolds(true, "str", expect(ComparisonOperator.GT, s("hello")));
    assertHolds(false, "num", expect(ComparisonOperator.LT, s("99")));
    assertHolds(true, "num", expect(ComparisonOperator.NOT_NULL));
    assertHolds(false, "absent", expect(ComparisonOperator.NOT_NULL));
    assertHolds(true, "absent", expect(ComparisonOperator.NULL));
    assertHolds(false, "num", expect(ComparisonOperator.NULL));
    assertHolds(true, "str", expect(ComparisonOperator.CONTAINS, s("lo wo")));
    assertHolds(true, "tags", expect(ComparisonOperator.CONTAINS, s("red")));
    assertHolds(false, "tags", expect(ComparisonOperator.CONTAINS, s("blue")));
    assertHolds(true, "seq", expect(ComparisonOperator.CONTAINS, n("1")));
    assertHolds(true, "bin", expect(ComparisonOperator.CONTAINS, b(2, 3)));
    assertHolds(true, "tags", expect(ComparisonOperator.NOT_CONTAINS, s("blue")));
    assertHolds(false, "str", expect(ComparisonOperator.NOT_CONTAINS, s("world")));
    assertHolds(true, "str", expect(ComparisonOperator.BEGINS_WITH, s("hell")));
    assertHolds(false, "str", expect(ComparisonOperator.BEGINS_WITH, s("world")));
    assertHolds(true, "bin", expect(ComparisonOperator.BEGINS_WITH, b(1, 2)));
    assertHolds(true, "num", expect(ComparisonOperator.IN, n("1"), n("10")));
    assertHolds(false, "num", expect(ComparisonOperator.IN, n("1"), n("2")));
    assertHolds(true, "num", expect(ComparisonOperator.BETWEEN, n("10"), n("12")));
    assertHolds(false, "num", expect(ComparisonOperator.BETWEEN, n("11"), n("12")));
  }

  @Test
  void valueAndExists_form() {
    assertHolds(true, "num", ExpectedAttributeValue.builder().value(n("10")).build());
    assertHolds(true, "num", ExpectedAttributeValue.builder().value(n("10")).exists(true).build());
    assertHolds(false, "num", ExpectedAttributeValue.builder().value(n("9")).build());
    assertHolds(true, "absent", ExpectedAttributeValue.builder().exists(false).build());
    assertHolds(false, "num", ExpectedAttributeValue.builder().exists(false).build());
    assertHolds(true, "num", ExpectedAttributeValue.builder().comparisonOperator(ComparisonOperator.GT).value(n("9")).build());
  }

  @Test
  void conditionalOperator_combinesTheExpectations() {
    Map<String, ExpectedAttributeValue> oneTrueOneFalse = new LinkedHashMap<>();
    oneTrueOneFalse.put("num", expect(ComparisonOperator.EQ, n("10")));
    oneTrueOneFalse.put("str", expect(ComparisonOperator.EQ, s("nope")));
    assertEquals(false, holds(oneTrueOneFalse));
    assertEquals(false, holds(oneTrueOneFalse, "AND"));
    assertEquals(true, holds(oneTrueOneFalse, "OR"));
  }

  @Test
  void updateAndDelete_honourExpected() {
    client.putItem(r -> r.tableName(table).item(item("pk", s("victim"), "v", n("1"))));
    Map<String, AttributeValue> key = item("pk", s("victim"));
    assertThrows(ConditionalCheckFailedException.class, () -> client.updateItem(r -> r.tableName(table).key(key)
        .attributeUpdates(Map.of("v", AttributeValueUpdate.builder().value(n("2")).build()))
        .expected(Map.of("v", expect(ComparisonOperator.EQ, n("5"))))));
    client.updateItem(r -> r.tableName(table).key(key)
        .attributeUpdates(Map.of("v", AttributeValueUpdate.builder().value(n("2")).build()))
        .expected(Map.of("v", expect(ComparisonOperator.EQ, n("1")))));
    assertThrows(ConditionalCheckFailedException.class, () -> client.deleteItem(r -> r.tableName(table).key(key)
        .expected(Map.of("v", expect(ComparisonOperator.EQ, n("1"))))));
    client.deleteItem(r -> r.tableName(table).key(key).expected(Map.of("v", expect(ComparisonOperator.EQ, n("2")))));
    assertEquals(Map.of(), client.getItem(r -> r.tableName(table).key(key)).item());
  }

  private void assertRefused(String message, String attribute, ExpectedAttributeValue expectation) {
    Executable call = () -> client.putItem(r -> r.tableName(table).item(FIXTURE).expected(Map.of(attribute, expectation)));
    assertValidation(message, call);
  }

  @Test
  void malformedExpectations_areRefused() {
    String invalid = "One or more parameter values were invalid: ";
    assertRefused(invalid + "Value and AttributeValueList cannot be used together for Attribute: num", "num",
        ExpectedAttributeValue.builder().value(n("1")).attributeValueList(n("1"))
            .comparisonOperator(ComparisonOperator.EQ).build());
    assertRefused(invalid + "Exists and ComparisonOperator cannot be used together for Attribute: num", "num",
        ExpectedAttributeValue.builder().exists(true).comparisonOperator(ComparisonOperator.NOT_NULL).build());
    assertRefused(invalid + "Value or AttributeValueList must be used with ComparisonOperator: EQ for Attribute: num",
        "num", ExpectedAttributeValue.builder().comparisonOperator(ComparisonOperator.EQ).build());
    assertRefused(invalid + "AttributeValueList can only be used with a ComparisonOperator for Attribute: num", "num",
        ExpectedAttributeValue.builder().attributeValueList(n("1")).build());
    assertRefused(invalid + "Value must be provided when Exists is true for Attribute: num", "num",
        ExpectedAttributeValue.builder().exists(true).build());
    assertRefused(invalid + "Value must be provided when Exists is null for Attribute: num", "num",
        ExpectedAttributeValue.builder().build());
    assertRefused(invalid + "Value cannot be used when Exists is false for Attribute: num", "num",
        ExpectedAttributeValue.builder().exists(false).value(n("1")).build());
    assertRefused(invalid + "Invalid number of argument(s) for the BETWEEN ComparisonOperator", "num",
        ExpectedAttributeValue.builder().comparisonOperator(ComparisonOperator.BETWEEN).value(n("1")).build());
    assertRefused(invalid + "Invalid number of argument(s) for the NULL ComparisonOperator", "num",
        expect(ComparisonOperator.NULL, n("1")));
    assertRefused(invalid + "Invalid number of argument(s) for the IN ComparisonOperator", "num",
        ExpectedAttributeValue.builder().comparisonOperator(ComparisonOperator.IN).attributeValueList(List.of()).build());
    assertRefused(invalid + "AttributeValues inside AttributeValueList must be of same type", "num",
        expect(ComparisonOperator.IN, n("1"), s("1")));
    assertRefused("The BETWEEN condition was provided a range where the lower bound is greater than the upper bound", "num",
        expect(ComparisonOperator.BETWEEN, n("2"), n("1")));
  }

  @Test
  void mixingWithExpressions_andLoneConditionalOperator_areRefused() {
    assertValidation("Can not use both expression and non-expression parameters in the same request: "
            + "Non-expression parameters: {Expected} Expression parameters: {ConditionExpression}",
        () -> client.putItem(r -> r.tableName(table).item(FIXTURE).conditionExpression("attribute_exists(pk)")
            .expected(Map.of("pk", ExpectedAttributeValue.builder().exists(false).build()))));
    assertValidation("ConditionalOperator cannot be used without Filter or Expected",
        () -> client.putItem(r -> r.tableName(table).item(FIXTURE).conditionalOperator("OR")));
    assertValidation("ExpressionAttributeValues can only be specified when using expressions: ConditionExpression is null",
        () -> client.putItem(r -> r.tableName(table).item(FIXTURE).expressionAttributeValues(Map.of(":v", n("1")))
            .expected(Map.of("num", expect(ComparisonOperator.NOT_NULL)))));
  }
}
