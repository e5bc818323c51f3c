package dev.monotable.runtime;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A scan split into segments that DynamoDB reads independently ({@code Segment} of
 * {@code TotalSegments}), from {@link Scan#segments(int)}. Every item lies in exactly one segment.
 *
 * <p>Hand each segment to a worker of your own ({@link #segment(int)} is an ordinary {@link Scan},
 * with its own pages and cursors), or read them all at once: {@link #list()} and
 * {@link #forEach(Consumer)} read every segment on its own thread — by default a pool of one thread
 * per segment made for the call and shut down before it returns, or the {@link Executor} given to
 * {@link #using(Executor)}. The first failure of any segment stops the others (after the page each
 * is reading) and is thrown once every segment has stopped, so no read is still running when the
 * call returns.
 *
 * <pre>{@code
 * ParallelScan<Order> scan = table.orders().scanAll().segments(4);
 * List<Order> every = scan.list();
 * scan.using(executor).forEach(order -> export(order));   // export must be thread-safe
 * Page<Order> first = scan.segment(2).limit(100).page();  // one segment, paged
 * }</pre>
 *
 * <p>A parallel scan is a value: {@code using} returns a new one.
 *
 * @param <T> the entity type
 */
public final class ParallelScan<T> {
  private final Scan<T> scan;
  private final int totalSegments;
  private final Executor executor;

  ParallelScan(Scan<T> scan, int totalSegments) {
    this(scan, totalSegments, null);
  }

  private ParallelScan(Scan<T> scan, int totalSegments, Executor executor) {
    this.scan = scan;
    this.totalSegments = totalSegments;
    this.executor = executor;
  }

  /** The number of segments. */
  public int totalSegments() {
    return totalSegments;
  }

  /**
   * Segment {@code segment} (from 0) as a scan of its own: its pages and cursors continue this
   * segment only.
   *
   * @throws IllegalArgumentException when there is no such segment
   */
  public Scan<T> segment(int segment) {
    if (segment < 0 || segment >= totalSegments) {
      throw new IllegalArgumentException("segment " + segment + " of a scan of " + totalSegments
          + " segments; they are numbered 0 to " + (totalSegments - 1));
    }
    return scan.segment(segment, totalSegments);
  }

  /**
   * This scan reading its segments on {@code executor}'s threads instead of a pool made for each
   * call; the executor is not shut down. Each segment occupies one thread while it is read.
   */
  public ParallelScan<T> using(Executor executor) {
    return new ParallelScan<>(scan, totalSegments, Objects.requireNonNull(executor, "executor"));
  }

  /**
   * Every matching item of every segment, segment after segment (items of one segment in the order
   * DynamoDB returned them), the segments read in parallel.
   *
   * @throws RuntimeException the first failure of a segment, once every segment has stopped
   */
  public List<T> list() {
    List<List<T>> segments = new ArrayList<>(totalSegments);
    for (int i = 0; i < totalSegments; i++) {
      segments.add(new ArrayList<>());
    }
    run(segment -> {
      List<T> items = segments.get(segment);
      return items::add;
    });
    List<T> all = new ArrayList<>();
    segments.forEach(all::addAll);
    return all;
  }

  /**
   * Hands every matching item to {@code action}, called from the segments' threads at once: it must
   * be thread-safe. Returns when every segment has been read.
   *
   * @throws RuntimeException the first failure of a segment or of {@code action}, once every
   *     segment has stopped
   */
  public void forEach(Consumer<? super T> action) {
    Objects.requireNonNull(action, "action");
    run(segment -> action);
  }

  /**
   * Every matching item of every segment as one stream, read ahead by the segments' threads into a
   * bounded buffer and handed out as the stream is consumed: items of one segment in DynamoDB's
   * order, segments interleaved. Close the stream when you stop before its end (try-with-resources,
   * or a terminal operation that reads to the end): closing stops the segments and, with the default
   * pool, its threads. A failure of a segment is thrown by the stream at the read after it.
   *
   * <pre>{@code
   * try (Stream<Order> orders = table.orders().scanAll().segments(4).parallelStream()) {
   *   orders.filter(o -> o.total().signum() > 0).limit(1000).forEach(exporter::write);
   * }
   * }</pre>
   */
  public Stream<T> parallelStream() {
    ExecutorService pool = executor == null ? Executors.newFixedThreadPool(totalSegments, threads()) : null;
    Executor runner = pool != null ? pool : executor;
    SegmentBuffer<T> buffer = new SegmentBuffer<>(totalSegments, pool);
    for (int i = 0; i < totalSegments; i++) {
      int segment = i;
      try {
        runner.execute(() -> buffer.fill(segment(segment).stream().iterator()));
      } catch (RuntimeException refused) {
        buffer.close();
        throw refused;
      }
    }
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(buffer, Spliterator.NONNULL), false)
        .onClose(buffer::close);
  }

  /**
   * The items the segments read, waiting to be consumed: each segment's thread puts its items and
   * then an end mark; the stream takes them. Bounded, so a slow consumer holds the segments back.
   */
  private static final class SegmentBuffer<T> implements Iterator<T> {
    private static final Object END = new Object();
    /** How long a segment waits for room before it gives up on a consumer that went away unclosed. */
    private static final long ABANDONED_NANOS = TimeUnit.MINUTES.toNanos(10);

    private final BlockingQueue<Object> queue;
    private final int segments;
    private final ExecutorService pool;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private int ended;
    private Object next;

    SegmentBuffer(int segments, ExecutorService pool) {
      this.queue = new LinkedBlockingQueue<>(Math.max(256, 64 * segments));
      this.segments = segments;
      this.pool = pool;
    }

    /** Runs on a segment's thread: puts its items, then the end mark, whatever happens. */
    void fill(Iterator<T> items) {
      try {
        while (!closed.get() && items.hasNext()) {
          if (!put(items.next())) {
            return;
          }
        }
      } catch (Throwable e) {
        failure.compareAndSet(null, e);
      } finally {
        put(END);
      }
    }

    private boolean put(Object item) {
      long waited = 0;
      try {
        while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
          waited += TimeUnit.MILLISECONDS.toNanos(100);
          if (closed.get() || waited > ABANDONED_NANOS) {
            closed.set(true);
            return false;
          }
        }
        return true;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }

    @Override
    public boolean hasNext() {
      while (next == null) {
        if (failure.get() != null) {
          close();
          Throwable first = failure.get();
          if (first instanceof Error error) {
            throw error;
          }
          throw first instanceof RuntimeException runtime ? runtime : new CompletionException(first);
        }
        if (ended == segments) {
          close();
          return false;
        }
        Object taken;
        try {
          taken = queue.poll(100, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          close();
          throw new IllegalStateException("interrupted while reading a parallel scan; its segments stopped");
        }
        if (taken == END) {
          ended++;
        } else if (taken != null) {
          next = taken;
        }
      }
      return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      T item = (T) next;
      next = null;
      return item;
    }

    void close() {
      closed.set(true);
      queue.clear();
      if (pool != null) {
        pool.shutdownNow();
      }
    }
  }

  /** The consumer each segment's items go to. */
  private interface Sink<T> {
    Consumer<? super T> of(int segment);
  }

  private void run(Sink<T> sink) {
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService pool = executor == null ? Executors.newFixedThreadPool(totalSegments, threads()) : null;
    Executor runner = pool != null ? pool : executor;
    List<Future<?>> tasks = new ArrayList<>(totalSegments);
    try {
      for (int i = 0; i < totalSegments; i++) {
        int segment = i;
        Consumer<? super T> consumer = sink.of(segment);
        FutureTask<Void> task = new FutureTask<>(() -> {
          try {
            var items = segment(segment).stream().iterator();
            while (!stop.get() && items.hasNext()) {
              consumer.accept(items.next());
            }
          } catch (Throwable e) {
            failure.compareAndSet(null, e);
            stop.set(true);
          }
          return null;
        });
        tasks.add(task);
        try {
          runner.execute(task);
        } catch (RuntimeException refused) {
          task.cancel(false);
          failure.compareAndSet(null, refused);
          stop.set(true);
          break;
        }
      }
      awaitAll(tasks, stop);
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
    Throwable first = failure.get();
    if (first instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (first instanceof Error error) {
      throw error;
    }
    if (first != null) {
      throw new CompletionException(first);
    }
  }

  /**
   * Waits until every task has ended. When the caller is interrupted, the segments are told to stop,
   * their end is still awaited, and the interrupt is kept.
   */
  private static void awaitAll(List<Future<?>> tasks, AtomicBoolean stop) {
    boolean interrupted = false;
    for (Future<?> task : tasks) {
      while (!task.isDone()) {
        try {
          task.get();
        } catch (InterruptedException e) {
          interrupted = true;
          stop.set(true);
        } catch (ExecutionException | java.util.concurrent.CancellationException e) {
          // a task records its own failure; a cancelled one never ran
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the segments of a parallel scan were read; they stopped");
    }
  }

  private static ThreadFactory threads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "monotable-scan-segment-" + count.getAndIncrement());
      thread.setDaemon(true);
      return thread;
    };
  }
}
