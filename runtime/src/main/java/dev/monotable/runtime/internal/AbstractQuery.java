package dev.monotable.runtime.internal;

import dev.monotable.runtime.Condition;
import dev.monotable.runtime.InvalidCursorException;
import dev.monotable.runtime.Page;
import dev.monotable.runtime.Path;
import dev.monotable.runtime.Query;
import java.util.function.Function;
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
 * The implementation of {@link Query} over a {@link QueryPlan}, which every generated query builder
 * extends: each option makes a new builder of the generated type, through its constructor, over the
 * plan with the option set.
 *
 * @param <T> the entity type
 * @param <Q> the concrete builder type
 */
public abstract class AbstractQuery<T, Q extends Query<T, Q>> implements Query<T, Q> {
  private final QueryPlan<T> plan;
  /** The concrete builder's constructor. */
  private final Function<QueryPlan<T>, Q> builder;

  /**
   * A builder over {@code plan}; {@code builder} is the concrete builder's constructor, through which
   * every option makes a new builder of its type.
   */
  protected AbstractQuery(QueryPlan<T> plan, Function<QueryPlan<T>, Q> builder) {
    this.plan = plan;
    this.builder = builder;
  }

  /** What the query asks for, which the generated builders narrow into new builders. */
  protected final QueryPlan<T> plan() {
    return plan;
  }

  /** A builder of the concrete type over {@code narrowed}. */
  final Q with(QueryPlan<T> narrowed) {
    return builder.apply(narrowed);
  }

  @Override
  public Q filter(Condition condition) {
    if (plan.tableKeyAttributes() != null) {
      throw new IllegalStateException("index " + plan.indexName() + " does not project whole items, so "
          + plan.pattern() + " cannot filter on their attributes; filter the items it returns instead");
    }
    return with(plan.withFilter(condition));
  }

  @Override
  public Q project(Path<?>... paths) {
    if (paths.length == 0) {
      throw new IllegalArgumentException("project() needs at least one path");
    }
    if (plan.tableKeyAttributes() != null) {
      throw new IllegalStateException("index " + plan.indexName() + " already projects only keys; "
          + plan.pattern() + " reads whole items by their keys");
    }
    return with(plan.withProjection(List.of(paths)));
  }

  @Override
  public Q descending() {
    return with(plan.withDescending());
  }

  @Override
  public Q limit(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("limit must be at least 1, not " + n);
    }
    return with(plan.withLimit(n));
  }

  @Override
  public Q after(String cursor) {
    if (cursor == null) {
      throw new InvalidCursorException(plan.pattern() + ": after(cursor) was given null; pass the cursor of a page"
          + " (Page.cursor() is empty on the last page), or leave after() out to start at the beginning");
    }
    Cursors.Cursor decoded = Cursors.decodeCursor(plan.store().table().options(), plan.pattern(), cursor);
    int shards = plan.partitionValues().size();
    if (decoded.shards() != shards) {
      throw new InvalidCursorException("the cursor of " + plan.pattern() + " continues a query of "
          + shards(decoded.shards()) + ", and this one reads " + shards(shards)
          + "; a cursor continues only a query of the partition whose page made it");
    }
    // the key's own partition too: without a cursor key, a client can recompute the digest of an altered cursor
    if (decoded.reads() != Cursors.reads(plan)
        || (!plan.sharded() && !plan.partitionValue().equals(decoded.key().get(plan.partitionAttribute())))) {
      throw Cursors.otherPartition(plan.pattern(), plan.partitionValues().get(0), shards);
    }
    Map<String, AttributeValue> key = plan.sharded() ? FanOut.startKey(plan, decoded.key()) : decoded.key();
    return with(plan.withContinuation(
        new QueryPlan.Continuation(key, decoded.descending(), decoded.narrowing(), decoded.last())));
  }

  private static String shards(int shards) {
    return shards == 1 ? "a single partition" : shards + " shards";
  }

  @Override
  public List<T> list() {
    List<T> items = new ArrayList<>();
    stream().forEach(items::add);
    return items;
  }

  @Override
  public Stream<T> stream() {
    return stream(plan.limit());
  }

  @Override
  public Optional<T> first() {
    return stream(plan.limit() == null ? 1 : plan.limit()).findFirst();
  }

  private Stream<T> stream(Integer limit) {
    if (plan.sharded()) {
      return new FanOut<>(plan).stream(limit);
    }
    plan.checkContinuation(); // refused here, not when the stream is first read
    return Paging.stream((start, pageLimit) -> {
      QueryResponse response = QueryRunner.query(plan, start, pageLimit, false);
      return new Paging.Fetched<>(QueryRunner.items(plan, response),
          Paging.next(response.hasLastEvaluatedKey(), response.lastEvaluatedKey()));
    }, plan.startKey(), limit);
  }

  @Override
  public Page<T> page() {
    if (plan.sharded()) {
      return new FanOut<>(plan).page();
    }
    plan.checkContinuation();
    QueryResponse response = QueryRunner.query(plan, plan.startKey(), plan.limit(), false);
    Map<String, AttributeValue> next = Paging.next(response.hasLastEvaluatedKey(), response.lastEvaluatedKey());
    String cursor = next == null ? null : Cursors.encode(plan.store().table().options(), plan.pattern(),
        new Cursors.Cursor(next, plan.descending(), 1, Cursors.reads(plan), 0, null));
    return Page.of(QueryRunner.items(plan, response), cursor);
  }

  @Override
  public long count() {
    if (plan.condition().excluded() != null) {
      // an exclusive bound is applied to the items read, which Select.COUNT does not return
      return stream().count();
    }
    if (plan.sharded()) {
      return new FanOut<>(plan).count();
    }
    plan.checkContinuation();
    return Paging.count((start, unused) -> {
      QueryResponse response = QueryRunner.query(plan, start, null, true);
      return new Paging.Fetched<>(List.of(response.count()),
          Paging.next(response.hasLastEvaluatedKey(), response.lastEvaluatedKey()));
    }, plan.startKey());
  }

  @Override
  public QueryRequest toRequest() {
    if (plan.sharded()) {
      return new FanOut<>(plan).firstRequest();
    }
    plan.checkContinuation();
    return QueryRunner.request(plan, plan.startKey(), plan.limit(), false);
  }


}
