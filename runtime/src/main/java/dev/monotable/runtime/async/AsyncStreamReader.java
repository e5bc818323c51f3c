package dev.monotable.runtime.async;

import dev.monotable.runtime.StreamReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsAsyncClient;

/**
 * {@link StreamReader} through the SDK's async streams client, for local development and tests of
 * async services: each {@link #read()} is a future of the records added since the last one, every
 * shard read to its current end, a parent shard before its children. Reads are queued: a
 * {@code read()} made while another is running starts when that one has ended, so no record is
 * read twice or skipped.
 *
 * <pre>{@code
 * AsyncStreamReader reader = table.pollChanges(streamsAsyncClient).join();
 * reader.read().thenAccept(records -> table.changes().dispatch(records, handler));
 * }</pre>
 */
public final class AsyncStreamReader {
  private final DynamoDbStreamsAsyncClient streams;
  private final String streamArn;
  private final ShardIteratorType start;
  private final Map<String, String> iterators = new LinkedHashMap<>();
  private final Set<String> finished = new LinkedHashSet<>();
  private final Map<String, String> lastSequenceNumbers = new HashMap<>();
  private boolean first = true;
  /** The end of the last read asked for: the next one starts after it. */
  private CompletableFuture<?> last = CompletableFuture.completedFuture(null);

  private AsyncStreamReader(DynamoDbStreamsAsyncClient streams, String streamArn, ShardIteratorType start) {
    this.streams = streams;
    this.streamArn = streamArn;
    this.start = start;
  }

  /**
   * A reader of the stream {@code streamArn} from {@code start} ({@code TRIM_HORIZON} or
   * {@code LATEST}), once its shards are found.
   *
   * @throws IllegalArgumentException for another iterator type
   */
  public static CompletableFuture<AsyncStreamReader> of(DynamoDbStreamsAsyncClient streams, String streamArn,
      ShardIteratorType start) {
    Objects.requireNonNull(streams, "streams");
    Objects.requireNonNull(streamArn, "streamArn");
    if (start != ShardIteratorType.TRIM_HORIZON && start != ShardIteratorType.LATEST) {
      throw new IllegalArgumentException("a stream reader starts at TRIM_HORIZON or LATEST, not " + start);
    }
    AsyncStreamReader reader = new AsyncStreamReader(streams, streamArn, start);
    return unwrapped(reader.discoverShards().thenApply(found -> reader));
  }

  /** The stream this reader reads. */
  public String streamArn() {
    return streamArn;
  }

  /** The records added to the stream since the previous read, shard after shard in lineage order. */
  public synchronized CompletableFuture<List<Record>> read() {
    CompletableFuture<List<Record>> read = last.handle((previous, failed) -> null)
        .thenCompose(ready -> discoverShards())
        .thenCompose(found -> {
          List<Record> records = new ArrayList<>();
          CompletableFuture<Void> shards = CompletableFuture.completedFuture(null);
          for (Map.Entry<String, String> shard : List.copyOf(iterators.entrySet())) {
            shards = shards.thenCompose(previous -> readShard(shard.getKey(), shard.getValue(), records));
          }
          return shards.thenApply(done -> records);
        });
    last = read;
    return unwrapped(read);
  }

  private CompletableFuture<Void> readShard(String shardId, String iterator, List<Record> records) {
    if (iterator == null) {
      iterators.remove(shardId);
      finished.add(shardId);
      return CompletableFuture.completedFuture(null);
    }
    return streams.getRecords(b -> b.shardIterator(iterator))
        .handle((response, failure) -> {
          if (failure == null) {
            return took(shardId, response, records);
          }
          Throwable cause = failure instanceof CompletionException && failure.getCause() != null
              ? failure.getCause() : failure;
          if (cause instanceof ExpiredIteratorException) {
            return resumeAfter(shardId).thenCompose(fresh -> readShard(shardId, fresh, records));
          }
          return CompletableFuture.<Void>failedFuture(cause);
        })
        .thenCompose(next -> next);
  }

