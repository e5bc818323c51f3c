package dev.monotable.runtime;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.stream.Stream;

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
public interface ParallelScan<T> {
  /** The number of segments. */
  int totalSegments();

  /**
   * Segment {@code segment} (from 0) as a scan of its own: its pages and cursors continue this
   * segment only.
   *
   * @throws IllegalArgumentException when there is no such segment
   */
  Scan<T> segment(int segment);

  /**
   * This scan reading its segments on {@code executor}'s threads instead of a pool made for each
   * call; the executor is not shut down. Any executor will do: one that runs tasks on the calling
   * thread, or fewer at a time than there are segments, reads the segments in turn; a read that
   * the executor refuses (a saturated bounded pool, one shut down) is made on the calling thread.
   * {@link #list()} and {@link #forEach} occupy a thread per segment while it is read;
   * {@link #parallelStream()} only while a segment reads ahead.
   */
  ParallelScan<T> using(Executor executor);

  /**
   * Every matching item of every segment, segment after segment (items of one segment in the order
   * DynamoDB returned them), the segments read in parallel.
   *
   * @throws RuntimeException the first failure of a segment, once every segment has stopped
   */
  List<T> list();

  /**
   * Hands every matching item to {@code action}, called from the segments' threads at once: it must
   * be thread-safe. Returns when every segment has been read.
   *
   * @throws RuntimeException the first failure of a segment or of {@code action}, once every
   *     segment has stopped
   */
  void forEach(Consumer<? super T> action);

  /**
   * Every matching item of every segment as one stream, read ahead by the segments' threads into a
   * bounded buffer and handed out as the stream is consumed: items of one segment in DynamoDB's
   * order, segments interleaved. Close the stream when you stop before its end (try-with-resources,
   * or a terminal operation that reads to the end): closing stops the segments and, with the default
   * pool, its threads. A failure of a segment is thrown by the stream at the read after it.
   *
   * <p>A segment reads ahead only while the buffer has room, then its task ends, and the stream
   * starts it again once the buffer has drained to half: no task ever waits for the consumer, so an
   * executor that runs tasks on the consuming thread, or one by one, cannot stall the stream.
   *
   * <pre>{@code
   * try (Stream<Order> orders = table.orders().scanAll().segments(4).parallelStream()) {
   *   orders.filter(o -> o.total().signum() > 0).limit(1000).forEach(exporter::write);
   * }
   * }</pre>
   */
  Stream<T> parallelStream();
}
