package dev.monotable.runtime.internal;

import dev.monotable.runtime.Update;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The implementation of {@link Update}: a value over an immutable {@link UpdatePlan}, its clauses
 * those of {@link UpdateClauses}.
 *
 * @param <T> the entity type
 */
public final class DefaultUpdate<T> extends UpdateClauses<T, Update<T>> implements Update<T> {
  private DefaultUpdate(UpdatePlan<T> plan) {
    super(plan);
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

  @Override
  Update<T> made(UpdatePlan<T> next) {
    return new DefaultUpdate<>(next);
  }

  @Override
  public Optional<T> execute() {
    return executor().execute();
  }
}
