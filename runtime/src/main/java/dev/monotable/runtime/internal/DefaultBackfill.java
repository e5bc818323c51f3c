package dev.monotable.runtime.internal;

import dev.monotable.runtime.Backfill;
import dev.monotable.runtime.InvalidCursorException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * The implementation of {@link Backfill}: a parallel scan of the entity's items, each compared with
 * what its schema derives from its fields ({@code toItem} of the entity read: the type attribute and
 * every index-key attribute of an {@link IndexKeyRule}); what differs is written by an UpdateItem that
 * sets (or removes) exactly those attributes, on the condition that they still hold what was read and
 * the item still exists. A write through Monotable derives them anew, so a concurrent one changes
 * them and fails the condition: the item is then read again and checked afresh.
 *
 * @param <T> the entity type
 */
final class DefaultBackfill<T> implements Backfill {
  private static final int ATTEMPTS = 3;
  /** A segment's position in a checkpoint when it is read to its end. */
  private static final AttributeValue DONE = AttributeValue.fromS("done");

  private final EntityStore<T> store;
  private final int segments;
  private final Executor executor;
  private final double budget;
  private final String checkpoint;
  private final boolean dryRun;
  private final Listener listener;
  private final Integer pageSize;

  DefaultBackfill(EntityStore<T> store) {
    this(store, 1, null, 0, null, false, null, null);
  }

  private DefaultBackfill(EntityStore<T> store, int segments, Executor executor, double budget, String checkpoint,
      boolean dryRun, Listener listener, Integer pageSize) {
    this.store = store;
    this.segments = segments;
    this.executor = executor;
    this.budget = budget;
    this.checkpoint = checkpoint;
    this.dryRun = dryRun;
    this.listener = listener;
    this.pageSize = pageSize;
  }

  @Override
  public Backfill segments(int totalSegments) {
    if (totalSegments < 1 || totalSegments > DefaultScan.MAX_SEGMENTS) {
      throw new IllegalArgumentException("a backfill scans in 1 to " + DefaultScan.MAX_SEGMENTS + " segments, not "
          + totalSegments);
    }
    return new DefaultBackfill<>(store, totalSegments, executor, budget, checkpoint, dryRun, listener, pageSize);
  }

  @Override
  public Backfill using(Executor given) {
    return new DefaultBackfill<>(store, segments, Objects.requireNonNull(given, "executor"), budget, checkpoint,
        dryRun, listener, pageSize);
  }

  @Override
  public Backfill writeBudget(double writeUnitsPerSecond) {
    if (!(writeUnitsPerSecond > 0) || Double.isInfinite(writeUnitsPerSecond)) {
      throw new IllegalArgumentException("a write budget is a positive number of units a second, not "
          + writeUnitsPerSecond);
    }
    return new DefaultBackfill<>(store, segments, executor, writeUnitsPerSecond, checkpoint, dryRun, listener, pageSize);
  }

  @Override
  public Backfill resumeFrom(String given) {
    if (given == null) {
      throw new InvalidCursorException("resumeFrom(null): pass the checkpoint a Progress gave, or leave it out to"
          + " start from the beginning");
    }
    return new DefaultBackfill<>(store, segments, executor, budget, given, dryRun, listener, pageSize);
  }

  @Override
  public Backfill dryRun() {
    return new DefaultBackfill<>(store, segments, executor, budget, checkpoint, true, listener, pageSize);
  }

  @Override
  public Backfill listener(Listener given) {
    return new DefaultBackfill<>(store, segments, executor, budget, checkpoint, dryRun,
        Objects.requireNonNull(given, "listener"), pageSize);
  }

  @Override
  public Backfill pageSize(int items) {
    if (items < 1) {
      throw new IllegalArgumentException("a backfill reads at least 1 item a page, not " + items);
    }
    return new DefaultBackfill<>(store, segments, executor, budget, checkpoint, dryRun, listener, items);
  }

  @Override
  public Progress run() {
    return new Run().run();
  }

  /** The name checkpoints are bound to: the entity and the number of segments. */
  private String pattern() {
    return "backfill:" + store.schema().entityType() + "/" + segments;
  }

  /** One run: the segments' positions, the counts, the pacing of writes. */
  private final class Run {
    private final Map<Integer, Map<String, AttributeValue>> positions = new ConcurrentHashMap<>();
    private final AtomicLong scanned = new AtomicLong();
    private final AtomicLong updated = new AtomicLong();
    private final AtomicLong right = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final long started = System.nanoTime();
    private double consumed;

