package dev.monotable.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * The publisher of async queries and scans, over a source of numbered chunks completed on another
 * thread: demand drives the reads, signals are never concurrent, limits and cancellation stop the
 * reads, failures end the stream.
 */
class AsyncPagingTest {
  private final ExecutorService pages = Executors.newFixedThreadPool(4);

  @AfterEach
  void stop() {
    pages.shutdownNow();
  }

  /** Chunks of {@code size} numbers each, {@code chunks} of them, each completed on the pool; counts the reads. */
  private final class Numbers implements AsyncPaging.Source<Integer> {
    final AtomicInteger reads = new AtomicInteger();
    final int chunks;
    final int size;
    final int failAt;

    Numbers(int chunks, int size, int failAt) {
      this.chunks = chunks;
      this.size = size;
      this.failAt = failAt;
    }

    @Override
    public CompletableFuture<AsyncPaging.Chunk<Integer>> next() {
      int chunk = reads.getAndIncrement();
      return CompletableFuture.supplyAsync(() -> {
        if (chunk == failAt) {
          throw new IllegalStateException("page " + chunk + " failed");
        }
        List<Integer> items = new ArrayList<>();
        for (int i = 0; i < size; i++) {
          items.add(chunk * size + i);
        }
        return new AsyncPaging.Chunk<>(items, chunk == chunks - 1);
      }, pages);
    }
  }

  /** A subscriber that records what it is told and asks for more as a test says. */
  private static final class Recorder implements Subscriber<Integer> {
    final List<Integer> items = new CopyOnWriteArrayList<>();
    final CountDownLatch ended = new CountDownLatch(1);
    final AtomicInteger inside = new AtomicInteger();
    volatile boolean overlapped;
    volatile Throwable failure;
    volatile boolean completed;
    volatile Subscription subscription;
    final long perItem;

    Recorder(long perItem) {
      this.perItem = perItem;
    }

    @Override
    public void onSubscribe(Subscription given) {
      subscription = given;
    }

    @Override
    public void onNext(Integer item) {
      if (inside.getAndIncrement() != 0) {
        overlapped = true;
      }
      items.add(item);
      if (perItem > 0) {
        subscription.request(perItem);
      }
      inside.decrementAndGet();
    }

    @Override
    public void onError(Throwable given) {
      failure = given;
      ended.countDown();
    }

    @Override
    public void onComplete() {
      completed = true;
      ended.countDown();
    }

    void await() throws InterruptedException {
      assertTrue(ended.await(10, TimeUnit.SECONDS), "the stream ended");
    }
  }

  @Test
  void nothingIsRead_untilTheSubscriberAsks_thenOneChunkAtATime() throws InterruptedException {
    Numbers source = new Numbers(5, 10, -1);
    Recorder recorder = new Recorder(0);
    AsyncPaging.publisher(() -> source, null).subscribe(recorder);
    assertEquals(0, source.reads.get(), "subscribing reads nothing");

    recorder.subscription.request(3);
    waitFor(() -> recorder.items.size() == 3);
    assertEquals(1, source.reads.get(), "three items come from the first chunk");
    recorder.subscription.request(8);
    waitFor(() -> recorder.items.size() == 11);
    assertEquals(2, source.reads.get(), "eleven items need two chunks, not more");
    assertFalse(recorder.completed);
  }

  @Test
  void everyItemArrives_inOrder_withoutOverlappingSignals_thenCompletion() throws InterruptedException {
    Numbers source = new Numbers(20, 7, -1);
    Recorder recorder = new Recorder(1);
    AsyncPaging.publisher(() -> source, null).subscribe(recorder);
    recorder.subscription.request(1);
    recorder.await();
    assertTrue(recorder.completed);
    assertNull(recorder.failure);
    assertFalse(recorder.overlapped, "onNext was never called while another onNext ran");
    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < 140; i++) {
      expected.add(i);
    }
    assertEquals(expected, recorder.items);
  }

  @Test
  void aLimit_endsTheStreamAndTheReads() throws InterruptedException {
    Numbers source = new Numbers(100, 10, -1);
    Recorder recorder = new Recorder(0);
    AsyncPaging.publisher(() -> source, 25).subscribe(recorder);
    recorder.subscription.request(Long.MAX_VALUE);
    recorder.await();
    assertTrue(recorder.completed);
    assertEquals(25, recorder.items.size());
    assertEquals(3, source.reads.get(), "25 items need three chunks of ten");
  }

  @Test
  void aFailedChunk_endsTheStreamWithItsCause() throws InterruptedException {
    Numbers source = new Numbers(10, 5, 2);
    Recorder recorder = new Recorder(0);
    AsyncPaging.publisher(() -> source, null).subscribe(recorder);
    recorder.subscription.request(Long.MAX_VALUE);
    recorder.await();
    assertInstanceOf(IllegalStateException.class, recorder.failure, "the cause, not a CompletionException");
    assertEquals(10, recorder.items.size(), "the items of the chunks before it arrived");
  }

  @Test
  void cancelling_stopsTheReads() throws InterruptedException {
    Numbers source = new Numbers(1000, 10, -1);
    Recorder recorder = new Recorder(0);
    AsyncPaging.publisher(() -> source, null).subscribe(recorder);
    recorder.subscription.request(15);
    waitFor(() -> recorder.items.size() == 15);
    recorder.subscription.cancel();
    recorder.subscription.request(100);
    int reads = source.reads.get();
    assertEquals(2, reads);
    assertEquals(15, recorder.items.size(), "nothing after the cancel");
  }

  @Test
  void aRequestOfZero_isAnError_rule3_9() throws InterruptedException {
    Recorder recorder = new Recorder(0);
    AsyncPaging.publisher(() -> new Numbers(3, 3, -1), null).subscribe(recorder);
    recorder.subscription.request(0);
    recorder.await();
    assertInstanceOf(IllegalArgumentException.class, recorder.failure);
  }

  @Test
  void eachSubscriber_readsFromTheStart() throws InterruptedException {
    AtomicInteger sources = new AtomicInteger();
    var publisher = AsyncPaging.publisher(() -> {
      sources.incrementAndGet();
      return new Numbers(2, 2, -1);
    }, null);
    for (int i = 0; i < 2; i++) {
      Recorder recorder = new Recorder(0);
      publisher.subscribe(recorder);
      recorder.subscription.request(Long.MAX_VALUE);
      recorder.await();
      assertEquals(List.of(0, 1, 2, 3), recorder.items);
    }
    assertEquals(2, sources.get());
  }

  @Test
  void collect_readsEveryChunk_upToTheLimit() {
    assertEquals(30, AsyncPaging.collect(new Numbers(3, 10, -1), null).join().size());
    Numbers limited = new Numbers(10, 10, -1);
    assertEquals(12, AsyncPaging.collect(limited, 12).join().size());
    assertEquals(2, limited.reads.get());
  }

  private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "timed out");
      Thread.sleep(5);
    }
  }
}
