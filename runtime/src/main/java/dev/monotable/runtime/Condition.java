package dev.monotable.runtime;

import dev.monotable.runtime.internal.Expression;
import java.util.List;

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
 */
public abstract class Condition {
  Condition() {}

  /** Writes the expression text, registering names and values. */
  abstract String render(Expression expression);

  /**
   * Whether the condition holds where there is no item, as DynamoDB evaluates it against an absent
   * item: {@code attribute_not_exists} and {@code <>} hold, every other test of an attribute fails.
   */
  abstract boolean holdsWithoutItem();

  /** Both conditions hold. */
  public Condition and(Condition other) {
    return new Combined("AND", List.of(this, other));
  }

  /** Either condition holds. */
  public Condition or(Condition other) {
    return new Combined("OR", List.of(this, other));
  }

  /** The condition does not hold. */
  public static Condition not(Condition condition) {
    return new Condition() {
      @Override
      String render(Expression expression) {
        return "NOT (" + condition.render(expression) + ")";
      }

      @Override
      boolean holdsWithoutItem() {
        return !condition.holdsWithoutItem();
      }
    };
  }

  /** Renders this condition as expression text for one request. */
  String toExpression(Expression expression) {
    return render(expression);
  }

  private static final class Combined extends Condition {
    private final String operator;
    private final List<Condition> parts;

    Combined(String operator, List<Condition> parts) {
      this.operator = operator;
      this.parts = parts;
    }

    @Override
    String render(Expression expression) {
      StringBuilder text = new StringBuilder();
      for (Condition part : parts) {
        if (text.length() > 0) {
          text.append(' ').append(operator).append(' ');
        }
        text.append('(').append(part.render(expression)).append(')');
      }
      return text.toString();
    }

    @Override
    boolean holdsWithoutItem() {
      return operator.equals("AND") ? parts.stream().allMatch(Condition::holdsWithoutItem)
          : parts.stream().anyMatch(Condition::holdsWithoutItem);
    }
  }

  /**
   * A condition given as rendered text by a path; {@code withoutItem} is whether it holds where
   * there is no item.
   */
  static Condition of(java.util.function.Function<Expression, String> renderer, boolean withoutItem) {
    return new Condition() {
      @Override
      String render(Expression expression) {
        return renderer.apply(expression);
      }

      @Override
      boolean holdsWithoutItem() {
        return withoutItem;
      }
    };
  }
}
