package dev.monotable.local.legacy;

import dev.monotable.local.value.DynamoError;
import dev.monotable.local.value.Value;
import java.util.List;
import java.util.Set;

/**
 * The comparison operators of a legacy Condition or ExpectedAttributeValue: how many values each
 * takes, of which types, and the condition expression each one stands for.
 */
enum ComparisonOperator {
  EQ(1, 1, null),
  NE(1, 1, null),
  LE(1, 1, Set.of("S", "N", "B")),
  LT(1, 1, Set.of("S", "N", "B")),
  GE(1, 1, Set.of("S", "N", "B")),
  GT(1, 1, Set.of("S", "N", "B")),
  NOT_NULL(0, 0, null),
  NULL(0, 0, null),
  CONTAINS(1, 1, Set.of("S", "N", "B")),
  NOT_CONTAINS(1, 1, Set.of("S", "N", "B")),
  BEGINS_WITH(1, 1, Set.of("S", "B")),
  IN(1, Integer.MAX_VALUE, Set.of("S", "N", "B")),
  BETWEEN(2, 2, Set.of("S", "N", "B"));

  /** The enum value set as DynamoDB lists it in its constraint messages. */
  static final String VALUE_SET = "[IN, NULL, BETWEEN, LT, NOT_CONTAINS, EQ, GT, NOT_NULL, NE, LE, BEGINS_WITH, GE, CONTAINS]";

  private final int minimum;
  private final int maximum;
  /** The types a value may have, or null when every type may be compared. */
  private final Set<String> types;

  ComparisonOperator(int minimum, int maximum, Set<String> types) {
    this.minimum = minimum;
    this.maximum = maximum;
    this.types = types;
  }

  /** The operator named {@code name}; {@code path} names the parameter in the constraint message. */
  static ComparisonOperator named(String name, String path) {
    if (name == null) {
      throw DynamoError.validation("1 validation error detected: Value null at '" + path
          + "' failed to satisfy constraint: Member must not be null");
    }
    for (ComparisonOperator operator : values()) {
      if (operator.name().equals(name)) {
        return operator;
      }
    }
    throw DynamoError.validation("1 validation error detected: Value '" + name + "' at '" + path
        + "' failed to satisfy constraint: Member must satisfy enum value set: " + VALUE_SET);
  }

  /** Refuses a wrong number of values. */
  void checkCount(int count) {
    if (count < minimum || count > maximum) {
      throw DynamoError.validation("One or more parameter values were invalid: Invalid number of argument(s) for the "
          + name() + " ComparisonOperator");
    }
  }

  /** Refuses values of mixed types, and (when {@code checkTypes}) types the operator cannot compare. */
  void checkValues(List<Value> values, boolean checkTypes) {
    for (Value value : values) {
      if (!value.type().equals(values.get(0).type())) {
        throw DynamoError.validation(
            "One or more parameter values were invalid: AttributeValues inside AttributeValueList must be of same type");
      }
    }
    if (checkTypes && types != null) {
      for (Value value : values) {
        if (!types.contains(value.type())) {
          throw DynamoError.validation("One or more parameter values were invalid: ComparisonOperator " + name()
              + " is not valid for " + value.type() + " AttributeValue type");
        }
      }
    }
    if (this == BETWEEN && values.get(0).isScalarKeyType() && Value.compare(values.get(0), values.get(1)) > 0) {
      throw DynamoError.validation(
          "The BETWEEN condition was provided a range where the lower bound is greater than the upper bound");
    }
  }

  /**
   * The condition expression for attribute {@code name} (a {@code #placeholder}) and values
   * {@code refs} (their {@code :placeholders}).
   */
  String expression(String name, List<String> refs) {
    switch (this) {
      case EQ:
        return name + " = " + refs.get(0);
      case NE:
        return name + " <> " + refs.get(0);
      case LE:
        return name + " <= " + refs.get(0);
      case LT:
        return name + " < " + refs.get(0);
      case GE:
        return name + " >= " + refs.get(0);
      case GT:
        return name + " > " + refs.get(0);
      case NOT_NULL:
        return "attribute_exists(" + name + ")";
      case NULL:
        return "attribute_not_exists(" + name + ")";
      case CONTAINS:
        return "contains(" + name + ", " + refs.get(0) + ")";
      case NOT_CONTAINS:
        return "NOT contains(" + name + ", " + refs.get(0) + ")";
      case BEGINS_WITH:
        return "begins_with(" + name + ", " + refs.get(0) + ")";
      case IN:
        return name + " IN (" + String.join(", ", refs) + ")";
      default:
        return name + " BETWEEN " + refs.get(0) + " AND " + refs.get(1);
    }
  }
}
