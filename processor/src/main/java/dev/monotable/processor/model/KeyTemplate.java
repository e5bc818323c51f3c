package dev.monotable.processor.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A parsed key template such as {@code ORDER#<orderDate>#<orderId>}: literal text and
 * {@code <field>} placeholders. A template that could not be parsed keeps its text and the reason.
 */
public record KeyTemplate(String text, List<Segment> segments, Optional<String> syntaxError, SourceRef source) {
  public KeyTemplate {
    segments = List.copyOf(segments);
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
