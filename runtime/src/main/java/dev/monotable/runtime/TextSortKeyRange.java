package dev.monotable.runtime;

/**
 * The range conditions on a string field of a sort key, with prefix narrowing, which DynamoDB
 * evaluates as {@code begins_with}.
 *
 * <pre>{@code
 * List<Order> a = table.orders().ordersOfUser("ada").orderDate(today).orderId().beginsWith("A-").list();
 * }</pre>
 *
 * @param <N> the narrowed query the conditions return
 */
public interface TextSortKeyRange<N> extends SortKeyRange<String, N> {
  /** Only items whose field begins with {@code start}. */
  N beginsWith(String start);
}
