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
import dev.monotable.local.value.DynamoError;
import dev.monotable.local.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Entry points: parse and check one expression of a request, marking the placeholders it uses. */
public final class Expressions {
  private Expressions() {}

  /**
   * A condition or filter expression; {@code parameter} is "ConditionExpression" or
   * "FilterExpression" and prefixes error messages ("Invalid FilterExpression: ...").
   */
  public static Condition condition(String expression, String parameter, Placeholders placeholders) {
    Parser parser = new Parser(expression, parameter, placeholders, Parser.CONDITION_KEYWORDS);
    Cond tree = parser.parseWholeCondition();
    parser.finish();
    Checks.condition(parser, tree);
    List<DocumentPath> paths = new ArrayList<>();
    collectPaths(tree, paths);
    List<String> names = new ArrayList<>();
    for (DocumentPath path : paths) {
      if (!names.contains(path.topLevelName())) {
        names.add(path.topLevelName());
      }
    }
    return new ParsedCondition(tree, expression, List.copyOf(names), List.copyOf(paths));
  }

  private static void collectPaths(Cond condition, List<DocumentPath> out) {
    if (condition instanceof And and) {
      collectPaths(and.left(), out);
      collectPaths(and.right(), out);
    } else if (condition instanceof Or or) {
      collectPaths(or.left(), out);
      collectPaths(or.right(), out);
    } else if (condition instanceof Not not) {
      collectPaths(not.operand(), out);
    } else if (condition instanceof Paren paren) {
      collectPaths(paren.inner(), out);
    } else if (condition instanceof Compare compare) {
      collectPaths(compare.left(), out);
      collectPaths(compare.right(), out);
    } else if (condition instanceof Between between) {
      collectPaths(between.operand(), out);
      collectPaths(between.lower(), out);
      collectPaths(between.upper(), out);
    } else if (condition instanceof In in) {
      collectPaths(in.operand(), out);
      for (Operand candidate : in.candidates()) {
        collectPaths(candidate, out);
      }
    } else {
      collectPaths(((FunctionCond) condition).call(), out);
    }
  }

  private static void collectPaths(Operand operand, List<DocumentPath> out) {
    if (operand instanceof PathOperand path) {
      if (!out.contains(path.path())) {
        out.add(path.path());
      }
    } else if (operand instanceof Call call) {
      for (Operand argument : call.arguments()) {
        collectPaths(argument, out);
      }
    }
  }

  /** A projection expression. */
  public static Projection projection(String expression, Placeholders placeholders) {
    Parser parser = new Parser(expression, "ProjectionExpression", placeholders, java.util.Set.of());
    List<DocumentPath> paths = parser.parseWholeProjection();
    parser.finish();
    Checks.checkOverlaps(parser, paths);
    return new Projection(paths);
  }

  /** An update expression. */
  public static Update update(String expression, Placeholders placeholders) {
    Parser parser = new Parser(expression, "UpdateExpression", placeholders, Parser.UPDATE_KEYWORDS);
    Parser.UpdateClauses clauses = parser.parseWholeUpdate();
    parser.finish();
    Checks.update(parser, clauses);
    return new Update(clauses);
  }

  /**
   * A key condition expression, checked against the key schema of the table or index queried
   * ({@code sortKey} null when it has none).
   */
  public static KeyCondition keyCondition(String expression, Placeholders placeholders, String partitionKey, String sortKey) {
    List<SortKeyCondition> parsed = keyConditionParts(parseKeyCondition(expression, placeholders));
    SortKeyCondition partition = null;
    SortKeyCondition sort = null;
    for (SortKeyCondition one : parsed) {
      if (one.attributeName().equals(partitionKey)) {
        partition = one;
      } else if (sortKey != null && one.attributeName().equals(sortKey)) {
        sort = one;
      }
    }
    if (partition == null) {
      throw DynamoError.validation("Query condition missed key schema element: " + partitionKey);
    }
    if (parsed.size() == 2 && sort == null) {
      throw DynamoError.validation(sortKey != null
          ? "Query condition missed key schema element: " + sortKey
          : "Query key condition not supported");
    }
    if (partition.operator() != SortKeyCondition.Operator.EQ) {
      throw DynamoError.validation("Query key condition not supported");
    }
    return new KeyCondition(partitionKey, partition.value(), Optional.ofNullable(sort));
  }

  /** A key condition expression parsed, with its syntax and operands checked, not yet read as conditions on keys. */
  public static final class ParsedKeyCondition {
    private final Cond tree;

    private ParsedKeyCondition(Cond tree) {
      this.tree = tree;
    }
  }

  /**
   * The first step of reading a key condition expression, as DynamoDB takes it before it reads the
   * other expressions of the request: its syntax, placeholders and operand types.
   */
  public static ParsedKeyCondition parseKeyCondition(String expression, Placeholders placeholders) {
    Parser parser = new Parser(expression, "KeyConditionExpression", placeholders, Parser.CONDITION_KEYWORDS);
    Cond tree = parser.parseWholeCondition();
    parser.finish();
    Checks.condition(parser, tree);
    return new ParsedKeyCondition(tree);
  }