  /** Takes in the records of one GetRecords and goes on while the shard has more. */
  private CompletableFuture<Void> took(String shardId, GetRecordsResponse response, List<Record> records) {
    records.addAll(response.records());
    if (!response.records().isEmpty()) {
      lastSequenceNumbers.put(shardId, response.records().get(response.records().size() - 1)
          .dynamodb().sequenceNumber());
    }
    String next = response.nextShardIterator();
    if (next != null && response.records().isEmpty()) {
      iterators.put(shardId, next);
      return CompletableFuture.completedFuture(null);
    }
    return readShard(shardId, next, records);
  }

  private CompletableFuture<String> resumeAfter(String shardId) {
    String after = lastSequenceNumbers.get(shardId);
    return streams.getShardIterator(b -> {
      b.streamArn(streamArn).shardId(shardId);
      if (after == null) {
        b.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
      } else {
        b.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(after);
      }
    }).thenApply(response -> response.shardIterator());
  }

  private CompletableFuture<Void> discoverShards() {
    return describe(null, new ArrayList<>()).thenCompose(shards -> {
      Map<String, Shard> byId = new LinkedHashMap<>();
      shards.forEach(shard -> byId.put(shard.shardId(), shard));
      List<Shard> inLineage = new ArrayList<>();
      Set<String> placed = new LinkedHashSet<>();
      for (Shard shard : shards) {
        lineage(shard, byId, placed, inLineage);
      }
      CompletableFuture<Void> added = CompletableFuture.completedFuture(null);
      boolean opening = first;
      for (Shard shard : inLineage) {
        added = added.thenCompose(previous -> add(shard, opening));
      }
      return added.thenApply(done -> {
        first = false;
        return null;
      });
    });
  }

  private CompletableFuture<List<Shard>> describe(String after, List<Shard> shards) {
    return streams.describeStream(b -> b.streamArn(streamArn).exclusiveStartShardId(after)).thenCompose(response -> {
      shards.addAll(response.streamDescription().shards());
      String next = response.streamDescription().lastEvaluatedShardId();
      return next == null ? CompletableFuture.completedFuture(shards) : describe(next, shards);
    });
  }

  /** Lists {@code shard} after its parent, each shard once. */
  private static void lineage(Shard shard, Map<String, Shard> byId, Set<String> placed, List<Shard> inLineage) {
    if (!placed.add(shard.shardId())) {
      return;
    }
    Shard parent = shard.parentShardId() == null ? null : byId.get(shard.parentShardId());
    if (parent != null) {
      lineage(parent, byId, placed, inLineage);
    }
    inLineage.add(shard);
  }

  private CompletableFuture<Void> add(Shard shard, boolean opening) {
    String id = shard.shardId();
    if (iterators.containsKey(id) || finished.contains(id)) {
      return CompletableFuture.completedFuture(null);
    }
    boolean closed = shard.sequenceNumberRange() != null && shard.sequenceNumberRange().endingSequenceNumber() != null;
    if (opening && start == ShardIteratorType.LATEST && closed) {
      finished.add(id);
      return CompletableFuture.completedFuture(null);
    }
    ShardIteratorType type = opening ? start : ShardIteratorType.TRIM_HORIZON;
    return streams.getShardIterator(b -> b.streamArn(streamArn).shardId(id).shardIteratorType(type))
        .thenAccept(response -> iterators.put(id, response.shardIterator()));
  }

  /** {@code future}, failing with its failure's cause rather than a CompletionException around it. */
  private static <T> CompletableFuture<T> unwrapped(CompletableFuture<T> future) {
    CompletableFuture<T> result = new CompletableFuture<>();
    future.whenComplete((value, failure) -> {
      if (failure == null) {
        result.complete(value);
      } else {
        result.completeExceptionally(failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause() : failure);
      }
    });
    return result;
  }
}
