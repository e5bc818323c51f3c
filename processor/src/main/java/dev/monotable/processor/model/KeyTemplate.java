package dev.monotable.processor.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A parsed key template such as {@code ORDER#<orderDate>#<orderId>}: literal text and
 * {@code <field>} placeholders. A template that could not be parsed keeps its text and its error.
 */
public record KeyTemplate(
    String text, List<Segment> segments, Optional<SyntaxError> syntaxError, SourceRef source) {
  public KeyTemplate {
    segments = List.copyOf(segments);
  }

  /**
   * Why a template cannot be parsed, and where: {@code position} is the 1-based position of the
   * character at fault in the template's text (0 for an empty template).
   */
  public record SyntaxError(Reason reason, int position) {
    public enum Reason {
      /** The template has no text. */
      EMPTY,
      /** A {@code '>'} with no {@code '<'} before it. */
      UNOPENED_PLACEHOLDER,
      /** A {@code '<'} inside a placeholder. */
      NESTED_PLACEHOLDER,
      /** A {@code '<'} with no {@code '>'} after it. */
      UNCLOSED_PLACEHOLDER,
      /** {@code <>}: a placeholder naming no field. */
      EMPTY_PLACEHOLDER
    }
  }

  /** One part of a template. */
  public sealed interface Segment {}

  /** Literal text, written as it is. */
  public record Literal(String text) implements Segment {}

  /** A {@code <field>} placeholder. */
  public record Placeholder(String field) implements Segment {}

  /** The fields of the placeholders, in template order, each once. */
  public List<String> fields() {
    List<String> fields = new ArrayList<>();
    for (Segment segment : segments) {
      if (segment instanceof Placeholder placeholder && !fields.contains(placeholder.field())) {
        fields.add(placeholder.field());
      }
    }
    return fields;
  }

  /** Whether the template has no placeholder: every item has the same key. */
  public boolean isFixed() {
    return segments.stream().noneMatch(s -> s instanceof Placeholder);
  }

  /** The literal text before the first placeholder: the territory of the key. */
  public String literalPrefix() {
    StringBuilder prefix = new StringBuilder();
    for (Segment segment : segments) {
      if (segment instanceof Literal literal) {
        prefix.append(literal.text());
      } else {
        break;
      }
    }
    return prefix.toString();
  }

  public boolean isValid() {
    return syntaxError.isEmpty();
  }
}