  /**
   * The second step, taken before the table is looked at: the key condition as one condition per
   * attribute, each with the key attribute first, checked for the operators and shapes a key
   * condition allows, and for their number (one or two).
   */
  public static List<SortKeyCondition> keyConditionParts(ParsedKeyCondition parsedTree) {
    Cond tree = parsedTree.tree;
    checkKeyOperators(tree);
    List<Cond> conditions = new ArrayList<>();
    flattenAnd(tree, conditions);
    List<SortKeyCondition> parsed = new ArrayList<>();
    for (Cond condition : conditions) {
      SortKeyCondition part = keyPart(condition);
      for (SortKeyCondition before : parsed) {
        if (before.attributeName().equals(part.attributeName())) {
          throw DynamoError.validation("KeyConditionExpressions must only contain one condition per key");
        }
      }
      parsed.add(part);
    }
    if (parsed.size() > 2) {
      throw DynamoError.validation("Conditions can be of length 1 or 2 only");
    }
    return parsed;
  }

  private static DynamoError invalidOperator(String operator) {
    return DynamoError.validation("Invalid operator used in KeyConditionExpression: " + operator);
  }

  /** Only AND, the comparisons but {@code <>}, BETWEEN and begins_with may appear in a key condition. */
  private static void checkKeyOperators(Cond condition) {
    if (condition instanceof Or) {
      throw invalidOperator("OR");
    }
    if (condition instanceof Not) {
      throw invalidOperator("NOT");
    }
    if (condition instanceof In) {
      throw invalidOperator("IN");
    }
    if (condition instanceof Compare compare && compare.operator().equals("<>")) {
      throw invalidOperator("<>");
    }
    if (condition instanceof FunctionCond function && !function.call().name().equals("begins_with")) {
      throw invalidOperator(function.call().name());
    }
    if (condition instanceof Paren paren) {
      checkKeyOperators(paren.inner());
    }
    if (condition instanceof And and) {
      checkKeyOperators(and.left());
      checkKeyOperators(and.right());
    }
  }

  private static void flattenAnd(Cond condition, List<Cond> out) {
    if (condition instanceof Paren paren) {
      flattenAnd(paren.inner(), out);
    } else if (condition instanceof And and) {
      flattenAnd(and.left(), out);
      flattenAnd(and.right(), out);
    } else {
      out.add(condition);
    }
  }

  private static DynamoError invalidCondition(String message) {
    return DynamoError.validation("Invalid condition in KeyConditionExpression: " + message);
  }

  /** One condition of a key condition expression, as a condition on one key attribute. */
  private static SortKeyCondition keyPart(Cond condition) {
    if (condition instanceof Compare compare) {
      Operand left = compare.left();
      Operand right = compare.right();
      String operator = compare.operator();
      for (Operand operand : List.of(left, right)) {
        if (operand instanceof Call) {
          throw DynamoError.validation("KeyConditionExpressions cannot contain nested operations");
        }
      }
      if (left instanceof ValueOperand && right instanceof ValueOperand) {
        throw invalidCondition("No key attribute specified");
      }
      if (left instanceof ValueOperand) {
        left = compare.right();
        right = compare.left();
        operator = flip(operator);
      }
      String name = keyName((PathOperand) left);
      if (right instanceof PathOperand) {
        throw invalidCondition("Multiple attribute names used in one condition");
      }
      return new SortKeyCondition(name, comparison(operator), ((ValueOperand) right).value(), null);
    }
    if (condition instanceof Between between) {
      if (!(between.operand() instanceof PathOperand path)) {
        throw invalidCondition("BETWEEN operator must have the key attribute as its first operand");
      }
      String name = keyName(path);
      return new SortKeyCondition(name, SortKeyCondition.Operator.BETWEEN,
          keyValue(between.lower()), keyValue(between.upper()));
    }
    Call call = ((FunctionCond) condition).call();
    if (!(call.arguments().get(0) instanceof PathOperand path)) {
      throw invalidCondition("begins_with operator must have the key attribute as its first operand");
    }
    String name = keyName(path);
    return new SortKeyCondition(name, SortKeyCondition.Operator.BEGINS_WITH, keyValue(call.arguments().get(1)), null);
  }

  private static String keyName(PathOperand path) {
    if (!path.path().isTopLevel()) {
      throw DynamoError.validation("KeyConditionExpressions cannot have conditions on nested attributes");
    }
    return path.path().topLevelName();
  }

  private static Value keyValue(Operand operand) {
    if (operand instanceof Call) {
      throw DynamoError.validation("KeyConditionExpressions cannot contain nested operations");
    }
    if (operand instanceof PathOperand) {
      throw invalidCondition("Multiple attribute names used in one condition");
    }
    return ((ValueOperand) operand).value();
  }

  private static String flip(String operator) {
    switch (operator) {
      case "<":
        return ">";
      case "<=":
        return ">=";
      case ">":
        return "<";
      case ">=":
        return "<=";
      default:
        return operator;
    }
  }

  private static SortKeyCondition.Operator comparison(String operator) {
    switch (operator) {
      case "=":
        return SortKeyCondition.Operator.EQ;
      case "<":
        return SortKeyCondition.Operator.LT;
      case "<=":
        return SortKeyCondition.Operator.LE;
      case ">":
        return SortKeyCondition.Operator.GT;
      default:
        return SortKeyCondition.Operator.GE;
    }
  }

  /** A condition tree with its source text. */
  private record ParsedCondition(Cond tree, String expression, List<String> attributeNames, List<DocumentPath> paths)
      implements Condition {
    @Override
    public boolean test(java.util.Map<String, Value> item) {
      return Evaluator.test(tree, item);
    }

    @Override
    public List<String> attributeNames() {
      return attributeNames;
    }

    @Override
    public List<DocumentPath> paths() {
      return paths;
    }

    @Override
    public String toString() {
      return expression;
    }
  }
}
