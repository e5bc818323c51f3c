package dev.monotable.processor.read;

import dev.monotable.processor.model.KeyTemplate;
import dev.monotable.processor.model.KeyTemplate.Literal;
import dev.monotable.processor.model.KeyTemplate.Placeholder;
import dev.monotable.processor.model.KeyTemplate.Segment;
import dev.monotable.processor.model.KeyTemplate.SyntaxError;
import dev.monotable.processor.model.KeyTemplate.SyntaxError.Reason;
import dev.monotable.processor.model.SourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses {@code USER#<id>}-style key templates. Never throws: a template it cannot parse comes back
 * with its syntax error for the checker to report.
 */
public final class KeyTemplateParser {
  private KeyTemplateParser() {}

  public static KeyTemplate parse(String text, SourceRef source) {
    List<Segment> segments = new ArrayList<>();
    if (text.isEmpty()) {
      return malformed(text, source, Reason.EMPTY, 0);
    }
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '>') {
        return malformed(text, source, Reason.UNOPENED_PLACEHOLDER, i + 1);
      }
      if (c != '<') {
        literal.append(c);
        i++;
        continue;
      }
      int close = -1;
      for (int j = i + 1; j < text.length(); j++) {
        char d = text.charAt(j);
        if (d == '<') {
          return malformed(text, source, Reason.NESTED_PLACEHOLDER, j + 1);
        }
        if (d == '>') {
          close = j;
          break;
        }
      }
      if (close < 0) {
        return malformed(text, source, Reason.UNCLOSED_PLACEHOLDER, i + 1);
      }
      String field = text.substring(i + 1, close).trim();
      if (field.isEmpty()) {
        return malformed(text, source, Reason.EMPTY_PLACEHOLDER, i + 1);
      }
      if (literal.length() > 0) {
        segments.add(new Literal(literal.toString()));
        literal.setLength(0);
      }
      segments.add(new Placeholder(field));
      i = close + 1;
    }
    if (literal.length() > 0) {
      segments.add(new Literal(literal.toString()));
    }
    return new KeyTemplate(text, segments, Optional.empty(), source);
  }

  private static KeyTemplate malformed(String text, SourceRef source, Reason reason, int position) {
    return new KeyTemplate(text, List.of(), Optional.of(new SyntaxError(reason, position)), source);
  }
}
