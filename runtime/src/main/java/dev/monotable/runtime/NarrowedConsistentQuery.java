package dev.monotable.runtime;

/**
 * A primary-key or local-index query whose sort key is narrowed as far as it goes.
 *
 * <pre>{@code
 * List<Order> march = table.orders().ordersOfUser("ada").orderDateBetween(march1, march31).consistentRead().list();
 * }</pre>
 *
 * @param <T> the entity type
 */
public final class NarrowedConsistentQuery<T> extends ConsistentQuery<T, NarrowedConsistentQuery<T>> {
  public NarrowedConsistentQuery(QueryState<T> state) {
    super(state);
  }

  @Override
  protected NarrowedConsistentQuery<T> with(QueryState<T> state) {
    return new NarrowedConsistentQuery<>(state);
  }
}
