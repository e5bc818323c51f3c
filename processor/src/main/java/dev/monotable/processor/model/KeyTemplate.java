package dev.monotable.processor.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A parsed key template such as {@code ORDER#<orderDate>#<orderId>}: literal text and
 * {@code <field>} placeholders. A template that could not be parsed keeps its text and its error.
 *
 * <p>A plain key ({@code @PartitionKey} or {@code @SortKey} on a field) is the template
 * {@code <field>} with {@code plain} set: the key attribute holds the field's stored value as it
 * is (S, N or B), not a string built from it.
 */
public record KeyTemplate(
    String text, List<Segment> segments, Optional<SyntaxError> syntaxError, SourceRef source, boolean plain) {
  public KeyTemplate {
    segments = List.copyOf(segments);
  }

  /** A template written on the entity type. */
  public KeyTemplate(String text, List<Segment> segments, Optional<SyntaxError> syntaxError, SourceRef source) {
    this(text, segments, syntaxError, source, false);
  }

  /** The plain key of {@code field}, or its error when the field's annotation cannot make one. */
  public static KeyTemplate plain(String field, Optional<SyntaxError> error, SourceRef source) {
    return new KeyTemplate("<" + field + ">", List.of(new Placeholder(field)), error, source, true);
  }

  /** The field of a plain key. */
  public String plainField() {
    if (!plain) {
      throw new IllegalStateException(text + " is a template, not a plain key");
    }
    return ((Placeholder) segments.get(0)).field();
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
      EMPTY_PLACEHOLDER,
      /** A template written in the annotation on a field, which is a plain key. */
      TEMPLATE_ON_FIELD,
      /** A second partition (or sort) key: on the type and a field, or on two fields. */
      DECLARED_TWICE
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

  /** The literal text before the first placeholder: the territory of the key ({@link Territories}). */
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
