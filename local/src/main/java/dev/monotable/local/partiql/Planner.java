package dev.monotable.local.partiql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.monotable.local.partiql.Ast.And;
import dev.monotable.local.partiql.Ast.Assignment;
import dev.monotable.local.partiql.Ast.Between;
import dev.monotable.local.partiql.Ast.Call;
import dev.monotable.local.partiql.Ast.Compare;
import dev.monotable.local.partiql.Ast.Delete;
import dev.monotable.local.partiql.Ast.Expr;
import dev.monotable.local.partiql.Ast.In;
import dev.monotable.local.partiql.Ast.Insert;
import dev.monotable.local.partiql.Ast.IsMissing;
import dev.monotable.local.partiql.Ast.Literal;
import dev.monotable.local.partiql.Ast.Not;
import dev.monotable.local.partiql.Ast.Or;
import dev.monotable.local.partiql.Ast.Ordering;
import dev.monotable.local.partiql.Ast.Path;
import dev.monotable.local.partiql.Ast.Select;
import dev.monotable.local.partiql.Ast.Statement;
import dev.monotable.local.partiql.Ast.Update;
import dev.monotable.local.value.DynamoError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Turns a parsed statement into the request of the DynamoDB operation that runs it. A SELECT with
 * an equality on the partition key becomes a Query (a condition on the sort key its key condition,
 * the rest its filter); any other SELECT is a Scan, as DynamoDB's documentation says. Writes must
 * name their item's whole key with equalities; their other conditions become a ConditionExpression.
 */
public final class Planner {
  static final String MISSING_KEY = "Where clause does not contain a mandatory equality on all key attributes";
  // Not found in DynamoDB's documentation; worded after its other PartiQL messages.
  static final String ORDER_BY_NEEDS_KEY =
      "Must have WHERE clause in the statement with an equality condition on the partition key when using ORDER BY clause";
  static final String ORDER_BY_KEY_ONLY = "ORDER BY is only supported on the key attributes of the table or index";
  static final String EXISTS_IN_TRANSACTION_ONLY = "EXISTS can only be used in a statement of ExecuteTransaction";
  static final String SINGLE_ITEM_READ =
      "Select statements in a batch or a transaction must have equality conditions on all key attributes and no other condition";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** What runs a statement. */
  public enum Operation { QUERY, SCAN, GET, INSERT, UPDATE, DELETE, CHECK }

  /** The operation and its request, in DynamoDB's JSON; {@code returnValues} for a write's RETURNING, or null. */
  public record Plan(Operation operation, String table, ObjectNode request, String returnValues) {}

  /** The key attributes and their types (S, N or B) of a table or index; no sort key leaves both null. */
  public record KeyShape(String partitionKey, String partitionType, String sortKey, String sortType) {
    List<String> names() {
      return sortKey == null ? List.of(partitionKey) : List.of(partitionKey, sortKey);
    }
  }

  /** The engine's tables, as the planner needs them. */
  public interface Schema {
    /** The keys of {@code table}, or of its index {@code index} unless null; DynamoDB's error when either is missing. */
    KeyShape keys(String table, String index);
  }

  private Planner() {}

  /** The plan of a statement run on its own (ExecuteStatement). */
  public static Plan plan(Statement statement, Schema schema) {
    if (statement instanceof Select select) {
      return select(select, schema);
    }
    if (statement instanceof Ast.Exists) {
      throw DynamoError.validation(EXISTS_IN_TRANSACTION_ONLY);
    }
    return write(statement, schema);
  }

