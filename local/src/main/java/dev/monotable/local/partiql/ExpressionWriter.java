package dev.monotable.local.partiql;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.monotable.local.partiql.Ast.And;
import dev.monotable.local.partiql.Ast.Arithmetic;
import dev.monotable.local.partiql.Ast.Between;
import dev.monotable.local.partiql.Ast.Call;
import dev.monotable.local.partiql.Ast.Compare;
import dev.monotable.local.partiql.Ast.Expr;
import dev.monotable.local.partiql.Ast.In;
import dev.monotable.local.partiql.Ast.IsMissing;
import dev.monotable.local.partiql.Ast.Literal;
import dev.monotable.local.partiql.Ast.Not;
import dev.monotable.local.partiql.Ast.Or;
import dev.monotable.local.partiql.Ast.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Writes PartiQL expressions as DynamoDB expressions, every name a {@code #n} placeholder and every
 * value a {@code :v} placeholder, collecting ExpressionAttributeNames and ExpressionAttributeValues.
 */
final class ExpressionWriter {
  private static final Set<String> CONDITION_FUNCTIONS =
      Set.of("begins_with", "contains", "attribute_exists", "attribute_not_exists", "attribute_type");

  private final ObjectNode names = JsonNodeFactory.instance.objectNode();
  private final ObjectNode values = JsonNodeFactory.instance.objectNode();
  private final Map<String, String> aliases = new HashMap<>();

  /** A condition: a comparison, a function, or AND, OR, NOT of conditions. */
  String condition(Expr expr) {
    if (expr instanceof Compare compare) {
      return operand(compare.left()) + " " + compare.operator() + " " + operand(compare.right());
    }
    if (expr instanceof Between between) {
      return operand(between.value()) + " BETWEEN " + operand(between.lower()) + " AND " + operand(between.upper());
    }
    if (expr instanceof In in) {
      StringJoiner candidates = new StringJoiner(", ", "(", ")");
      for (Expr candidate : in.candidates()) {
        candidates.add(operand(candidate));
      }
      return operand(in.value()) + " IN " + candidates;
    }
    if (expr instanceof And and) {
      return "(" + condition(and.left()) + ") AND (" + condition(and.right()) + ")";
    }
    if (expr instanceof Or or) {
      return "(" + condition(or.left()) + ") OR (" + condition(or.right()) + ")";
    }
    if (expr instanceof Not not) {
      return "NOT (" + condition(not.operand()) + ")";
    }
    if (expr instanceof IsMissing missing) {
      return (missing.negated() ? "attribute_exists(" : "attribute_not_exists(") + path(missing.path()) + ")";
    }
    if (expr instanceof Call call && CONDITION_FUNCTIONS.contains(call.function())) {
      return call(call);
    }
    throw StatementParser.malformed("Expected a condition");
  }

  /** A value in a condition or a SET: a path, a value, size(path), or (in a SET) arithmetic and functions. */
  String operand(Expr expr) {
    if (expr instanceof Path path) {
      return path(path);
    }
    if (expr instanceof Literal literal) {
      return value(literal.value());
    }
    if (expr instanceof Call call && (call.function().equals("size") || call.function().equals("list_append")
        || call.function().equals("if_not_exists"))) {
      return call(call);
    }
    if (expr instanceof Arithmetic arithmetic) {
      return operand(arithmetic.left()) + " " + arithmetic.operator() + " " + operand(arithmetic.right());
    }
    if (expr instanceof Call call) {
      throw StatementParser.malformed("Unsupported function " + call.function());
    }
    throw StatementParser.malformed("Expected a path or a value");
  }

  private String call(Call call) {
    StringJoiner arguments = new StringJoiner(", ", call.function() + "(", ")");
    for (Expr argument : call.arguments()) {
      arguments.add(operand(argument));
    }
    return arguments.toString();
  }

  String path(Path path) {
    StringBuilder text = new StringBuilder();
    for (Object step : path.steps()) {
      if (step instanceof Integer index) {
        text.append('[').append(index).append(']');
      } else {
        if (text.length() > 0) {
          text.append('.');
        }
        text.append(name((String) step));
      }
    }
    return text.toString();
  }

  String name(String name) {
    return aliases.computeIfAbsent(name, n -> {
      String alias = "#n" + aliases.size();
      names.put(alias, n);
      return alias;
    });
  }

  String value(ObjectNode value) {
    String alias = ":v" + values.size();
    values.set(alias, value);
    return alias;
  }

  /** Adds the placeholders used so far to {@code request}. */
  void addTo(ObjectNode request) {
    if (!names.isEmpty()) {
      request.set("ExpressionAttributeNames", names);
    }
    if (!values.isEmpty()) {
      request.set("ExpressionAttributeValues", values);
    }
  }
}
