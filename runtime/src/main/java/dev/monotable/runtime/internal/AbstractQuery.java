package dev.monotable.runtime.internal;

import dev.monotable.runtime.Page;
import dev.monotable.runtime.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The implementation of {@link Query} over a {@link QueryPlan}, which every generated query builder
 * extends: each option makes a new builder of the generated type, through its constructor, over the
 * plan with the option set.
 *
 * @param <T> the entity type
 * @param <Q> the concrete builder type
 */
public abstract class AbstractQuery<T, Q extends Query<T, Q>> extends QueryOptions<T, Q> implements Query<T, Q> {
  /**
   * A builder over {@code plan}; {@code builder} is the concrete builder's constructor, through which
   * every option makes a new builder of its type.
   */
  protected AbstractQuery(QueryPlan<T> plan, Function<QueryPlan<T>, Q> builder) {
    super(plan, builder);
  }

  @Override
  public List<T> list() {
    List<T> items = new ArrayList<>();
    stream().forEach(items::add);
    return items;
  }

  @Override
  public Stream<T> stream() {
    return stream(plan().limit());
  }

  @Override
  public Optional<T> first() {
    return stream(plan().limit() == null ? 1 : plan().limit()).findFirst();
  }

  private Stream<T> stream(Integer limit) {
    QueryPlan<T> plan = plan();
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
    QueryPlan<T> plan = plan();
    if (plan.sharded()) {
      return new FanOut<>(plan).page();
    }
    plan.checkContinuation();
    QueryResponse response = QueryRunner.query(plan, plan.startKey(), plan.limit(), false);
    return Page.of(QueryRunner.items(plan, response), QueryRunner.cursor(plan, response));
  }

  @Override
  public long count() {
    QueryPlan<T> plan = plan();
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

}
