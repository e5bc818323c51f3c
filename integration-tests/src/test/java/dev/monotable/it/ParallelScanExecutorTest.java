package dev.monotable.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.monotable.it.plainkey.Tag;
import dev.monotable.it.plainkey.TagsTable;
import dev.monotable.testing.DynamoDbExtension;
import dev.monotable.testing.TestDynamoDb;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A parallel scan reads every item once whatever executor it is given: one that runs each task on
 * the caller's thread, one thread for every segment in turn, a pool smaller than the segment count
 * (queueing, running refused tasks on the caller, or refusing them), one whose only thread is the
 * caller's. 600 items are more than the stream's read-ahead buffer holds, so a segment that waits
 * for room on the consumer's own thread, or holds the only thread while others wait, would never end.
 */
@ExtendWith(DynamoDbExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParallelScanExecutorTest {
  private static final int TAGS = 600;
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private TagsTable tags;
  private Set<String> names;

  @BeforeAll
  void writeTheTags(DynamoDbClient client, TestDynamoDb dynamo) {
    tags = TagsTable.of(client, dynamo.uniqueTableName("Tags"));
    tags.createIfNotExists();
    List<Tag> written = new ArrayList<>();
    for (int i = 0; i < TAGS; i++) {
      // long names: 600 items fill several pages of a segment
      written.add(new Tag("owner-" + (i % 7), "tag-" + i + "-" + "x".repeat(200), i));
    }
    for (int from = 0; from < TAGS; from += 100) {
      tags.tags().batchPut(written.subList(from, from + 100));
    }
    names = written.stream().map(Tag::name).collect(Collectors.toSet());
  }

  /** An executor for a test, and whether the test shuts it down afterwards. */
  private record Given(String name, int segments, Supplier<Executor> executor) {}

  private static List<Given> executors() {
    return List.of(
        new Given("the caller's thread", 2, () -> Runnable::run),
        new Given("the caller's thread, many segments", 9, () -> Runnable::run),
        new Given("a single thread", 4, Executors::newSingleThreadExecutor),
        new Given("two threads for five segments", 5, () -> Executors.newFixedThreadPool(2)),
        new Given("one thread, a queue of one, the caller runs the rest", 4,
            () -> new ThreadPoolExecutor(1, 1, 1, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1),
                new ThreadPoolExecutor.CallerRunsPolicy())),
        new Given("one thread, no queue, the rest refused", 3,
            () -> new ThreadPoolExecutor(1, 1, 1, TimeUnit.SECONDS, new SynchronousQueue<>(),
                new ThreadPoolExecutor.AbortPolicy())));
  }

  private static void shutDown(Executor executor) {
    if (executor instanceof ExecutorService service) {
      service.shutdownNow();
    }
  }

  @Test
  void parallelStream_readsEveryItemOnce_onAnyExecutor() {
    for (Given given : executors()) {
      Executor executor = given.executor().get();
      try {
        assertEquals(TAGS, (long) assertTimeoutPreemptively(PATIENCE,
            () -> tags.tags().scanAll().segments(given.segments()).using(executor).parallelStream().count(),
            given.name()), given.name());
        List<String> streamed = assertTimeoutPreemptively(PATIENCE, () -> {
          try (Stream<Tag> all = tags.tags().scanAll().segments(given.segments()).using(executor).parallelStream()) {
            return all.map(Tag::name).toList();
          }
        }, given.name());
        assertEquals(TAGS, streamed.size(), given.name() + ": no item handed out twice");
        assertEquals(names, Set.copyOf(streamed), given.name());
        // stopping early ends the stream too
        assertEquals(10L, (long) assertTimeoutPreemptively(PATIENCE, () -> {
          try (Stream<Tag> all = tags.tags().scanAll().segments(given.segments()).using(executor).parallelStream()) {
            return all.limit(10).count();
          }
        }, given.name()), given.name());
      } finally {
        shutDown(executor);
      }
    }
  }

  @Test
  void aScanRunOnItsExecutorsOnlyThread_readsEverySegmentThere() throws Exception {
    ExecutorService single = Executors.newSingleThreadExecutor();
    try {
      // the scan's reads queue behind the very task that waits for them
      Future<Long> streamed = single.submit(
          () -> tags.tags().scanAll().segments(3).using(single).parallelStream().count());
      assertEquals(TAGS, streamed.get(PATIENCE.toSeconds(), TimeUnit.SECONDS));
      Future<Integer> listed = single.submit(() -> tags.tags().scanAll().segments(3).using(single).list().size());
      assertEquals(TAGS, listed.get(PATIENCE.toSeconds(), TimeUnit.SECONDS));
    } finally {
      single.shutdownNow();
    }
  }

  @Test
  void listAndForEach_readEveryItemOnce_onAnyExecutor() {
    for (Given given : executors()) {
      Executor executor = given.executor().get();
      try {
        List<Tag> listed = assertTimeoutPreemptively(PATIENCE,
            () -> tags.tags().scanAll().segments(given.segments()).using(executor).list(), given.name());
        assertEquals(TAGS, listed.size(), given.name());
        assertEquals(names, listed.stream().map(Tag::name).collect(Collectors.toSet()), given.name());

        Set<String> handed = ConcurrentHashMap.newKeySet();
        assertTimeoutPreemptively(PATIENCE,
            () -> tags.tags().scanAll().segments(given.segments()).using(executor).forEach(t -> handed.add(t.name())),
            given.name());
        assertEquals(names, handed, given.name());
      } finally {
        shutDown(executor);
      }
    }
  }
}
