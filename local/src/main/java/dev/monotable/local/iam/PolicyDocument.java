package dev.monotable.local.iam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An IAM identity-based policy, parsed: its {@code Version} and its statements. Refuses what IAM
 * refuses in an identity policy (a {@code Principal}, a statement without Effect, Action or
 * Resource, an unknown element) and the condition operators MonotableLocal does not evaluate, with
 * an {@link IllegalArgumentException} that says which.
 *
 * <pre>{@code
 * PolicyDocument policy = PolicyDocument.parse("""
 *     {"Version": "2012-10-17",
 *      "Statement": [{"Effect": "Allow", "Action": "dynamodb:GetItem",
 *                     "Resource": "arn:aws:dynamodb:*:*:table/Orders"}]}""");
 * }</pre>
 */
public final class PolicyDocument {
  /** The only version of the policy language in which policy variables are substituted. */
  static final String VARIABLES_VERSION = "2012-10-17";
  private static final Set<String> DOCUMENT_ELEMENTS = Set.of("Version", "Id", "Statement");
  private static final Set<String> STATEMENT_ELEMENTS = Set.of("Sid", "Effect", "Action", "NotAction", "Resource",
      "NotResource", "Condition");

  private final String version;
  private final List<Statement> statements;

  private PolicyDocument(String version, List<Statement> statements) {
    this.version = version;
    this.statements = List.copyOf(statements);
  }

  /** Parses a policy document in IAM's JSON grammar; IllegalArgumentException when it is not one. */
  public static PolicyDocument parse(String json) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("The policy is not JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("A policy is a JSON object with a Statement");
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!DOCUMENT_ELEMENTS.contains(name)) {
        throw new IllegalArgumentException("Unknown element " + name + " in the policy (expected Version, Id, Statement)");
      }
    }
    JsonNode version = root.get("Version");
    if (version != null && !(version.isTextual()
        && (version.textValue().equals(VARIABLES_VERSION) || version.textValue().equals("2008-10-17")))) {
      throw new IllegalArgumentException("The policy's Version must be 2012-10-17 or 2008-10-17, not " + version);
    }
    JsonNode statement = root.get("Statement");
    if (statement == null || !(statement.isObject() || statement.isArray())) {
      throw new IllegalArgumentException("A policy needs a Statement: an object or an array of them");
    }
    List<Statement> statements = new ArrayList<>();
    if (statement.isObject()) {
      statements.add(statement(statement, 0));
    } else {
      int index = 0;
      for (JsonNode each : statement) {
        statements.add(statement(each, index++));
      }
    }
    return new PolicyDocument(version == null ? null : version.textValue(), statements);
  }

  /** The statements, in the order written. */
  List<Statement> statements() {
    return statements;
  }

  /**
   * Whether {@code ${...}} in Resource and condition values are policy variables: only under Version
   * 2012-10-17, as IAM documents; under 2008-10-17 or no Version they are literal text.
   */
  boolean substitutesVariables() {
    return VARIABLES_VERSION.equals(version);
  }

  private static Statement statement(JsonNode node, int index) {
    String where = "Statement " + index;
    if (!node.isObject()) {
      throw new IllegalArgumentException(where + " is not a JSON object");
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (name.equals("Principal") || name.equals("NotPrincipal")) {
        throw new IllegalArgumentException(where + " has a " + name + ": an identity-based policy has none "
            + "(the principal is the one it is attached to)");
      }
      if (!STATEMENT_ELEMENTS.contains(name)) {
        throw new IllegalArgumentException(where + " has the unknown element " + name);
      }
    }
    JsonNode sid = node.get("Sid");
    JsonNode effect = node.get("Effect");
    Statement.Effect parsedEffect;
    if (effect != null && effect.isTextual() && effect.textValue().equals("Allow")) {
      parsedEffect = Statement.Effect.ALLOW;
    } else if (effect != null && effect.isTextual() && effect.textValue().equals("Deny")) {
      parsedEffect = Statement.Effect.DENY;
    } else {
      throw new IllegalArgumentException(where + " needs an Effect of Allow or Deny, not " + effect);
    }
    boolean notAction = exactlyOne(node, "Action", "NotAction", where);
    boolean notResource = exactlyOne(node, "Resource", "NotResource", where);
    List<String> actions = strings(node.get(notAction ? "NotAction" : "Action"), where + " " + (notAction ? "NotAction" : "Action"));
    List<String> resources = strings(node.get(notResource ? "NotResource" : "Resource"),
        where + " " + (notResource ? "NotResource" : "Resource"));
    List<ConditionClause> conditions = new ArrayList<>();
    JsonNode condition = node.get("Condition");
    if (condition != null) {
      if (!condition.isObject()) {
        throw new IllegalArgumentException(where + " has a Condition that is not a JSON object");
      }
      for (Iterator<Map.Entry<String, JsonNode>> operators = condition.fields(); operators.hasNext(); ) {
        Map.Entry<String, JsonNode> operator = operators.next();
        if (!operator.getValue().isObject()) {
          throw new IllegalArgumentException(where + " has a condition operator " + operator.getKey()
              + " whose value is not a JSON object of condition keys");
        }
        for (Iterator<Map.Entry<String, JsonNode>> keys = operator.getValue().fields(); keys.hasNext(); ) {
          Map.Entry<String, JsonNode> key = keys.next();
          conditions.add(ConditionClause.of(operator.getKey(), key.getKey(),
              strings(key.getValue(), where + " condition " + operator.getKey() + " " + key.getKey()), where));
        }
      }
    }
    return new Statement(sid == null ? null : sid.asText(), parsedEffect, notAction, actions, notResource, resources,
        conditions);
  }

  /** Whether the statement has the second of the two exclusive elements; refuses neither and both. */
  private static boolean exactlyOne(JsonNode node, String element, String negated, String where) {
    boolean plain = node.has(element);
    boolean not = node.has(negated);
    if (plain == not) {
      throw new IllegalArgumentException(where + " needs exactly one of " + element + " and " + negated);
    }
    return not;
  }

  /** A string or an array of them; booleans and numbers are taken as their text, as IAM does in conditions. */
  private static List<String> strings(JsonNode node, String where) {
    List<String> values = new ArrayList<>();
    if (node != null && node.isArray()) {
      for (JsonNode each : node) {
        values.add(scalar(each, where));
      }
    } else if (node != null) {
      values.add(scalar(node, where));
    }
    if (values.isEmpty()) {
      throw new IllegalArgumentException(where + " needs at least one value");
    }
    return values;
  }

  private static String scalar(JsonNode node, String where) {
    if (node.isTextual() || node.isBoolean() || node.isNumber()) {
      return node.asText();
    }
    throw new IllegalArgumentException(where + " has a value that is not a string: " + node);
  }
}
