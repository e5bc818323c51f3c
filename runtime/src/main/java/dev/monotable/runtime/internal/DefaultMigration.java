package dev.monotable.runtime.internal;

import dev.monotable.runtime.Backfill;
import dev.monotable.runtime.InvalidCursorException;
import dev.monotable.runtime.Migration;
import dev.monotable.runtime.Rekey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * The implementation of {@link Backfill} and {@link Rekey}, which share the parallel scan, the
 * checkpoints, the pacing and the progress. A backfill compares each of the entity's items with
 * what its schema derives from its fields ({@code toItem} of the entity read: the type attribute and
 * every index-key attribute of an {@link IndexKeyRule}); what differs is written by an UpdateItem that
 * sets (or removes) exactly those attributes, on the condition that they still hold what was read and
 * the item still exists. A write through Monotable derives them anew, so a concurrent one changes
 * them and fails the condition: the item is then read again and checked afresh. A rekey moves each
 * item whose key its fields no longer give, by a transaction of a conditional put and delete.
 *
 * @param <T> the entity type
 */
abstract class DefaultMigration<T, M extends Migration<M>> implements Migration<M> {
  private static final int ATTEMPTS = 3;
  /** A segment's position in a checkpoint when it is read to its end. */
  private static final AttributeValue DONE = AttributeValue.fromS("done");

  /** What the migration writes: the derived attributes (a backfill), or the whole item at its new key (a rekey). */
  enum Kind { BACKFILL, REKEY }

  /** A migration's settings; each setting of the fluent API makes a copy. */
  record Settings(int segments, Executor executor, double budget, String checkpoint, boolean dryRun,
      Listener listener, Integer pageSize) {
    static final Settings DEFAULTS = new Settings(1, null, 0, null, false, null, null);

    Settings withSegments(int n) {
      return new Settings(n, executor, budget, checkpoint, dryRun, listener, pageSize);
    }

    Settings withExecutor(Executor given) {
      return new Settings(segments, given, budget, checkpoint, dryRun, listener, pageSize);
    }

    Settings withBudget(double units) {
      return new Settings(segments, executor, units, checkpoint, dryRun, listener, pageSize);
    }

    Settings withCheckpoint(String given) {
      return new Settings(segments, executor, budget, given, dryRun, listener, pageSize);
    }

    Settings asDryRun() {
      return new Settings(segments, executor, budget, checkpoint, true, listener, pageSize);
    }

    Settings withListener(Listener given) {
      return new Settings(segments, executor, budget, checkpoint, dryRun, given, pageSize);
    }

    Settings withPageSize(int items) {
      return new Settings(segments, executor, budget, checkpoint, dryRun, listener, items);
    }
  }

  private final Kind kind;
  private final EntityStore<T> store;
  private final Settings settings;

  DefaultMigration(Kind kind, EntityStore<T> store, Settings settings) {
    this.kind = kind;
    this.store = store;
    this.settings = settings;
  }

  /** The migration of this kind with {@code changed} settings. */
  abstract M with(Settings changed);

  /** A backfill of {@code store}'s entity. */
  static <T> Backfill backfill(EntityStore<T> store) {
    return new BackfillOf<>(store, Settings.DEFAULTS);
  }

  /** A rekey of {@code store}'s entity. */
  static <T> Rekey rekey(EntityStore<T> store) {
    return new RekeyOf<>(store, Settings.DEFAULTS);
  }

  private static final class BackfillOf<T> extends DefaultMigration<T, Backfill> implements Backfill {
    BackfillOf(EntityStore<T> store, Settings settings) {
      super(Kind.BACKFILL, store, settings);
    }

    @Override
    Backfill with(Settings changed) {
      return new BackfillOf<>(store(), changed);
    }
  }

  private static final class RekeyOf<T> extends DefaultMigration<T, Rekey> implements Rekey {
    RekeyOf(EntityStore<T> store, Settings settings) {
      super(Kind.REKEY, store, settings);
    }

    @Override
    Rekey with(Settings changed) {
      return new RekeyOf<>(store(), changed);
    }
  }

  EntityStore<T> store() {
    return store;
  }

  @Override
  public M segments(int totalSegments) {
    if (totalSegments < 1 || totalSegments > DefaultScan.MAX_SEGMENTS) {
      throw new IllegalArgumentException("a migration scans in 1 to " + DefaultScan.MAX_SEGMENTS + " segments, not "
          + totalSegments);
    }
    return with(settings.withSegments(totalSegments));
  }

