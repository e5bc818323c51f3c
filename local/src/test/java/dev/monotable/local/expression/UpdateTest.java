package dev.monotable.local.expression;

import static dev.monotable.local.expression.TestSupport.assertValidation;
import static dev.monotable.local.expression.TestSupport.b;
import static dev.monotable.local.expression.TestSupport.bs;
import static dev.monotable.local.expression.TestSupport.item;
import static dev.monotable.local.expression.TestSupport.l;
import static dev.monotable.local.expression.TestSupport.m;
import static dev.monotable.local.expression.TestSupport.n;
import static dev.monotable.local.expression.TestSupport.ns;
import static dev.monotable.local.expression.TestSupport.path;
import static dev.monotable.local.expression.TestSupport.placeholders;
import static dev.monotable.local.expression.TestSupport.s;
import static dev.monotable.local.expression.TestSupport.ss;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.monotable.local.value.Value;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UpdateTest {

  private static Map<String, Value> apply(Map<String, Value> item, String expression, Object... entries) {
    Placeholders placeholders = placeholders(entries);
    Update update = Expressions.update(expression, placeholders);
    placeholders.checkAllUsed();
    Map<String, Value> before = new LinkedHashMap<>(item);
    Map<String, Value> after = update.apply(item);
    assertEquals(before, item, "the input item is not changed");
    assertInstanceOf(LinkedHashMap.class, after);
    return after;
  }

  private static void assertParseError(String message, String expression, Object... entries) {
    assertValidation(message, () -> Expressions.update(expression, placeholders(entries)));
  }

  private static void assertApplyError(String message, Map<String, Value> item, String expression, Object... entries) {
    Update update = Expressions.update(expression, placeholders(entries));
    assertValidation(message, () -> update.apply(item));
  }

  @Test
  void setsTopLevelAttributes() {
    assertEquals(item("a", s("x"), "b", n(2)), apply(item("a", s("old")), "SET a = :a, b = :b", ":a", s("x"), ":b", n(2)));
    assertEquals(item("a", s("x")), apply(item(), "set a = :a", ":a", s("x")));
    assertEquals(item("status", s("x")), apply(item(), "SET #s = :a", "#s", "status", ":a", s("x")));
  }

  @Test
  void setCopiesAnotherAttribute() {
    assertEquals(item("a", n(1), "b", n(1)), apply(item("a", n(1)), "SET b = a"));
    assertEquals(item("a", n(2), "b", n(1)), apply(item("a", n(1), "b", n(2)), "SET a = b, b = a"),
        "all values are read from the item before the update");
  }

  @Test
  void arithmetic() {
    assertEquals(item("c", n(3)), apply(item("c", n(1)), "SET c = c + :d", ":d", n(2)));
    assertEquals(item("c", n("-1.5")), apply(item("c", n(1)), "SET c = c - :d", ":d", n("2.5")));
    assertEquals(item("c", n(7)), apply(item(), "SET c = :a + :b", ":a", n(3), ":b", n(4)));
    assertEquals(item("a", n(1), "c", n(2)), apply(item("a", n(1)), "SET c = a + a"));
    assertApplyError(Update.MISSING_ATTRIBUTE, item(), "SET c = c + :d", ":d", n(1));
    assertApplyError(Update.INCORRECT_TYPE, item("c", s("x")), "SET c = c + :d", ":d", n(1));
    assertApplyError("Attempting to store more than 38 significant digits in a Number",
        item("c", n("1" + "0".repeat(37))), "SET c = c + :d", ":d", n("0.1"));
    assertParseError("Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: +, operand type: S",
        "SET c = c + :d", ":d", s("x"));
    assertParseError("Invalid UpdateExpression: Syntax error; token: \"+\", near: \":b + :c\"",
        "SET a = :a + :b + :c", ":a", n(1), ":b", n(1), ":c", n(1));
  }

  @Test
  void ifNotExists() {
    assertEquals(item("a", n(5)), apply(item("a", n(5)), "SET a = if_not_exists(a, :z)", ":z", n(0)));
    assertEquals(item("a", n(0)), apply(item(), "SET a = if_not_exists(a, :z)", ":z", n(0)));
    assertEquals(item("a", n(1)), apply(item(), "SET a = if_not_exists(a, :z) + :one", ":z", n(0), ":one", n(1)));
    assertEquals(item("b", n(3), "a", n(3)), apply(item("b", n(3)), "SET a = if_not_exists(a, b)"));
    assertApplyError(Update.MISSING_ATTRIBUTE, item(), "SET a = if_not_exists(a, b)");
    assertParseError("Invalid UpdateExpression: Operator or function requires a document path; operator or function: if_not_exists",
        "SET a = if_not_exists(:z, a)", ":z", n(0));
    assertParseError("Invalid UpdateExpression: Incorrect number of operands for operator or function; operator or function: if_not_exists, number of operands: 1",
        "SET a = if_not_exists(a)");
  }

  @Test
  void listAppend() {
    Map<String, Value> item = item("l", l(n(1), n(2)));
    assertEquals(item("l", l(n(1), n(2), n(3))), apply(item, "SET l = list_append(l, :v)", ":v", l(n(3))));
    assertEquals(item("l", l(n(0), n(1), n(2))), apply(item, "SET l = list_append(:v, l)", ":v", l(n(0))));
    assertEquals(item("l", l(n(9))), apply(item(), "SET l = list_append(if_not_exists(l, :e), :v)", ":e", l(), ":v", l(n(9))));
    assertApplyError(Update.INCORRECT_TYPE, item("l", s("x")), "SET l = list_append(l, :v)", ":v", l(n(3)));
    assertApplyError(Update.MISSING_ATTRIBUTE, item(), "SET l = list_append(l, :v)", ":v", l(n(3)));
    assertParseError("Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: list_append, operand type: S",
        "SET l = list_append(l, :v)", ":v", s("x"));
  }

  @Test
  void setNestedPaths() {
    Map<String, Value> item = item("m", m("a", n(1), "l", l(n(10), n(20))));
    assertEquals(item("m", m("a", n(2), "l", l(n(10), n(20)))), apply(item, "SET m.a = :v", ":v", n(2)));
    assertEquals(item("m", m("a", n(1), "l", l(n(10), n(20)), "b", s("new"))), apply(item, "SET m.b = :v", ":v", s("new")));
    assertEquals(item("m", m("a", n(1), "l", l(n(10), n(99)))), apply(item, "SET m.l[1] = :v", ":v", n(99)));
    assertEquals(item("m", m("a", n(1), "l", l(n(10), n(20), n(99)))), apply(item, "SET m.l[7] = :v", ":v", n(99)),
        "an index past the end appends");
    assertEquals(item("m", m("a", n(1), "l", l(n(10), n(20), n(1), n(2)))),
        apply(item, "SET m.l[5] = :x, m.l[9] = :y", ":x", n(1), ":y", n(2)));
    assertEquals(item("m", m("a", n(1), "l", l(n(10), n(20)), "#x", n(1))), apply(item, "SET #m.#k = :v", "#m", "m", "#k", "#x", ":v", n(1)));
  }

  @Test
  void setOnAMissingOrWrongParentFails() {
    Map<String, Value> item = item("m", m("a", n(1)), "l", l(n(1)), "s", s("x"));
    assertApplyError(Update.INVALID_PATH, item, "SET absent.a = :v", ":v", n(1));
    assertApplyError(Update.INVALID_PATH, item, "SET m.x.y = :v", ":v", n(1));
    assertApplyError(Update.INVALID_PATH, item, "SET s.a = :v", ":v", n(1));
    assertApplyError(Update.INVALID_PATH, item, "SET m[0] = :v", ":v", n(1));
    assertApplyError(Update.INVALID_PATH, item, "SET l.a = :v", ":v", n(1));
    assertApplyError(Update.INVALID_PATH, item, "SET l[3].a = :v", ":v", n(1));
    assertApplyError(Update.INVALID_PATH, item, "SET absent[0] = :v", ":v", n(1));
    assertEquals("The document path provided in the update expression is invalid for update", Update.INVALID_PATH);
  }

  @Test
  void remove() {
    Map<String, Value> item = item("a", n(1), "b", n(2), "m", m("x", n(1), "y", n(2)));
    assertEquals(item("b", n(2), "m", m("x", n(1), "y", n(2))), apply(item, "REMOVE a"));
    assertEquals(item("a", n(1), "b", n(2), "m", m("y", n(2))), apply(item, "REMOVE m.x"));
    assertEquals(item, apply(item, "REMOVE absent"));
    assertEquals(item, apply(item, "REMOVE m.absent"));
    assertEquals(item("m", m("x", n(1), "y", n(2))), apply(item, "remove a, b"));
    assertApplyError(Update.INVALID_PATH, item, "REMOVE absent.x");
    assertApplyError(Update.INVALID_PATH, item, "REMOVE a.x");
  }

  @Test
  void removeListElementsUsesOriginalIndexes() {
    Map<String, Value> item = item("l", l(s("a"), s("b"), s("c"), s("d"), s("e")));
    assertEquals(item("l", l(s("a"), s("c"), s("d"), s("e"))), apply(item, "REMOVE l[1]"));
    assertEquals(item("l", l(s("a"), s("c"), s("e"))), apply(item, "REMOVE l[1], l[3]"));
    assertEquals(item("l", l(s("a"), s("c"), s("e"))), apply(item, "REMOVE l[3], l[1]"));
    assertEquals(item("l", l(s("b"), s("d"))), apply(item, "REMOVE l[4], l[0], l[2]"));
    assertEquals(item, apply(item, "REMOVE l[10]"));
    Map<String, Value> nested = item("l", l(m("x", n(1), "y", n(2)), s("b")));
    assertEquals(item("l", l(m("y", n(2)))), apply(nested, "REMOVE l[0].x, l[1]"));
  }

  @Test
  void setAndRemoveOnOneList() {
    Map<String, Value> item = item("l", l(s("a"), s("b"), s("c")));
    assertEquals(item("l", l(s("b"), s("X"))), apply(item, "SET l[2] = :v REMOVE l[0]", ":v", s("X")));
    assertEquals(item("l", l(s("b"), s("c"), s("X"))), apply(item, "REMOVE l[0] SET l[5] = :v", ":v", s("X")));
  }

  @Test
  void addNumbers() {
    assertEquals(item("c", n(6)), apply(item("c", n(5)), "ADD c :one", ":one", n(1)));
    assertEquals(item("c", n(1)), apply(item(), "ADD c :one", ":one", n(1)));
    assertEquals(item("c", n("-0.5")), apply(item("c", n(1)), "add c :d", ":d", n("-1.5")));
    assertEquals(item("m", m("c", n(3))), apply(item("m", m("c", n(2))), "ADD m.c :one", ":one", n(1)));
    assertApplyError(Update.INCORRECT_TYPE, item("c", s("x")), "ADD c :one", ":one", n(1));
    assertApplyError(Update.INCORRECT_TYPE, item("c", ns("1")), "ADD c :one", ":one", n(1));
  }

  @Test
  void addToSets() {
    assertEquals(item("t", ss("a", "b", "c")), apply(item("t", ss("a", "b")), "ADD t :v", ":v", ss("b", "c")));
    assertEquals(item("t", ss("x")), apply(item(), "ADD t :v", ":v", ss("x")));
    assertEquals(item("t", ns("1", "2")), apply(item("t", ns("1")), "ADD t :v", ":v", ns("2", "1.0")));
    assertEquals(item("t", bs(b(1), b(2))), apply(item("t", bs(b(1))), "ADD t :v", ":v", bs(b(2))));
    assertApplyError(Update.INCORRECT_TYPE, item("t", ss("a")), "ADD t :v", ":v", ns("1"));
    assertApplyError(Update.INCORRECT_TYPE, item("t", n(1)), "ADD t :v", ":v", ss("1"));
    assertApplyError(Update.INCORRECT_TYPE, item("t", l(s("a"))), "ADD t :v", ":v", ss("b"));
  }

  @Test
  void addRejectsOtherOperandTypes() {
    assertParseError("Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: STRING",
        "ADD t :v", ":v", s("x"));
    assertParseError("Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: LIST",
        "ADD t :v", ":v", l(s("x")));
    assertParseError("Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: MAP",
        "ADD t :v", ":v", m());
    assertParseError("Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: BOOLEAN",
        "ADD t :v", ":v", Value.TRUE);
    assertParseError("Invalid UpdateExpression: Syntax error; token: \"b\", near: \"t b\"", "ADD t b");
  }

  @Test
  void deleteFromSets() {
    assertEquals(item("t", ss("a")), apply(item("t", ss("a", "b")), "DELETE t :v", ":v", ss("b", "z")));
    assertEquals(item(), apply(item("t", ss("a", "b")), "DELETE t :v", ":v", ss("a", "b")), "an emptied set is removed");
    assertEquals(item(), apply(item(), "DELETE t :v", ":v", ss("a")));
    assertEquals(item("t", ns("2")), apply(item("t", ns("1", "2")), "DELETE t :v", ":v", ns("1.00")));
    assertEquals(item("m", m()), apply(item("m", m("t", bs(b(1)))), "DELETE m.t :v", ":v", bs(b(1))));
    assertApplyError(Update.INCORRECT_TYPE, item("t", ss("a")), "DELETE t :v", ":v", ns("1"));
    assertApplyError(Update.INCORRECT_TYPE, item("t", s("a")), "DELETE t :v", ":v", ss("a"));
    assertParseError("Invalid UpdateExpression: Incorrect operand type for operator or function; operator: DELETE, operand type: NUMBER",
        "DELETE t :v", ":v", n(1));
  }

  @Test
  void allClausesTogetherInAnyOrder() {
    Map<String, Value> item = item("a", n(1), "b", s("x"), "t", ss("p", "q"), "c", n(10));
    Map<String, Value> expected = item("a", n(2), "t", ss("q"), "c", n(15), "d", s("new"));
    assertEquals(expected, apply(item, "DELETE t :p ADD c :five REMOVE b SET a = a + :one, d = :new",
        ":p", ss("p"), ":five", n(5), ":one", n(1), ":new", s("new")));
    assertEquals(expected, apply(item, "SET a = a + :one, d = :new REMOVE b ADD c :five DELETE t :p",
        ":p", ss("p"), ":five", n(5), ":one", n(1), ":new", s("new")));
  }

  @Test
  void parenthesesAndOrderOfAppends() {
    // nested arithmetic in parentheses; writes past the end of one list append in index order
    Map<String, Value> item = item("b", m("a", n(1), "b", n(2), "c", n(3)), "c", l(n(1), n(3)), "k", s("key"));
    Map<String, Value> after = apply(item,
        "set b.c=((c[1])+(b.a)),b.a = k,c[1] = k, c[4] = b.a - b.b, c[2] = b.c add c[8] :b, c[6] :a",
        ":a", n(2), ":b", ss("a"));
    assertEquals(m("a", s("key"), "b", n(2), "c", n(4)), after.get("b"));
    assertEquals(l(n(1), s("key"), n(3), n(-1), n(2), ss("a")), after.get("c"));
    assertEquals(item("x", n(6)), apply(item(), "SET x = (:a + :b) - (:c)", ":a", n(5), ":b", n(3), ":c", n(2)));
    assertEquals(item("x", l(n(1), n(2))),
        apply(item(), "SET x = list_append((if_not_exists(x, :e)), (:v))", ":e", l(n(1)), ":v", l(n(2))));
    assertParseError("Invalid UpdateExpression: The expression has redundant parentheses;", "SET a = ((b))");
  }

  @Test
  void checkOrder() {
    // reserved words before repeated sections; function names before repeated sections
    assertParseError("Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: abOrt",
        " set #c = :c set abOrt = true ", "#c", "c", ":c", s("x"));
    assertParseError("Invalid UpdateExpression: Invalid function name; function: if_not_exist", "set #c = if_not_exist(:c) set c = d");
    // repeated sections before undefined placeholders
    assertParseError("Invalid UpdateExpression: The \"SET\" section can only be used once in an update expression;", "set a = #c set c = :d");
    // undefined placeholders before operand counts
    assertParseError("Invalid UpdateExpression: An expression attribute name used in the document path is not defined; attribute name: #c",
        "SET #c = if_not_exists(:c)");
    // overlaps before conflicts and before operand counts
    assertParseError("Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; "
        + "path one: [c, [1], a], path two: [c]", "set d[1] = a, d.b = a, c[1].a = a, #c = if_not_exists(a)", "#c", "c");
    assertParseError("Invalid UpdateExpression: Two document paths conflict with each other; must remove or rewrite one of these paths; "
        + "path one: [c, [3], [3]], path two: [c, [3], [3]]", "set #c[3].#d = a, #c.#d[3] = if_not_exists(a)", "#c", "c", "#d", "[3]");
    assertParseError("Invalid UpdateExpression: Two document paths conflict with each other; must remove or rewrite one of these paths; "
        + "path one: [a, c], path two: [a, [1]]", "remove a.#c set a[1] = #d", "#c", "c", "#d", "d");
    // ADD and DELETE operand types before function checks
    assertParseError("Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: STRING",
        "set b = list_append(:a, a), c = if_not_exists(a) add a.b :a", ":a", s("a"));
    assertParseError("Invalid UpdateExpression: Operator or function requires a document path; operator or function: if_not_exists",
        "set a = if_not_exists(if_not_exists(a, b), c)");
    assertParseError("Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: list_append, operand type: N",
        "set a = list_append(a, :b)", ":b", n(1));
    assertParseError("Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: -, operand type: B",
        "set a = :c - a", ":c", b(1));
  }

  @Test
  void deleteAndAddInvalidPaths() {
    Map<String, Value> item = item("b", s("str"), "c", m("1", s("a")), "d", l(s("a"), s("b")));
    for (String expression : List.of("delete b.a :a", "delete y.a :a", "delete y[1] :a", "delete c[1] :a", "delete d.#1 :a",
        "add b.a :a", "add y.a :a", "add c[1] :a", "add d.#1 :a", "remove b.a", "remove y[1]", "remove c[1]", "remove d.#1",
        "set b[1] = :a", "set d.#1 = :a")) {
      Placeholders placeholders = expression.contains("#1") ? placeholders("#1", "1", ":a", ss("a")) : placeholders(":a", ss("a"));
      Update update = Expressions.update(expression, placeholders);
      assertValidation(Update.INVALID_PATH, () -> update.apply(item));
    }
  }

  @Test
  void targets() {
    Update update = Expressions.update("SET a.b = :v, #c[1] = :v REMOVE d ADD e :n DELETE f :s",
        placeholders("#c", "cc", ":v", s("x"), ":n", n(1), ":s", ss("x")));
    assertEquals(List.of(path("a", "b"), path("cc", 1), path("d"), path("e"), path("f")), update.targets());
    assertEquals("a.b", update.targets().get(0).toString());
    assertEquals("cc[1]", update.targets().get(1).toString());
    assertEquals("cc", update.targets().get(1).topLevelName());
  }

  @Test
  void sectionsOnlyOnce() {
    assertParseError("Invalid UpdateExpression: The \"SET\" section can only be used once in an update expression;",
        "SET a = :v SET b = :v", ":v", s("x"));
    assertParseError("Invalid UpdateExpression: The \"REMOVE\" section can only be used once in an update expression;",
        "REMOVE a remove b");
  }

  @Test
  void overlappingAndConflictingPaths() {
    assertParseError("Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a, b]",
        "SET a = :v, a.b = :v", ":v", s("x"));
    assertParseError("Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a]",
        "SET a = :v REMOVE a", ":v", s("x"));
    assertParseError("Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a, b, [1]], path two: [a, b]",
        "REMOVE a.b[1], a.b");
    assertParseError("Invalid UpdateExpression: Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [a, [0]], path two: [a, b]",
        "SET a[0] = :v, a.b = :v", ":v", s("x"));
    assertParseError("Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [status], path two: [status]",
        "SET #s = :v ADD #s :n", "#s", "status", ":v", n(1), ":n", n(1));
    // siblings are fine
    Expressions.update("SET a.b = :v, a.c = :v, l[0] = :v, l[1] = :v", placeholders(":v", s("x")));
  }

  @Test
  void syntaxAndNameErrors() {
    assertParseError("Invalid UpdateExpression: Syntax error; token: \"INVALID\", near: \"INVALID SYNTAX\"", "INVALID SYNTAX HERE");
    assertParseError("Invalid UpdateExpression: Syntax error; token: \":\", near: \"hits : incr\"", "ADD hits : incr", ":incr", n(1));
    assertParseError("Invalid UpdateExpression: Syntax error; token: \"1\", near: \"VALUE 1\"", "SET path = VALUE 1");
    assertParseError("Invalid UpdateExpression: Syntax error; token: \"<EOF>\", near: \"SET\"", "SET");
    assertParseError("Invalid UpdateExpression: Syntax error; token: \"<EOF>\", near: \"=\"", "SET a =");
    assertParseError("Invalid UpdateExpression: Syntax error; token: \"SET\", near: \", SET b\"", "REMOVE a, SET b = :v", ":v", s("x"));
    assertParseError("Invalid UpdateExpression: Syntax error; token: \"(\", near: \"SET (a\"", "SET (a = :v)", ":v", s("x"));
    assertParseError("Invalid UpdateExpression: Syntax error; token: \".\", near: \"). d\"", "SET a = (b.c). d + e");
    assertParseError("Invalid UpdateExpression: Syntax error; token: \"(\", near: \"if_not_exist(a\"", "SET if_not_exist(a, b) = a");
    assertParseError("Invalid UpdateExpression: Syntax error; token: \"\"\", near: \"= \"eight\"", "set a[1] = \"eight\"");
    assertParseError("Invalid UpdateExpression: The expression can not be empty;", " ");
    assertParseError("Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: path", "SET path = :v", ":v", s("x"));
    assertParseError("Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: source", "REMOVE source");
    assertParseError("Invalid UpdateExpression: An expression attribute value used in expression is not defined; attribute value: :v",
        "SET attr1 = :v");
    assertParseError("Invalid UpdateExpression: An expression attribute name used in the document path is not defined; attribute name: #n",
        "REMOVE #n");
    assertParseError("Invalid UpdateExpression: Invalid function name; function: foo", "SET a = foo(b)");
    assertParseError("Invalid UpdateExpression: The function is not allowed in an update expression; function: size",
        "SET x = size(:val)", ":val", s("x"));
    assertParseError("Invalid UpdateExpression: The function is not allowed in an update expression; function: attribute_exists",
        "SET x = attribute_exists(a)");
  }
}
