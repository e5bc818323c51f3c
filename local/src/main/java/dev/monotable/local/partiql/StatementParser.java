package dev.monotable.local.partiql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.monotable.local.partiql.Ast.And;
import dev.monotable.local.partiql.Ast.Arithmetic;
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
import dev.monotable.local.partiql.Lexer.Kind;
import dev.monotable.local.partiql.Lexer.Token;
import dev.monotable.local.value.DynamoError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A recursive-descent parser of DynamoDB's PartiQL statements. Parameters ({@code ?}) are replaced
 * by the request's Parameters as they are read, so the statement that comes out holds only values.
 */
public final class StatementParser {
  /** The start of DynamoDB's message for a statement it cannot parse. */
  static final String MALFORMED = "Statement wasn't well formed, can't be processed: ";
  static final String PARAMETER_COUNT = "Number of parameters in request and statement don't match.";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final List<Token> tokens;
  private final List<ObjectNode> parameters;
  private int next;
  private int parametersUsed;

  private StatementParser(List<Token> tokens, List<ObjectNode> parameters) {
    this.tokens = tokens;
    this.parameters = parameters;
  }

  /** Parses {@code statement}, taking the value of its n-th {@code ?} from {@code parameters}. */
  public static Statement parse(String statement, List<ObjectNode> parameters) {
    StatementParser parser = new StatementParser(Lexer.tokens(statement), parameters);
    Statement parsed = parser.statement();
    if (parser.peek().kind() != Kind.END) {
      throw parser.unexpected();
    }
    if (parser.parametersUsed != parameters.size()) {
      throw DynamoError.validation(PARAMETER_COUNT);
    }
    return parsed;
  }

  static DynamoError malformed(String detail) {
    return DynamoError.validation(MALFORMED + detail);
  }

  private Statement statement() {
    Token first = peek();
    if (first.isWord("SELECT")) {
      return select();
    }
    if (first.isWord("INSERT")) {
      return insert();
    }
    if (first.isWord("UPDATE")) {
      return update();
    }
    if (first.isWord("DELETE")) {
      return delete();
    }
    if (first.isWord("EXISTS")) {
      next++;
      expectSymbol("(");
      Select select = select();
      expectSymbol(")");
      return new Ast.Exists(select);
    }
    throw malformed("Expected data manipulation");
  }

  private Select select() {
    expectWord("SELECT");
    List<Path> projection = new ArrayList<>();
    if (acceptSymbol("*")) {
      // every attribute
    } else {
      do {
        projection.add(path());
      } while (acceptSymbol(","));
    }
    expectWord("FROM");
    String table = name();
    String index = acceptSymbol(".") ? name() : null;
    Expr where = acceptWord("WHERE") ? expression() : null;
    List<Ordering> orderBy = new ArrayList<>();
    if (acceptWord("ORDER")) {
      expectWord("BY");
      do {
        Path path = path();
        boolean descending = acceptWord("DESC");
        if (!descending) {
          acceptWord("ASC");
        }
        orderBy.add(new Ordering(path, descending));
      } while (acceptSymbol(","));
    }
    return new Select(List.copyOf(projection), table, index, where, List.copyOf(orderBy));
  }

  private Insert insert() {
    expectWord("INSERT");
    expectWord("INTO");
    String table = name();
    expectWord("VALUE");
    ObjectNode item = value();
    if (!item.has("M")) {
      throw malformed("Expected a map of attributes after VALUE");
    }
    return new Insert(table, item);
  }

  private Update update() {
    expectWord("UPDATE");
    String table = name();
    List<Assignment> actions = new ArrayList<>();
    while (true) {
      if (acceptWord("SET")) {
        do {
          Path path = path();
          expectSymbol("=");
          actions.add(new Assignment(path, additive()));
        } while (acceptSymbol(","));
      } else if (acceptWord("REMOVE")) {
        do {
          actions.add(new Assignment(path(), null));
        } while (acceptSymbol(","));
      } else {
        break;
      }
    }
    if (actions.isEmpty()) {
      throw malformed("Expected SET or REMOVE");
    }
    expectWord("WHERE");
    Expr where = expression();
    String returning = null;
    if (acceptWord("RETURNING")) {
      String which = acceptWord("ALL") ? "ALL" : acceptWord("MODIFIED") ? "UPDATED" : null;
      String when = acceptWord("OLD") ? "OLD" : acceptWord("NEW") ? "NEW" : null;
      if (which == null || when == null) {
        throw malformed("Expected ALL OLD, MODIFIED OLD, ALL NEW or MODIFIED NEW after RETURNING");
      }
      expectSymbol("*");
      returning = which + "_" + when;
    }
    return new Update(table, List.copyOf(actions), where, returning);
  }

