package dev.monotable.runtime;

import java.util.List;
import java.util.Optional;

/**
 * One page of query results: the items, and the cursor that continues after them when there may be
 * more. Pass the cursor to {@code after(cursor)} of the same access pattern with the same key.
 *
 * @param <T> the entity type
 */
public final class Page<T> {
  private final List<T> items;
  private final String cursor;

  private Page(List<T> items, String cursor) {
    this.items = List.copyOf(items);
    this.cursor = cursor;
  }

  /**
   * A page of {@code items}, continued by {@code cursor}: null on the last page. The runtime makes
   * the pages of queries and scans; this is for code that maps or assembles pages of its own.
   */
  public static <T> Page<T> of(List<T> items, String cursor) {
    return new Page<>(items, cursor);
  }

  /** The items of this page, in query order. */
  public List<T> items() {
    return items;
  }

  /** An opaque, URL-safe token that continues the query after this page; empty on the last page. */
  public Optional<String> cursor() {
    return Optional.ofNullable(cursor);
  }

  @Override
  public String toString() {
    return "Page[" + items.size() + " items" + (cursor == null ? "" : ", more") + "]";
  }
}
