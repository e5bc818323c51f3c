package dev.monotable.runtime;

/**
 * A primary-key or local-index query whose sort key is narrowed as far as it goes.
 *
 * <pre>{@code
 * List<Order> march = table.orders().ordersOfUser("ada").orderDate().between(march1, march31).consistentRead().list();
 * }</pre>
 *
 * @param <T> the entity type
 */
public interface NarrowedConsistentQuery<T> extends ConsistentQuery<T, NarrowedConsistentQuery<T>> {}
