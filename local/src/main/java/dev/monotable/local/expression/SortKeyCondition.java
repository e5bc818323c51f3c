package dev.monotable.local.expression;

import dev.monotable.local.value.Value;

/** The sort-key half of a key condition. {@code upperValue} is set for BETWEEN only, else null. */
public record SortKeyCondition(String attributeName, Operator operator, Value value, Value upperValue) {

  /** The operators a key condition allows on a sort key. */
  public enum Operator { EQ, LT, LE, GT, GE, BETWEEN, BEGINS_WITH }

  /**
   * Whether a sort-key value of an item satisfies this condition. The types must match;
   * BEGINS_WITH applies to strings and binaries only.
   */
  public boolean matches(Value sortKeyValue) {
    if (sortKeyValue == null || !sortKeyValue.isScalarKeyType() || !sortKeyValue.type().equals(value.type())) {
      return false;
    }
    switch (operator) {
      case EQ:
        return Value.compare(sortKeyValue, value) == 0;
      case LT:
        return Value.compare(sortKeyValue, value) < 0;
      case LE:
        return Value.compare(sortKeyValue, value) <= 0;
      case GT:
        return Value.compare(sortKeyValue, value) > 0;
      case GE:
        return Value.compare(sortKeyValue, value) >= 0;
      case BETWEEN:
        return upperValue != null && sortKeyValue.type().equals(upperValue.type())
            && Value.compare(sortKeyValue, value) >= 0 && Value.compare(sortKeyValue, upperValue) <= 0;
      case BEGINS_WITH:
        return Evaluator.beginsWith(sortKeyValue, value);
      default:
        return false;
    }
  }
}