  /** The plan of a write, whose request is also a transaction's Put, Update or Delete. */
  public static Plan write(Statement statement, Schema schema) {
    if (statement instanceof Insert insert) {
      KeyShape keys = schema.keys(insert.table(), null);
      ObjectNode request = request(insert.table());
      request.set("Item", insert.item().get("M"));
      ExpressionWriter writer = new ExpressionWriter();
      request.put("ConditionExpression", "attribute_not_exists(" + writer.name(keys.partitionKey()) + ")");
      writer.addTo(request);
      return new Plan(Operation.INSERT, insert.table(), request, null);
    }
    if (statement instanceof Update update) {
      KeyShape keys = schema.keys(update.table(), null);
      ExpressionWriter writer = new ExpressionWriter();
      ObjectNode request = request(update.table());
      Expr rest = key(update.where(), keys, request);
      request.put("UpdateExpression", updateExpression(update.actions(), writer));
      String condition = "attribute_exists(" + writer.name(keys.partitionKey()) + ")";
      if (rest != null) {
        condition += " AND (" + writer.condition(rest) + ")";
      }
      request.put("ConditionExpression", condition);
      writer.addTo(request);
      return new Plan(Operation.UPDATE, update.table(), request, update.returning());
    }
    if (statement instanceof Delete delete) {
      KeyShape keys = schema.keys(delete.table(), null);
      ExpressionWriter writer = new ExpressionWriter();
      ObjectNode request = request(delete.table());
      Expr rest = key(delete.where(), keys, request);
      if (rest != null) {
        request.put("ConditionExpression", writer.condition(rest));
      }
      writer.addTo(request);
      return new Plan(Operation.DELETE, delete.table(), request, delete.returning());
    }
    if (statement instanceof Ast.Exists exists) {
      Select select = exists.select();
      KeyShape keys = schema.keys(select.table(), select.index());
      if (select.index() != null || select.where() == null || !select.orderBy().isEmpty()) {
        throw DynamoError.validation(MISSING_KEY);
      }
      ExpressionWriter writer = new ExpressionWriter();
      ObjectNode request = request(select.table());
      Expr rest = key(select.where(), keys, request);
      String condition = "attribute_exists(" + writer.name(keys.partitionKey()) + ")";
      if (rest != null) {
        condition += " AND (" + writer.condition(rest) + ")";
      }
      request.put("ConditionExpression", condition);
      writer.addTo(request);
      return new Plan(Operation.CHECK, select.table(), request, null);
    }
    throw new IllegalArgumentException("not a write: " + statement);
  }

  /** The plan of a SELECT that reads one item by its whole key: a batch's or a transaction's read (a GetItem request). */
  public static Plan get(Select select, Schema schema) {
    KeyShape keys = schema.keys(select.table(), select.index());
    if (select.index() != null || select.where() == null || !select.orderBy().isEmpty()) {
      throw DynamoError.validation(SINGLE_ITEM_READ);
    }
    ObjectNode request = request(select.table());
    if (key(select.where(), keys, request) != null) {
      throw DynamoError.validation(SINGLE_ITEM_READ);
    }
    ExpressionWriter writer = new ExpressionWriter();
    projection(select, writer, request);
    writer.addTo(request);
    return new Plan(Operation.GET, select.table(), request, null);
  }

  // ------------------------------------------------------------------ SELECT

  private static Plan select(Select select, Schema schema) {
    KeyShape keys = schema.keys(select.table(), select.index());
    ObjectNode request = request(select.table());
    if (select.index() != null) {
      request.put("IndexName", select.index());
    }
    ExpressionWriter writer = new ExpressionWriter();
    List<Expr> conjuncts = new ArrayList<>();
    if (select.where() != null) {
      conjuncts(select.where(), conjuncts);
    }
    Compare partition = null;
    for (Expr conjunct : conjuncts) {
      if (equalityOn(conjunct, keys.partitionKey(), keys.partitionType()) != null) {
        partition = (Compare) conjunct;
        break;
      }
    }
    Expr sort = null;
    List<Expr> rest = new ArrayList<>(conjuncts);
    if (partition != null) {
      rest.remove(partition);
      if (keys.sortKey() != null) {
        for (Expr conjunct : rest) {
          if (isSortCondition(conjunct, keys)) {
            sort = conjunct;
            break;
          }
        }
        rest.remove(sort);
      }
      Set<String> filtered = new LinkedHashSet<>();
      for (Expr conjunct : rest) {
        attributeNames(conjunct, filtered);
      }
      // a Query's filter may not name a key attribute: such a statement is read as a scan
      if (filtered.stream().anyMatch(keys.names()::contains)) {
        partition = null;
      }
    }
    projection(select, writer, request);
    if (partition == null) {
      if (!select.orderBy().isEmpty()) {
        throw DynamoError.validation(ORDER_BY_NEEDS_KEY);
      }
      if (select.where() != null) {
        request.put("FilterExpression", writer.condition(select.where()));
      }
      writer.addTo(request);
      return new Plan(Operation.SCAN, select.table(), request, null);
    }
    String keyCondition = writer.path(new Path(List.of(keys.partitionKey()))) + " = "
        + writer.operand(equalityOn(partition, keys.partitionKey(), keys.partitionType()));
    if (sort != null) {
      keyCondition += " AND " + writer.condition(sortCondition(sort, keys.sortKey()));
    }
    request.put("KeyConditionExpression", keyCondition);
    if (!rest.isEmpty()) {
      Expr filter = rest.get(0);
      for (int i = 1; i < rest.size(); i++) {
        filter = new And(filter, rest.get(i));
      }
      request.put("FilterExpression", writer.condition(filter));
    }
    for (Ordering ordering : select.orderBy()) {
      if (ordering.path().isAttribute(keys.partitionKey())) {
        continue;
      }
      if (keys.sortKey() == null || !ordering.path().isAttribute(keys.sortKey())) {
        throw DynamoError.validation(ORDER_BY_KEY_ONLY);
      }
      request.put("ScanIndexForward", !ordering.descending());
    }
    writer.addTo(request);
    return new Plan(Operation.QUERY, select.table(), request, null);
  }