    Progress run() {
      if (checkpoint != null) {
        resume();
      }
      List<FutureTask<Void>> tasks = new ArrayList<>();
      for (int segment = 0; segment < segments; segment++) {
        Map<String, AttributeValue> at = positions.get(segment);
        if (at != DONE_KEY) {
          int number = segment;
          tasks.add(new FutureTask<>(() -> {
            scan(number, at);
            return null;
          }));
        }
      }
      ExecutorService own = executor == null ? Executors.newFixedThreadPool(Math.max(1, Math.min(tasks.size(), 16)),
          daemons()) : null;
      try {
        for (FutureTask<Void> task : tasks) {
          try {
            (own != null ? own : executor).execute(task);
          } catch (RuntimeException refused) {
            task.run();   // an executor that refuses: the segment is read here
          }
        }
        RuntimeException failure = null;
        for (FutureTask<Void> task : tasks) {
          try {
            task.get();
          } catch (ExecutionException failed) {
            stop.set(true);
            if (failure == null) {
              failure = failed.getCause() instanceof RuntimeException runtime ? runtime
                  : new IllegalStateException(failed.getCause());
            }
          } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            stop.set(true);
            throw new IllegalStateException("interrupted while the backfill of " + store.schema().entityType()
                + " ran", interrupted);
          }
        }
        if (failure != null) {
          throw failure;
        }
      } finally {
        if (own != null) {
          own.shutdownNow();
        }
      }
      return progress();
    }

    private void resume() {
      Map<String, AttributeValue> key = Cursors.decode(store.table().options(), pattern(), checkpoint);
      Map<Integer, Map<String, AttributeValue>> read = new HashMap<>();
      for (Map.Entry<String, AttributeValue> entry : key.entrySet()) {
        int colon = entry.getKey().indexOf(':');
        int segment;
        try {
          segment = colon < 0 ? -1 : Integer.parseInt(entry.getKey().substring(0, colon));
        } catch (NumberFormatException notANumber) {
          segment = -1;
        }
        if (segment < 0 || segment >= segments) {
          throw new InvalidCursorException("the checkpoint is not one of a backfill of " + segments + " segments");
        }
        String attribute = entry.getKey().substring(colon + 1);
        if (attribute.isEmpty()) {
          read.put(segment, DONE_KEY);
        } else {
          read.computeIfAbsent(segment, s -> new LinkedHashMap<>()).put(attribute, entry.getValue());
        }
      }
      positions.putAll(read);
    }

    private void scan(int segment, Map<String, AttributeValue> from) {
      Map<String, AttributeValue> start = from;
      do {
        if (stop.get()) {
          return;
        }
        ScanResponse page = store.table().metering().scan(store.schema().entityType(), "backfill",
            request(segment, start));
        for (Map<String, AttributeValue> item : page.items()) {
          if (ours(item)) {
            scanned.incrementAndGet();
            backfill(item);
          }
        }
        start = Paging.next(page.hasLastEvaluatedKey(), page.lastEvaluatedKey());
        positions.put(segment, start == null ? DONE_KEY : start);
        if (listener != null) {
          Progress progress = progress();
          synchronized (this) {
            listener.progress(progress);
          }
        }
      } while (start != null);
    }

    private ScanRequest request(int segment, Map<String, AttributeValue> start) {
      ScanRequest.Builder request = ScanRequest.builder()
          .tableName(store.table().name())
          .consistentRead(true)
          .limit(pageSize)
          .exclusiveStartKey(start);
      if (segments > 1) {
        request.segment(segment).totalSegments(segments);
      }
      String type = store.schema().typeAttribute();
      if (!type.isEmpty()) {
        // an item written without its type attribute may be this entity's too: ours() tells
        request.filterExpression("#type = :type OR attribute_not_exists(#type)")
            .expressionAttributeNames(Map.of("#type", type))
            .expressionAttributeValues(Map.of(":type", AttributeValue.fromS(store.schema().entityType())));
      }
      return request.build();
    }

    /**
     * Whether {@code item} is one of the entity's: it says so by its type attribute, or, written
     * without one, it reads as the entity and the entity's key template gives its very key.
     */
    private boolean ours(Map<String, AttributeValue> item) {
      String type = store.schema().typeAttribute();
      if (type.isEmpty() || item.containsKey(type)) {
        return true;
      }
      try {
        return store.schema().keyOf(store.schema().fromItem(typed(item))).equals(keyOf(item));
      } catch (RuntimeException notThisEntity) {
        return false;
      }
    }

    /** {@code item}, with the entity's type attribute when it was written without one, to decode it. */
    private Map<String, AttributeValue> typed(Map<String, AttributeValue> item) {
      String type = store.schema().typeAttribute();
      if (type.isEmpty() || item.containsKey(type)) {
        return item;
      }
      Map<String, AttributeValue> typed = new HashMap<>(item);
      typed.put(type, AttributeValue.fromS(store.schema().entityType()));
      return typed;
    }

