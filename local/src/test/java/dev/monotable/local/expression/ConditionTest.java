package dev.monotable.local.expression;

import static dev.monotable.local.expression.TestSupport.assertValidation;
import static dev.monotable.local.expression.TestSupport.b;
import static dev.monotable.local.expression.TestSupport.bs;
import static dev.monotable.local.expression.TestSupport.item;
import static dev.monotable.local.expression.TestSupport.l;
import static dev.monotable.local.expression.TestSupport.m;
import static dev.monotable.local.expression.TestSupport.n;
import static dev.monotable.local.expression.TestSupport.ns;
import static dev.monotable.local.expression.TestSupport.placeholders;
import static dev.monotable.local.expression.TestSupport.s;
import static dev.monotable.local.expression.TestSupport.ss;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monotable.local.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConditionTest {

  private static final Map<String, Value> ITEM = item(
      "pk", s("p1"),
      "title", s("Alice"),
      "age", n(30),
      "score", n("12.5"),
      "bin", b(1, 2, 3),
      "flag", Value.TRUE,
      "nothing", Value.NULL,
      "tags", ss("red", "green"),
      "nums", ns("1", "2"),
      "bins", bs(b(1), b(2)),
      "lst", l(s("x"), n(1), m("k", s("v"))),
      "doc", m("child", m("deep", n(7)), "arr", l(n(10), n(20))),
      "blank", s(""));

  private static boolean eval(String expression, Object... entries) {
    return eval(ITEM, expression, entries);
  }

  private static boolean eval(Map<String, Value> item, String expression, Object... entries) {
    Placeholders placeholders = placeholders(entries);
    Condition condition = Expressions.condition(expression, "ConditionExpression", placeholders);
    placeholders.checkAllUsed();
    return condition.test(item);
  }

  private static void assertConditionError(String message, String expression, Object... entries) {
    assertValidation(message, () -> Expressions.condition(expression, "ConditionExpression", placeholders(entries)));
  }

  @Test
  void comparesEquality() {
    assertTrue(eval("title = :v", ":v", s("Alice")));
    assertFalse(eval("title = :v", ":v", s("alice")));
    assertTrue(eval("age = :v", ":v", n("30.00")));
    assertFalse(eval("age = :v", ":v", s("30")));
    assertTrue(eval("tags = :v", ":v", ss("green", "red")));
    assertTrue(eval("lst = :v", ":v", l(s("x"), n(1), m("k", s("v")))));
    assertTrue(eval("flag = :v", ":v", Value.TRUE));
    assertTrue(eval("nothing = :v", ":v", Value.NULL));
    assertTrue(eval("#m.child = :v", "#m", "doc", ":v", m("deep", n(7))));
    assertTrue(eval("bin = :v", ":v", b(1, 2, 3)));
  }

  @Test
  void notEqualIsTrueForMissingAttributes() {
    assertTrue(eval("absent <> :v", ":v", s("x")));
    assertFalse(eval("absent = :v", ":v", s("x")));
    assertTrue(eval("title <> :v", ":v", s("Bob")));
    assertFalse(eval("title <> :v", ":v", s("Alice")));
    assertTrue(eval("age <> :v", ":v", s("30")));
  }

  @Test
  void ordersStringsNumbersAndBinaries() {
    assertTrue(eval("age < :v", ":v", n(31)));
    assertTrue(eval("age <= :v", ":v", n(30)));
    assertFalse(eval("age > :v", ":v", n(30)));
    assertTrue(eval("age >= :v", ":v", n("29.9999")));
    assertTrue(eval("score > :v", ":v", n(-100)));
    assertTrue(eval("title < :v", ":v", s("Bob")));
    assertTrue(eval("title > :v", ":v", s("Al")));
    assertTrue(eval("bin < :v", ":v", b(1, 2, 4)));
    assertTrue(eval("bin > :v", ":v", b(1, 2)));
    assertTrue(eval("bin < :v", ":v", b(0x80)), "binary order is unsigned");
  }

  @Test
  void orderingAcrossTypesOrOfOtherTypesIsFalse() {
    assertFalse(eval("age < :v", ":v", s("99")));
    assertFalse(eval("age > :v", ":v", s("1")));
    assertFalse(eval("absent < :v", ":v", n(1)));
    assertFalse(eval("flag < :v", ":v", Value.TRUE));
    assertFalse(eval("flag >= :v", ":v", Value.TRUE));
    assertFalse(eval("tags >= :v", ":v", ss("a")));
  }

  @Test
  void comparesTwoPaths() {
    Map<String, Value> item = item("a", n(1), "b", n(2), "c", n(1));
    assertTrue(eval(item, "a < b"));
    assertTrue(eval(item, "a = c"));
    assertFalse(eval(item, "a = b"));
    assertFalse(eval(item, "a = absent"));
  }

  @Test
  void between() {
    assertTrue(eval("age BETWEEN :lo AND :hi", ":lo", n(30), ":hi", n(40)));
    assertTrue(eval("age between :lo and :hi", ":lo", n(20), ":hi", n(30)));
    assertFalse(eval("age BETWEEN :lo AND :hi", ":lo", n(31), ":hi", n(40)));
    assertTrue(eval("title BETWEEN :lo AND :hi", ":lo", s("A"), ":hi", s("B")));
    assertFalse(eval("title BETWEEN :lo AND :hi", ":lo", n(1), ":hi", n(2)));
    assertFalse(eval("absent BETWEEN :lo AND :hi", ":lo", n(1), ":hi", n(2)));
  }

  @Test
  void betweenChecksConstantBounds() {
    assertConditionError("Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; "
        + "lower bound operand: AttributeValue: {N:5}, upper bound operand: AttributeValue: {N:1}",
        "age BETWEEN :lo AND :hi", ":lo", n(5), ":hi", n(1));
    assertConditionError("Invalid ConditionExpression: The BETWEEN operator requires same data type for lower and upper bounds; "
        + "lower bound operand: AttributeValue: {N:1}, upper bound operand: AttributeValue: {S:a}",
        "age BETWEEN :lo AND :hi", ":lo", n(1), ":hi", s("a"));
  }

  @Test
  void in() {
    assertTrue(eval("title IN (:a, :b)", ":a", s("Bob"), ":b", s("Alice")));
    assertFalse(eval("title IN (:a, :b)", ":a", s("Bob"), ":b", s("Carol")));
    assertTrue(eval("age in (:a)", ":a", n(30)));
    assertFalse(eval("absent IN (:a)", ":a", n(30)));
    assertTrue(eval("age IN (score, :a)", ":a", n(30)));
  }

  @Test
  void inAllowsAHundredOperands() {
    Object[] entries = new Object[200];
    StringBuilder lst = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      entries[2 * i] = ":v" + i;
      entries[2 * i + 1] = n(i);
      lst.append(i == 0 ? "" : ", ").append(":v").append(i);
    }
    assertTrue(eval("age IN (" + lst + ")", entries));
    assertConditionError("Invalid ConditionExpression: The IN operator is provided with too many operands; number of operands: 101",
        "age IN (" + lst + ", :v0)", entries);
  }

  @Test
  void logicalOperatorsAndPrecedence() {
    Object[] values = {":t", s("Alice"), ":f", s("nobody")};
    assertTrue(eval("title = :t AND age = :a AND title <> :f", ":a", n(30), ":t", s("Alice"), ":f", s("nobody")));
    assertFalse(eval("title = :f AND title = :t", values));
    assertTrue(eval("title = :f OR title = :t", values));
    assertTrue(eval("NOT title = :f AND title = :t", values));
    assertFalse(eval("not title = :t OR title = :f", values));
    // AND binds tighter than OR: true OR (false AND false)
    assertTrue(eval("title = :t OR title = :f AND title = :f", values));
    // (true OR false) AND false
    assertFalse(eval("(title = :t OR title = :f) AND title = :f", values));
    // NOT binds tighter than AND: (NOT false) AND true
    assertTrue(eval("NOT title = :f AND title = :t", values));
    assertFalse(eval("NOT (title = :f OR title = :t)", values));
    assertTrue(eval("NOT NOT title = :t AND NOT title = :f", values));
    // absent attribute: the comparison is false, its negation true
    assertTrue(eval("NOT absent = :t AND NOT absent = :f", values));
  }

  @Test
  void attributeExistsAndNotExists() {
    assertTrue(eval("attribute_exists(title)"));
    assertFalse(eval("attribute_exists(absent)"));
    assertTrue(eval("attribute_not_exists(absent)"));
    assertFalse(eval("attribute_not_exists(pk)"));
    assertTrue(eval("attribute_exists(doc.child.deep)"));
    assertTrue(eval("attribute_exists(doc.arr[1])"));
    assertFalse(eval("attribute_exists(doc.arr[2])"));
    assertFalse(eval("attribute_exists(title.given)"));
    assertFalse(eval("attribute_exists(lst.x)"));
    assertTrue(eval("attribute_exists(lst[2].k)"));
    assertTrue(eval("attribute_exists(nothing)"));
    assertTrue(eval(Map.of(), "attribute_not_exists(pk)"));
    assertTrue(eval(Map.of(), "attribute_not_exists(#s)", "#s", "status"));
  }

  @Test
  void attributeType() {
    String[][] cases = {
        {"title", "S"}, {"age", "N"}, {"bin", "B"}, {"flag", "BOOL"}, {"nothing", "NULL"}, {"tags", "SS"},
        {"nums", "NS"}, {"bins", "BS"}, {"lst", "L"}, {"doc", "M"}};
    for (String[] c : cases) {
      assertTrue(eval("attribute_type(" + c[0] + ", :t)", ":t", s(c[1])), c[0]);
      assertFalse(eval("attribute_type(" + c[0] + ", :t)", ":t", s(c[1].equals("S") ? "N" : "S")), c[0]);
    }
    assertFalse(eval("attribute_type(absent, :t)", ":t", s("S")));
    assertConditionError("Invalid ConditionExpression: Invalid attribute type name found; type: X, valid types: { B,NULL,SS,BOOL,L,BS,N,NS,S,M }",
        "attribute_type(title, :t)", ":t", s("X"));
    assertConditionError("Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: attribute_type, operand type: N",
        "attribute_type(title, :t)", ":t", n(1));
  }

  @Test
  void beginsWith() {
    assertTrue(eval("begins_with(title, :p)", ":p", s("Al")));
    assertTrue(eval("begins_with(title, :p)", ":p", s("")));
    assertFalse(eval("begins_with(title, :p)", ":p", s("al")));
    assertTrue(eval("begins_with(bin, :p)", ":p", b(1, 2)));
    assertFalse(eval("begins_with(bin, :p)", ":p", b(2)));
    assertFalse(eval("begins_with(age, :p)", ":p", s("3")));
    assertFalse(eval("begins_with(absent, :p)", ":p", s("3")));
    assertFalse(eval("begins_with(title, pk)"));
    assertConditionError("Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N",
        "begins_with(title, :p)", ":p", n(1));
  }

  @Test
  void contains() {
    assertTrue(eval("contains(title, :p)", ":p", s("lic")));
    assertFalse(eval("contains(title, :p)", ":p", s("LIC")));
    assertTrue(eval("contains(tags, :p)", ":p", s("red")));
    assertFalse(eval("contains(tags, :p)", ":p", s("re")));
    assertTrue(eval("contains(nums, :p)", ":p", n("2.0")));
    assertFalse(eval("contains(nums, :p)", ":p", s("2")));
    assertTrue(eval("contains(bins, :p)", ":p", b(2)));
    assertTrue(eval("contains(lst, :p)", ":p", n(1)));
    assertTrue(eval("contains(lst, :p)", ":p", m("k", s("v"))));
    assertFalse(eval("contains(lst, :p)", ":p", s("y")));
    assertTrue(eval("contains(bin, :p)", ":p", b(2, 3)));
    assertFalse(eval("contains(age, :p)", ":p", n(3)));
    assertFalse(eval("contains(absent, :p)", ":p", n(3)));
    assertFalse(eval("contains(doc, :p)", ":p", s("child")));
    Map<String, Value> item = item("haystack", s("abc"), "needle", s("b"));
    assertTrue(eval(item, "contains(haystack, needle)"));
  }

  @Test
  void size() {
    assertTrue(eval("size(title) = :v", ":v", n(5)));
    assertTrue(eval("size(bin) = :v", ":v", n(3)));
    assertTrue(eval("size(tags) = :v", ":v", n(2)));
    assertTrue(eval("size(lst) = :v", ":v", n(3)));
    assertTrue(eval("size(doc) = :v", ":v", n(2)));
    assertTrue(eval("size(doc.arr) < :v", ":v", n(3)));
    assertTrue(eval("size(blank) = :v", ":v", n(0)));
    assertTrue(eval("size(title) BETWEEN :a AND :b", ":a", n(1), ":b", n(10)));
    assertTrue(eval("size(title) IN (:a)", ":a", n(5)));
    assertTrue(eval("size(title) > size(tags)"));
    assertFalse(eval("size(absent) = :v", ":v", n(0)));
    assertFalse(eval("size(age) = :v", ":v", n(2)));
    assertTrue(eval("size(absent) <> :v", ":v", n(0)));
    // strings count characters, not UTF-8 bytes (DynamoDB's size("ab\u00ff") is 3, as recorded in RecordedScanTest)
    assertTrue(eval(item("u", s("\u00e9\u20ac")), "size(u) = :v", ":v", n(2)));
  }

  @Test
  void placeholdersAndNestedPaths() {
    assertTrue(eval("#a.#b[1] = :v", "#a", "doc", "#b", "arr", ":v", n(20)));
    assertTrue(eval("#a.child.#d = :v", "#a", "doc", "#d", "deep", ":v", n(7)));
    assertTrue(eval(item("status", s("on")), "#s = :v", "#s", "status", ":v", s("on")));
    assertTrue(eval(item("a.b", s("dotted")), "#n = :v", "#n", "a.b", ":v", s("dotted")));
    assertTrue(eval(item("a", m("b", s("nested"))), "a.b = :v", ":v", s("nested")));
    assertTrue(eval(item("l", l(l(n(1), n(2)))), "l[0][1] = :v", ":v", n(2)));
    assertTrue(eval("lst [ 0 ] = :v", ":v", s("x")));
  }

  @Test
  void reservedWords() {
    assertConditionError("Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: status",
        "status = :v", ":v", s("x"));
    assertConditionError("Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: Name",
        "attribute_exists(Name)");
    assertConditionError("Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: data",
        "a.data = :v", ":v", s("x"));
    assertValidation("Invalid FilterExpression: Attribute name is a reserved keyword; reserved keyword: size",
        () -> Expressions.condition("size = :v", "FilterExpression", placeholders(":v", s("x"))));
    assertEquals(573, ReservedWords.count());
  }

  @Test
  void undefinedPlaceholders() {
    assertConditionError("Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :v",
        "a = :v");
    assertConditionError("Invalid ConditionExpression: An expression attribute name used in the document path is not defined; attribute name: #n",
        "#n = :v", ":v", s("x"));
    assertConditionError("Invalid ConditionExpression: An expression attribute name used in the document path is not defined; attribute name: #n",
        "a.#n = :v", ":v", s("x"));
    // a reserved word is reported before an undefined placeholder
    assertConditionError("Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: status",
        "#n = :v AND status = :v");
  }

  @Test
  void syntaxErrors() {
    assertConditionError("Invalid ConditionExpression: Syntax error; token: \"-\", near: \"a-b\"", "a-b");
    assertConditionError("Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"a\"", "a");
    assertConditionError("Invalid ConditionExpression: Syntax error; token: \"1\", near: \"= 1\"", "a = 1");
    assertConditionError("Invalid ConditionExpression: Syntax error; token: \")\", near: \"()\"", "()");
    assertConditionError("Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"=\"", "a =");
    assertConditionError("Invalid ConditionExpression: Syntax error; token: \"b\", near: \":v b\"", "a = :v b", ":v", s("x"));
    assertConditionError("Invalid ConditionExpression: Syntax error; token: \"AND\", near: \"= AND :v\"", "a = AND :v", ":v", s("x"));
    assertConditionError("Invalid ConditionExpression: Syntax error; token: \"!\", near: \"!!\"", "!!");
    assertConditionError("Invalid ConditionExpression: Syntax error; token: \"#\", near: \"# =\"", "# = :v");
    assertConditionError("Invalid ConditionExpression: Syntax error; token: \":\", near: \"= : v\"", "a = : v");
    assertConditionError("Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \":x\"", "a BETWEEN :x");
    assertConditionError("Invalid ConditionExpression: Syntax error; token: \"-\", near: \"[-1\"", "a[-1] = :v");
    assertConditionError("Invalid ConditionExpression: Syntax error; token: \")\", near: \"()\"", "a IN ()");
    assertConditionError("Invalid ConditionExpression: Syntax error; token: \"=\", near: \"== :v\"", "a == :v");
  }

  @Test
  void emptyAndOversizedExpressions() {
    assertConditionError("Invalid ConditionExpression: The expression can not be empty;", "");
    assertConditionError("Invalid ConditionExpression: The expression can not be empty;", "   ");
    String big = "a = :v AND " + "a".repeat(4096) + " = :v";
    assertConditionError("Invalid ConditionExpression: Expression size has exceeded the maximum allowed size;", big, ":v", s("x"));
  }

  @Test
  void functionErrors() {
    assertConditionError("Invalid ConditionExpression: Invalid function name; function: foo", "foo(a)");
    assertConditionError("Invalid ConditionExpression: Invalid function name; function: BEGINS_WITH", "BEGINS_WITH(a, :v)", ":v", s("x"));
    assertConditionError("Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: size",
        "size(a)");
    assertConditionError("Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: attribute_exists",
        "attribute_exists(a) = :v", ":v", Value.TRUE);
    assertConditionError("Invalid ConditionExpression: The function is not allowed in a condition expression; function: if_not_exists",
        "if_not_exists(a, :v) = :v", ":v", s("x"));
    assertConditionError("Invalid ConditionExpression: Incorrect number of operands for operator or function; operator or function: begins_with, number of operands: 1",
        "begins_with(a)");
    assertConditionError("Invalid ConditionExpression: Incorrect number of operands for operator or function; operator or function: attribute_exists, number of operands: 2",
        "attribute_exists(a, b)");
    assertConditionError("Invalid ConditionExpression: Operator or function requires a document path; operator or function: attribute_exists",
        "attribute_exists(:v)", ":v", s("x"));
    assertConditionError("Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: size, operand type: N",
        "size(:v) = :w", ":v", n(1), ":w", n(1));
    assertConditionError("Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: size, operand type: N",
        "size(size(a)) > :w", ":w", n(1));
    assertConditionError("Invalid ConditionExpression: Operator or function requires a document path; operator or function: attribute_not_exists",
        "attribute_not_exists(size(:a))", ":a", s("1"));
    assertConditionError("Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: size, operand type: N",
        "attribute_not_exists(size(:a))", ":a", n(1));
    assertConditionError("Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N",
        "begins_with(a, size(a))");
    assertConditionError("Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: BOOL",
        "begins_with(:a, a)", ":a", Value.TRUE);
    assertConditionError("Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: attribute_type, operand type: N",
        "attribute_type(a, size(a))");
    assertConditionError("Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: contains",
        "size(contains(a, b)) > a");
    assertConditionError("Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: attribute_exists",
        "a between b and attribute_exists(c)");
    assertConditionError("Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: attribute_exists",
        "a in (b, attribute_exists(c))");
    assertConditionError("Invalid ConditionExpression: Incorrect number of operands for operator or function; operator or function: size, number of operands: 2",
        "size(a, b) > c");
    assertConditionError("Invalid ConditionExpression: The first operand must be distinct from the remaining operands for this operator or function; operator: contains, first operand: [data]",
        "contains(#a, #a)", "#a", "data");
    assertConditionError("Invalid ConditionExpression: The expression has redundant parentheses;",
        "((attribute_not_exists(pk)))");
  }

  @Test
  void distinctOperands() {
    String prefix = "Invalid ConditionExpression: The first operand must be distinct from the remaining operands for this operator or function; ";
    assertConditionError(prefix + "operator: =, first operand: [a]", "a = a AND #a = b", "#a", "a");
    assertConditionError(prefix + "operator: <>, first operand: [a]", "#a <> a", "#a", "a");
    assertConditionError(prefix + "operator: >, first operand: [a]", "(a > #a)", "#a", "a");
    assertConditionError(prefix + "operator: begins_with, first operand: [ab, bc, [1], a]", "begins_with(ab.bc[1].a, ab.bc[1].#a)", "#a", "a");
    assertConditionError(prefix + "operator: attribute_type, first operand: [x]", "attribute_type(x, x)");
    assertConditionError(prefix + "operator: BETWEEN, first operand: [x]", "x BETWEEN :a AND x", ":a", n(1));
    assertConditionError(prefix + "operator: IN, first operand: [x]", "x IN (:a, x)", ":a", n(1));
    // two equal values are fine
    assertTrue(eval(":a = :a", ":a", n(1)));
  }

  @Test
  void checkOrder() {
    // redundant parentheses come before syntax errors, function names, reserved words
    assertConditionError("Invalid ConditionExpression: The expression has redundant parentheses;", "(a)between(((b.c)).d)and(c)");
    assertConditionError("Invalid ConditionExpression: The expression has redundant parentheses;", "a > whatever((:things), ((a)))");
    assertConditionError("Invalid ConditionExpression: The expression has redundant parentheses;", "a=a and a > ((views))");
    assertConditionError("Invalid ConditionExpression: The expression has redundant parentheses;", "a=a AND ((a=a AND (a=a AND a=a)))");
    // function names before reserved words
    assertConditionError("Invalid ConditionExpression: Invalid function name; function: attRIbute_exIsts", "attRIbute_exIsts((views), #a)");
    assertConditionError("Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: attribute_exists",
        "a=a and attribute_exists((views), (#a)) > b");
    // reserved words before undefined placeholders and operand counts
    assertConditionError("Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: views", "attribute_exists(views, #a)");
    // undefined placeholders, first in the text, before operand counts
    assertConditionError("Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :hello",
        "begins_with(:hello, #a, #b)");
    assertConditionError("Invalid ConditionExpression: An expression attribute name used in the document path is not defined; attribute name: #P",
        "(#P between :lo and :hi) and (#PC in (:cat1, :cat2))");
    // operand counts before operand types
    assertConditionError("Invalid ConditionExpression: Incorrect number of operands for operator or function; operator or function: begins_with, number of operands: 3",
        "begins_with(things, size(a), b)");
  }

  @Test
  void parenthesizedOperands() {
    Map<String, Value> item = item("a", n(1), "b", n(2), "c", m("d", n(5)));
    assertTrue(eval(item, "(a) < (b)"));
    assertTrue(eval(item, "(a)between(:lo)and(c.d)", ":lo", n(0)));
    assertTrue(eval(item, "a IN ((b), (:one))", ":one", n(1)));
    assertTrue(eval(item, "(size(c)) = :one", ":one", n(1)));
    assertTrue(eval(item, "attribute_exists((a))"));
    assertTrue(eval(item, "NOT (a) > (b)"));
  }

  @Test
  void singleParenthesesAreFine() {
    assertTrue(eval("(attribute_exists(pk))"));
    assertTrue(eval("(attribute_exists(pk)) AND ((attribute_exists(pk)) OR (attribute_exists(x)))"));
  }

  @Test
  void keywordsAreCaseInsensitive() {
    assertTrue(eval("title = :v oR age = :v aNd NoT flag = :v", ":v", s("Alice")));
  }

  @Test
  void conditionDoesNotChangeTheItem() {
    Map<String, Value> copy = new LinkedHashMap<>(ITEM);
    eval("attribute_exists(doc.child) AND size(lst) > :v", ":v", n(1));
    assertEquals(copy, ITEM);
  }

  @Test
  void manyConditionsInAChain() {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      parts.add("attribute_exists(a" + i + ")");
    }
    assertFalse(eval(String.join(" AND ", parts)));
    assertFalse(eval(String.join(" OR ", parts)));
    assertTrue(eval(item("a49", n(1)), String.join(" OR ", parts)));
  }

  @Test
  void attributeNamesAndPaths() {
    Condition condition = Expressions.condition("#a.b = :v AND (size(c[1]) > :v OR NOT attribute_exists(d)) AND c = a OR e IN (:v, f)",
        "FilterExpression", placeholders("#a", "a", ":v", n(1)));
    assertEquals(List.of("a", "c", "d", "e", "f"), condition.attributeNames());
    assertEquals(List.of(DocumentPath.of("a", "b"), DocumentPath.of("c", 1), DocumentPath.of("d"), DocumentPath.of("c"),
        DocumentPath.of("a"), DocumentPath.of("e"), DocumentPath.of("f")), condition.paths());
  }

  @Test
  void betweenInsideAndChainsAndRuntimeTypes() {
    Map<String, Value> item = item("a", n(5), "b", s("x"), "lo", n(1), "hi", s("z"));
    assertTrue(eval(item, "a BETWEEN :lo AND :hi AND b = :b", ":lo", n(1), ":hi", n(9), ":b", s("x")));
    assertFalse(eval(item, "a BETWEEN :lo AND :hi AND b = :b", ":lo", n(6), ":hi", n(9), ":b", s("x")));
    assertTrue(eval(item, "a BETWEEN :lo AND :hi OR b = :b", ":lo", n(6), ":hi", n(9), ":b", s("x")));
    assertFalse(eval(item, "a BETWEEN lo AND hi"), "bounds of different types at run time: false, not an error");
    assertFalse(eval(item("a", n(5), "lo", n(9), "hi", n(1)), "a BETWEEN lo AND hi"));
  }

  @Test
  void emptyItem() {
    Map<String, Value> empty = Map.of();
    assertTrue(eval(empty, "attribute_not_exists(a) AND NOT attribute_exists(b.c[0])"));
    assertFalse(eval(empty, "begins_with(a, :p) OR contains(a, :p) OR size(a) >= :n OR a IN (:p) OR attribute_type(a, :t)",
        ":p", s("x"), ":n", n(0), ":t", s("S")));
    assertTrue(eval(empty, "a <> :p", ":p", s("x")));
  }

  @Test
  void reservedWordsIgnoreCase() {
    for (String word : List.of("STATUS", "Status", "sTaTuS", "ttl", "Comment", "year", "Zone", "abort")) {
      assertConditionError("Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: " + word,
          "attribute_exists(" + word + ")");
    }
    for (String word : List.of("title", "pk", "sk", "gsi1pk", "email", "createdAt", "a_b1")) {
      Expressions.condition("attribute_exists(" + word + ")", "ConditionExpression", placeholders());
    }
  }

  @Test
  void nameStartingWithUnderscore_isASyntaxError() {
    // as the dynalite project recorded DynamoDB's answer (a placeholder, #_x, is how to name such an attribute)
    assertConditionError("Invalid ConditionExpression: Syntax error; token: \"_\", near: \"(_x\"", "attribute_exists(_x)");
    assertConditionError("Invalid ConditionExpression: Syntax error; token: \"_\", near: \"._d\"", "attribute_exists(c._d)");
  }

  @Test
  void whitespaceIsFree() {
    assertTrue(eval("\n\tattribute_exists( doc .child . deep )\r\nAND  size(lst)>=:v", ":v", n(3)));
    assertTrue(eval("title=:v AND(age>:w)", ":v", s("Alice"), ":w", n(1)));
  }

  @Test
  void deepNestingStaysWithinTheSizeLimit() {
    StringBuilder nested = new StringBuilder();
    for (int i = 0; i < 160; i++) {
      nested.append("attribute_exists(a) OR (");
    }
    nested.append("attribute_not_exists(a)");
    nested.append(")".repeat(160));
    assertTrue(eval(nested.toString()));
    assertTrue(eval("NOT ".repeat(800) + "attribute_not_exists(a)"));
    assertConditionError("Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \")\"", "(".repeat(1000) + "a)");
  }
}
