package dev.monotable.runtime.internal;

import dev.monotable.runtime.Page;
import dev.monotable.runtime.async.AsyncQuery;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import software.amazon.awssdk.core.async.SdkPublisher;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The implementation of {@link AsyncQuery} over a {@link QueryPlan}, which every generated async
 * query builder extends: the options of {@link QueryOptions}, and terminals that send the plan's
 * requests through the table's async client.
 *
 * @param <T> the entity type
 * @param <Q> the concrete builder type
 */
public abstract class AbstractAsyncQuery<T, Q extends AsyncQuery<T, Q>> extends QueryOptions<T, Q>
    implements AsyncQuery<T, Q> {
  /** A builder over {@code plan}; {@code builder} is the concrete builder's constructor. */
  protected AbstractAsyncQuery(QueryPlan<T> plan, Function<QueryPlan<T>, Q> builder) {
    super(plan, builder);
  }

  @Override
  public CompletableFuture<Page<T>> page() {
    QueryPlan<T> plan = plan();
    if (plan.sharded()) {
      return Futures.unwrapped(new FanOut<>(plan).pageAsync());
    }
    plan.checkContinuation();
    CompletableFuture<QueryResponse> sent = QueryRunner.queryAsync(plan, plan.partitionValue(), plan.startKey(),
        plan.limit(), false);
    if (plan.tableKeyAttributes() == null) {
      // the index holds whole items: decoded as they come, in the one stage that hands the page over
      return Futures.mapped(sent, response -> Page.of(QueryRunner.items(plan, response),
          QueryRunner.cursor(plan, response)));
    }
    return Futures.unwrapped(sent.thenCompose(response -> {
          String cursor = QueryRunner.cursor(plan, response);
          return QueryRunner.itemsAsync(plan, response.items()).thenApply(items -> Page.of(items, cursor));
        }));
  }

  @Override
  public CompletableFuture<List<T>> list() {
    Integer limit = plan().limit();
    return Futures.unwrapped(AsyncPaging.collect(source(limit), limit));
  }

  @Override
  public CompletableFuture<Optional<T>> first() {
    Integer limit = plan().limit();
    return Futures.unwrapped(AsyncPaging.collect(source(limit == null ? 1 : limit), 1)
        .thenApply(items -> items.stream().findFirst()));
  }

  @Override
  public SdkPublisher<T> publisher() {
    QueryPlan<T> plan = plan();
    if (!plan.sharded()) {
      plan.checkContinuation(); // refused here, not when a subscriber first asks
    }
    return AsyncPaging.publisher(() -> source(plan.limit()), plan.limit());
  }

  @Override
  public CompletableFuture<Long> count() {
    QueryPlan<T> plan = plan();
    if (plan.condition().excluded() != null) {
      // an exclusive bound is applied to the items read, which Select.COUNT does not return
      return Futures.mapped(list(), items -> (long) items.size());
    }
    if (plan.sharded()) {
      return Futures.unwrapped(new FanOut<>(plan).countAsync());
    }
    plan.checkContinuation();
    return Futures.unwrapped(QueryRunner.countAsync(plan, plan.partitionValue(), plan.startKey()));
  }


  /** The pages of the query, at most {@code limit} items in all when it is not null. */
  private AsyncPaging.Source<T> source(Integer limit) {
    QueryPlan<T> plan = plan();
    if (plan.sharded()) {
      return new FanOut<>(plan).asyncSource(limit);
    }
    plan.checkContinuation();
    return new AsyncPaging.Source<>() {
      private Map<String, AttributeValue> start = plan.startKey();
      private int returned;

      @Override
      public CompletableFuture<AsyncPaging.Chunk<T>> next() {
        Integer pageLimit = limit == null ? null : limit - returned;
        return QueryRunner.queryAsync(plan, plan.partitionValue(), start, pageLimit, false).thenCompose(response -> {
          start = Paging.next(response.hasLastEvaluatedKey(), response.lastEvaluatedKey());
          return QueryRunner.itemsAsync(plan, response.items()).thenApply(items -> {
            returned += items.size();
            return new AsyncPaging.Chunk<>(items, start == null || (limit != null && returned >= limit));
          });
        });
      }
    };
  }
}
