package dev.monotable.runtime;


import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * A query of one access pattern: options and terminals shared by every generated query builder.
 * The items are always of the pattern's entity: the type attribute is part of the filter, so an
 * item of another entity type whose key falls in the range is skipped (and, like every filtered
 * item, still costs its read).
 *
 * <pre>{@code
 * List<Order> recent = table.orders().ordersOfUser("ada").descending().limit(10).list();
 * Page<Order> page = table.orders().ordersOfUser("ada").limit(25).after(cursor).page();
 * }</pre>
 *
 * @param <T> the entity type
 * @param <Q> the concrete builder type
 */
public abstract class Query<T, Q extends Query<T, Q>> {
  /** What the query asks for; the generated builders narrow it. */
  protected final QueryState<T> state;

  protected Query(QueryState<T> state) {
    this.state = state;
  }

  /** This builder, typed. */
  protected abstract Q self();

  /**
   * Only items for which {@code condition} holds, checked by DynamoDB after reading them: filtered
   * items still cost their reads, and a page may hold fewer items than the limit.
   *
   * @throws IllegalStateException on an index whose projection does not hold the filtered attributes
   */
  public Q filter(Condition condition) {
    if (state.tableKeyAttributes != null) {
      throw new IllegalStateException("index " + state.indexName + " does not project whole items, so "
          + state.pattern + " cannot filter on their attributes; filter the items it returns instead");
    }
    state.filter = state.filter == null ? condition : state.filter.and(condition);
    return self();
  }

  /**
   * Reads only these attributes (plus the keys and the type attribute), to save bandwidth. The
   * entities come back with every other field absent: null, empty, zero or false, as an absent
   * attribute reads; use it for read-only views that need only these fields.
   */
  public Q project(Path<?>... paths) {
    if (paths.length == 0) {
      throw new IllegalArgumentException("project() needs at least one path");
    }
    if (state.tableKeyAttributes != null) {
      throw new IllegalStateException("index " + state.indexName + " already projects only keys; "
          + state.pattern + " reads whole items by their keys");
    }
    state.projection = List.of(paths);
    return self();
  }

  /** Newest (highest sort key) first. */
  public Q descending() {
    state.descending = true;
    return self();
  }

  /**
   * At most {@code n} items: in all from {@link #list()} and {@link #stream()}, per page from
   * {@link #page()} (a page may hold fewer, as DynamoDB counts items before filtering).
   */
  public Q limit(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("limit must be at least 1, not " + n);
    }
    state.limit = n;
    return self();
  }

  /**
   * Continues after the page whose cursor this is.
   *
   * @throws InvalidCursorException when the cursor is altered, belongs to another access pattern, or
   *     continues another partition; nothing is sent
   */
  public Q after(String cursor) {
    Map<String, AttributeValue> key = Cursors.decode(state.pattern, cursor);
    AttributeValue partition = key.get(state.partitionAttribute);
    if (!state.partitionValue.equals(partition)) {
      throw new InvalidCursorException("the cursor continues another partition than " + describe(state.partitionValue));
    }
    state.startKey = key;
    return self();
  }

  /** Every matching item, reading page after page (up to the limit, when one is set). */
  public List<T> list() {
    List<T> items = new ArrayList<>();
    stream().forEach(items::add);
    return items;
  }

  /** The matching items, read lazily page by page as the stream is consumed. */
  public Stream<T> stream() {
    return Paging.stream((start, pageLimit) -> {
      QueryResponse response = QueryRunner.query(state, start, pageLimit, false);
      return new Paging.Fetched<>(QueryRunner.items(state, response),
          Paging.next(response.hasLastEvaluatedKey(), response.lastEvaluatedKey()));
    }, state.startKey, state.limit);
  }

  /** The first matching item, if any. */
  public Optional<T> first() {
    if (state.limit == null) {
      state.limit = 1;
    }
    return stream().findFirst();
  }

  /** One page: one request, at most {@code limit} items, and the cursor to continue. */
  public Page<T> page() {
    QueryResponse response = QueryRunner.query(state, state.startKey, state.limit, false);
    Map<String, AttributeValue> next = Paging.next(response.hasLastEvaluatedKey(), response.lastEvaluatedKey());
    return new Page<>(QueryRunner.items(state, response), next == null ? null : Cursors.encode(state.pattern, next));
  }

  /**
   * The number of matching items, counted by DynamoDB ({@code Select.COUNT}) over every page. On an
   * index that does not project the type attribute, items of other entity types in the range are
   * counted too. With an exclusive bound on the last sort-key field the items are read and counted.
   */
  public long count() {
    if (state.condition.excluded() != null) {
      // an exclusive bound is applied to the items read, which Select.COUNT does not return
      return stream().count();
    }
    return Paging.count((start, unused) -> {
      QueryResponse response = QueryRunner.query(state, start, null, true);
      return new Paging.Fetched<>(List.of(response.count()),
          Paging.next(response.hasLastEvaluatedKey(), response.lastEvaluatedKey()));
    }, state.startKey);
  }

  /** The request this query sends first, for logging and tests. */
  public QueryRequest toRequest() {
    return QueryRunner.request(state, state.startKey, state.limit, false);
  }

  private static String describe(AttributeValue value) {
    return value.s() != null ? value.s() : value.n() != null ? value.n() : String.valueOf(value);
  }

}