  private Delete delete() {
    expectWord("DELETE");
    expectWord("FROM");
    String table = name();
    expectWord("WHERE");
    Expr where = expression();
    String returning = null;
    if (acceptWord("RETURNING")) {
      expectWord("ALL");
      expectWord("OLD");
      expectSymbol("*");
      returning = "ALL_OLD";
    }
    return new Delete(table, where, returning);
  }

  // ------------------------------------------------------------------ expressions

  private Expr expression() {
    Expr left = conjunction();
    while (acceptWord("OR")) {
      left = new Or(left, conjunction());
    }
    return left;
  }

  private Expr conjunction() {
    Expr left = negation();
    while (acceptWord("AND")) {
      left = new And(left, negation());
    }
    return left;
  }

  private Expr negation() {
    if (acceptWord("NOT")) {
      return new Not(negation());
    }
    return predicate();
  }

  private Expr predicate() {
    Expr left = additive();
    Token token = peek();
    if (token.kind() == Kind.SYMBOL && List.of("=", "<>", "!=", "<", "<=", ">", ">=").contains(token.text())) {
      next++;
      String operator = token.text().equals("!=") ? "<>" : token.text();
      return new Compare(operator, left, additive());
    }
    if (acceptWord("BETWEEN")) {
      Expr lower = additive();
      expectWord("AND");
      return new Between(left, lower, additive());
    }
    boolean negated = false;
    if (peek().isWord("NOT") && tokens.get(next + 1).isWord("IN")) {
      next++;
      negated = true;
    }
    if (acceptWord("IN")) {
      String close = acceptSymbol("[") ? "]" : acceptSymbol("(") ? ")" : null;
      if (close == null) {
        throw malformed("Expected a list after IN");
      }
      List<Expr> candidates = new ArrayList<>();
      do {
        candidates.add(additive());
      } while (acceptSymbol(","));
      expectSymbol(close);
      Expr in = new In(left, List.copyOf(candidates));
      return negated ? new Not(in) : in;
    }
    if (acceptWord("IS")) {
      boolean not = acceptWord("NOT");
      expectWord("MISSING");
      if (!(left instanceof Path path)) {
        throw malformed("Expected a path before IS MISSING");
      }
      return new IsMissing(path, not);
    }
    return left;
  }

  private Expr additive() {
    Expr left = primary();
    while (peek().isSymbol("+") || peek().isSymbol("-")) {
      String operator = tokens.get(next++).text();
      left = new Arithmetic(operator, left, primary());
    }
    return left;
  }

  private Expr primary() {
    Token token = peek();
    if (token.isSymbol("(")) {
      next++;
      Expr inner = expression();
      expectSymbol(")");
      return inner;
    }
    if (token.kind() == Kind.WORD && tokens.get(next + 1).isSymbol("(") && !isLiteralWord(token)) {
      next += 2;
      List<Expr> arguments = new ArrayList<>();
      if (!acceptSymbol(")")) {
        do {
          arguments.add(additive());
        } while (acceptSymbol(","));
        expectSymbol(")");
      }
      return new Call(token.text().toLowerCase(Locale.ROOT), List.copyOf(arguments));
    }
    if (token.kind() == Kind.WORD && !isLiteralWord(token) || token.kind() == Kind.QUOTED_NAME) {
      return path();
    }
    return new Literal(value());
  }

  private static boolean isLiteralWord(Token token) {
    return token.isWord("TRUE") || token.isWord("FALSE") || token.isWord("NULL");
  }

