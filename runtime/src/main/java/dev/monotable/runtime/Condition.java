package dev.monotable.runtime;

/**
 * A typed condition on an item's attributes, built from the generated {@code <Entity>Fields} paths:
 * a query or scan filter, or the condition of a put, delete, update or transaction action.
 *
 * <pre>{@code
 * table.orders().ordersOfUser("ada")
 *     .filter(OrderFields.STATUS.eq(OrderStatus.PAID).and(OrderFields.TOTAL.ge(new BigDecimal("100"))))
 *     .list();
 * table.users().put(user, UserFields.EMAIL.eq(oldEmail));
 * }</pre>
 *
 * <p>Conditions come from paths only: the runtime refuses a condition of another origin.
 */
public interface Condition {
  /** Both conditions hold. */
  Condition and(Condition other);

  /** Either condition holds. */
  Condition or(Condition other);

  /** The condition that holds where this one does not: {@code NOT (..)}. */
  Condition negate();

  /** The condition does not hold: {@code condition.negate()}. */
  static Condition not(Condition condition) {
    return condition.negate();
  }
}
