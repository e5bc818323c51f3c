package dev.monotable.runtime.internal;

import dev.monotable.runtime.async.AsyncUpdate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The implementation of {@link AsyncUpdate}: the clauses of {@link UpdateClauses}, sent through the
 * table's async client.
 *
 * @param <T> the entity type
 */
public final class DefaultAsyncUpdate<T> extends UpdateClauses<T, AsyncUpdate<T>> implements AsyncUpdate<T> {
  private DefaultAsyncUpdate(UpdatePlan<T> plan) {
    super(plan);
  }

  DefaultAsyncUpdate(EntityStore<T> store, Map<String, AttributeValue> key, KeyFields keyFields, boolean upsert) {
    this(UpdatePlan.of(store, key, keyFields, upsert));
  }

  /**
   * {@code update} as this class, which every async update is.
   *
   * @throws IllegalArgumentException for an update of another origin
   */
  static <T> DefaultAsyncUpdate<T> of(AsyncUpdate<T> update) {
    if (update instanceof DefaultAsyncUpdate<T> made) {
      return made;
    }
    throw new IllegalArgumentException("not an update of a generated async repository: " + update
        + "; get updates from the repository's update(..) or upsert(..)");
  }

  @Override
  AsyncUpdate<T> made(UpdatePlan<T> next) {
    return new DefaultAsyncUpdate<>(next);
  }

  @Override
  public CompletableFuture<Optional<T>> execute() {
    return Futures.unwrapped(executor().executeAsync());
  }
}