  private Path path() {
    List<Object> steps = new ArrayList<>();
    steps.add(name());
    while (true) {
      if (acceptSymbol(".")) {
        steps.add(name());
      } else if (acceptSymbol("[")) {
        Token index = tokens.get(next++);
        if (index.kind() != Kind.NUMBER || !index.text().chars().allMatch(Character::isDigit)) {
          throw malformed("Expected a list index");
        }
        steps.add(Integer.parseInt(index.text()));
        expectSymbol("]");
      } else {
        return new Path(List.copyOf(steps));
      }
    }
  }

  private String name() {
    Token token = tokens.get(next);
    if (token.kind() == Kind.QUOTED_NAME || token.kind() == Kind.WORD) {
      next++;
      return token.text();
    }
    throw malformed(token.kind() == Kind.END ? "Unexpected end of statement" : "Expected identifier");
  }

  /** A literal or a parameter, as attribute-value JSON. */
  private ObjectNode value() {
    Token token = tokens.get(next++);
    ObjectNode value = JSON.objectNode();
    switch (token.kind()) {
      case PARAMETER -> {
        if (parametersUsed >= parameters.size()) {
          throw DynamoError.validation(PARAMETER_COUNT);
        }
        return parameters.get(parametersUsed++).deepCopy();
      }
      case STRING -> value.put("S", token.text());
      case NUMBER -> value.put("N", token.text());
      case WORD -> {
        if (token.isWord("TRUE") || token.isWord("FALSE")) {
          value.put("BOOL", token.isWord("TRUE"));
        } else if (token.isWord("NULL")) {
          value.put("NULL", true);
        } else {
          throw malformed("Unexpected keyword");
        }
      }
      case SYMBOL -> {
        switch (token.text()) {
          case "-" -> {
            Token number = tokens.get(next++);
            if (number.kind() != Kind.NUMBER) {
              throw malformed("Unexpected token");
            }
            value.put("N", "-" + number.text());
          }
          case "[" -> {
            ArrayNode list = value.putArray("L");
            if (!acceptSymbol("]")) {
              do {
                list.add(value());
              } while (acceptSymbol(","));
              expectSymbol("]");
            }
          }
          case "{" -> {
            ObjectNode map = value.putObject("M");
            if (!acceptSymbol("}")) {
              do {
                Token key = tokens.get(next++);
                if (key.kind() != Kind.STRING) {
                  throw malformed("Expected a string as a map key");
                }
                expectSymbol(":");
                map.set(key.text(), value());
              } while (acceptSymbol(","));
              expectSymbol("}");
            }
          }
          case "<<" -> {
            List<ObjectNode> members = new ArrayList<>();
            do {
              members.add(value());
            } while (acceptSymbol(","));
            expectSymbol(">>");
            return set(members);
          }
          default -> throw malformed("Unexpected token");
        }
      }
      case END -> throw malformed("Unexpected end of statement");
      default -> throw malformed("Unexpected token");
    }
    return value;
  }

  /** A set literal: a string, number or binary set, by the type of its members, which must all be alike. */
  private static ObjectNode set(List<ObjectNode> members) {
    String type = members.get(0).fieldNames().next();
    if (!type.equals("S") && !type.equals("N") && !type.equals("B")) {
      throw malformed("A set can only hold strings, numbers or binaries");
    }
    ObjectNode set = JSON.objectNode();
    ArrayNode values = set.putArray(type + "S");
    for (ObjectNode member : members) {
      JsonNode element = member.get(type);
      if (member.size() != 1 || element == null) {
        throw malformed("A set's members must all be of one type");
      }
      values.add(element);
    }
    return set;
  }

  // ------------------------------------------------------------------ tokens

  private Token peek() {
    return tokens.get(next);
  }

  private boolean acceptWord(String word) {
    if (peek().isWord(word)) {
      next++;
      return true;
    }
    return false;
  }

  private boolean acceptSymbol(String symbol) {
    if (peek().isSymbol(symbol)) {
      next++;
      return true;
    }
    return false;
  }

  private void expectWord(String word) {
    if (!acceptWord(word)) {
      throw unexpected();
    }
  }

  private void expectSymbol(String symbol) {
    if (!acceptSymbol(symbol)) {
      throw unexpected();
    }
  }

  private DynamoError unexpected() {
    Token token = peek();
    return switch (token.kind()) {
      case END -> malformed("Unexpected end of statement");
      case WORD -> malformed("Unexpected keyword");
      default -> malformed("Unexpected token");
    };
  }
}
