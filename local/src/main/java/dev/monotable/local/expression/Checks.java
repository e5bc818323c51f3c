package dev.monotable.local.expression;

import dev.monotable.local.expression.Ast.And;
import dev.monotable.local.expression.Ast.Arithmetic;
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
import dev.monotable.local.expression.Ast.SetAction;
import dev.monotable.local.expression.Ast.SetValue;
import dev.monotable.local.expression.Ast.Single;
import dev.monotable.local.expression.Ast.UpdateCall;
import dev.monotable.local.expression.Ast.ValueAction;
import dev.monotable.local.expression.Ast.ValueOperand;
import dev.monotable.local.value.Value;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks DynamoDB makes once an expression has parsed and its placeholders are defined, in
 * DynamoDB's order: operand counts, operand types, document paths where required, distinct
 * operands, constant BETWEEN bounds; for updates first overlapping and conflicting paths and the
 * operand types of ADD and DELETE.
 */
final class Checks {
  private Checks() {}

  /** Functions that are conditions, with their operand counts. */
  static final Map<String, Integer> CONDITION_FUNCTIONS = Map.of(
      "attribute_exists", 1, "attribute_not_exists", 1, "attribute_type", 2, "begins_with", 2, "contains", 2);

  /** Functions that are operands of a condition. */
  static final Map<String, Integer> OPERAND_FUNCTIONS = Map.of("size", 1);

  /** Functions of SET actions. */
  static final Map<String, Integer> UPDATE_FUNCTIONS = Map.of("if_not_exists", 2, "list_append", 2);

  static final Set<String> ATTRIBUTE_TYPES = Set.of("S", "SS", "N", "NS", "B", "BS", "BOOL", "NULL", "L", "M");

  static final int MAX_IN_OPERANDS = 100;

  // ---------------------------------------------------------------- conditions

  static void condition(Parser parser, Cond condition) {
    if (condition instanceof And and) {
      condition(parser, and.left());
      condition(parser, and.right());
    } else if (condition instanceof Or or) {
      condition(parser, or.left());
      condition(parser, or.right());
    } else if (condition instanceof Not not) {
      condition(parser, not.operand());
    } else if (condition instanceof Paren paren) {
      condition(parser, paren.inner());
    } else if (condition instanceof Compare compare) {
      operand(parser, compare.left());
      operand(parser, compare.right());
      distinct(parser, compare.operator(), compare.left(), List.of(compare.right()));
    } else if (condition instanceof Between between) {
      operand(parser, between.operand());
      operand(parser, between.lower());
      operand(parser, between.upper());
      distinct(parser, "BETWEEN", between.operand(), List.of(between.lower(), between.upper()));
      if (between.lower() instanceof ValueOperand lower && between.upper() instanceof ValueOperand upper) {
        checkBounds(parser, lower.value(), upper.value());
      }
    } else if (condition instanceof In in) {
      operand(parser, in.operand());
      for (Operand candidate : in.candidates()) {
        operand(parser, candidate);
      }
      if (in.candidates().size() > MAX_IN_OPERANDS) {
        throw parser.error("The IN operator is provided with too many operands; number of operands: " + in.candidates().size());
      }
      distinct(parser, "IN", in.operand(), in.candidates());
    } else {
      call(parser, ((FunctionCond) condition).call());
    }
  }

  private static void operand(Parser parser, Operand operand) {
    if (operand instanceof Call call) {
      call(parser, call);
    }
  }

  /** The type an operand is known to have before evaluation: a value's, N for size(), else null. */
  private static String staticType(Operand operand) {
    if (operand instanceof ValueOperand value) {
      return value.value().type();
    }
    if (operand instanceof Call call && call.name().equals("size")) {
      return "N";
    }
    return null;
  }