    /** Brings one item's derived attributes up to date, reading it again when another write got there first. */
    private void backfill(Map<String, AttributeValue> read) {
      Map<String, AttributeValue> item = read;
      for (int attempt = 1; ; attempt++) {
        if (item == null || (item.containsKey(store.schema().typeAttribute()) && !store.schema().holds(item))) {
          skipped.incrementAndGet();   // deleted meanwhile, or not an item of this entity
          return;
        }
        Map<String, AttributeValue> derived;
        try {
          derived = store.schema().toItem(store.schema().fromItem(typed(item)));
        } catch (RuntimeException unreadable) {
          skipped.incrementAndGet();
          return;
        }
        Map<String, AttributeValue> set = new LinkedHashMap<>();
        List<String> removed = new ArrayList<>();
        for (String attribute : derivedAttributes()) {
          AttributeValue wanted = derived.get(attribute);
          if (!Objects.equals(wanted, item.get(attribute))) {
            if (wanted == null) {
              removed.add(attribute);
            } else {
              set.put(attribute, wanted);
            }
          }
        }
        if (set.isEmpty() && removed.isEmpty()) {
          right.incrementAndGet();
          return;
        }
        if (dryRun) {
          updated.incrementAndGet();
          return;
        }
        try {
          UpdateItemResponse response = store.table().metering().updateItem(store.schema().entityType(), "backfill",
              update(item, set, removed));
          updated.incrementAndGet();
          pay(response.consumedCapacity() == null || response.consumedCapacity().capacityUnits() == null
              ? Math.ceil(ItemSize.of(item) / 1024.0) : response.consumedCapacity().capacityUnits());
          return;
        } catch (ConditionalCheckFailedException changed) {
          if (attempt == ATTEMPTS) {
            skipped.incrementAndGet();
            return;
          }
          item = reread(item);
        }
      }
    }

    private List<String> derivedAttributes() {
      List<String> attributes = new ArrayList<>();
      if (!store.schema().typeAttribute().isEmpty()) {
        attributes.add(store.schema().typeAttribute());
      }
      for (IndexKeyRule rule : store.indexKeyRules()) {
        attributes.add(rule.attribute());
      }
      return attributes;
    }

    private UpdateItemRequest update(Map<String, AttributeValue> item, Map<String, AttributeValue> set,
        List<String> removed) {
      Map<String, String> names = new HashMap<>();
      Map<String, AttributeValue> values = new HashMap<>();
      List<String> conditions = new ArrayList<>();
      List<String> clauses = new ArrayList<>();
      List<String> removes = new ArrayList<>();
      int n = 0;
      names.put("#k", store.schema().keyAttributes().get(0));
      conditions.add("attribute_exists(#k)");
      for (String attribute : derivedAttributes()) {
        String name = "#d" + n;
        names.put(name, attribute);
        AttributeValue was = item.get(attribute);
        if (was == null) {
          conditions.add("attribute_not_exists(" + name + ")");
        } else {
          values.put(":was" + n, was);
          conditions.add(name + " = :was" + n);
        }
        if (set.containsKey(attribute)) {
          values.put(":d" + n, set.get(attribute));
          clauses.add(name + " = :d" + n);
        } else if (removed.contains(attribute)) {
          removes.add(name);
        }
        n++;
      }
      String expression = (clauses.isEmpty() ? "" : "SET " + String.join(", ", clauses))
          + (removes.isEmpty() ? "" : (clauses.isEmpty() ? "" : " ") + "REMOVE " + String.join(", ", removes));
      return UpdateItemRequest.builder()
          .tableName(store.table().name())
          .key(keyOf(item))
          .updateExpression(expression)
          .conditionExpression(String.join(" AND ", conditions))
          .expressionAttributeNames(names)
          .expressionAttributeValues(values.isEmpty() ? null : values)
          .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
          .build();
    }

    private Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
      Map<String, AttributeValue> key = new LinkedHashMap<>();
      for (String attribute : store.schema().keyAttributes()) {
        key.put(attribute, item.get(attribute));
      }
      return key;
    }

    private Map<String, AttributeValue> reread(Map<String, AttributeValue> item) {
      var response = store.table().metering().getItem(store.schema().entityType(), "backfill",
          GetItemRequest.builder().tableName(store.table().name()).key(keyOf(item)).consistentRead(true).build());
      return response.hasItem() && !response.item().isEmpty() ? response.item() : null;
    }

    /** Counts {@code units} written, and waits while the run is ahead of its budget. */
    private void pay(double units) {
      if (budget <= 0) {
        return;
      }
      long waitNanos;
      synchronized (this) {
        consumed += units;
        long due = (long) (consumed / budget * 1_000_000_000L);
        waitNanos = due - (System.nanoTime() - started);
      }
      if (waitNanos > 0) {
        try {
          Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          stop.set(true);
        }
      }
    }

    private Progress progress() {
      return new Progress(scanned.get(), updated.get(), right.get(), skipped.get(), checkpointNow());
    }

    /** Where every segment stands, as a checkpoint; null when every segment is read to its end. */
    private String checkpointNow() {
      Map<String, AttributeValue> key = new LinkedHashMap<>();
      boolean more = false;
      for (int segment = 0; segment < segments; segment++) {
        Map<String, AttributeValue> at = positions.get(segment);
        if (at == DONE_KEY) {
          key.put(segment + ":", DONE);
          continue;
        }
        more = true;
        if (at != null) {
          int number = segment;
          at.forEach((attribute, value) -> key.put(number + ":" + attribute, value));
        }
      }
      return more ? Cursors.encode(store.table().options(), pattern(), key) : null;
    }
  }

  /** A segment read to its end, among the positions. */
  private static final Map<String, AttributeValue> DONE_KEY = Map.of("", DONE);

  private static java.util.concurrent.ThreadFactory daemons() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "monotable-backfill-" + count.getAndIncrement());
      thread.setDaemon(true);
      return thread;
    };
  }
}
