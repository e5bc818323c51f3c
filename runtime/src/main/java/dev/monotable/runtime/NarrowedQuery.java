package dev.monotable.runtime;

/**
 * A global-index query whose sort key is narrowed as far as it goes: options and terminals only.
 *
 * <pre>{@code
 * Optional<Order> order = table.orders().orderById("o-17").first();
 * }</pre>
 *
 * @param <T> the entity type
 */
public interface NarrowedQuery<T> extends Query<T, NarrowedQuery<T>> {}
