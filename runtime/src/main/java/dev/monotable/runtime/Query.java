package dev.monotable.runtime;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * A query of one access pattern: options and terminals shared by every generated query builder.
 * The items are always of the pattern's entity: an item of another entity type whose key falls in
 * the range is skipped (and, like every filtered item, still costs its read) — by a filter on the
 * type attribute, or, where the design leaves no other entity's items in the range, as it is read.
 *
 * <p>A builder is a value: each option and each narrowing returns a new builder and leaves this one
 * as it was, and terminals never change it. Keep one, narrow it two ways, or run it again:
 *
 * <pre>{@code
 * var adas = table.orders().ordersOfUser("ada");
 * Optional<Order> oldest = adas.first();                      // adas is still unlimited
 * List<Order> recent = adas.descending().limit(10).list();
 * List<Order> lastMonth = adas.orderDate().atLeast(monthAgo).list();
 * Page<Order> next = adas.limit(25).after(cursor).page();
 * }</pre>
 *
 * @param <T> the entity type
 * @param <Q> the concrete builder type
 */
public interface Query<T, Q extends Query<T, Q>> {
  /**
   * Only items for which {@code condition} holds, checked by DynamoDB after reading them: filtered
   * items still cost their reads, and a page may hold fewer items than the limit.
   *
   * @throws IllegalStateException on an index whose projection does not hold the filtered attributes
   */
  Q filter(Condition condition);

  /**
   * Reads only these attributes (plus the keys and the type attribute), to save bandwidth. The
   * entities come back with every other field absent: null, empty, zero or false, as an absent
   * attribute reads; use it for read-only views that need only these fields.
   */
  Q project(Path<?>... paths);

  /** Newest (highest sort key) first. */
  Q descending();

  /**
   * At most {@code n} items: in all from {@link #list()} and {@link #stream()}, per page from
   * {@link #page()} (a page may hold fewer, as DynamoDB counts items before filtering).
   */
  Q limit(int n);

  /**
   * Continues after the page whose cursor this is. The cursor must come from a query of this
   * direction, narrowed as this one is: the terminals refuse one made by a query of the other
   * direction, or one that points outside this query's sort-key condition, whether the narrowing or
   * {@link #descending()} comes before or after this call.
   *
   * @throws InvalidCursorException when the cursor is null, altered, belongs to another access
   *     pattern, or continues another partition, or a sharded query when this one is not (or the
   *     other way round); nothing is sent
   */
  Q after(String cursor);

  /** Every matching item, reading page after page (up to the limit, when one is set). */
  List<T> list();

  /** The matching items, read lazily page by page as the stream is consumed. */
  Stream<T> stream();

  /** The first matching item, if any: a page of one item, or of the limit when one is set. */
  Optional<T> first();

  /** One page: one request, at most {@code limit} items, and the cursor to continue. */
  Page<T> page();

  /**
   * The number of matching items, counted by DynamoDB ({@code Select.COUNT}) over every page. On an
   * index that does not project the type attribute, items of other entity types in the range are
   * counted too. With an exclusive bound on the last sort-key field the items are read and counted.
   */
  long count();

  /** The request this query sends first (of its first shard, when the key is sharded), for logging and tests. */
  QueryRequest toRequest();
}