  @Override
  public M using(Executor given) {
    return with(settings.withExecutor(Objects.requireNonNull(given, "executor")));
  }

  @Override
  public M writeBudget(double writeUnitsPerSecond) {
    if (!(writeUnitsPerSecond > 0) || Double.isInfinite(writeUnitsPerSecond)) {
      throw new IllegalArgumentException("a write budget is a positive number of units a second, not "
          + writeUnitsPerSecond);
    }
    return with(settings.withBudget(writeUnitsPerSecond));
  }

  @Override
  public M resumeFrom(String given) {
    if (given == null) {
      throw new InvalidCursorException("resumeFrom(null): pass the checkpoint a Progress gave, or leave it out to"
          + " start from the beginning");
    }
    return with(settings.withCheckpoint(given));
  }

  @Override
  public M dryRun() {
    return with(settings.asDryRun());
  }

  @Override
  public M listener(Listener given) {
    return with(settings.withListener(Objects.requireNonNull(given, "listener")));
  }

  @Override
  public M pageSize(int items) {
    if (items < 1) {
      throw new IllegalArgumentException("a migration reads at least 1 item a page, not " + items);
    }
    return with(settings.withPageSize(items));
  }

  @Override
  public Progress run() {
    return new Run().run();
  }

  /** The name checkpoints are bound to: the migration, the entity and the number of segments. */
  private String pattern() {
    return kind.name().toLowerCase(Locale.ROOT) + ":" + store.schema().entityType() + "/" + settings.segments();
  }

