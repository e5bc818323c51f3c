package dev.monotable.runtime.internal;

import dev.monotable.runtime.Condition;
import dev.monotable.runtime.Page;
import dev.monotable.runtime.Path;
import dev.monotable.runtime.async.AsyncParallelScan;
import dev.monotable.runtime.async.AsyncScan;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.core.async.SdkPublisher;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The implementation of {@link AsyncScan}: a {@link DefaultScan} (which holds the options and
 * renders the requests) sent through the table's async client.
 *
 * @param <T> the entity type
 */
public final class DefaultAsyncScan<T> implements AsyncScan<T> {
  private final DefaultScan<T> scan;

  DefaultAsyncScan(DefaultScan<T> scan) {
    this.scan = scan;
  }

  @Override
  public AsyncParallelScan<T> segments(int totalSegments) {
    scan.segments(totalSegments); // refused as the synchronous scan refuses
    return new DefaultAsyncParallelScan<>(scan, totalSegments);
  }

  @Override
  public AsyncScan<T> limit(int n) {
    return new DefaultAsyncScan<>(scan.limit(n));
  }

  @Override
  public AsyncScan<T> filter(Condition condition) {
    return new DefaultAsyncScan<>(scan.filter(condition));
  }

  @Override
  public AsyncScan<T> project(Path<?>... paths) {
    return new DefaultAsyncScan<>(scan.project(paths));
  }

  @Override
  public AsyncScan<T> consistentRead() {
    return new DefaultAsyncScan<>(scan.consistentRead());
  }

  @Override
  public AsyncScan<T> after(String cursor) {
    return new DefaultAsyncScan<>(scan.after(cursor));
  }

  @Override
  public CompletableFuture<List<T>> list() {
    return Futures.unwrapped(AsyncPaging.collect(source(scan), scan.limitOrNull()));
  }

  @Override
  public SdkPublisher<T> publisher() {
    return AsyncPaging.publisher(() -> source(scan), scan.limitOrNull());
  }

  @Override
  public CompletableFuture<Page<T>> page() {
    return Futures.unwrapped(scan.sendAsync(scan.startKey(), scan.limitOrNull(), false).thenCompose(response -> {
      String cursor = scan.cursor(response);
      return scan.decodeAsync(response).thenApply(items -> Page.of(items, cursor));
    }));
  }

  @Override
  public CompletableFuture<Long> count() {
    if (scan.countsByReading()) {
      return Futures.mapped(list(), items -> (long) items.size());
    }
    return Futures.unwrapped(count(scan.startKey()));
  }

  private CompletableFuture<Long> count(Map<String, AttributeValue> start) {
    return scan.sendAsync(start, null, true).thenCompose(response -> {
      Map<String, AttributeValue> next = Paging.next(response.hasLastEvaluatedKey(), response.lastEvaluatedKey());
      long count = response.count() == null ? 0 : response.count();
      return next == null ? CompletableFuture.completedFuture(count) : count(next).thenApply(rest -> count + rest);
    });
  }

  /** The pages of {@code scan}, at most its limit in all. */
  static <T> AsyncPaging.Source<T> source(DefaultScan<T> scan) {
    Integer limit = scan.limitOrNull();
    return new AsyncPaging.Source<>() {
      private Map<String, AttributeValue> start = scan.startKey();
      private int returned;

      @Override
      public CompletableFuture<AsyncPaging.Chunk<T>> next() {
        return scan.sendAsync(start, limit == null ? null : limit - returned, false).thenCompose(response -> {
          start = Paging.next(response.hasLastEvaluatedKey(), response.lastEvaluatedKey());
          return scan.decodeAsync(response).thenApply(items -> {
            returned += items.size();
            return new AsyncPaging.Chunk<>(items, start == null || (limit != null && returned >= limit));
          });
        });
      }
    };
  }
}