  private static void projection(Select select, ExpressionWriter writer, ObjectNode request) {
    if (!select.projection().isEmpty()) {
      StringJoiner paths = new StringJoiner(", ");
      for (Path path : select.projection()) {
        paths.add(writer.path(path));
      }
      request.put("ProjectionExpression", paths.toString());
    }
  }

  /** The value an equality {@code attribute = value} (either way round) compares with, if of {@code type}; else null. */
  private static Literal equalityOn(Expr expr, String attribute, String type) {
    if (!(expr instanceof Compare compare) || !compare.operator().equals("=")) {
      return null;
    }
    Literal value = null;
    if (compare.left() instanceof Path path && path.isAttribute(attribute) && compare.right() instanceof Literal literal) {
      value = literal;
    } else if (compare.right() instanceof Path path && path.isAttribute(attribute)
        && compare.left() instanceof Literal literal) {
      value = literal;
    }
    return value != null && (type == null || value.value().has(type)) && value.value().size() == 1 ? value : null;
  }

  /** Whether {@code expr} can be a Query's sort-key condition: a comparison, BETWEEN or begins_with with values of the key's type. */
  private static boolean isSortCondition(Expr expr, KeyShape keys) {
    String type = keys.sortType();
    if (expr instanceof Compare compare && !compare.operator().equals("<>")) {
      return compare.left() instanceof Path path && path.isAttribute(keys.sortKey()) && isOfType(compare.right(), type)
          || compare.right() instanceof Path path2 && path2.isAttribute(keys.sortKey()) && isOfType(compare.left(), type);
    }
    if (expr instanceof Between between && between.value() instanceof Path path && path.isAttribute(keys.sortKey())
        && isOfType(between.lower(), type) && isOfType(between.upper(), type)) {
      JsonNode lower = ((Literal) between.lower()).value().get(type);
      JsonNode upper = ((Literal) between.upper()).value().get(type);
      // a Query refuses bounds the wrong way round; a scan finds nothing between them
      return type.equals("N") ? new BigDecimal(lower.asText()).compareTo(new BigDecimal(upper.asText())) <= 0
          : type.equals("S") && lower.asText().compareTo(upper.asText()) <= 0;
    }
    return expr instanceof Call call && call.function().equals("begins_with") && call.arguments().size() == 2
        && call.arguments().get(0) instanceof Path path && path.isAttribute(keys.sortKey())
        && !type.equals("N") && isOfType(call.arguments().get(1), type);
  }

  private static boolean isOfType(Expr expr, String type) {
    return expr instanceof Literal literal && literal.value().size() == 1 && literal.value().has(type);
  }

  /** A sort-key comparison with the key on the left, as a key condition needs it. */
  private static Expr sortCondition(Expr expr, String sortKey) {
    if (expr instanceof Compare compare && !(compare.left() instanceof Path path && path.isAttribute(sortKey))) {
      String flipped = switch (compare.operator()) {
        case "<" -> ">";
        case "<=" -> ">=";
        case ">" -> "<";
        case ">=" -> "<=";
        default -> compare.operator();
      };
      return new Compare(flipped, compare.right(), compare.left());
    }
    return expr;
  }

