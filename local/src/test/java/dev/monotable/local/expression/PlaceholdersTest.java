package dev.monotable.local.expression;

import static dev.monotable.local.expression.TestSupport.assertValidation;
import static dev.monotable.local.expression.TestSupport.placeholders;
import static dev.monotable.local.expression.TestSupport.s;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PlaceholdersTest {

  @Test
  void allUsedAcrossExpressions() {
    Placeholders placeholders = placeholders("#a", "a", "#b", "b", ":x", s("x"), ":y", s("y"));
    Expressions.condition("#a = :x", "ConditionExpression", placeholders);
    Expressions.update("SET #b = :y", placeholders);
    placeholders.checkAllUsed();
  }

  @Test
  void unusedNames() {
    Placeholders placeholders = placeholders("#unused", "someattr", "#z", "z", "#a", "a", ":v", s("x"));
    Expressions.update("SET #a = :v", placeholders);
    assertValidation("Value provided in ExpressionAttributeNames unused in expressions: keys: {#unused, #z}", placeholders::checkAllUsed);
  }

  @Test
  void unusedValues() {
    Placeholders placeholders = placeholders(":v", s("val"), ":unused", s("extra"));
    Expressions.update("SET attr1 = :v", placeholders);
    assertValidation("Value provided in ExpressionAttributeValues unused in expressions: keys: {:unused}", placeholders::checkAllUsed);
  }

  @Test
  void nothingParsedMeansAllUnused() {
    assertValidation("Value provided in ExpressionAttributeValues unused in expressions: keys: {:v}",
        placeholders(":v", s("x"))::checkAllUsed);
    Placeholders.none().checkAllUsed();
  }

  @Test
  void documentPathToString() {
    assertEquals("a.b[2].c", DocumentPath.of("a", "b", 2, "c").toString());
    assertEquals("a[0][1]", DocumentPath.of("a", 0, 1).toString());
    assertEquals("[a, b, [2], c]", DocumentPath.of("a", "b", 2, "c").toMessageString());
    assertEquals("a", DocumentPath.of("a", "b").topLevelName());
  }
}