  /** A function of a condition (whose name the parser has checked already). */
  private static void call(Parser parser, Call call) {
    String name = call.name();
    List<Operand> arguments = call.arguments();
    int operands = CONDITION_FUNCTIONS.containsKey(name) ? CONDITION_FUNCTIONS.get(name) : OPERAND_FUNCTIONS.get(name);
    if (arguments.size() != operands) {
      throw parser.error("Incorrect number of operands for operator or function; operator or function: " + name
          + ", number of operands: " + arguments.size());
    }
    for (Operand argument : arguments) {
      operand(parser, argument);
    }
    switch (name) {
      case "size": {
        String type = staticType(arguments.get(0));
        if (type != null && (type.equals("N") || type.equals("BOOL") || type.equals("NULL"))) {
          throw incorrectOperandType(parser, name, type);
        }
        break;
      }
      case "attribute_exists":
      case "attribute_not_exists":
        if (!(arguments.get(0) instanceof PathOperand)) {
          throw parser.error("Operator or function requires a document path; operator or function: " + name);
        }
        break;
      case "begins_with":
        for (Operand argument : arguments) {
          String type = staticType(argument);
          if (type != null && !type.equals("S") && !type.equals("B")) {
            throw incorrectOperandType(parser, name, type);
          }
        }
        break;
      case "attribute_type": {
        if (arguments.get(1) instanceof PathOperand) {
          // the type must be given as a value (a path the same as the first operand is reported as such first);
          // a document path's type is unknown here, DynamoDB names it M
          distinct(parser, name, arguments.get(0), arguments.subList(1, arguments.size()));
          throw incorrectOperandType(parser, name, "M");
        }
        String type = staticType(arguments.get(1));
        if (type != null && !type.equals("S")) {
          throw incorrectOperandType(parser, name, type);
        }
        if (arguments.get(1) instanceof ValueOperand value && !ATTRIBUTE_TYPES.contains(((Value.S) value.value()).value())) {
          throw parser.error("Invalid attribute type name found; type: " + ((Value.S) value.value()).value()
              + ", valid types: { B,NULL,SS,BOOL,L,BS,N,NS,S,M }");
        }
        break;
      }
      default:
        break;
    }
    if (arguments.size() > 1) {
      distinct(parser, name, arguments.get(0), arguments.subList(1, arguments.size()));
    }
  }

  /** A document path may not be compared with itself. */
  private static void distinct(Parser parser, String operator, Operand first, List<Operand> rest) {
    if (!(first instanceof PathOperand path)) {
      return;
    }
    for (Operand other : rest) {
      if (other instanceof PathOperand otherPath && otherPath.path().equals(path.path())) {
        throw parser.error("The first operand must be distinct from the remaining operands for this operator or function; operator: "
            + operator + ", first operand: " + path.path().toMessageString());
      }
    }
  }

  /** Constant BETWEEN bounds must have one type and be in order. */
  static void checkBounds(Parser parser, Value lower, Value upper) {
    if (!lower.type().equals(upper.type())) {
      throw parser.error("The BETWEEN operator requires same data type for lower and upper bounds; lower bound operand: "
          + describe(lower) + ", upper bound operand: " + describe(upper));
    }
    if (lower.isScalarKeyType() && Value.compare(lower, upper) > 0) {
      throw parser.error("The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: "
          + describe(lower) + ", upper bound operand: " + describe(upper));
    }
  }

  /** A value as DynamoDB prints one in messages: {@code AttributeValue: {N:5}}. */
  static String describe(Value value) {
    String text;
    if (value instanceof Value.S s) {
      text = s.value();
    } else if (value instanceof Value.N n) {
      text = n.text();
    } else if (value instanceof Value.B b) {
      text = b.value().toBase64();
    } else if (value instanceof Value.Bool b) {
      text = Boolean.toString(b.value());
    } else if (value instanceof Value.Null) {
      text = "true";
    } else {
      text = value.toString();
    }
    return "AttributeValue: {" + value.type() + ":" + text + "}";
  }

  static RuntimeException incorrectOperandType(Parser parser, String function, String type) {
    return parser.error("Incorrect operand type for operator or function; operator or function: " + function
        + ", operand type: " + type);
  }

  // ---------------------------------------------------------------- updates

