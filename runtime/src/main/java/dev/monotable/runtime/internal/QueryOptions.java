package dev.monotable.runtime.internal;

import dev.monotable.runtime.Condition;
import dev.monotable.runtime.InvalidCursorException;
import dev.monotable.runtime.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The options of a query over a {@link QueryPlan}, shared by the synchronous builders
 * ({@link AbstractQuery}) and the async ones ({@link AbstractAsyncQuery}): each option makes a new
 * builder of the generated type, through its constructor, over the plan with the option set.
 *
 * @param <T> the entity type
 * @param <Q> the concrete builder type
 */
public abstract class QueryOptions<T, Q> {
  private final QueryPlan<T> plan;
  /** The concrete builder's constructor. */
  private final Function<QueryPlan<T>, Q> builder;

  /**
   * A builder over {@code plan}; {@code builder} is the concrete builder's constructor, through which
   * every option makes a new builder of its type.
   */
  protected QueryOptions(QueryPlan<T> plan, Function<QueryPlan<T>, Q> builder) {
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

  /** As {@code Query}'s option of this name. */
  public Q filter(Condition condition) {
    if (plan.tableKeyAttributes() != null) {
      throw new IllegalStateException("index " + plan.indexName() + " does not project whole items, so "
          + plan.pattern() + " cannot filter on their attributes; filter the items it returns instead");
    }
    return with(plan.withFilter(condition));
  }

  /** As {@code Query}'s option of this name. */
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

  /** As {@code Query}'s option of this name. */
  public Q descending() {
    return with(plan.withDescending());
  }

  /** As {@code Query}'s option of this name. */
  public Q limit(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("limit must be at least 1, not " + n);
    }
    return with(plan.withLimit(n));
  }

  /** As {@code Query}'s option of this name. */
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

  /** The request the query sends first (of its first shard, when the key is sharded). */
  public QueryRequest toRequest() {
    if (plan.sharded()) {
      return new FanOut<>(plan).firstRequest();
    }
    plan.checkContinuation();
    return QueryRunner.request(plan, plan.startKey(), plan.limit(), false);
  }
}
