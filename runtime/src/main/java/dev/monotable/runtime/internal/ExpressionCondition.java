package dev.monotable.runtime.internal;

import dev.monotable.runtime.Condition;
import java.util.function.Function;
import java.util.List;

/**
 * A condition as expression text: the one implementation of {@link Condition}, made by
 * {@link TypedPath} and combined here. Rendered once per request, registering its names and values
 * in that request's {@link Expression}.
 */
public abstract class ExpressionCondition implements Condition {
  ExpressionCondition() {}

  /**
   * {@code condition} as this class, which every condition is.
   *
   * @throws IllegalArgumentException for a condition of another origin
   */
  public static ExpressionCondition of(Condition condition) {
    if (condition instanceof ExpressionCondition expression) {
      return expression;
    }
    throw new IllegalArgumentException("not a condition of generated paths: " + condition
        + "; build conditions from the <Entity>Fields constants");
  }

  /** Writes the expression text, registering names and values. */
  public abstract String render(Expression expression);

  /**
   * Whether the condition holds where there is no item, as DynamoDB evaluates it against an absent
   * item: {@code attribute_not_exists} and {@code <>} hold, every other test of an attribute fails.
   */
  public abstract boolean holdsWithoutItem();

  @Override
  public Condition and(Condition other) {
    return new Combined("AND", List.of(this, of(other)));
  }

  @Override
  public Condition or(Condition other) {
    return new Combined("OR", List.of(this, of(other)));
  }

  @Override
  public Condition negate() {
    ExpressionCondition negated = this;
    return new ExpressionCondition() {
      @Override
      public String render(Expression expression) {
        return "NOT (" + negated.render(expression) + ")";
      }

      @Override
      public boolean holdsWithoutItem() {
        return !negated.holdsWithoutItem();
      }
    };
  }

  private static final class Combined extends ExpressionCondition {
    private final String operator;
    private final List<ExpressionCondition> parts;

    Combined(String operator, List<ExpressionCondition> parts) {
      this.operator = operator;
      this.parts = parts;
    }

    @Override
    public String render(Expression expression) {
      StringBuilder text = new StringBuilder();
      for (ExpressionCondition part : parts) {
        if (text.length() > 0) {
          text.append(' ').append(operator).append(' ');
        }
        text.append('(').append(part.render(expression)).append(')');
      }
      return text.toString();
    }

    @Override
    public boolean holdsWithoutItem() {
      return operator.equals("AND") ? parts.stream().allMatch(ExpressionCondition::holdsWithoutItem)
          : parts.stream().anyMatch(ExpressionCondition::holdsWithoutItem);
    }
  }

  /**
   * A condition given as rendered text by a path; {@code withoutItem} is whether it holds where
   * there is no item.
   */
  static ExpressionCondition of(Function<Expression, String> renderer, boolean withoutItem) {
    return new ExpressionCondition() {
      @Override
      public String render(Expression expression) {
        return renderer.apply(expression);
      }

      @Override
      public boolean holdsWithoutItem() {
        return withoutItem;
      }
    };
  }
}
