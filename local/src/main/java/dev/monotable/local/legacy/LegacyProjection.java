package dev.monotable.local.legacy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.monotable.local.expression.Expressions;
import dev.monotable.local.expression.Projection;
import dev.monotable.local.value.DynamoError;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** AttributesToGet, as the projection expression of the same top-level attributes. */
public final class LegacyProjection {
  private LegacyProjection() {}

  /** The projection of the names in {@code attributesToGet}; null when it is absent. */
  public static Projection attributesToGet(JsonNode attributesToGet) {
    if (attributesToGet == null || attributesToGet.isNull()) {
      return null;
    }
    Set<String> names = new LinkedHashSet<>();
    for (JsonNode element : attributesToGet) {
      if (!names.add(element.asText())) {
        throw DynamoError.validation("One or more parameter values were invalid: Duplicate value in attribute name: "
            + element.asText());
      }
    }
    Placeholding text = new Placeholding();
    List<String> refs = new ArrayList<>();
    for (String name : names) {
      refs.add(text.name(name));
    }
    return Expressions.projection(String.join(", ", refs), text.placeholders());
  }
}
