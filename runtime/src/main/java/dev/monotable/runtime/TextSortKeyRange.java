package dev.monotable.runtime;

import dev.monotable.runtime.internal.QueryState;
import dev.monotable.runtime.internal.SortKeyField;
import java.util.function.Function;

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
public final class TextSortKeyRange<N> extends SortKeyRange<String, N> {
  <T> TextSortKeyRange(QueryState<T> state, SortKeyField<String> field, Function<QueryState<T>, N> narrowed) {
    super(state, field, narrowed);
  }

  /** Only items whose field begins with {@code start}. */
  public N beginsWith(String start) {
    return beginsWithValue(start);
  }
}