  /** What capacity events name the migration's requests. */
  private String metered() {
    return kind == Kind.BACKFILL ? "backfill" : "rekey";
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
      if (settings.checkpoint() != null) {
        resume();
      }
      List<FutureTask<Void>> tasks = new ArrayList<>();
      for (int segment = 0; segment < settings.segments(); segment++) {
        Map<String, AttributeValue> at = positions.get(segment);
        if (at != DONE_KEY) {
          int number = segment;
          tasks.add(new FutureTask<>(() -> {
            scan(number, at);
            return null;
          }));
        }
      }
      ExecutorService own = settings.executor() == null
          ? Executors.newFixedThreadPool(Math.max(1, Math.min(tasks.size(), 16)), daemons()) : null;
      try {
        for (FutureTask<Void> task : tasks) {
          try {
            (own != null ? own : settings.executor()).execute(task);
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
            throw new IllegalStateException("interrupted while the " + metered() + " of " + store.schema().entityType()
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
      Map<String, AttributeValue> key = Cursors.decode(store.table().options(), pattern(), settings.checkpoint());
      Map<Integer, Map<String, AttributeValue>> read = new HashMap<>();
      for (Map.Entry<String, AttributeValue> entry : key.entrySet()) {
        int colon = entry.getKey().indexOf(':');
        int segment;
        try {
          segment = colon < 0 ? -1 : Integer.parseInt(entry.getKey().substring(0, colon));
        } catch (NumberFormatException notANumber) {
          segment = -1;
        }
        if (segment < 0 || segment >= settings.segments()) {
          throw new InvalidCursorException("the checkpoint is not one of a " + metered() + " of " + settings.segments()
              + " segments");
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
        ScanResponse page = store.table().metering().scan(store.schema().entityType(), metered(),
            request(segment, start));
        for (Map<String, AttributeValue> item : page.items()) {
          if (ours(item)) {
            scanned.incrementAndGet();
            if (kind == Kind.BACKFILL) {
              backfill(item);
            } else {
              rekey(item);
            }
          }
        }
        start = Paging.next(page.hasLastEvaluatedKey(), page.lastEvaluatedKey());
        positions.put(segment, start == null ? DONE_KEY : start);
        if (settings.listener() != null) {
          Progress progress = progress();
          synchronized (this) {
            settings.listener().progress(progress);
          }
        }
      } while (start != null);
    }

    private ScanRequest request(int segment, Map<String, AttributeValue> start) {
      ScanRequest.Builder request = ScanRequest.builder()
          .tableName(store.table().name())
          .consistentRead(true)
          .limit(settings.pageSize())
          .exclusiveStartKey(start);
      if (settings.segments() > 1) {
        request.segment(segment).totalSegments(settings.segments());
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
        if (settings.dryRun()) {
          updated.incrementAndGet();
          return;
        }
        try {
          UpdateItemResponse response = store.table().metering().updateItem(store.schema().entityType(), metered(),
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

    /**
     * Moves one item to the key its fields give now, in one transaction: the put on condition that no
     * item is there, the delete on condition that the old one is unchanged (read again and retried when
     * it changed; skipped when it is gone, or another item has the new key).
     */
    private void rekey(Map<String, AttributeValue> read) {
      Map<String, AttributeValue> item = read;
      for (int attempt = 1; ; attempt++) {
        if (item == null) {
          skipped.incrementAndGet();   // deleted meanwhile
          return;
        }
        Map<String, AttributeValue> moved;
        try {
          moved = new LinkedHashMap<>(item);
          moved.putAll(store.schema().toItem(store.schema().fromItem(typed(item))));
        } catch (RuntimeException unreadable) {
          skipped.incrementAndGet();
          return;
        }
        Map<String, AttributeValue> oldKey = keyOf(item);
        if (keyOf(moved).equals(oldKey)) {
          right.incrementAndGet();
          return;
        }
        if (settings.dryRun()) {
          updated.incrementAndGet();
          return;
        }
        try {
          var response = store.table().metering().transactWriteItems(store.schema().entityType(), metered(),
              move(item, moved));
          updated.incrementAndGet();
          double units = 0;
          for (var consumed : response.consumedCapacity()) {
            units += consumed.capacityUnits() == null ? 0 : consumed.capacityUnits();
          }
          // without a report: two items written transactionally, each two units a KB begun
          pay(units > 0 ? units : 2 * 2 * Math.ceil(ItemSize.of(moved) / 1024.0));
          return;
        } catch (TransactionCanceledException cancelled) {
          List<CancellationReason> reasons =
              cancelled.hasCancellationReasons() ? cancelled.cancellationReasons() : List.of();
          boolean taken = !reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.get(0).code());
          if (taken || attempt == ATTEMPTS) {
            skipped.incrementAndGet();   // another item has the new key: left for a person to decide
            return;
          }
          item = reread(item);   // the old item changed (or a conflict passed): read it again
        }
      }
    }

    private TransactWriteItemsRequest move(
        Map<String, AttributeValue> item, Map<String, AttributeValue> moved) {
      String keyAttribute = store.schema().keyAttributes().get(0);
      var put = Put.builder()
          .tableName(store.table().name())
          .item(moved)
          .conditionExpression("attribute_not_exists(#k)")
          .expressionAttributeNames(Map.of("#k", keyAttribute))
          .build();
      Map<String, String> names = new HashMap<>();
      Map<String, AttributeValue> values = new HashMap<>();
      List<String> unchanged = new ArrayList<>();
      int n = 0;
      for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
        names.put("#a" + n, attribute.getKey());
        values.put(":a" + n, attribute.getValue());
        unchanged.add("#a" + n + " = :a" + n);
        n++;
      }
      var delete = Delete.builder()
          .tableName(store.table().name())
          .key(keyOf(item))
          .conditionExpression(String.join(" AND ", unchanged))
          .expressionAttributeNames(names)
          .expressionAttributeValues(values)
          .build();
      return TransactWriteItemsRequest.builder()
          .transactItems(
              TransactWriteItem.builder().put(put).build(),
              TransactWriteItem.builder().delete(delete).build())
          .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
          .build();
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
      var response = store.table().metering().getItem(store.schema().entityType(), metered(),
          GetItemRequest.builder().tableName(store.table().name()).key(keyOf(item)).consistentRead(true).build());
      return response.hasItem() && !response.item().isEmpty() ? response.item() : null;
    }

    /** Counts {@code units} written, and waits while the run is ahead of its budget. */
    private void pay(double units) {
      if (settings.budget() <= 0) {
        return;
      }
      long waitNanos;
      synchronized (this) {
        consumed += units;
        long due = (long) (consumed / settings.budget() * 1_000_000_000L);
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
      for (int segment = 0; segment < settings.segments(); segment++) {
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

  private static ThreadFactory daemons() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "monotable-migration-" + count.getAndIncrement());
      thread.setDaemon(true);
      return thread;
    };
  }
}
