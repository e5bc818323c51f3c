package dev.monotable.runtime.internal;

import dev.monotable.runtime.Condition;
import dev.monotable.runtime.InvalidUpdateException;
import dev.monotable.runtime.Path;
import dev.monotable.runtime.UpdateReturn;
import java.util.List;
import java.util.Set;

/**
 * The clauses of an update over an immutable {@link UpdatePlan}, shared by {@link DefaultUpdate} and
 * {@link DefaultAsyncUpdate}: each clause makes a new update of the concrete type and leaves this one
 * as it was; a clause that cannot be sent (an overlapping path, a value that cannot be stored) is
 * refused when it is given, as the plan is tried then.
 *
 * @param <T> the entity type
 * @param <U> the concrete update type
 */
abstract class UpdateClauses<T, U> {
  final UpdatePlan<T> plan;

  UpdateClauses(UpdatePlan<T> plan) {
    this.plan = plan;
  }

  /** The update of the concrete type over {@code next}. */
  abstract U made(UpdatePlan<T> next);

  /** The update of {@code next}, whose clauses are tried now, so that a bad one fails where it is given. */
  private U with(UpdatePlan<T> next) {
    new UpdateExecutor<>(next);
    return made(next);
  }

  public <V> U set(Path<V> path, V value) {
    return with(plan.with(executor -> executor.set(path, value)));
  }

  public <V> U setIfAbsent(Path<V> path, V value) {
    return with(plan.with(executor -> executor.setIfAbsent(path, value)));
  }

  public <N extends Number> U add(Path<N> path, N delta) {
    return with(plan.with(executor -> executor.add(path, delta)));
  }

  public U increment(Path<? extends Number> path) {
    return with(plan.with(executor -> executor.increment(path)));
  }

  public U decrement(Path<? extends Number> path) {
    return with(plan.with(executor -> executor.decrement(path)));
  }

  public <E> U addToSet(Path<Set<E>> path, Set<E> elements) {
    return with(plan.with(executor -> executor.addToSet(path, elements)));
  }

  public <E> U removeFromSet(Path<Set<E>> path, Set<E> elements) {
    return with(plan.with(executor -> executor.removeFromSet(path, elements)));
  }

  public <E> U append(Path<List<E>> path, List<E> elements) {
    return with(plan.with(executor -> executor.append(path, elements)));
  }

  public <E> U prepend(Path<List<E>> path, List<E> elements) {
    return with(plan.with(executor -> executor.prepend(path, elements)));
  }

  public U remove(Path<?> path) {
    return with(plan.with(executor -> executor.remove(path)));
  }

  public U when(Condition condition) {
    return made(plan.when(ExpressionCondition.of(condition)));
  }

  public U expectingVersion(long version) {
    String attribute = plan.store().schema().versionAttribute();
    if (attribute == null) {
      throw new InvalidUpdateException(plan.store().schema().entityType() + " has no @Version field");
    }
    return when(AttributePaths.of(attribute, AttributeCodecs.LONG).eq(version));
  }

  public U returning(UpdateReturn returning) {
    if (returning == null) {
      throw new IllegalArgumentException("returning(null): pass one of UpdateReturn's values");
    }
    return made(plan.returning(returning));
  }

  /** A new executor of this update's plan, for one request. */
  UpdateExecutor<T> executor() {
    return new UpdateExecutor<>(plan);
  }
}
