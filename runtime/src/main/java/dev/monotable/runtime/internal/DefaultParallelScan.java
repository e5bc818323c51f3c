package dev.monotable.runtime.internal;

import dev.monotable.runtime.ParallelScan;
import dev.monotable.runtime.Scan;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The implementation of {@link ParallelScan}.
 *
 * @param <T> the entity type
 */
public final class DefaultParallelScan<T> implements ParallelScan<T> {
  private final DefaultScan<T> scan;
  private final int totalSegments;
  private final Executor executor;

  DefaultParallelScan(DefaultScan<T> scan, int totalSegments) {
    this(scan, totalSegments, null);
  }

  private DefaultParallelScan(DefaultScan<T> scan, int totalSegments, Executor executor) {
    this.scan = scan;
    this.totalSegments = totalSegments;
    this.executor = executor;
  }

  @Override
  public int totalSegments() {
    return totalSegments;
  }

  @Override
  public Scan<T> segment(int segment) {
    if (segment < 0 || segment >= totalSegments) {
      throw new IllegalArgumentException("segment " + segment + " of a scan of " + totalSegments
          + " segments; they are numbered 0 to " + (totalSegments - 1));
    }
    return scan.segment(segment, totalSegments);
  }

  @Override
  public ParallelScan<T> using(Executor executor) {
    return new DefaultParallelScan<>(scan, totalSegments, Objects.requireNonNull(executor, "executor"));
  }

  @Override
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

  @Override
  public void forEach(Consumer<? super T> action) {
    Objects.requireNonNull(action, "action");
    run(segment -> action);
  }

