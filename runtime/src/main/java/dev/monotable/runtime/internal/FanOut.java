package dev.monotable.runtime.internal;

import dev.monotable.runtime.InvalidCursorException;
import dev.monotable.runtime.Page;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The query of a sharded partition: one query per shard, read in parallel, merged in sort-key order
 * (a k-way merge of the shards' pages). Each shard keeps its own position; a page's cursor carries
 * all of them, so the next page continues every shard where the merge left it.
 *
 * <p>A fan-out reads ahead: each shard request asks for as many items as the page still needs, and
 * items read but not handed out are read again by the next page (a cursor continues after the last
 * item taken from each shard). Shard reads run on a small shared pool of daemon threads.
 *
 * <p>A cursor also records the last item handed out over all shards: that item is the fan-out's
 * position, as the last key read is a query's, so a cursor given to a query narrowed otherwise
 * continues after it (or is refused when it lies outside the narrowing), as it would on one
 * partition. Each shard leaves out what it reads up to that item.
 */
final class FanOut<T> {
  /** Items in a page of a query without a limit, and per request of a stream. */
  static final int PAGE = 100;
  /** The positions in a cursor: {@code <shard>:<attribute>}, and {@code <shard>:} for a shard read to its end. */
  private static final AttributeValue DONE = AttributeValue.fromS("done");

  private static final ThreadPoolExecutor SHARD_READS = shardReads();

  private final QueryPlan<T> state;
  private final List<Shard> shards = new ArrayList<>();
  private final Comparator<Map<String, AttributeValue>> order;
  /**
   * The key of the last item the cursor's query handed out, which this fan-out continues after: a
   * shard's entries up to it are left out (null from the start, or when that query handed out none).
   */
  private final Map<String, AttributeValue> after;
  /** The last entry handed out by this fan-out, null before the first. */
  private Map<String, AttributeValue> lastHandedOut;

  /**
   * The fan-out of {@code state}, continuing its cursor's shards where they stood.
   *
   * @throws InvalidCursorException when the cursor cannot continue this query
   *     ({@link QueryPlan#checkContinuation()}); nothing is sent
   */
  FanOut(QueryPlan<T> state) {
    this.state = state;
    state.checkContinuation();
    QueryPlan.Continuation continuation = state.continuation();
    this.after = continuation == null ? null : continuation.last();
    // a cursor of another narrowing: a shard its query read to the end may hold more of this one's range
    boolean renarrowed = continuation != null && continuation.narrowing() != Cursors.narrowing(state);
    Map<Integer, Map<String, AttributeValue>> positions = new LinkedHashMap<>();
    Set<Integer> done = new HashSet<>();
    if (continuation != null) {
      continuation.key().forEach((name, value) -> {
        int colon = name.indexOf(':');
        int shard = Integer.parseInt(name.substring(0, colon));
        if (colon == name.length() - 1) {
          done.add(shard);
        } else {
          positions.computeIfAbsent(shard, s -> new LinkedHashMap<>()).put(name.substring(colon + 1), value);
        }
      });
    }
    List<AttributeValue> partitions = state.partitionValues();
    for (int i = 0; i < partitions.size(); i++) {
      Map<String, AttributeValue> position = positions.get(i);
      if (position != null) {
        position = state.shardStart(position);
      }
      shards.add(new Shard(i, partitions.get(i), position, done.contains(i) && !renarrowed));
    }
    Comparator<Map<String, AttributeValue>> bySortKey = (a, b) -> compare(sortKey(a), sortKey(b));
    this.order = state.descending() ? bySortKey.reversed() : bySortKey;
  }

  /**
   * Checks a cursor of a fan-out and returns the start key it stands for.
   *
   * @throws InvalidCursorException when it names a shard the query does not have, or a position in
   *     another partition than its shard's
   */
  static Map<String, AttributeValue> startKey(QueryPlan<?> state, Map<String, AttributeValue> cursor) {
    List<AttributeValue> partitions = state.partitionValues();
    for (Map.Entry<String, AttributeValue> entry : cursor.entrySet()) {
      String name = entry.getKey();
      int colon = name.indexOf(':');
      int shard;
      try {
        shard = colon < 0 ? -1 : Integer.parseInt(name.substring(0, colon));
      } catch (NumberFormatException e) {
        shard = -1;
      }
      if (shard < 0 || shard >= partitions.size()) {
        throw new InvalidCursorException("the cursor of " + state.pattern() + " is not one of a query of "
            + partitions.size() + " shards");
      }
      if (name.substring(colon + 1).equals(state.partitionAttribute())
          && !entry.getValue().equals(partitions.get(shard))) {
        throw new InvalidCursorException("the cursor of " + state.pattern() + " continues another partition than "
            + partitions.get(shard).s());
      }
    }
    return cursor;
  }

  /** One page: at most the query's limit (or {@value #PAGE}) items, and the cursor to continue. */
  Page<T> page() {
    List<Map<String, AttributeValue>> entries = take(pageSize());
    return Page.of(QueryRunner.items(state, entries), cursor());
  }

  /** {@link #page()} through the async client: every shard that needs a page is read at once. */
  CompletableFuture<Page<T>> pageAsync() {
    return takeAsync(pageSize(), new ArrayList<>()).thenCompose(entries -> {
      String cursor = cursor();
      return QueryRunner.itemsAsync(state, entries).thenApply(items -> Page.of(items, cursor));
    });
  }

  private int pageSize() {
    return state.limit() == null ? PAGE : state.limit();
  }

  /** The cursor after the entries taken so far, null when every shard is read to its end. */
  private String cursor() {
    Map<String, AttributeValue> positions = positions();
    return positions == null ? null : Cursors.encode(state.store().table().options(), state.pattern(),
        new Cursors.Cursor(positions, state.descending(), shards.size(), Cursors.reads(state),
            Cursors.narrowing(state), lastHandedOut != null ? keyOf(lastHandedOut) : after));
  }

  /**
   * The items in order through the async client, a chunk of up to {@value #PAGE} at a time, at most
   * {@code limit} in all when it is not null.
   */
  AsyncPaging.Source<T> asyncSource(Integer limit) {
    int[] returned = {0};
    return () -> {
      int wanted = limit == null ? PAGE : Math.min(PAGE, limit - returned[0]);
      return takeAsync(wanted, new ArrayList<>(wanted)).thenCompose(entries -> {
        boolean more = entries.size() == wanted;
        return QueryRunner.itemsAsync(state, entries).thenApply(items -> {
          returned[0] += items.size();
          return new AsyncPaging.Chunk<>(items, !more || (limit != null && returned[0] >= limit));
        });
      });
    };
  }

  /** {@link #count()} through the async client: the shards counted at once. */
  CompletableFuture<Long> countAsync() {
    if (after != null && state.continuation().narrowing() != Cursors.narrowing(state)) {
      return AsyncPaging.collect(asyncSource(null), null).thenApply(items -> (long) items.size());
    }
    List<CompletableFuture<Long>> counts = new ArrayList<>();
    for (Shard shard : shards) {
      if (!shard.done) {
        counts.add(QueryRunner.countAsync(state, shard.partition, shard.from));
      }
    }
    return CompletableFuture.allOf(counts.toArray(CompletableFuture[]::new))
        .thenApply(all -> counts.stream().mapToLong(count -> count.getNow(0L)).sum());  // all complete: allOf ran
  }

  /** The request of the first shard from where it starts, for {@link Query#toRequest()}. */
  QueryRequest firstRequest() {
    Shard first = shards.get(0);
    return QueryRunner.request(state, first.partition, first.next, state.limit(), false);
  }

  /** The items in order, read lazily, at most {@code limit} when it is not null. */
  Stream<T> stream(Integer limit) {
    Iterator<T> items = new Iterator<>() {
      private Iterator<T> chunk = Collections.emptyIterator();
      private int returned;
      private boolean more = true;

      @Override
      public boolean hasNext() {
        while (!chunk.hasNext() && more && (limit == null || returned < limit)) {
          int wanted = limit == null ? PAGE : Math.min(PAGE, limit - returned);
          List<Map<String, AttributeValue>> entries = take(wanted);
          more = entries.size() == wanted;
          chunk = QueryRunner.items(state, entries).iterator();
        }
        return chunk.hasNext() && (limit == null || returned < limit);
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        returned++;
        return chunk.next();
      }
    };
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(items, Spliterator.ORDERED), false);
  }

  /** The number of matching items of every shard, counted by DynamoDB. */
  long count() {
    if (after != null && state.continuation().narrowing() != Cursors.narrowing(state)) {
      // a cursor of another narrowing: what lies before its last item is left out as it is read
      return stream(null).count();
    }
    long count = 0;
    for (Shard shard : shards) {
      if (shard.done) {
        continue;
      }
      count += Paging.count((start, unused) -> {
        QueryResponse response = QueryRunner.query(state, shard.partition, start, null, true);
        return new Paging.Fetched<>(List.of(response.count()),
            Paging.next(response.hasLastEvaluatedKey(), response.lastEvaluatedKey()));
      }, shard.from);
    }
    return count;
  }

  /** The next {@code wanted} entries in sort-key order, fewer when the shards run out. */
  private List<Map<String, AttributeValue>> take(int wanted) {
    List<Map<String, AttributeValue>> taken = new ArrayList<>(wanted);
    while (taken.size() < wanted) {
      refill(wanted - taken.size());
      if (!takeNext(taken)) {
        break;
      }
    }
    return taken;
  }

  /**
   * {@link #take(int)} through the async client, adding to {@code taken}: whenever a shard needs its
   * next page, every such shard is read at once, and the merge goes on when they have all answered.
   */
  private CompletableFuture<List<Map<String, AttributeValue>>> takeAsync(int wanted,
      List<Map<String, AttributeValue>> taken) {
    while (taken.size() < wanted) {
      List<Shard> empty = shards.stream().filter(s -> s.buffer.isEmpty() && !s.done).toList();
      if (!empty.isEmpty()) {
        int limit = wanted - taken.size();
        CompletableFuture<?>[] reads = empty.stream()
            .map(shard -> QueryRunner.queryAsync(state, shard.partition, shard.next, limit, false)
                .thenAccept(shard::read))
            .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(reads).thenCompose(all -> takeAsync(wanted, taken));
      }
      if (!takeNext(taken)) {
        break;
      }
    }
    return CompletableFuture.completedFuture(taken);
  }

  /** Hands out the smallest head of the shards' buffers into {@code taken}; false when they are all empty. */
  private boolean takeNext(List<Map<String, AttributeValue>> taken) {
    Shard first = null;
    for (Shard shard : shards) {
      if (!shard.buffer.isEmpty() && (first == null || order.compare(shard.buffer.peek(), first.buffer.peek()) < 0)) {
        first = shard;
      }
    }
    if (first == null) {
      return false;
    }
    first.lastTaken = first.buffer.poll();
    lastHandedOut = first.lastTaken;
    taken.add(first.lastTaken);
    return true;
  }

  /**
   * Reads the next page of every shard whose read-ahead is used up and that has more, in parallel,
   * until each has items or has ended: only then is the smallest head the next item.
   */
  private void refill(int limit) {
    while (true) {
      List<Shard> empty = shards.stream().filter(s -> s.buffer.isEmpty() && !s.done).toList();
      if (empty.isEmpty()) {
        return;
      }
      if (empty.size() == 1) {
        empty.get(0).read(limit);
        continue;
      }
      List<Future<?>> reads = new ArrayList<>(empty.size());
      for (Shard shard : empty) {
        reads.add(SHARD_READS.submit(() -> shard.read(limit)));
      }
      RuntimeException failure = null;
      for (Future<?> read : reads) {
        try {
          read.get();
        } catch (ExecutionException e) {
          if (failure == null) {
            failure = e.getCause() instanceof RuntimeException runtime ? runtime : new CompletionException(e.getCause());
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          reads.forEach(r -> r.cancel(true));
          throw new IllegalStateException("interrupted while " + state.pattern() + " read its shards");
        }
      }
      if (failure != null) {
        throw failure;
      }
    }
  }

  /** Where each shard stands after the items taken so far; null when every shard is read to its end. */
  private Map<String, AttributeValue> positions() {
    Map<String, AttributeValue> positions = new LinkedHashMap<>();
    boolean more = false;
    for (Shard shard : shards) {
      Map<String, AttributeValue> position;
      if (!shard.buffer.isEmpty()) {
        position = shard.lastTaken != null ? keyOf(shard.lastTaken) : shard.from;
      } else if (shard.done) {
        positions.put(shard.index + ":", DONE);
        continue;
      } else {
        position = shard.next;   // read up to here: continue after it (null: not read yet)
      }
      more = true;
      if (position != null) {
        position.forEach((attribute, value) -> positions.put(shard.index + ":" + attribute, value));
      }
    }
    return more ? positions : null;
  }

  /** The key of an entry, as {@code ExclusiveStartKey} takes it: the index's and the table's key attributes. */
  private Map<String, AttributeValue> keyOf(Map<String, AttributeValue> entry) {
    Map<String, AttributeValue> key = new LinkedHashMap<>();
    List<String> attributes = new ArrayList<>(List.of(state.partitionAttribute()));
    if (state.sortAttribute() != null) {
      attributes.add(state.sortAttribute());
    }
    attributes.addAll(state.store().schema().keyAttributes());
    for (String attribute : attributes) {
      AttributeValue value = entry.get(attribute);
      if (value != null) {
        key.put(attribute, value);
      }
    }
    return key;
  }

  private AttributeValue sortKey(Map<String, AttributeValue> entry) {
    return state.sortAttribute() == null ? null : entry.get(state.sortAttribute());
  }

  /** DynamoDB's order of key values: strings and binaries by their bytes, numbers by value. */
  static int compare(AttributeValue a, AttributeValue b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    if (a.s() != null && b.s() != null) {
      return Arrays.compareUnsigned(a.s().getBytes(StandardCharsets.UTF_8), b.s().getBytes(StandardCharsets.UTF_8));
    }
    if (a.n() != null && b.n() != null) {
      return new BigDecimal(a.n()).compareTo(new BigDecimal(b.n()));
    }
    if (a.b() != null && b.b() != null) {
      return Arrays.compareUnsigned(a.b().asByteArray(), b.b().asByteArray());
    }
    throw new IllegalStateException("sort key values of two types: " + a + " and " + b);
  }

  /** One shard's partition, what was read of it and not yet handed out, and where it continues. */
  private final class Shard {
    final int index;
    final AttributeValue partition;
    final Deque<Map<String, AttributeValue>> buffer = new ArrayDeque<>();
    /** Where the read of the current buffer started (null: the start of the partition). */
    Map<String, AttributeValue> from;
    /** Where the next read starts; null before the first read or after the last. */
    Map<String, AttributeValue> next;
    Map<String, AttributeValue> lastTaken;
    boolean done;
    /** Whether this shard has read past the cursor's last item: what it reads is no longer checked against it. */
    boolean passed;

    Shard(int index, AttributeValue partition, Map<String, AttributeValue> from, boolean done) {
      this.index = index;
      this.partition = partition;
      this.from = from;
      this.next = from;
      this.done = done;
    }

    void read(int limit) {
      read(QueryRunner.query(state, partition, next, limit, false));
    }

    /** Takes in the next page of this shard, which {@code response} answered. */
    void read(QueryResponse response) {
      from = next;
      lastTaken = null;
      for (Map<String, AttributeValue> entry : response.items()) {
        if (passed || after == null) {
          buffer.add(entry);
        } else {
          int position = order.compare(entry, after);
          passed = position > 0;
          // before the cursor's last item, or that item itself: handed out by the cursor's query
          if (position > 0 || (position == 0 && !keyOf(entry).equals(after))) {
            buffer.add(entry);
          }
        }
      }
      next = Paging.next(response.hasLastEvaluatedKey(), response.lastEvaluatedKey());
      done = next == null;
    }
  }

  private static ThreadPoolExecutor shardReads() {
    AtomicInteger count = new AtomicInteger();
    ThreadPoolExecutor pool = new ThreadPoolExecutor(16, 16, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
        runnable -> {
          Thread thread = new Thread(runnable, "monotable-shard-read-" + count.getAndIncrement());
          thread.setDaemon(true);
          return thread;
        });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }
}
