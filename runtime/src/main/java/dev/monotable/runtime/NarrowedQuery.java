package dev.monotable.runtime;

/**
 * A global-index query whose sort key is narrowed as far as it goes: options and terminals only.
 *
 * @param <T> the entity type
 */
public final class NarrowedQuery<T> extends Query<T, NarrowedQuery<T>> {
  public NarrowedQuery(QueryState<T> state) {
    super(state);
  }

  @Override
  protected NarrowedQuery<T> self() {
    return this;
  }
}
