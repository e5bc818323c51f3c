package dev.monotable.runtime.internal;

import dev.monotable.runtime.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Projection expressions of reads that ask for some attributes only: the paths asked for, then the
 * attributes every read needs whatever was asked (the keys, to continue pages and match batch
 * results; the type attribute, to decode and check the item's type).
 */
public final class Projections {
  private Projections() {}

  /**
   * The projection expression reading {@code paths} and {@code always}, each name behind a
   * placeholder added to {@code names}.
   */
  public static String render(List<Path<?>> paths, List<String> always, Map<String, String> names) {
    Expression expression = new Expression("p", names, new HashMap<>());
    LinkedHashSet<String> parts = new LinkedHashSet<>();
    for (Path<?> path : paths) {
      parts.add(TypedPath.of(path).render(expression));
    }
    for (String attribute : always) {
      parts.add(expression.name(attribute));
    }
    return String.join(", ", parts);
  }

  /** The key attributes and the type attribute of {@code schema}, which a projected read always reads. */
  public static List<String> keysAndType(EntitySchema<?> schema) {
    List<String> always = new ArrayList<>(schema.keyAttributes());
    // the primary-key fields' own attributes, without which no item decodes
    for (String field : schema.fixedAttributes()) {
      if (!always.contains(field)) {
        always.add(field);
      }
    }
    if (!schema.typeAttribute().isEmpty()) {
      always.add(schema.typeAttribute());
    }
    return always;
  }
}
