package dev.monotable.local.iam;

import java.util.List;
import java.util.Locale;

/**
 * One condition key under one condition operator, such as {@code "ForAllValues:StringLike":
 * {"dynamodb:LeadingKeys": ["TENANT#${aws:PrincipalTag/tenantId}#*"]}}: the set operator, the
 * operator, whether it ends in {@code IfExists}, the key and the policy's values (any of which may
 * match: IAM joins them with OR, and with NOR under a negated operator).
 */
record ConditionClause(SetOperator set, Operator operator, boolean ifExists, String key, List<String> values) {

  /** How a key with several values in the request is tested; NONE for a single-valued key. */
  enum SetOperator { NONE, FOR_ALL_VALUES, FOR_ANY_VALUE }

  /** The operators MonotableLocal evaluates; the negated ones hold where their positive one does not. */
  enum Operator {
    STRING_EQUALS("StringEquals", false),
    STRING_NOT_EQUALS("StringNotEquals", true),
    STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", false),
    STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", true),
    STRING_LIKE("StringLike", false),
    STRING_NOT_LIKE("StringNotLike", true),
    ARN_EQUALS("ArnEquals", false),
    ARN_NOT_EQUALS("ArnNotEquals", true),
    ARN_LIKE("ArnLike", false),
    ARN_NOT_LIKE("ArnNotLike", true),
    BOOL("Bool", false),
    NULL("Null", false);

    final String text;
    final boolean negated;

    Operator(String text, boolean negated) {
      this.text = text;
      this.negated = negated;
    }

    /** Whether the values are strings in which policy variables are substituted (IAM: string and ARN operators). */
    boolean takesVariables() {
      return this != BOOL && this != NULL;
    }

    /** Whether {@code *} and {@code ?} in the policy's values are wildcards (IAM: the Like and ARN operators). */
    boolean takesWildcards() {
      return this == STRING_LIKE || this == STRING_NOT_LIKE || this == ARN_EQUALS || this == ARN_NOT_EQUALS
          || this == ARN_LIKE || this == ARN_NOT_LIKE;
    }

    boolean ignoresCase() {
      return this == STRING_EQUALS_IGNORE_CASE || this == STRING_NOT_EQUALS_IGNORE_CASE || this == BOOL;
    }
  }

  ConditionClause {
    values = List.copyOf(values);
  }

  /** Parses the operator name ({@code ForAllValues:StringLike}, {@code StringEqualsIfExists}, ...). */
  static ConditionClause of(String operatorName, String key, List<String> values, String where) {
    String rest = operatorName;
    SetOperator set = SetOperator.NONE;
    String lower = rest.toLowerCase(Locale.ROOT);
    if (lower.startsWith("forallvalues:")) {
      set = SetOperator.FOR_ALL_VALUES;
      rest = rest.substring("ForAllValues:".length());
    } else if (lower.startsWith("foranyvalue:")) {
      set = SetOperator.FOR_ANY_VALUE;
      rest = rest.substring("ForAnyValue:".length());
    }
    boolean ifExists = rest.toLowerCase(Locale.ROOT).endsWith("ifexists");
    if (ifExists) {
      rest = rest.substring(0, rest.length() - "IfExists".length());
    }
    Operator operator = null;
    for (Operator candidate : Operator.values()) {
      if (candidate.text.equalsIgnoreCase(rest)) {
        operator = candidate;
      }
    }
    if (operator == null) {
      throw new IllegalArgumentException(where + " has the condition operator " + operatorName
          + ", which MonotableLocal does not evaluate (it evaluates the String, Arn, Bool and Null operators, "
          + "with ForAllValues:, ForAnyValue: and IfExists)");
    }
    if (operator == Operator.NULL && (ifExists || set != SetOperator.NONE)) {
      throw new IllegalArgumentException(where + " has the condition operator " + operatorName
          + ": Null takes neither IfExists nor a set operator");
    }
    return new ConditionClause(set, operator, ifExists, key, values);
  }
}