  @Override
  public Stream<T> parallelStream() {
    ExecutorService pool = executor == null ? streamPool(totalSegments) : null;
    List<Iterator<T>> segments = new ArrayList<>(totalSegments);
    for (int i = 0; i < totalSegments; i++) {
      segments.add(segment(i).stream().iterator());
    }
    SegmentBuffer<T> buffer = new SegmentBuffer<>(segments, pool != null ? pool : executor, pool);
    buffer.readAhead();
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(buffer, Spliterator.NONNULL), false)
        .onClose(buffer::close);
  }

  /**
   * The items the segments read, waiting to be consumed. Bounded, so a slow consumer holds the
   * segments back: a segment's read adds items while there is room and then ends; the consumer
   * starts the reads of idle segments again when the buffer runs low. Every field but the
   * segments' iterators is guarded by {@code lock}; an iterator is read by one read at a time.
   */
  private static final class SegmentBuffer<T> implements Iterator<T> {
    private final ReentrantLock lock = new ReentrantLock();
    private final java.util.concurrent.locks.Condition changed = lock.newCondition();
    private final ArrayDeque<T> items = new ArrayDeque<>();
    private final int capacity;
    private final List<Iterator<T>> segments;
    private final boolean[] reading;
    private final boolean[] ended;
    /** The read of each segment handed to the executor, until it ends (null when none is). */
    private final List<Read> scheduled;
    private final Executor executor;
    private final ExecutorService pool;
    private int endedCount;
    private boolean closed;
    private Throwable failure;
    /** The item hasNext() took, for next() to hand out; only the consumer touches it. */
    private T next;

    SegmentBuffer(List<Iterator<T>> segments, Executor executor, ExecutorService pool) {
      this.segments = segments;
      this.capacity = Math.max(256, 64 * segments.size());
      this.reading = new boolean[segments.size()];
      this.ended = new boolean[segments.size()];
      this.scheduled = new ArrayList<>(Collections.nCopies(segments.size(), null));
      this.executor = executor;
      this.pool = pool;
    }

    /**
     * Starts the read of every idle segment while the buffer has room, on the executor; a read it
     * refuses runs here. Called without the lock: an executor may run the read on this thread, or
     * block until it has room.
     */
    void readAhead() {
      List<Read> started = new ArrayList<>();
      lock.lock();
      try {
        for (int segment = 0; segment < segments.size() && !closed && failure == null; segment++) {
          if (!reading[segment] && !ended[segment] && items.size() < capacity) {
            reading[segment] = true;
            Read read = new Read(segment);
            scheduled.set(segment, read);
            started.add(read);
          }
        }
      } finally {
        lock.unlock();
      }
      for (Read read : started) {
        try {
          executor.execute(read);
        } catch (RejectedExecutionException refused) {
          read.run();
        }
      }
    }

    /**
     * A read handed to the executor, which runs once: on the executor's thread, or on the consumer's
     * when it has nothing to hand out and the executor has not started it (a given executor whose
     * threads are busy, or whose only thread is the consumer's).
     */
    private final class Read implements Runnable {
      private final int segment;
      private final AtomicBoolean claimed = new AtomicBoolean();

      Read(int segment) {
        this.segment = segment;
      }

      @Override
      public void run() {
        if (claimed.compareAndSet(false, true)) {
          read(segment);
        }
      }
    }

    /** A read the executor has not started, which the consumer may run instead; null when there is none. */
    private Read unstarted() {
      for (Read read : scheduled) {
        if (read != null && !read.claimed.get()) {
          return read;
        }
      }
      return null;
    }

    /** One read of a segment: adds its items while the buffer has room, then ends; never waits for room. */
    private void read(int segment) {
      Iterator<T> source = segments.get(segment);
      boolean end = false;
      Throwable failed = null;
      try {
        while (hasRoom()) {
          if (!source.hasNext()) {
            end = true;
            break;
          }
          T item = source.next();
          lock.lock();
          try {
            if (closed) {
              break;
            }
            items.add(item);
            changed.signalAll();
          } finally {
            lock.unlock();
          }
        }
      } catch (Throwable e) {
        failed = e;
      } finally {
        lock.lock();
        try {
          reading[segment] = false;
          scheduled.set(segment, null);
          if (end) {
            ended[segment] = true;
            endedCount++;
          }
          if (failed != null && failure == null && !closed) {
            failure = failed;
          }
          changed.signalAll();
        } finally {
          lock.unlock();
        }
      }
    }

    private boolean hasRoom() {
      lock.lock();
      try {
        return !closed && failure == null && items.size() < capacity;
      } finally {
        lock.unlock();
      }
    }

    /** Whether a segment is neither read nor at its end: one the consumer may start again. */
    private boolean idleSegment() {
      for (int segment = 0; segment < segments.size(); segment++) {
        if (!reading[segment] && !ended[segment]) {
          return true;
        }
      }
      return false;
    }

    @Override
    public boolean hasNext() {
      while (next == null) {
        boolean start = false;
        Read steal = null;
        lock.lock();
        try {
          if (failure != null) {
            Throwable first = failure;
            closeLocked();
            if (first instanceof Error error) {
              throw error;
            }
            throw first instanceof RuntimeException runtime ? runtime : new CompletionException(first);
          }
          if (closed) {
            return false;
          }
          next = items.poll();
          if (next != null) {
            start = items.size() <= capacity / 2 && idleSegment();
          } else if (endedCount == segments.size()) {
            closeLocked();
            return false;
          } else if (idleSegment()) {
            start = true;
          } else if (pool == null && (steal = unstarted()) != null) {
            // the given executor has not started a read: read here rather than wait for it
          } else {
            awaitChange();
            continue;
          }
        } finally {
          lock.unlock();
        }
        if (start) {
          readAhead();
        } else if (steal != null) {
          steal.run();
        }
      }
      return true;
    }

    /** Waits, holding the lock, until a read adds an item or ends. */
    private void awaitChange() {
      try {
        changed.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        closeLocked();
        throw new IllegalStateException("interrupted while reading a parallel scan; its segments stopped");
      }
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      T item = next;
      next = null;
      return item;
    }

    void close() {
      lock.lock();
      try {
        closeLocked();
      } finally {
        lock.unlock();
      }
    }

    private void closeLocked() {
      closed = true;
      items.clear();
      changed.signalAll();
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
    List<FutureTask<Void>> tasks = new ArrayList<>(totalSegments);
    boolean refusedAny = false;
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
        } catch (RejectedExecutionException refused) {
          refusedAny = true; // read below, on this thread
        } catch (RuntimeException refused) {
          task.cancel(false);
          failure.compareAndSet(null, refused);
          stop.set(true);
          break;
        }
      }
      if (pool == null || refusedAny) {
        // a segment the executor has not started (refused, queued behind busy threads, or behind this very
        // thread when it is the executor's) is read here: the call never waits for a task that cannot start
        tasks.forEach(FutureTask::run);
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
  private static void awaitAll(List<? extends Future<?>> tasks, AtomicBoolean stop) {
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

  /** The pool of a stream's default segments: its threads end once idle, should the stream never be closed. */
  private static ExecutorService streamPool(int segments) {
    ThreadPoolExecutor pool = new ThreadPoolExecutor(segments, segments, 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), threads());
    pool.allowCoreThreadTimeOut(true);
    return pool;
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
