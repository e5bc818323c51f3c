package dev.monotable.runtime;

import java.util.List;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * A scan of the whole table for one entity type: every item of the table is read (and paid for),
 * and those of other types are filtered out. Prefer an access pattern; this is for backfills,
 * exports and small tables. Paged like queries.
 *
 * <p>A scan is a value: {@code limit}, {@code filter} and {@code after} return a new scan and leave
 * this one as it was, and terminals never change it.
 *
 * <pre>{@code
 * Scan<Order> orders = table.orders().scanAll();
 * long shipped = orders.filter(OrderFields.STATUS.eq(SHIPPED)).count();
 * Page<Order> page = orders.limit(100).after(cursor).page();   // orders is still unfiltered and unlimited
 * }</pre>
 *
 * @param <T> the entity type
 */
public interface Scan<T> {
  /**
   * This scan split into {@code totalSegments} segments that DynamoDB reads independently
   * ({@code Segment}/{@code TotalSegments}): read each with {@link ParallelScan#segment(int)} (one
   * worker each, with its own pages and cursors), or all of them at once with
   * {@link ParallelScan#list()} or {@link ParallelScan#forEach}. The limit, filter and projection
   * hold in every segment; the limit caps each segment.
   *
   * @throws IllegalArgumentException when {@code totalSegments} is not between 1 and 1,000,000
   * @throws IllegalStateException when this scan continues after a cursor, or is a segment already
   */
  ParallelScan<T> segments(int totalSegments);

  /** At most {@code n} items: in all from {@link #list()} and {@link #stream()}, per page from {@link #page()}. */
  Scan<T> limit(int n);

  /**
   * Only items for which {@code condition} holds (checked after reading: they still cost reads).
   *
   * @throws IllegalStateException on an index whose projection does not hold whole items
   */
  Scan<T> filter(Condition condition);

  /**
   * Reads only these attributes (plus the keys and the type attribute), as {@code Query.project}
   * does: the entities come back with every other field absent (null, empty, zero or false).
   *
   * @throws IllegalArgumentException when no path is given
   * @throws IllegalStateException on an index whose projection does not hold whole items
   */
  Scan<T> project(Path<?>... paths);

  /**
   * Strongly consistent reads ({@code ConsistentRead}), at twice the read units.
   *
   * @throws IllegalStateException on a global secondary index, which DynamoDB reads eventually consistent only
   */
  Scan<T> consistentRead();

  /**
   * Continues after the page whose cursor this is.
   *
   * @throws InvalidCursorException when the cursor is null, altered or not made by this entity's scan
   */
  Scan<T> after(String cursor);

  /** Every matching item, reading page after page (up to the limit, when one is set). */
  List<T> list();

  /** The matching items, read lazily page by page. */
  Stream<T> stream();

  /** One page: one request, and the cursor to continue. */
  Page<T> page();

  /**
   * The number of matching items ({@code Select.COUNT}, every page); on an index that holds only
   * keys, the items are read and those of this entity type counted.
   */
  long count();
}
