package dev.monotable.runtime.internal;

import dev.monotable.runtime.async.AsyncParallelScan;
import dev.monotable.runtime.async.AsyncScan;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import software.amazon.awssdk.core.async.SdkPublisher;

/**
 * The implementation of {@link AsyncParallelScan}: one page source per segment; each chunk is the
 * next page of every unfinished segment, requested at once.
 *
 * @param <T> the entity type
 */
final class DefaultAsyncParallelScan<T> implements AsyncParallelScan<T> {
  private final DefaultScan<T> scan;
  private final int totalSegments;

  DefaultAsyncParallelScan(DefaultScan<T> scan, int totalSegments) {
    this.scan = scan;
    this.totalSegments = totalSegments;
  }

  @Override
  public int totalSegments() {
    return totalSegments;
  }

  @Override
  public AsyncScan<T> segment(int segment) {
    if (segment < 0 || segment >= totalSegments) {
      throw new IllegalArgumentException("segment " + segment + " of a scan of " + totalSegments
          + " segments; they are numbered 0 to " + (totalSegments - 1));
    }
    return new DefaultAsyncScan<>(scan.segment(segment, totalSegments));
  }

  @Override
  public CompletableFuture<List<T>> list() {
    // each segment in its own list, joined in segment order once all are read
    List<CompletableFuture<List<T>>> segments = new ArrayList<>(totalSegments);
    for (int i = 0; i < totalSegments; i++) {
      DefaultScan<T> segment = scan.segment(i, totalSegments);
      segments.add(AsyncPaging.collect(DefaultAsyncScan.source(segment), segment.limitOrNull()));
    }
    return Futures.unwrapped(CompletableFuture.allOf(segments.toArray(CompletableFuture[]::new)).thenApply(all -> {
      List<T> items = new ArrayList<>();
      segments.forEach(segment -> items.addAll(segment.getNow(null)));  // all complete: allOf ran
      return items;
    }));
  }

  @Override
  public CompletableFuture<Void> forEach(Consumer<? super T> action) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    publisher().subscribe(new org.reactivestreams.Subscriber<T>() {
      private org.reactivestreams.Subscription subscription;

      @Override
      public void onSubscribe(org.reactivestreams.Subscription given) {
        subscription = given;
        given.request(Long.MAX_VALUE);
      }

      @Override
      public void onNext(T item) {
        try {
          action.accept(item);
        } catch (RuntimeException failed) {
          subscription.cancel();
          done.completeExceptionally(failed);
        }
      }

      @Override
      public void onError(Throwable failure) {
        done.completeExceptionally(failure);
      }

      @Override
      public void onComplete() {
        done.complete(null);
      }
    });
    return done;
  }

  @Override
  public SdkPublisher<T> publisher() {
    return AsyncPaging.publisher(this::source, null);
  }

  /** Every segment's next page at once, as one chunk; the last when every segment has ended. */
  private AsyncPaging.Source<T> source() {
    List<AsyncPaging.Source<T>> open = new ArrayList<>(totalSegments);
    for (int i = 0; i < totalSegments; i++) {
      open.add(DefaultAsyncScan.source(scan.segment(i, totalSegments)));
    }
    return () -> {
      List<AsyncPaging.Source<T>> reading = List.copyOf(open);
      List<CompletableFuture<AsyncPaging.Chunk<T>>> pages = new ArrayList<>(reading.size());
      reading.forEach(segment -> pages.add(segment.next()));
      return CompletableFuture.allOf(pages.toArray(CompletableFuture[]::new)).thenApply(all -> {
        List<T> items = new ArrayList<>();
        for (int i = 0; i < reading.size(); i++) {
          AsyncPaging.Chunk<T> page = pages.get(i).getNow(null);  // all complete: allOf ran
          items.addAll(page.items());
          if (page.last()) {
            open.remove(reading.get(i));
          }
        }
        return new AsyncPaging.Chunk<>(items, open.isEmpty());
      });
    };
  }
}