  // ------------------------------------------------------------------ writes

  /**
   * Puts the item's key, named by equalities in {@code where}, into {@code request}'s Key; returns
   * the other conditions (null when there are none).
   */
  private static Expr key(Expr where, KeyShape keys, ObjectNode request) {
    List<Expr> conjuncts = new ArrayList<>();
    conjuncts(where, conjuncts);
    Map<String, ObjectNode> key = new LinkedHashMap<>();
    List<Expr> rest = new ArrayList<>();
    for (Expr conjunct : conjuncts) {
      boolean used = false;
      for (String name : keys.names()) {
        Literal value = equalityOn(conjunct, name, null);
        if (value != null && !key.containsKey(name)) {
          key.put(name, value.value());
          used = true;
          break;
        }
      }
      if (!used) {
        rest.add(conjunct);
      }
    }
    if (key.size() != keys.names().size()) {
      throw DynamoError.validation(MISSING_KEY);
    }
    ObjectNode keyNode = request.putObject("Key");
    key.forEach(keyNode::set);
    Expr others = null;
    for (Expr conjunct : rest) {
      others = others == null ? conjunct : new And(others, conjunct);
    }
    return others;
  }

  private static String updateExpression(List<Assignment> actions, ExpressionWriter writer) {
    List<String> sets = new ArrayList<>();
    List<String> removes = new ArrayList<>();
    List<String> adds = new ArrayList<>();
    List<String> deletes = new ArrayList<>();
    for (Assignment action : actions) {
      String path = writer.path(action.path());
      if (action.value() == null) {
        removes.add(path);
      } else if (action.value() instanceof Call call
          && (call.function().equals("set_add") || call.function().equals("set_delete"))) {
        if (call.arguments().size() != 2 || !call.arguments().get(0).equals(action.path())
            || !(call.arguments().get(1) instanceof Literal)) {
          throw DynamoError.validation(StatementParser.MALFORMED + call.function()
              + " takes the path being set and a set value");
        }
        (call.function().equals("set_add") ? adds : deletes).add(path + " " + writer.operand(call.arguments().get(1)));
      } else {
        sets.add(path + " = " + writer.operand(action.value()));
      }
    }
    StringBuilder expression = new StringBuilder();
    clause(expression, "SET", sets);
    clause(expression, "REMOVE", removes);
    clause(expression, "ADD", adds);
    clause(expression, "DELETE", deletes);
    return expression.toString();
  }

  private static void clause(StringBuilder expression, String keyword, List<String> actions) {
    if (!actions.isEmpty()) {
      expression.append(expression.length() == 0 ? "" : " ").append(keyword).append(' ').append(String.join(", ", actions));
    }
  }

  // ------------------------------------------------------------------ helpers

  private static ObjectNode request(String table) {
    ObjectNode request = JSON.objectNode();
    request.put("TableName", table);
    return request;
  }

  private static void conjuncts(Expr expr, List<Expr> into) {
    if (expr instanceof And and) {
      conjuncts(and.left(), into);
      conjuncts(and.right(), into);
    } else {
      into.add(expr);
    }
  }

  /** The top-level attribute names an expression reads. */
  private static void attributeNames(Expr expr, Set<String> into) {
    if (expr instanceof Path path) {
      into.add(path.topLevelName());
    } else if (expr instanceof Compare compare) {
      attributeNames(compare.left(), into);
      attributeNames(compare.right(), into);
    } else if (expr instanceof Between between) {
      attributeNames(between.value(), into);
      attributeNames(between.lower(), into);
      attributeNames(between.upper(), into);
    } else if (expr instanceof In in) {
      attributeNames(in.value(), into);
      in.candidates().forEach(candidate -> attributeNames(candidate, into));
    } else if (expr instanceof And and) {
      attributeNames(and.left(), into);
      attributeNames(and.right(), into);
    } else if (expr instanceof Or or) {
      attributeNames(or.left(), into);
      attributeNames(or.right(), into);
    } else if (expr instanceof Not not) {
      attributeNames(not.operand(), into);
    } else if (expr instanceof IsMissing missing) {
      into.add(missing.path().topLevelName());
    } else if (expr instanceof Call call) {
      call.arguments().forEach(argument -> attributeNames(argument, into));
    }
  }
}
