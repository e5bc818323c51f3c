package dev.monotable.runtime.async;

import dev.monotable.runtime.Condition;
import dev.monotable.runtime.Page;
import dev.monotable.runtime.Path;
import dev.monotable.runtime.Scan;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.core.async.SdkPublisher;

/**
 * A scan of the whole table (or of an index) for one entity type, run asynchronously: the options
 * of {@link Scan}, and terminals that return futures or a publisher.
 *
 * @param <T> the entity type
 */
public interface AsyncScan<T> {
  /** As {@link Scan#segments(int)}: the segments are read at once, each page when demand reaches it. */
  AsyncParallelScan<T> segments(int totalSegments);

  /** As {@link Scan#limit(int)}. */
  AsyncScan<T> limit(int n);

  /** As {@link Scan#filter(Condition)}. */
  AsyncScan<T> filter(Condition condition);

  /** As {@link Scan#project(Path...)}. */
  AsyncScan<T> project(Path<?>... paths);

  /** As {@link Scan#consistentRead()}. */
  AsyncScan<T> consistentRead();

  /** As {@link Scan#after(String)}. */
  AsyncScan<T> after(String cursor);

  /** Every matching item, reading page after page (up to the limit, when one is set). */
  CompletableFuture<List<T>> list();

  /** The matching items, each page read when the subscriber's demand reaches it. */
  SdkPublisher<T> publisher();

  /** One page: one request, and the cursor to continue. */
  CompletableFuture<Page<T>> page();

  /** As {@link Scan#count()}. */
  CompletableFuture<Long> count();
}
