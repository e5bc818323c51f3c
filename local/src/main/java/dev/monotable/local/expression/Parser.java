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
import dev.monotable.local.value.DynamoError;
import dev.monotable.local.value.Value;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;

/**
 * Tokenizer and recursive-descent parser for all five expression kinds.
 *
 * <p>DynamoDB reports the problems of an expression in a fixed order, which this parser follows:
 * redundant parentheses (found by a scan of the tokens, before any syntax error), syntax errors
 * (thrown as soon as they are met), then - once the whole expression has parsed, see {@link
 * #finish()} - misused or unknown functions, reserved words, a repeated update section and
 * undefined placeholders, each the first one in the text. Later checks live in {@link Checks}.
 */
final class Parser {
  /** DynamoDB's limit on the length of one expression, in UTF-8 bytes. */
  static final int MAX_EXPRESSION_BYTES = 4096;

  /** The deepest document path DynamoDB accepts. */
  static final int MAX_PATH_DEPTH = 32;

  enum Kind { NAME, NAME_REF, VALUE_REF, NUMBER, SYMBOL, EOF }

  record Token(Kind kind, String text, int start, int end) {}

  static final Set<String> CONDITION_KEYWORDS = Set.of("AND", "OR", "NOT", "BETWEEN", "IN");
  static final Set<String> UPDATE_KEYWORDS = Set.of("SET", "REMOVE", "ADD", "DELETE");

  private final String source;
  private final String parameter;
  private final Placeholders placeholders;
  private final Set<String> keywords;
  private final List<Token> tokens;
  private int position;

  private String functionError;
  private String reservedWord;
  private String sectionError;
  private String undefinedError;

  Parser(String source, String parameter, Placeholders placeholders, Set<String> keywords) {
    this.parameter = parameter;
    if (source == null || source.isBlank()) {
      throw error("The expression can not be empty;");
    }
    if (source.getBytes(StandardCharsets.UTF_8).length > MAX_EXPRESSION_BYTES) {
      throw error("Expression size has exceeded the maximum allowed size;");
    }
    this.source = source;
    this.placeholders = placeholders;
    this.keywords = keywords;
    this.tokens = tokenize(source);
    checkRedundantParentheses();
  }

  /** A validation error with this expression's prefix: {@code Invalid UpdateExpression: ...}. */
  DynamoError error(String message) {
    return DynamoError.validation("Invalid " + parameter + ": " + message);
  }

  // ---------------------------------------------------------------- tokenizer

  /** A name starts with a letter: DynamoDB refuses {@code _c} (and {@code c._d}) as a syntax error. */
  private static boolean isNameStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isNamePart(char c) {
    return isNameStart(c) || c == '_' || (c >= '0' && c <= '9');
  }