  static void update(Parser parser, Parser.UpdateClauses clauses) {
    checkOverlaps(parser, clauses.targets());
    for (ValueAction add : clauses.adds()) {
      Value value = add.value().value();
      if (!(value instanceof Value.N) && !isSet(value)) {
        throw parser.error("Incorrect operand type for operator or function; operator: ADD, operand type: " + typeName(value));
      }
    }
    for (ValueAction delete : clauses.deletes()) {
      Value value = delete.value().value();
      if (!isSet(value)) {
        throw parser.error("Incorrect operand type for operator or function; operator: DELETE, operand type: " + typeName(value));
      }
    }
    for (SetAction set : clauses.sets()) {
      setValue(parser, set.value());
    }
  }

  static boolean isSet(Value value) {
    return value instanceof Value.SS || value instanceof Value.NS || value instanceof Value.BS;
  }

  /** The type names DynamoDB uses in ADD and DELETE messages. */
  static String typeName(Value value) {
    switch (value.type()) {
      case "S":
        return "STRING";
      case "N":
        return "NUMBER";
      case "B":
        return "BINARY";
      case "BOOL":
        return "BOOLEAN";
      case "NULL":
        return "NULL";
      case "L":
        return "LIST";
      case "M":
        return "MAP";
      case "SS":
        return "STRING_SET";
      case "NS":
        return "NUMBER_SET";
      default:
        return "BINARY_SET";
    }
  }

  /** The type a SET value is known to have before evaluation, or null. */
  private static String staticType(SetValue value) {
    if (value instanceof Single single) {
      return single.operand() instanceof ValueOperand constant ? constant.value().type() : null;
    }
    if (value instanceof Arithmetic) {
      return "N";
    }
    UpdateCall call = (UpdateCall) value;
    return call.name().equals("list_append") ? "L" : null;
  }

  private static void setValue(Parser parser, SetValue value) {
    if (value instanceof Single) {
      return;
    }
    if (value instanceof Arithmetic arithmetic) {
      setValue(parser, arithmetic.left());
      setValue(parser, arithmetic.right());
      for (SetValue side : List.of(arithmetic.left(), arithmetic.right())) {
        String type = staticType(side);
        if (type != null && !type.equals("N")) {
          throw incorrectOperandType(parser, arithmetic.operator(), type);
        }
      }
      return;
    }
    UpdateCall call = (UpdateCall) value;
    String name = call.name();
    if (call.arguments().size() != UPDATE_FUNCTIONS.get(name)) {
      throw parser.error("Incorrect number of operands for operator or function; operator or function: " + name
          + ", number of operands: " + call.arguments().size());
    }
    if (name.equals("if_not_exists")
        && !(call.arguments().get(0) instanceof Single first && first.operand() instanceof PathOperand)) {
      throw parser.error("Operator or function requires a document path; operator or function: " + name);
    }
    for (SetValue argument : call.arguments()) {
      setValue(parser, argument);
    }
    if (name.equals("list_append")) {
      for (SetValue argument : call.arguments()) {
        String type = staticType(argument);
        if (type != null && !type.equals("L")) {
          throw incorrectOperandType(parser, name, type);
        }
      }
    }
  }

  // ---------------------------------------------------------------- overlapping paths

  /**
   * No path may be a prefix of (or equal to) another; and no two paths may use the same element as
   * a map key in one and a list index in the other. All overlaps are reported before conflicts.
   */
  static void checkOverlaps(Parser parser, List<DocumentPath> paths) {
    for (boolean conflicts : new boolean[] {false, true}) {
      for (int i = 0; i < paths.size(); i++) {
        for (int j = i + 1; j < paths.size(); j++) {
          List<Object> one = paths.get(i).elements();
          List<Object> two = paths.get(j).elements();
          int common = Math.min(one.size(), two.size());
          int k = 0;
          while (k < common && one.get(k).equals(two.get(k))) {
            k++;
          }
          boolean overlap = k == common;
          boolean conflict = !overlap && one.get(k).getClass() != two.get(k).getClass();
          if (conflicts ? conflict : overlap) {
            throw parser.error("Two document paths " + (conflicts ? "conflict" : "overlap")
                + " with each other; must remove or rewrite one of these paths; path one: "
                + paths.get(i).toMessageString() + ", path two: " + paths.get(j).toMessageString());
          }
        }
      }
    }
  }
}
