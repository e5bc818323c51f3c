package dev.monotable.runtime.async;

import dev.monotable.runtime.Condition;
import dev.monotable.runtime.Page;
import dev.monotable.runtime.Path;
import dev.monotable.runtime.Query;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.core.async.SdkPublisher;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * A query of one access pattern, run asynchronously: the options of {@link Query}, and terminals
 * that return futures or a publisher.
 *
 * <pre>{@code
 * var adas = table.orders().ordersOfUser("ada");
 * CompletableFuture<Page<Order>> page = adas.limit(25).after(cursor).page();
 * adas.descending().publisher().limit(10).subscribe(order -> show(order));
 * }</pre>
 *
 * @param <T> the entity type
 * @param <Q> the concrete builder type
 */
public interface AsyncQuery<T, Q extends AsyncQuery<T, Q>> {
  /** As {@link Query#filter(Condition)}. */
  Q filter(Condition condition);

  /** As {@link Query#project(Path...)}. */
  Q project(Path<?>... paths);

  /** As {@link Query#descending()}. */
  Q descending();

  /** As {@link Query#limit(int)}: in all from {@link #list()} and {@link #publisher()}, per page from {@link #page()}. */
  Q limit(int n);

  /** As {@link Query#after(String)}. */
  Q after(String cursor);

  /** Every matching item, reading page after page (up to the limit, when one is set). */
  CompletableFuture<List<T>> list();

  /**
   * The matching items, each page read when the subscriber's demand reaches it (up to the limit,
   * when one is set). Every subscription reads the query afresh from its start.
   */
  SdkPublisher<T> publisher();

  /** The first matching item, if any. */
  CompletableFuture<Optional<T>> first();

  /** One page: one request, at most {@code limit} items, and the cursor to continue. */
  CompletableFuture<Page<T>> page();

  /** As {@link Query#count()}. */
  CompletableFuture<Long> count();

  /** The request this query sends first, for logging and tests. */
  QueryRequest toRequest();
}
