package dev.monotable.local.expression;

import dev.monotable.local.expression.Ast.And;
import dev.monotable.local.expression.Ast.Between;
import dev.monotable.local.expression.Ast.Call;
import dev.monotable.local.expression.Ast.Compare;
import dev.monotable.local.expression.Ast.Cond;
import dev.monotable.local.expression.Ast.FunctionCond;
import dev.monotable.local.expression.Ast.In;
import dev.monotable.local.expression.Ast.Not;
import dev.monotable.local.expression.Ast.Operand;
import dev.monotable.local.expression.Ast.Or;
import dev.monotable.local.expression.Ast.Paren;
import dev.monotable.local.expression.Ast.PathOperand;
import dev.monotable.local.expression.Ast.ValueOperand;
import dev.monotable.local.value.Value;
import java.util.List;
import java.util.Map;

/** Evaluates condition trees against an item, and reads document paths. */
final class Evaluator {
  private Evaluator() {}

  /** The value at {@code path} in {@code item}, or null when there is none. */
  static Value resolve(Map<String, Value> item, DocumentPath path) {
    List<Object> elements = path.elements();
    Value current = item.get((String) elements.get(0));
    for (int i = 1; i < elements.size() && current != null; i++) {
      current = child(current, elements.get(i));
    }
    return current;
  }

  /** The map entry or list element {@code element} of {@code container}, or null. */
  static Value child(Value container, Object element) {
    if (element instanceof String key) {
      return container instanceof Value.M map ? map.values().get(key) : null;
    }
    int index = (Integer) element;
    if (container instanceof Value.L list && index < list.values().size()) {
      return list.values().get(index);
    }
    return null;
  }

  static boolean test(Cond condition, Map<String, Value> item) {
    if (condition instanceof And and) {
      return test(and.left(), item) && test(and.right(), item);
    }
    if (condition instanceof Or or) {
      return test(or.left(), item) || test(or.right(), item);
    }
    if (condition instanceof Not not) {
      return !test(not.operand(), item);
    }
    if (condition instanceof Paren paren) {
      return test(paren.inner(), item);
    }
    if (condition instanceof Compare compare) {
      return compare(compare.operator(), operand(compare.left(), item), operand(compare.right(), item));
    }
    if (condition instanceof Between between) {
      Value value = operand(between.operand(), item);
      Value lower = operand(between.lower(), item);
      Value upper = operand(between.upper(), item);
      return compare(">=", value, lower) && compare("<=", value, upper);
    }
    if (condition instanceof In in) {
      Value value = operand(in.operand(), item);
      if (value == null) {
        return false;
      }
      for (Operand candidate : in.candidates()) {
        if (value.equals(operand(candidate, item))) {
          return true;
        }
      }
      return false;
    }
    return function(((FunctionCond) condition).call(), item);
  }

  /** Compares two operand values; a missing value or mismatched types make every comparison but {@code <>} false. */
  static boolean compare(String operator, Value left, Value right) {
    if (operator.equals("=")) {
      return left != null && left.equals(right);
    }
    if (operator.equals("<>")) {
      return left == null || !left.equals(right);
    }
    if (left == null || right == null || !left.isScalarKeyType() || !left.type().equals(right.type())) {
      return false;
    }
    int order = Value.compare(left, right);
    switch (operator) {
      case "<":
        return order < 0;
      case "<=":
        return order <= 0;
      case ">":
        return order > 0;
      case ">=":
        return order >= 0;
      default:
        throw new IllegalStateException(operator);
    }
  }

  /** The value of an operand in a condition; null when it refers to nothing. */
  static Value operand(Operand operand, Map<String, Value> item) {
    if (operand instanceof PathOperand path) {
      return resolve(item, path.path());
    }
    if (operand instanceof ValueOperand value) {
      return value.value();
    }
    Call call = (Call) operand;
    if (call.name().equals("size")) {
      Value value = operand(call.arguments().get(0), item);
      Integer size = value == null ? null : size(value);
      return size == null ? null : Value.n(size);
    }
    throw new IllegalStateException("not an operand function: " + call.name());
  }

  private static boolean function(Call call, Map<String, Value> item) {
    List<Operand> arguments = call.arguments();
    switch (call.name()) {
      case "attribute_exists":
        return operand(arguments.get(0), item) != null;
      case "attribute_not_exists":
        return operand(arguments.get(0), item) == null;
      case "attribute_type": {
        Value value = operand(arguments.get(0), item);
        Value type = operand(arguments.get(1), item);
        return value != null && type instanceof Value.S s && value.type().equals(s.value());
      }
      case "begins_with":
        return beginsWith(operand(arguments.get(0), item), operand(arguments.get(1), item));
      case "contains":
        return contains(operand(arguments.get(0), item), operand(arguments.get(1), item));
      default:
        throw new IllegalStateException("not a condition function: " + call.name());
    }
  }

  /** begins_with: a string prefix of a string, or a byte prefix of a binary. */
  static boolean beginsWith(Value value, Value prefix) {
    if (value instanceof Value.S s && prefix instanceof Value.S p) {
      return s.value().startsWith(p.value());
    }
    if (value instanceof Value.B b && prefix instanceof Value.B p) {
      return b.value().startsWith(p.value());
    }
    return false;
  }

  /** contains: a substring of a string or binary, an element of a set, an element of a list. */
  static boolean contains(Value value, Value part) {
    if (value == null || part == null) {
      return false;
    }
    if (value instanceof Value.S s) {
      return part instanceof Value.S p && s.value().contains(p.value());
    }
    if (value instanceof Value.B b) {
      return part instanceof Value.B p && b.value().contains(p.value());
    }
    if (value instanceof Value.SS set) {
      return part instanceof Value.S p && set.values().contains(p.value());
    }
    if (value instanceof Value.NS set) {
      return part instanceof Value.N p && set.values().contains(p.value());
    }
    if (value instanceof Value.BS set) {
      return part instanceof Value.B p && set.values().contains(p.value());
    }
    if (value instanceof Value.L list) {
      return list.values().contains(part);
    }
    return false;
  }

  /** size: UTF-8 bytes of a string, bytes of a binary, elements of a set, list or map; none for other types. */
  static Integer size(Value value) {
    if (value instanceof Value.S s) {
      // characters, not UTF-8 bytes: DynamoDB answers 3 for size("ab\u00ff") (recorded by a public emulator's suite)
      return s.value().length();
    }
    if (value instanceof Value.B b) {
      return b.value().length();
    }
    if (value instanceof Value.SS set) {
      return set.values().size();
    }
    if (value instanceof Value.NS set) {
      return set.values().size();
    }
    if (value instanceof Value.BS set) {
      return set.values().size();
    }
    if (value instanceof Value.L list) {
      return list.values().size();
    }
    if (value instanceof Value.M map) {
      return map.values().size();
    }
    return null;
  }
}
