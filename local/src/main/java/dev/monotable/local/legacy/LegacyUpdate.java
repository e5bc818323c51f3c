package dev.monotable.local.legacy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.monotable.local.expression.Expressions;
import dev.monotable.local.expression.Update;
import dev.monotable.local.value.DynamoError;
import dev.monotable.local.value.Value;
import dev.monotable.local.value.ValueJson;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * AttributeUpdates, as the update expression it stands for: PUT is SET, DELETE without a value is
 * REMOVE, DELETE with a set removes its elements, ADD adds a number or the elements of a set, or
 * appends a list.
 */
public final class LegacyUpdate {
  private static final Set<String> SETS = Set.of("SS", "NS", "BS");

  private LegacyUpdate() {}

  /** The update {@code attributeUpdates} describes; null when it is absent or empty. */
  public static Update attributeUpdates(JsonNode attributeUpdates) {
    if (attributeUpdates == null || attributeUpdates.isNull() || attributeUpdates.size() == 0) {
      return null;
    }
    Placeholding text = new Placeholding();
    List<String> sets = new ArrayList<>();
    List<String> removes = new ArrayList<>();
    List<String> adds = new ArrayList<>();
    List<String> deletes = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> fields = attributeUpdates.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode update = field.getValue();
      String action = update.hasNonNull("Action") ? update.get("Action").asText() : "PUT";
      if (!action.equals("PUT") && !action.equals("ADD") && !action.equals("DELETE")) {
        throw DynamoError.validation("1 validation error detected: Value '" + action + "' at 'attributeUpdates."
            + field.getKey() + ".member.action' failed to satisfy constraint: Member must satisfy enum value set: "
            + "[ADD, PUT, DELETE]");
      }
      Value value = update.hasNonNull("Value") ? ValueJson.read(update.get("Value")) : null;
      if (value == null && !action.equals("DELETE")) {
        throw DynamoError.validation(
            "One or more parameter values were invalid: Only DELETE action is allowed when no attribute value is specified");
      }
      if (value != null && action.equals("DELETE") && !SETS.contains(value.type())) {
        throw DynamoError.validation("One or more parameter values were invalid: DELETE action with value is not "
            + "supported for the type " + value.type());
      }
      if (value != null && action.equals("ADD") && !SETS.contains(value.type()) && !value.type().equals("N")
          && !value.type().equals("L")) {
        throw DynamoError.validation("One or more parameter values were invalid: ADD action is not supported for "
            + "the type " + value.type());
      }
      String name = text.name(field.getKey());
      switch (action) {
        case "PUT":
          sets.add(name + " = " + text.value(value));
          break;
        case "ADD":
          if (value instanceof Value.L) {
            // a list is appended to the list there (or to none)
            sets.add(name + " = list_append(if_not_exists(" + name + ", " + text.value(new Value.L(List.of())) + "), "
                + text.value(value) + ")");
          } else {
            adds.add(name + " " + text.value(value));
          }
          break;
        default:
          if (value == null) {
            removes.add(name);
          } else {
            deletes.add(name + " " + text.value(value));
          }
      }
    }
    StringBuilder expression = new StringBuilder();
    clause(expression, "SET", sets);
    clause(expression, "REMOVE", removes);
    clause(expression, "ADD", adds);
    clause(expression, "DELETE", deletes);
    return Expressions.update(expression.toString(), text.placeholders());
  }

  private static void clause(StringBuilder expression, String keyword, List<String> actions) {
    if (!actions.isEmpty()) {
      if (expression.length() > 0) {
        expression.append(' ');
      }
      expression.append(keyword).append(' ').append(String.join(", ", actions));
    }
  }
}
