package dev.monotable.local.iam;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * IAM's evaluation of identity policies for one request context, as its "policy evaluation logic"
 * documents it for a single account without boundaries or session policies: a Deny statement that
 * applies wins; else an Allow statement that applies allows; else the request is denied by default.
 * A statement applies when its Action (or NotAction) matches the action, case-insensitively and
 * with {@code *} and {@code ?} wildcards; its Resource (or NotResource) matches the resource's ARN,
 * case-sensitively with the same wildcards; and every condition holds. Under Version 2012-10-17,
 * {@code ${aws:PrincipalTag/<key>}} and the other policy variables are substituted in Resource and
 * in the values of string and ARN conditions, as literal text (a tag value's {@code *} is no
 * wildcard); a variable with no value, and no {@code , 'default'}, makes its statement not apply.
 */
public final class PolicyEvaluator {
  private final String account;

  /** An evaluator for principals of {@code account} (the account in their ARNs). */
  public PolicyEvaluator(String account) {
    this.account = account;
  }

  /** What {@code policies}, all attached to {@code principal}, decide for {@code context}. */
  public Decision evaluate(List<PolicyDocument> policies, Principal principal, RequestContext context) {
    boolean allowed = false;
    for (PolicyDocument policy : policies) {
      for (Statement statement : policy.statements()) {
        if (applies(statement, policy.substitutesVariables(), principal, context)) {
          if (statement.effect() == Statement.Effect.DENY) {
            return Decision.EXPLICITLY_DENIED;
          }
          allowed = true;
        }
      }
    }
    return allowed ? Decision.ALLOWED : Decision.IMPLICITLY_DENIED;
  }

  private boolean applies(Statement statement, boolean variables, Principal principal, RequestContext context) {
    try {
      boolean action = false;
      for (String pattern : statement.actions()) {
        action |= pattern(pattern, false, true, principal, context).matcher(context.action()).matches();
      }
      if (action == statement.notAction()) {
        return false;
      }
      boolean resource = false;
      for (String pattern : statement.resources()) {
        resource |= pattern(pattern, variables, false, principal, context).matcher(context.resource()).matches();
      }
      if (resource == statement.notResource()) {
        return false;
      }
      for (ConditionClause condition : statement.conditions()) {
        if (!holds(condition, variables, principal, context)) {
          return false;
        }
      }
      return true;
    } catch (Unresolved e) {
      // IAM: a variable that has no value makes the statement invalid, so it neither allows nor denies
      return false;
    }
  }

  private boolean holds(ConditionClause condition, boolean variables, Principal principal, RequestContext context) {
    List<String> present = values(condition.key(), principal, context);
    boolean absent = present == null || present.isEmpty();
    ConditionClause.Operator operator = condition.operator();
    if (operator == ConditionClause.Operator.NULL) {
      for (String value : condition.values()) {
        if (value.equalsIgnoreCase("true") == absent) {
          return true;
        }
      }
      return false;
    }
    if (absent) {
      if (condition.ifExists()) {
        return true;
      }
      return switch (condition.set()) {
        case FOR_ALL_VALUES -> true;  // IAM: ForAllValues also holds when the request has no such key
        case FOR_ANY_VALUE -> false;
        case NONE -> operator.negated;  // IAM: a key that is not there does not match, so a negated operator holds
      };
    }
    List<Pattern> patterns = new ArrayList<>();
    for (String value : condition.values()) {
      patterns.add(pattern(value, variables && operator.takesVariables(), operator.ignoresCase(), principal, context,
          operator.takesWildcards()));
    }
    return switch (condition.set()) {
      case FOR_ALL_VALUES -> present.stream().allMatch(value -> matchesOne(patterns, value) != operator.negated);
      case FOR_ANY_VALUE -> present.stream().anyMatch(value -> matchesOne(patterns, value) != operator.negated);
      case NONE -> present.stream().anyMatch(value -> matchesOne(patterns, value)) != operator.negated;
    };
  }

  private static boolean matchesOne(List<Pattern> patterns, String value) {
    for (Pattern pattern : patterns) {
      if (pattern.matcher(value).matches()) {
        return true;
      }
    }
    return false;
  }

  /** The values of a condition key: the principal's own keys first, then the request's. */
  private List<String> values(String key, Principal principal, RequestContext context) {
    List<String> own = principal.values(key, account);
    return own != null ? own : context.values(key);
  }

  private Pattern pattern(String text, boolean variables, boolean ignoreCase, Principal principal,
      RequestContext context) {
    return pattern(text, variables, ignoreCase, principal, context, true);
  }

  /**
   * {@code text} as a whole-string pattern: with {@code wildcards}, {@code *} matches any run of
   * characters and {@code ?} any one; with {@code variables}, {@code ${...}} is replaced by its
   * value, taken literally ({@code ${*}}, {@code ${?}} and {@code ${$}} are those characters).
   */
  private Pattern pattern(String text, boolean variables, boolean ignoreCase, Principal principal,
      RequestContext context, boolean wildcards) {
    StringBuilder regex = new StringBuilder(text.length() + 16);
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      int close = variables && c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{' ? text.indexOf('}', i + 2) : -1;
      if (close > 0) {
        literal.append(variable(text.substring(i + 2, close), principal, context));
        i = close + 1;
      } else if (wildcards && (c == '*' || c == '?')) {
        flush(regex, literal);
        regex.append(c == '*' ? ".*" : ".");
        i++;
      } else {
        literal.append(c);
        i++;
      }
    }
    flush(regex, literal);
    return Pattern.compile(regex.toString(), ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL
        : Pattern.DOTALL);
  }

  private static void flush(StringBuilder regex, StringBuilder literal) {
    if (literal.length() > 0) {
      regex.append(Pattern.quote(literal.toString()));
      literal.setLength(0);
    }
  }

  /** The value of the variable written {@code name} or {@code name, 'default'}; Unresolved when it has none. */
  private String variable(String inside, Principal principal, RequestContext context) {
    switch (inside) {
      case "*", "?", "$" -> {
        return inside;
      }
      default -> { }
    }
    String name = inside;
    String fallback = null;
    int comma = inside.indexOf(',');
    if (comma >= 0) {
      name = inside.substring(0, comma).trim();
      String rest = inside.substring(comma + 1).trim();
      if (rest.length() >= 2 && rest.startsWith("'") && rest.endsWith("'")) {
        fallback = rest.substring(1, rest.length() - 1);
      }
    }
    List<String> values = values(name.trim(), principal, context);
    // a multivalued key is no variable in IAM
    if (values != null && values.size() == 1) {
      return values.get(0);
    }
    if (fallback != null) {
      return fallback;
    }
    throw new Unresolved(name.toLowerCase(Locale.ROOT));
  }

  /** A policy variable without a value: the statement it is in does not apply. */
  private static final class Unresolved extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unresolved(String variable) {
      super(variable, null, false, false);
    }
  }
}
