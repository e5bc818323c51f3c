package dev.monotable.local.partiql;

import java.util.ArrayList;
import java.util.List;

/** Splits a statement into tokens: words, quoted names, strings, numbers, parameters and symbols. */
final class Lexer {
  enum Kind { WORD, QUOTED_NAME, STRING, NUMBER, PARAMETER, SYMBOL, END }

  /** One token; {@code text} is a word as written, a name or string unquoted, a symbol's characters. */
  record Token(Kind kind, String text, int position) {
    boolean isWord(String word) {
      return kind == Kind.WORD && text.equalsIgnoreCase(word);
    }

    boolean isSymbol(String symbol) {
      return kind == Kind.SYMBOL && text.equals(symbol);
    }
  }

  private static final String[] SYMBOLS = {"<<", ">>", "<>", "!=", "<=", ">=", "=", "<", ">", ",", ".", "[", "]", "{",
      "}", "(", ")", ":", "*", "+", "-"};

  private Lexer() {}

  static List<Token> tokens(String statement) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    int length = statement.length();
    while (i < length) {
      char c = statement.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '\'' || c == '"') {
        StringBuilder text = new StringBuilder();
        int start = i++;
        while (true) {
          if (i >= length) {
            throw StatementParser.malformed(c == '\'' ? "Unterminated string literal" : "Unterminated quoted identifier");
          }
          char d = statement.charAt(i++);
          if (d == c) {
            if (i < length && statement.charAt(i) == c) {
              text.append(c); // a doubled quote stands for itself
              i++;
              continue;
            }
            break;
          }
          text.append(d);
        }
        tokens.add(new Token(c == '\'' ? Kind.STRING : Kind.QUOTED_NAME, text.toString(), start));
      } else if (Character.isDigit(c)) {
        int start = i;
        while (i < length && Character.isDigit(statement.charAt(i))) {
          i++;
        }
        if (i + 1 < length && statement.charAt(i) == '.' && Character.isDigit(statement.charAt(i + 1))) {
          i++;
          while (i < length && Character.isDigit(statement.charAt(i))) {
            i++;
          }
        }
        if (i < length && (statement.charAt(i) == 'e' || statement.charAt(i) == 'E')) {
          int exponent = i + 1;
          if (exponent < length && (statement.charAt(exponent) == '+' || statement.charAt(exponent) == '-')) {
            exponent++;
          }
          if (exponent < length && Character.isDigit(statement.charAt(exponent))) {
            i = exponent;
            while (i < length && Character.isDigit(statement.charAt(i))) {
              i++;
            }
          }
        }
        tokens.add(new Token(Kind.NUMBER, statement.substring(start, i), start));
      } else if (Character.isLetter(c) || c == '_') {
        int start = i;
        while (i < length && (Character.isLetterOrDigit(statement.charAt(i)) || statement.charAt(i) == '_')) {
          i++;
        }
        tokens.add(new Token(Kind.WORD, statement.substring(start, i), start));
      } else if (c == '?') {
        tokens.add(new Token(Kind.PARAMETER, "?", i++));
      } else {
        String symbol = null;
        for (String candidate : SYMBOLS) {
          if (statement.startsWith(candidate, i)) {
            symbol = candidate;
            break;
          }
        }
        if (symbol == null) {
          throw StatementParser.malformed("Unexpected character '" + c + "'");
        }
        tokens.add(new Token(Kind.SYMBOL, symbol, i));
        i += symbol.length();
      }
    }
    tokens.add(new Token(Kind.END, "", length));
    return tokens;
  }
}
