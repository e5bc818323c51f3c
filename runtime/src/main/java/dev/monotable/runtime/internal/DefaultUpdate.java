package dev.monotable.runtime.internal;

import dev.monotable.runtime.Condition;
import dev.monotable.runtime.InvalidUpdateException;
import dev.monotable.runtime.Path;
import dev.monotable.runtime.Update;
import dev.monotable.runtime.UpdateReturn;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The implementation of {@link Update}: a value over an immutable {@link UpdatePlan}. Each clause
 * makes a new update and leaves this one as it was; a clause that cannot be sent (an overlapping
 * path, a value that cannot be stored) is refused when it is given, as the plan is tried then.
 *
 * @param <T> the entity type
 */
public final class DefaultUpdate<T> implements Update<T> {
  private final UpdatePlan<T> plan;

  private DefaultUpdate(UpdatePlan<T> plan) {
    this.plan = plan;
  }

  /**
   * An update of the item at {@code key}: of an existing (live) item only, or with {@code upsert}
   * creating it when there is none.
   */
  DefaultUpdate(EntityStore<T> store, Map<String, AttributeValue> key, KeyFields keyFields, boolean upsert) {
    this(UpdatePlan.of(store, key, keyFields, upsert));
  }

  /**
   * {@code update} as this class, which every update is.
   *
   * @throws IllegalArgumentException for an update of another origin
   */
  static <T> DefaultUpdate<T> of(Update<T> update) {
    if (update instanceof DefaultUpdate<T> made) {
      return made;
    }
    throw new IllegalArgumentException("not an update of a generated repository: " + update
        + "; get updates from the repository's update(..) or upsert(..)");
  }

  /** The update of {@code next}, whose clauses are tried now, so that a bad one fails where it is given. */
  private Update<T> with(UpdatePlan<T> next) {
    new UpdateExecutor<>(next);
    return new DefaultUpdate<>(next);
  }

  @Override
  public <V> Update<T> set(Path<V> path, V value) {
    return with(plan.with(executor -> executor.set(path, value)));
  }

  @Override
  public <V> Update<T> setIfAbsent(Path<V> path, V value) {
    return with(plan.with(executor -> executor.setIfAbsent(path, value)));
  }

  @Override
  public <N extends Number> Update<T> add(Path<N> path, N delta) {
    return with(plan.with(executor -> executor.add(path, delta)));
  }

  @Override
  public Update<T> increment(Path<? extends Number> path) {
    return with(plan.with(executor -> executor.increment(path)));
  }

  @Override
  public Update<T> decrement(Path<? extends Number> path) {
    return with(plan.with(executor -> executor.decrement(path)));
  }

  @Override
  public <E> Update<T> addToSet(Path<Set<E>> path, Set<E> elements) {
    return with(plan.with(executor -> executor.addToSet(path, elements)));
  }

  @Override
  public <E> Update<T> removeFromSet(Path<Set<E>> path, Set<E> elements) {
    return with(plan.with(executor -> executor.removeFromSet(path, elements)));
  }

  @Override
  public <E> Update<T> append(Path<List<E>> path, List<E> elements) {
    return with(plan.with(executor -> executor.append(path, elements)));
  }

  @Override
  public <E> Update<T> prepend(Path<List<E>> path, List<E> elements) {
    return with(plan.with(executor -> executor.prepend(path, elements)));
  }

  @Override
  public Update<T> remove(Path<?> path) {
    return with(plan.with(executor -> executor.remove(path)));
  }

  @Override
  public Update<T> when(Condition condition) {
    return new DefaultUpdate<>(plan.when(ExpressionCondition.of(condition)));
  }

  @Override
  public Update<T> expectingVersion(long version) {
    String attribute = plan.store().schema().versionAttribute();
    if (attribute == null) {
      throw new InvalidUpdateException(plan.store().schema().entityType() + " has no @Version field");
    }
    return when(AttributePaths.of(attribute, AttributeCodecs.LONG).eq(version));
  }

  @Override
  public Update<T> returning(UpdateReturn returning) {
    if (returning == null) {
      throw new IllegalArgumentException("returning(null): pass one of UpdateReturn's values");
    }
    return new DefaultUpdate<>(plan.returning(returning));
  }

  @Override
  public Optional<T> execute() {
    return executor().execute();
  }

  /** A new executor of this update's plan, for one request. */
  UpdateExecutor<T> executor() {
    return new UpdateExecutor<>(plan);
  }
}
