package dev.monotable.runtime.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.core.async.SdkPublisher;

/**
 * Reading query and scan results page after page through the async client: a {@link Source} hands
 * out one chunk (a page, a merge of shards, the pages of every segment) per call, and this class
 * collects them into a list or publishes them with back-pressure.
 */
final class AsyncPaging {
  private AsyncPaging() {}

  /** One chunk of items, and whether it is the last. */
  record Chunk<T>(List<T> items, boolean last) {}

  /** The chunks of one read, in order; {@link #next()} is called again only once its chunk has come. */
  interface Source<T> {
    CompletableFuture<Chunk<T>> next();
  }

  /** Every item of {@code source}, at most {@code limit} when it is not null. */
  static <T> CompletableFuture<List<T>> collect(Source<T> source, Integer limit) {
    return collect(source, limit, new ArrayList<>());
  }

  private static <T> CompletableFuture<List<T>> collect(Source<T> source, Integer limit, List<T> collected) {
    return source.next().thenCompose(chunk -> {
      for (T item : chunk.items()) {
        if (limit != null && collected.size() >= limit) {
          break;
        }
        collected.add(item);
      }
      if (chunk.last() || (limit != null && collected.size() >= limit)) {
        return CompletableFuture.completedFuture(collected);
      }
      return collect(source, limit, collected);
    });
  }

  /**
   * A publisher of the items of the sources {@code sources} makes, one a subscription (each
   * subscriber reads from the start), at most {@code limit} when it is not null. A chunk is asked
   * for only when the subscriber's demand reaches the end of what has been read.
   */
  static <T> SdkPublisher<T> publisher(Supplier<Source<T>> sources, Integer limit) {
    return subscriber -> {
      Objects.requireNonNull(subscriber, "subscriber");
      Source<T> source;
      try {
        source = sources.get();
      } catch (RuntimeException refused) {
        subscriber.onSubscribe(new Subscription() {
          @Override
          public void request(long n) { }

          @Override
          public void cancel() { }
        });
        subscriber.onError(refused);
        return;
      }
      ChunkSubscription<T> subscription = new ChunkSubscription<>(subscriber, source,
          limit == null ? Long.MAX_VALUE : limit);
      subscriber.onSubscribe(subscription);
    };
  }

  /**
   * One subscriber's reading: a buffer of what has been read, the demand, and one drain loop at a
   * time (whoever raises the work counter from zero runs it), so that signals to the subscriber are
   * never concurrent, as the Reactive Streams rules require.
   */
  private static final class ChunkSubscription<T> implements Subscription {
    private final Subscriber<? super T> subscriber;
    private final Source<T> source;
    private final long limit;
    private final Queue<T> buffer = new ConcurrentLinkedQueue<>();
    private final AtomicLong requested = new AtomicLong();
    private final AtomicInteger work = new AtomicInteger();
    private volatile boolean fetching;
    private volatile boolean last;
    private volatile boolean cancelled;
    private volatile Throwable failure;
    private boolean terminated;
    private long emitted;

    ChunkSubscription(Subscriber<? super T> subscriber, Source<T> source, long limit) {
      this.subscriber = subscriber;
      this.source = source;
      this.limit = limit;
    }

    @Override
    public void request(long n) {
      if (n <= 0) {
        failure = new IllegalArgumentException("a subscriber requests a positive number of items (rule 3.9), not " + n);
      } else {
        requested.getAndUpdate(current -> current + n < 0 ? Long.MAX_VALUE : current + n);
      }
      drain();
    }

    @Override
    public void cancel() {
      cancelled = true;
      buffer.clear();
    }

    private void drain() {
      if (work.getAndIncrement() != 0) {
        return;
      }
      int missed = 1;
      do {
        while (!cancelled && !terminated) {
          if (failure != null) {
            terminated = true;
            buffer.clear();
            subscriber.onError(failure);
            break;
          }
          if (emitted >= limit || (buffer.isEmpty() && last && !fetching)) {
            terminated = true;
            subscriber.onComplete();
            break;
          }
          if (requested.get() == 0) {
            break;
          }
          T item = buffer.poll();
          if (item == null) {
            if (!fetching && !last) {
              fetching = true;
              fetch();
            }
            break;
          }
          requested.decrementAndGet();
          emitted++;
          subscriber.onNext(item);
        }
        missed = work.addAndGet(-missed);
      } while (missed != 0);
    }

    private void fetch() {
      CompletableFuture<Chunk<T>> next;
      try {
        next = source.next();
      } catch (RuntimeException refused) {
        next = CompletableFuture.failedFuture(refused);
      }
      next.whenComplete((chunk, failed) -> {
        if (failed != null) {
          failure = Futures.cause(failed);
        } else {
          buffer.addAll(chunk.items());
          last = chunk.last();
        }
        fetching = false;
        drain();
      });
    }
  }
}