  private static List<Token> tokenize(String s) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      int start = i;
      if (isNameStart(c)) {
        while (i < n && isNamePart(s.charAt(i))) {
          i++;
        }
        out.add(new Token(Kind.NAME, s.substring(start, i), start, i));
      } else if (c >= '0' && c <= '9') {
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
          i++;
        }
        out.add(new Token(Kind.NUMBER, s.substring(start, i), start, i));
      } else if ((c == '#' || c == ':') && i + 1 < n && isNamePart(s.charAt(i + 1))) {
        i++;
        while (i < n && isNamePart(s.charAt(i))) {
          i++;
        }
        out.add(new Token(c == '#' ? Kind.NAME_REF : Kind.VALUE_REF, s.substring(start, i), start, i));
      } else if (c == '<' && i + 1 < n && (s.charAt(i + 1) == '=' || s.charAt(i + 1) == '>')) {
        i += 2;
        out.add(new Token(Kind.SYMBOL, s.substring(start, i), start, i));
      } else if (c == '>' && i + 1 < n && s.charAt(i + 1) == '=') {
        i += 2;
        out.add(new Token(Kind.SYMBOL, s.substring(start, i), start, i));
      } else {
        i += Character.charCount(s.codePointAt(i));
        out.add(new Token(Kind.SYMBOL, s.substring(start, i), start, i));
      }
    }
    out.add(new Token(Kind.EOF, "<EOF>", n, n));
    return out;
  }

  // ---------------------------------------------------------------- token helpers

  private Token peek() {
    return tokens.get(position);
  }

  private Token peek(int ahead) {
    return tokens.get(Math.min(position + ahead, tokens.size() - 1));
  }

  private Token next() {
    Token token = tokens.get(position);
    if (token.kind() != Kind.EOF) {
      position++;
    }
    return token;
  }

  boolean atEnd() {
    return peek().kind() == Kind.EOF;
  }

  private boolean isSymbol(String symbol) {
    Token token = peek();
    return token.kind() == Kind.SYMBOL && token.text().equals(symbol);
  }

  private boolean isKeyword(Token token, String keyword) {
    return token.kind() == Kind.NAME && token.text().equalsIgnoreCase(keyword) && keywords.contains(keyword);
  }

  private boolean isKeyword(String keyword) {
    return isKeyword(peek(), keyword);
  }

  private boolean isAnyKeyword(Token token) {
    return token.kind() == Kind.NAME && keywords.contains(token.text().toUpperCase(Locale.ROOT));
  }

  private void expectSymbol(String symbol) {
    if (!isSymbol(symbol)) {
      throw syntaxError();
    }
    next();
  }

  private void expectKeyword(String keyword) {
    if (!isKeyword(keyword)) {
      throw syntaxError();
    }
    next();
  }

  void expectEnd() {
    if (!atEnd()) {
      throw syntaxError();
    }
  }

  /** DynamoDB's syntax error at the current token, quoting the source from the previous token to the next. */
  DynamoError syntaxError() {
    Token token = peek();
    int from = position > 0 ? tokens.get(position - 1).start() : token.start();
    int to;
    if (token.kind() == Kind.EOF) {
      to = source.length();
    } else {
      Token after = tokens.get(position + 1);
      to = after.kind() == Kind.EOF ? token.end() : after.end();
    }
    String near = source.substring(from, to).stripTrailing();
    return error("Syntax error; token: \"" + token.text() + "\", near: \"" + near + "\"");
  }

  /**
   * Throws, in DynamoDB's order, the first misused function, reserved word, repeated update section
   * or undefined placeholder seen while parsing.
   */
  void finish() {
    if (functionError != null) {
      throw error(functionError);
    }
    if (reservedWord != null) {
      throw error("Attribute name is a reserved keyword; reserved keyword: " + reservedWord);
    }
    if (sectionError != null) {
      throw error(sectionError);
    }
    if (undefinedError != null) {
      throw error(undefinedError);
    }
  }

  /**
   * A pair of grouping parentheses directly around another pair, such as {@code ((a))}, is an
   * error that DynamoDB reports before any syntax error. The parentheses of a function call do not
   * count as grouping ones.
   */
  private void checkRedundantParentheses() {
    int[] match = new int[tokens.size()];
    Deque<Integer> open = new ArrayDeque<>();
    for (int i = 0; i < tokens.size(); i++) {
      match[i] = -1;
      Token token = tokens.get(i);
      if (token.kind() == Kind.SYMBOL && token.text().equals("(")) {
        open.push(i);
      } else if (token.kind() == Kind.SYMBOL && token.text().equals(")") && !open.isEmpty()) {
        int start = open.pop();
        match[start] = i;
        match[i] = start;
      }
    }
    for (int i = 0; i + 1 < tokens.size(); i++) {
      boolean call = i > 0 && tokens.get(i - 1).kind() == Kind.NAME && !isAnyKeyword(tokens.get(i - 1));
      if (!call && match[i] > i && match[i + 1] > i + 1 && match[i + 1] == match[i] - 1) {
        throw error("The expression has redundant parentheses;");
      }
    }
  }

  private void functionProblem(String message) {
    if (functionError == null) {
      functionError = message;
    }
  }

  /** A call used as an operand of a comparison or function in a condition: only size is. */
  private void checkOperandFunction(Call call) {
    String name = call.name();
    if (Checks.OPERAND_FUNCTIONS.containsKey(name)) {
      return;
    }
    if (Checks.CONDITION_FUNCTIONS.containsKey(name)) {
      functionProblem("The function is not allowed to be used this way in an expression; function: " + name);
    } else if (Checks.UPDATE_FUNCTIONS.containsKey(name)) {
      functionProblem("The function is not allowed in a condition expression; function: " + name);
    } else {
      functionProblem("Invalid function name; function: " + name);
    }
  }

  /** A call used as a condition: one of the boolean functions. */
  private void checkConditionFunction(Call call) {
    String name = call.name();
    if (Checks.CONDITION_FUNCTIONS.containsKey(name)) {
      return;
    }
    if (Checks.OPERAND_FUNCTIONS.containsKey(name)) {
      functionProblem("The function is not allowed to be used this way in an expression; function: " + name);
    } else if (Checks.UPDATE_FUNCTIONS.containsKey(name)) {
      functionProblem("The function is not allowed in a condition expression; function: " + name);
    } else {
      functionProblem("Invalid function name; function: " + name);
    }
  }

  /** A call in a SET value: if_not_exists or list_append. */
  private void checkUpdateFunction(String name) {
    if (Checks.UPDATE_FUNCTIONS.containsKey(name)) {
      return;
    }
    if (Checks.CONDITION_FUNCTIONS.containsKey(name) || Checks.OPERAND_FUNCTIONS.containsKey(name)) {
      functionProblem("The function is not allowed in an update expression; function: " + name);
    } else {
      functionProblem("Invalid function name; function: " + name);
    }
  }


  // ---------------------------------------------------------------- paths and operands

  private String attributeName(Token token) {
    if (token.kind() == Kind.NAME) {
      if (reservedWord == null && ReservedWords.isReserved(token.text())) {
        reservedWord = token.text();
      }
      return token.text();
    }
    String name = placeholders.name(token.text());
    if (name == null) {
      if (undefinedError == null) {
        undefinedError = "An expression attribute name used in the document path is not defined; attribute name: " + token.text();
      }
      return token.text();
    }
    return name;
  }

  private boolean startsPath(Token token) {
    return token.kind() == Kind.NAME_REF || (token.kind() == Kind.NAME && !isAnyKeyword(token));
  }

  /** path := name ( '.' name | '[' number ']' )* where name is a plain name or a #placeholder. */
  DocumentPath parsePath() {
    Token first = peek();
    if (!startsPath(first)) {
      throw syntaxError();
    }
    next();
    List<Object> elements = new ArrayList<>();
    elements.add(attributeName(first));
    while (true) {
      if (isSymbol(".")) {
        next();
        Token token = peek();
        if (token.kind() != Kind.NAME && token.kind() != Kind.NAME_REF) {
          throw syntaxError();
        }
        next();
        elements.add(attributeName(token));
      } else if (isSymbol("[")) {
        next();
        Token token = peek();
        if (token.kind() != Kind.NUMBER) {
          throw syntaxError();
        }
        int index;
        try {
          index = Integer.parseInt(token.text());
        } catch (NumberFormatException e) {
          throw syntaxError();
        }
        next();
        expectSymbol("]");
        elements.add(index);
      } else {
        break;
      }
    }
    if (elements.size() > MAX_PATH_DEPTH) {
      throw error("The document path has too many nesting levels; nesting levels: " + elements.size());
    }
    return new DocumentPath(elements);
  }

  private ValueOperand valueOperand() {
    Token token = next();
    Value value = placeholders.value(token.text());
    if (value == null && undefinedError == null) {
      undefinedError = "An expression attribute value used in expression is not defined; attribute value: " + token.text();
    }
    return new ValueOperand(token.text(), value);
  }

  private boolean startsCall() {
    Token token = peek();
    Token after = peek(1);
    return token.kind() == Kind.NAME && !isAnyKeyword(token) && after.kind() == Kind.SYMBOL && after.text().equals("(");
  }

  /** operand := :value | function '(' operand (',' operand)* ')' | path, without surrounding parentheses. */
  private Operand parseBareOperand() {
    Token token = peek();
    if (token.kind() == Kind.VALUE_REF) {
      return valueOperand();
    }
    if (startsCall()) {
      next();
      next();
      List<Operand> arguments = new ArrayList<>();
      arguments.add(parseOperand());
      while (isSymbol(",")) {
        next();
        arguments.add(parseOperand());
      }
      expectSymbol(")");
      return new Call(token.text(), arguments);
    }
    return new PathOperand(parsePath());
  }

  /** An operand of a comparison or function, possibly in parentheses. */
  private Operand parseOperand() {
    if (isSymbol("(")) {
      next();
      Operand operand = parseOperand();
      expectSymbol(")");
      return operand;
    }
    Operand operand = parseBareOperand();
    if (operand instanceof Call call) {
      checkOperandFunction(call);
    }
    return operand;
  }

  // ---------------------------------------------------------------- conditions

  /**
   * condition := disjunction, to the end of the expression. A parenthesized part may turn out to
   * be a condition or an operand (as in {@code (a) < (b)}), so the levels below return either a
   * {@link Cond} or an {@link Operand}, and the caller decides which it needs.
   */
  Cond parseWholeCondition() {
    Object condition = parseOr();
    expectEnd();
    return asCondition(condition);
  }

  /** A parsed part used as a condition: a condition, or a boolean function call. */
  private Cond asCondition(Object parsed) {
    if (parsed instanceof Cond condition) {
      return condition;
    }
    if (parsed instanceof Call call) {
      checkConditionFunction(call);
      return new FunctionCond(call);
    }
    throw syntaxError();
  }

  /** A parsed part used as an operand, before a comparator, BETWEEN or IN. */
  private Operand asOperand(Object parsed) {
    if (parsed instanceof Operand operand) {
      if (operand instanceof Call call) {
        checkOperandFunction(call);
      }
      return operand;
    }
    throw syntaxError();
  }

  private Object parseOr() {
    Object condition = parseAnd();
    while (isKeyword("OR")) {
      Cond left = asCondition(condition);
      next();
      condition = new Or(left, asCondition(parseAnd()));
    }
    return condition;
  }

  private Object parseAnd() {
    Object condition = parseNot();
    while (isKeyword("AND")) {
      Cond left = asCondition(condition);
      next();
      condition = new And(left, asCondition(parseNot()));
    }
    return condition;
  }

  private Object parseNot() {
    if (isKeyword("NOT")) {
      next();
      return new Not(asCondition(parseNot()));
    }
    return parsePrimary();
  }

  private static final Set<String> COMPARATORS = Set.of("=", "<>", "<", "<=", ">", ">=");

  private Object parsePrimary() {
    Object atom;
    if (isSymbol("(")) {
      next();
      Object inner = parseOr();
      expectSymbol(")");
      atom = inner instanceof Cond condition ? new Paren(condition) : inner;
    } else {
      atom = parseBareOperand();
    }
    Token token = peek();
    if (token.kind() == Kind.SYMBOL && COMPARATORS.contains(token.text())) {
      Operand left = asOperand(atom);
      next();
      return new Compare(token.text(), left, parseOperand());
    }
    if (isKeyword("BETWEEN")) {
      Operand left = asOperand(atom);
      next();
      Operand lower = parseOperand();
      expectKeyword("AND");
      return new Between(left, lower, parseOperand());
    }
    if (isKeyword("IN")) {
      Operand left = asOperand(atom);
      next();
      expectSymbol("(");
      List<Operand> candidates = new ArrayList<>();
      candidates.add(parseOperand());
      while (isSymbol(",")) {
        next();
        candidates.add(parseOperand());
      }
      expectSymbol(")");
      return new In(left, candidates);
    }
    return atom;
  }

  // ---------------------------------------------------------------- projections

  /** projection := path (',' path)*, to the end of the expression. */
  List<DocumentPath> parseWholeProjection() {
    List<DocumentPath> paths = new ArrayList<>();
    paths.add(parsePath());
    while (isSymbol(",")) {
      next();
      paths.add(parsePath());
    }
    expectEnd();
    return paths;
  }

  // ---------------------------------------------------------------- updates

  /** The parsed clauses of an update expression, each list in source order. */
  record UpdateClauses(List<SetAction> sets, List<DocumentPath> removes, List<ValueAction> adds,
      List<ValueAction> deletes, List<DocumentPath> targets) {}

  /** update := ( SET ... | REMOVE ... | ADD ... | DELETE ... )+, each clause at most once. */
  UpdateClauses parseWholeUpdate() {
    List<SetAction> sets = new ArrayList<>();
    List<DocumentPath> removes = new ArrayList<>();
    List<ValueAction> adds = new ArrayList<>();
    List<ValueAction> deletes = new ArrayList<>();
    List<DocumentPath> targets = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    do {
      Token token = peek();
      if (!isAnyKeyword(token)) {
        throw syntaxError();
      }
      String clause = token.text().toUpperCase(Locale.ROOT);
      if (seen.contains(clause) && sectionError == null) {
        sectionError = "The \"" + clause + "\" section can only be used once in an update expression;";
      }
      seen.add(clause);
      next();
      do {
        if (clause.equals("SET")) {
          DocumentPath path = parsePath();
          expectSymbol("=");
          SetValue value = parseSetValue();
          sets.add(new SetAction(path, value));
          targets.add(path);
        } else if (clause.equals("REMOVE")) {
          DocumentPath path = parsePath();
          removes.add(path);
          targets.add(path);
        } else {
          DocumentPath path = parsePath();
          if (peek().kind() != Kind.VALUE_REF) {
            throw syntaxError();
          }
          ValueAction action = new ValueAction(path, valueOperand());
          (clause.equals("ADD") ? adds : deletes).add(action);
          targets.add(path);
        }
      } while (isSymbol(",") && next() != null);
    } while (!atEnd());
    return new UpdateClauses(sets, removes, adds, deletes, targets);
  }

  /** value := term ( ('+' | '-') term )? */
  private SetValue parseSetValue() {
    SetValue left = parseTerm();
    if (isSymbol("+") || isSymbol("-")) {
      String operator = next().text();
      return new Arithmetic(operator, left, parseTerm());
    }
    return left;
  }

  /** term := '(' value ')' | :value | function '(' value (',' value)* ')' | path */
  private SetValue parseTerm() {
    if (isSymbol("(")) {
      next();
      SetValue value = parseSetValue();
      expectSymbol(")");
      return value;
    }
    Token token = peek();
    if (token.kind() == Kind.VALUE_REF) {
      return new Single(valueOperand());
    }
    if (startsCall()) {
      next();
      next();
      List<SetValue> arguments = new ArrayList<>();
      arguments.add(parseSetValue());
      while (isSymbol(",")) {
        next();
        arguments.add(parseSetValue());
      }
      expectSymbol(")");
      checkUpdateFunction(token.text());
      return new UpdateCall(token.text(), arguments);
    }
    return new Single(new PathOperand(parsePath()));
  }
}
