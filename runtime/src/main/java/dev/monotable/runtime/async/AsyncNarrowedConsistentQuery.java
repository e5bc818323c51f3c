package dev.monotable.runtime.async;

/**
 * An {@link AsyncNarrowedQuery} that can also be read strongly consistent.
 *
 * @param <T> the entity type
 */
public interface AsyncNarrowedConsistentQuery<T>
    extends AsyncConsistentQuery<T, AsyncNarrowedConsistentQuery<T>> {
}
