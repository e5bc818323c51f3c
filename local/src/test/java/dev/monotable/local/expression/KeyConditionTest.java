package dev.monotable.local.expression;

import static dev.monotable.local.expression.TestSupport.assertValidation;
import static dev.monotable.local.expression.TestSupport.b;
import static dev.monotable.local.expression.TestSupport.n;
import static dev.monotable.local.expression.TestSupport.placeholders;
import static dev.monotable.local.expression.TestSupport.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monotable.local.expression.SortKeyCondition.Operator;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeyConditionTest {

  private static KeyCondition parse(String expression, Object... entries) {
    Placeholders placeholders = placeholders(entries);
    KeyCondition condition = Expressions.keyCondition(expression, placeholders, "pk", "sk");
    placeholders.checkAllUsed();
    return condition;
  }

  private static void assertKeyError(String message, String expression, Object... entries) {
    assertValidation(message, () -> Expressions.keyCondition(expression, placeholders(entries), "pk", "sk"));
  }

  @Test
  void partitionKeyOnly() {
    assertEquals(new KeyCondition("pk", s("a"), Optional.empty()), parse("pk = :p", ":p", s("a")));
    assertEquals(new KeyCondition("pk", s("a"), Optional.empty()), parse("#k = :p", "#k", "pk", ":p", s("a")));
    assertEquals(new KeyCondition("pk", s("a"), Optional.empty()), parse(":p = pk", ":p", s("a")));
    assertEquals(new KeyCondition("pk", s("a"), Optional.empty()), parse("(pk = :p)", ":p", s("a")));
    assertEquals(new KeyCondition("pk", n(1), Optional.empty()),
        Expressions.keyCondition("pk = :p", placeholders(":p", n(1)), "pk", null));
  }

  @Test
  void sortKeyConditions() {
    assertEquals(new SortKeyCondition("sk", Operator.EQ, n(1), null), parse("pk = :p AND sk = :s", ":p", s("a"), ":s", n(1)).sortKey().get());
    assertEquals(new SortKeyCondition("sk", Operator.LT, n(1), null), parse("pk = :p AND sk < :s", ":p", s("a"), ":s", n(1)).sortKey().get());
    assertEquals(new SortKeyCondition("sk", Operator.LE, n(1), null), parse("pk = :p and sk <= :s", ":p", s("a"), ":s", n(1)).sortKey().get());
    assertEquals(new SortKeyCondition("sk", Operator.GT, n(1), null), parse("sk > :s AND pk = :p", ":p", s("a"), ":s", n(1)).sortKey().get());
    assertEquals(new SortKeyCondition("sk", Operator.GE, n(1), null), parse("(pk = :p) AND (sk >= :s)", ":p", s("a"), ":s", n(1)).sortKey().get());
    assertEquals(new SortKeyCondition("sk", Operator.LT, n(1), null), parse("pk = :p AND :s > sk", ":p", s("a"), ":s", n(1)).sortKey().get(),
        "a value on the left flips the comparison");
    assertEquals(new SortKeyCondition("sk", Operator.BETWEEN, n(1), n(5)),
        parse("pk = :p AND sk BETWEEN :lo AND :hi", ":p", s("a"), ":lo", n(1), ":hi", n(5)).sortKey().get());
    assertEquals(new SortKeyCondition("sk", Operator.BEGINS_WITH, s("x"), null),
        parse("pk = :p AND begins_with(sk, :pre)", ":p", s("a"), ":pre", s("x")).sortKey().get());
    assertEquals(new SortKeyCondition("sk", Operator.BEGINS_WITH, s("x"), null),
        parse("begins_with(#s, :pre) AND #p = :p", "#s", "sk", "#p", "pk", ":p", s("a"), ":pre", s("x")).sortKey().get());
  }

  @Test
  void matches() {
    assertTrue(new SortKeyCondition("sk", Operator.EQ, n(1), null).matches(n("1.0")));
    assertFalse(new SortKeyCondition("sk", Operator.EQ, n(1), null).matches(s("1")));
    assertTrue(new SortKeyCondition("sk", Operator.LT, s("b"), null).matches(s("a")));
    assertFalse(new SortKeyCondition("sk", Operator.LT, s("b"), null).matches(s("b")));
    assertTrue(new SortKeyCondition("sk", Operator.LE, s("b"), null).matches(s("b")));
    assertTrue(new SortKeyCondition("sk", Operator.GT, n(1), null).matches(n(2)));
    assertTrue(new SortKeyCondition("sk", Operator.GE, n(1), null).matches(n(1)));
    assertTrue(new SortKeyCondition("sk", Operator.BETWEEN, n(1), n(3)).matches(n(3)));
    assertTrue(new SortKeyCondition("sk", Operator.BETWEEN, n(1), n(3)).matches(n(1)));
    assertFalse(new SortKeyCondition("sk", Operator.BETWEEN, n(1), n(3)).matches(n(4)));
    assertTrue(new SortKeyCondition("sk", Operator.BEGINS_WITH, s("ab"), null).matches(s("abc")));
    assertFalse(new SortKeyCondition("sk", Operator.BEGINS_WITH, s("ab"), null).matches(s("a")));
    assertTrue(new SortKeyCondition("sk", Operator.BEGINS_WITH, b(1), null).matches(b(1, 2)));
    assertFalse(new SortKeyCondition("sk", Operator.BEGINS_WITH, b(1), null).matches(b(2, 1)));
    assertTrue(new SortKeyCondition("sk", Operator.GT, b(0x7f), null).matches(b(0x80)), "unsigned bytes");
    assertTrue(new SortKeyCondition("sk", Operator.LT, s("\uffff"), null).matches(s("\uffff")) == false);
    assertTrue(new SortKeyCondition("sk", Operator.LT, s("\ud83d\ude00"), null).matches(s("\uffff")),
        "code point order: U+FFFF sorts before U+1F600");
    assertFalse(new SortKeyCondition("sk", Operator.EQ, n(1), null).matches(null));
  }

  @Test
  void missingPartitionKey() {
    assertKeyError("Query condition missed key schema element: pk", "sk = :v", ":v", s("val"));
    assertKeyError("Query condition missed key schema element: pk", "attr1 = :v", ":v", s("val"));
    assertKeyError("Query condition missed key schema element: pk", "begins_with(sk, :v)", ":v", s("val"));
  }

  @Test
  void nonKeyAttribute() {
    assertKeyError("Query condition missed key schema element: sk", "pk = :v AND extra = :w", ":v", s("a"), ":w", s("b"));
    assertValidation("Query key condition not supported",
        () -> Expressions.keyCondition("pk = :v AND extra = :w", placeholders(":v", s("a"), ":w", s("b")), "pk", null));
  }

  @Test
  void unsupportedForms() {
    assertKeyError("Query key condition not supported", "pk < :v", ":v", s("a"));
    assertKeyError("Query key condition not supported", "begins_with(pk, :v)", ":v", s("a"));
    assertKeyError("Query key condition not supported", "pk BETWEEN :a AND :b", ":a", s("a"), ":b", s("b"));
    assertKeyError("Invalid operator used in KeyConditionExpression: OR", "pk = :v OR sk = :v", ":v", s("a"));
    assertKeyError("Invalid operator used in KeyConditionExpression: NOT", "NOT pk = :v", ":v", s("a"));
    assertKeyError("Invalid operator used in KeyConditionExpression: IN", "pk IN (:v)", ":v", s("a"));
    assertKeyError("Invalid operator used in KeyConditionExpression: <>", "pk <> :v", ":v", s("a"));
    assertKeyError("Invalid operator used in KeyConditionExpression: attribute_exists", "pk = :v AND attribute_exists(sk)", ":v", s("a"));
    assertKeyError("Invalid operator used in KeyConditionExpression: contains", "pk = :v AND contains(sk, :v)", ":v", s("a"));
    assertKeyError("KeyConditionExpressions cannot contain nested operations", "pk = :v AND size(sk) > :v", ":v", n(1));
    assertKeyError("KeyConditionExpressions cannot contain nested operations", "size(b) > a AND a.b > b AND b > c");
    assertKeyError("KeyConditionExpressions cannot contain nested operations", "a > size(b.d)");
    assertKeyError("KeyConditionExpressions cannot contain nested operations", "a between size(b) and size(a)");
    assertKeyError("Invalid operator used in KeyConditionExpression: OR", "a > b and size(b) > c or a > c");
    assertKeyError("Invalid operator used in KeyConditionExpression: IN", "a in (b, size(c), d)");
    assertKeyError("Invalid operator used in KeyConditionExpression: attribute_type", "attribute_type(a, :a)", ":a", s("S"));
    assertKeyError("Invalid condition in KeyConditionExpression: BETWEEN operator must have the key attribute as its first operand",
        ":a between size(b) and size(a) and b > :b", ":a", s("1"), ":b", s("1"));
    assertKeyError("Invalid condition in KeyConditionExpression: begins_with operator must have the key attribute as its first operand",
        "begins_with(:a, b) and a > :b", ":a", s("1"), ":b", s("1"));
    assertKeyError("Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition", "b > a.b");
    assertKeyError("Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition", "b between c[1] and d");
    assertKeyError("Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition", "a between b and size(a)");
    assertKeyError("Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition", "begins_with(a, b)");
    assertKeyError("KeyConditionExpressions cannot have conditions on nested attributes", "b.d > a AND c.d > e.f");
    assertKeyError("KeyConditionExpressions cannot have conditions on nested attributes", "b[0] > a");
    assertKeyError("Invalid condition in KeyConditionExpression: No key attribute specified", ":b > :a AND a < :b", ":a", n(1), ":b", n(1));
    assertKeyError("Invalid condition in KeyConditionExpression: No key attribute specified", ":a > b AND :a < :b", ":a", n(1), ":b", n(1));
    assertKeyError("KeyConditionExpressions must only contain one condition per key", "pk = :v AND pk = :v", ":v", s("a"));
    assertKeyError("KeyConditionExpressions must only contain one condition per key", "pk = :v AND sk > :v AND sk < :v", ":v", s("a"));
    assertKeyError("KeyConditionExpressions must only contain one condition per key", "(a > :a and b > :a) and (b > :a and c > :a)", ":a", s("a"));
    assertKeyError("Conditions can be of length 1 or 2 only", "pk = :v AND sk > :v AND c = :v", ":v", s("a"));
    assertKeyError("KeyConditionExpressions cannot have conditions on nested attributes", "pk.x = :v", ":v", s("a"));
  }

  @Test
  void parseErrors() {
    assertKeyError("Invalid KeyConditionExpression: The expression can not be empty;", "");
    assertKeyError("Invalid KeyConditionExpression: Syntax error; token: \")\", near: \"()\"", "()");
    assertKeyError("Invalid KeyConditionExpression: Syntax error; token: \"-\", near: \"a-b\"", "a-b");
    assertKeyError("Invalid KeyConditionExpression: An expression attribute value used in expression is not defined; attribute value: :x", "pk = :x");
    assertKeyError("Invalid KeyConditionExpression: Attribute name is a reserved keyword; reserved keyword: key", "key = :x", ":x", s("a"));
    assertKeyError("Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N",
        "pk = :v AND begins_with(sk, :n)", ":v", s("a"), ":n", n(1));
    assertKeyError("Invalid KeyConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; "
        + "lower bound operand: AttributeValue: {S:b}, upper bound operand: AttributeValue: {S:a}",
        "pk = :v AND sk BETWEEN :b AND :a", ":v", s("a"), ":a", s("a"), ":b", s("b"));
  }
}
