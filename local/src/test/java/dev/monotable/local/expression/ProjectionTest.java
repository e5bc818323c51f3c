package dev.monotable.local.expression;

import static dev.monotable.local.expression.TestSupport.assertValidation;
import static dev.monotable.local.expression.TestSupport.item;
import static dev.monotable.local.expression.TestSupport.l;
import static dev.monotable.local.expression.TestSupport.m;
import static dev.monotable.local.expression.TestSupport.n;
import static dev.monotable.local.expression.TestSupport.path;
import static dev.monotable.local.expression.TestSupport.placeholders;
import static dev.monotable.local.expression.TestSupport.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.monotable.local.value.Value;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProjectionTest {

  private static final Map<String, Value> ITEM = item(
      "pk", s("p"),
      "a", n(1),
      "status", s("on"),
      "m", m("x", n(1), "y", m("z", n(2), "w", n(3)), "l", l(n(10), n(20), n(30))),
      "l", l(s("a"), m("k", s("v"), "j", s("u")), s("c"), s("d")));

  private static Map<String, Value> project(String expression, Object... entries) {
    Placeholders placeholders = placeholders(entries);
    Projection projection = Expressions.projection(expression, placeholders);
    placeholders.checkAllUsed();
    Map<String, Value> before = new LinkedHashMap<>(ITEM);
    Map<String, Value> result = projection.apply(ITEM);
    assertEquals(before, ITEM);
    assertInstanceOf(LinkedHashMap.class, result);
    return result;
  }

  @Test
  void topLevel() {
    assertEquals(item("a", n(1), "pk", s("p")), project("a, pk"));
    assertEquals(item("a", n(1)), project("a, absent"));
    assertEquals(item(), project("absent"));
    assertEquals(item("status", s("on")), project("#s", "#s", "status"));
  }

  @Test
  void nestedKeepsStructure() {
    assertEquals(item("m", m("x", n(1))), project("m.x"));
    assertEquals(item("m", m("y", m("z", n(2)))), project("m.y.z"));
    assertEquals(item("m", m("x", n(1), "y", m("w", n(3)))), project("m.x, m.y.w"));
    assertEquals(item(), project("m.absent"));
    assertEquals(item(), project("a.b"));
    assertEquals(item(), project("m.x.y"));
  }

  @Test
  void listElementsKeepRelativeOrder() {
    assertEquals(item("l", l(s("c"))), project("l[2]"));
    assertEquals(item("l", l(s("a"), s("d"))), project("l[3], l[0]"));
    assertEquals(item("l", l(m("k", s("v")))), project("l[1].k"));
    assertEquals(item("l", l(s("a"), m("j", s("u")))), project("l[1].j, l[0]"));
    assertEquals(item(), project("l[9]"));
    assertEquals(item("m", m("l", l(n(20)))), project("#m.l[1]", "#m", "m"));
    assertEquals(item(), project("m[0]"));
  }

  @Test
  void paths() {
    Projection projection = Expressions.projection("a, #b.c[3], d", placeholders("#b", "bb"));
    assertEquals(List.of(path("a"), path("bb", "c", 3), path("d")), projection.paths());
  }

  @Test
  void errors() {
    assertValidation("Invalid ProjectionExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a, b]",
        () -> Expressions.projection("a, a.b", placeholders()));
    assertValidation("Invalid ProjectionExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a]",
        () -> Expressions.projection("a, #a", placeholders("#a", "a")));
    assertValidation("Invalid ProjectionExpression: Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [a, b], path two: [a, [0]]",
        () -> Expressions.projection("a.b, a[0]", placeholders()));
    assertValidation("Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: status",
        () -> Expressions.projection("a, status", placeholders()));
    assertValidation("Invalid ProjectionExpression: Syntax error; token: \"!\", near: \"!!\"",
        () -> Expressions.projection("!!", placeholders()));
    assertValidation("Invalid ProjectionExpression: Syntax error; token: \"<EOF>\", near: \",\"",
        () -> Expressions.projection("a,", placeholders()));
    assertValidation("Invalid ProjectionExpression: Syntax error; token: \":v\", near: \"a :v\"",
        () -> Expressions.projection("a :v", placeholders(":v", s("x"))));
    assertValidation("Invalid ProjectionExpression: An expression attribute name used in the document path is not defined; attribute name: #x",
        () -> Expressions.projection("a, #x", placeholders()));
    assertValidation("Invalid ProjectionExpression: The expression can not be empty;",
        () -> Expressions.projection("", placeholders()));
    assertValidation("Invalid ProjectionExpression: The document path has too many nesting levels; nesting levels: 33",
        () -> Expressions.projection("a" + ".b".repeat(32), placeholders()));
    Expressions.projection("a" + ".b".repeat(31), placeholders());
  }
}
