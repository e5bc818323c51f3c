package dev.monotable.runtime;

import dev.monotable.runtime.internal.QueryState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

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
public abstract class Query<T, Q extends Query<T, Q>> {
  /** What the query asks for; the generated builders narrow it into new builders. */
  final QueryState<T> state;
  /** Makes a builder of the concrete type; null for the runtime's own builders, which override {@link #with}. */
  private final Function<Query<T, ?>, Q> builder;

  /**
   * A builder with the options and narrowing of {@code source}: the constructor of generated
   * builders, whose narrowing methods make the source; {@code builder} is the generated builder's
   * constructor, through which every option makes a new builder of its type. Only generated code
   * subclasses queries.
   */
  protected Query(Query<T, ?> source, Function<Query<T, ?>, Q> builder) {
    this.state = source.state;
    this.builder = builder;
  }

  Query(QueryState<T> state) {
    this.state = state;
    this.builder = null;
  }

  /** A builder of this type with the options and narrowing of {@code source}. */
  Q with(Query<T, ?> source) {
    return builder.apply(source);
  }

  /**
   * Only items for which {@code condition} holds, checked by DynamoDB after reading them: filtered
   * items still cost their reads, and a page may hold fewer items than the limit.
   *
   * @throws IllegalStateException on an index whose projection does not hold the filtered attributes
   */
  public Q filter(Condition condition) {
    if (state.tableKeyAttributes() != null) {
      throw new IllegalStateException("index " + state.indexName() + " does not project whole items, so "
          + state.pattern() + " cannot filter on their attributes; filter the items it returns instead");
    }
    return with(new NarrowedQuery<>(state.withFilter(condition)));
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
    if (state.tableKeyAttributes() != null) {
      throw new IllegalStateException("index " + state.indexName() + " already projects only keys; "
          + state.pattern() + " reads whole items by their keys");
    }
    return with(new NarrowedQuery<>(state.withProjection(List.of(paths))));
  }

  /** Newest (highest sort key) first. */
  public Q descending() {
    return with(new NarrowedQuery<>(state.withDescending()));
  }

  /**
   * At most {@code n} items: in all from {@link #list()} and {@link #stream()}, per page from
   * {@link #page()} (a page may hold fewer, as DynamoDB counts items before filtering).
   */
  public Q limit(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("limit must be at least 1, not " + n);
    }
    return with(new NarrowedQuery<>(state.withLimit(n)));
  }

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
  public Q after(String cursor) {
    if (cursor == null) {
      throw new InvalidCursorException(state.pattern() + ": after(cursor) was given null; pass the cursor of a page"
          + " (Page.cursor() is empty on the last page), or leave after() out to start at the beginning");
    }
    Cursors.Cursor decoded = Cursors.decodeCursor(state.store().table().options(), state.pattern(), cursor);
    int shards = state.partitionValues().size();
    if (decoded.shards() != shards) {
      throw new InvalidCursorException("the cursor of " + state.pattern() + " continues a query of "
          + shards(decoded.shards()) + ", and this one reads " + shards(shards)
          + "; a cursor continues only a query of the partition whose page made it");
    }
    // the key's own partition too: without a cursor key, a client can recompute the digest of an altered cursor
    if (decoded.reads() != Cursors.reads(state)
        || (!state.sharded() && !state.partitionValue().equals(decoded.key().get(state.partitionAttribute())))) {
      throw new InvalidCursorException("the cursor of " + state.pattern() + " continues another partition than "
          + describe(state.partitionValues().get(0)) + (shards == 1 ? "" : " (and its other shards)"));
    }
    Map<String, AttributeValue> key = state.sharded() ? FanOut.startKey(state, decoded.key()) : decoded.key();
    return with(new NarrowedQuery<>(state.withContinuation(
        new QueryState.Continuation(key, decoded.descending(), decoded.narrowing(), decoded.last()))));
  }

  private static String shards(int shards) {
    return shards == 1 ? "a single partition" : shards + " shards";
  }

  /** Every matching item, reading page after page (up to the limit, when one is set). */
  public List<T> list() {
    List<T> items = new ArrayList<>();
    stream().forEach(items::add);
    return items;
  }

  /** The matching items, read lazily page by page as the stream is consumed. */
  public Stream<T> stream() {
    return stream(state.limit());
  }

  /** The first matching item, if any: a page of one item, or of the limit when one is set. */
  public Optional<T> first() {
    return stream(state.limit() == null ? 1 : state.limit()).findFirst();
  }

  private Stream<T> stream(Integer limit) {
    if (state.sharded()) {
      return new FanOut<>(state).stream(limit);
    }
    state.checkContinuation(); // refused here, not when the stream is first read
    return Paging.stream((start, pageLimit) -> {
      QueryResponse response = QueryRunner.query(state, start, pageLimit, false);
      return new Paging.Fetched<>(QueryRunner.items(state, response),
          Paging.next(response.hasLastEvaluatedKey(), response.lastEvaluatedKey()));
    }, state.startKey(), limit);
  }

  /** One page: one request, at most {@code limit} items, and the cursor to continue. */
  public Page<T> page() {
    if (state.sharded()) {
      return new FanOut<>(state).page();
    }
    state.checkContinuation();
    QueryResponse response = QueryRunner.query(state, state.startKey(), state.limit(), false);
    Map<String, AttributeValue> next = Paging.next(response.hasLastEvaluatedKey(), response.lastEvaluatedKey());
    String cursor = next == null ? null : Cursors.encode(state.store().table().options(), state.pattern(),
        new Cursors.Cursor(next, state.descending(), 1, Cursors.reads(state), 0, null));
    return new Page<>(QueryRunner.items(state, response), cursor);
  }

  /**
   * The number of matching items, counted by DynamoDB ({@code Select.COUNT}) over every page. On an
   * index that does not project the type attribute, items of other entity types in the range are
   * counted too. With an exclusive bound on the last sort-key field the items are read and counted.
   */
  public long count() {
    if (state.condition().excluded() != null) {
      // an exclusive bound is applied to the items read, which Select.COUNT does not return
      return stream().count();
    }
    if (state.sharded()) {
      return new FanOut<>(state).count();
    }
    state.checkContinuation();
    return Paging.count((start, unused) -> {
      QueryResponse response = QueryRunner.query(state, start, null, true);
      return new Paging.Fetched<>(List.of(response.count()),
          Paging.next(response.hasLastEvaluatedKey(), response.lastEvaluatedKey()));
    }, state.startKey());
  }

  /** The request this query sends first (of its first shard, when the key is sharded), for logging and tests. */
  public QueryRequest toRequest() {
    if (state.sharded()) {
      return new FanOut<>(state).firstRequest();
    }
    state.checkContinuation();
    return QueryRunner.request(state, state.startKey(), state.limit(), false);
  }

  private static String describe(AttributeValue value) {
    return value.s() != null ? value.s() : value.n() != null ? value.n() : String.valueOf(value);
  }

}
