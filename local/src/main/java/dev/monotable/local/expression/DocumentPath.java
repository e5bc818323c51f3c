package dev.monotable.local.expression;

import java.util.List;
import java.util.StringJoiner;

/**
 * A document path such as {@code a.b[2].c}, with placeholders already substituted: each element
 * is a String (an attribute name or map key) or an Integer (a list index). The first element is
 * always a String.
 */
public record DocumentPath(List<Object> elements) {
  public DocumentPath {
    elements = List.copyOf(elements);
    if (elements.isEmpty() || !(elements.get(0) instanceof String)) {
      throw new IllegalArgumentException("a document path starts with an attribute name");
    }
    for (Object element : elements) {
      if (!(element instanceof String) && !(element instanceof Integer)) {
        throw new IllegalArgumentException("document path elements are String or Integer: " + element);
      }
    }
  }

  /** A path of plain names, for tests and callers: {@code DocumentPath.of("a", "b", 2)}. */
  public static DocumentPath of(Object... elements) {
    return new DocumentPath(List.of(elements));
  }

  /** The top-level attribute this path starts at. */
  public String topLevelName() {
    return (String) elements.get(0);
  }

  /** Whether this path is a single top-level attribute. */
  public boolean isTopLevel() {
    return elements.size() == 1;
  }

  /** The path as it would be written: {@code a.b[2].c}. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    for (Object element : elements) {
      if (element instanceof Integer index) {
        text.append('[').append(index).append(']');
      } else {
        if (text.length() > 0) {
          text.append('.');
        }
        text.append(element);
      }
    }
    return text.toString();
  }

  /** The path as DynamoDB prints it in error messages: {@code [a, b, [2], c]}. */
  String toMessageString() {
    StringJoiner joiner = new StringJoiner(", ", "[", "]");
    for (Object element : elements) {
      joiner.add(element instanceof Integer index ? "[" + index + "]" : (String) element);
    }
    return joiner.toString();
  }
}
