package dev.monotable.runtime.async;

/**
 * An {@link AsyncQuery} whose sort key is narrowed as far as its pattern allows: only its options
 * and terminals are left.
 *
 * @param <T> the entity type
 */
public interface AsyncNarrowedQuery<T> extends AsyncQuery<T, AsyncNarrowedQuery<T>> {
}
