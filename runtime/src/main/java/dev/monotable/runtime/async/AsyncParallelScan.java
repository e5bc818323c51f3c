package dev.monotable.runtime.async;

import dev.monotable.runtime.ParallelScan;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import software.amazon.awssdk.core.async.SdkPublisher;

/**
 * A scan split into segments ({@link ParallelScan}), read asynchronously: every segment's next page
 * is requested at once, so the segments are read in parallel without a thread each.
 *
 * @param <T> the entity type
 */
public interface AsyncParallelScan<T> {
  /** The number of segments. */
  int totalSegments();

  /** Segment {@code segment} (from 0) as a scan of its own, with its own pages and cursors. */
  AsyncScan<T> segment(int segment);

  /**
   * Every matching item of every segment, segment after segment (items of one segment in the
   * order DynamoDB returned them). The first failure of a segment fails the future once every
   * segment's read in flight has ended.
   */
  CompletableFuture<List<T>> list();

  /**
   * Hands every matching item to {@code action}, one at a time (never two at once), as the pages of
   * the segments arrive; completes when every segment is read.
   */
  CompletableFuture<Void> forEach(Consumer<? super T> action);

  /**
   * The matching items of every segment as they arrive: when the subscriber's demand reaches the
   * end of what was read, the next page of every unfinished segment is requested at once.
   */
  SdkPublisher<T> publisher();
}
