package dev.monotable.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Reads a table's DynamoDB stream for local development and tests, where no Lambda function polls
 * it: each {@link #read()} returns the records added since the last one, every shard read to its
 * current end, a parent shard before its children, so the records of one item stay in order.
 * Production consumers use Lambda's event source mapping or the Kinesis Client Library instead.
 *
 * <pre>{@code
 * StreamReader reader = table.changes().poll(streamsClient);   // from the oldest record kept
 * table.orders().put(order);
 * table.changes().dispatch(reader.read(), handler);
 * }</pre>
 */
public final class StreamReader {
  private final DynamoDbStreamsClient streams;
  private final String streamArn;
  /** Where reading starts in the shards open when the reader was made; later shards start at their beginning. */
  private final ShardIteratorType start;
  /** The next iterator of each shard being read, in the order the shards were found. */
  private final Map<String, String> iterators = new LinkedHashMap<>();
  /** Shards read to their end, or left out because they closed before a LATEST reader began. */
  private final Set<String> finished = new LinkedHashSet<>();
  private final Map<String, String> lastSequenceNumbers = new HashMap<>();
  /** Whether the shards being discovered are the ones open when the reader was made. */
  private boolean first = true;

  private StreamReader(DynamoDbStreamsClient streams, String streamArn, ShardIteratorType start) {
    this.streams = streams;
    this.streamArn = streamArn;
    this.start = start;
  }

  /**
   * A reader of the stream {@code streamArn} from {@code start}: {@code TRIM_HORIZON} for the oldest
   * record kept, {@code LATEST} for the records written from now on.
   *
   * @throws IllegalArgumentException for another iterator type: they need a sequence number per shard
   */
  public static StreamReader of(DynamoDbStreamsClient streams, String streamArn, ShardIteratorType start) {
    Objects.requireNonNull(streams, "streams");
    Objects.requireNonNull(streamArn, "streamArn");
    if (start != ShardIteratorType.TRIM_HORIZON && start != ShardIteratorType.LATEST) {
      throw new IllegalArgumentException("a stream reader starts at TRIM_HORIZON or LATEST, not " + start);
    }
    StreamReader reader = new StreamReader(streams, streamArn, start);
    reader.discoverShards();   // LATEST means the records written after this call
    return reader;
  }

  /** The stream this reader reads. */
  public String streamArn() {
    return streamArn;
  }

  /**
   * The records added to the stream since the previous call (or since {@code start}, the first
   * time), shard after shard in lineage order; empty when there are none.
   */
  public List<Record> read() {
    discoverShards();
    List<Record> records = new ArrayList<>();
    for (Map.Entry<String, String> shard : List.copyOf(iterators.entrySet())) {
      readShard(shard.getKey(), shard.getValue(), records);
    }
    return records;
  }

  private void readShard(String shardId, String iterator, List<Record> records) {
    String next = iterator;
    while (next != null) {
      GetRecordsResponse response;
      try {
        String current = next;
        response = streams.getRecords(b -> b.shardIterator(current));
      } catch (ExpiredIteratorException expired) {
        next = resumeAfter(shardId);
        continue;
      }
      records.addAll(response.records());
      if (!response.records().isEmpty()) {
        lastSequenceNumbers.put(shardId, response.records().get(response.records().size() - 1)
            .dynamodb().sequenceNumber());
      }
      next = response.nextShardIterator();
      if (response.records().isEmpty()) {
        break;
      }
    }
    if (next == null) {
      iterators.remove(shardId);
      finished.add(shardId);
    } else {
      iterators.put(shardId, next);
    }
  }

  /** A fresh iterator after the last record read from the shard, when the kept one has expired. */
  private String resumeAfter(String shardId) {
    String last = lastSequenceNumbers.get(shardId);
    return streams.getShardIterator(b -> {
      b.streamArn(streamArn).shardId(shardId);
      if (last == null) {
        b.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
      } else {
        b.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(last);
      }
    }).shardIterator();
  }

  private void discoverShards() {
    List<Shard> shards = new ArrayList<>();
    String after = null;
    do {
      String exclusiveStart = after;
      DescribeStreamResponse response = streams.describeStream(b -> b.streamArn(streamArn)
          .exclusiveStartShardId(exclusiveStart));
      shards.addAll(response.streamDescription().shards());
      after = response.streamDescription().lastEvaluatedShardId();
    } while (after != null);
    Map<String, Shard> byId = new LinkedHashMap<>();
    shards.forEach(shard -> byId.put(shard.shardId(), shard));
    for (Shard shard : shards) {
      addInLineage(shard, byId);
    }
    first = false;
  }

  private void addInLineage(Shard shard, Map<String, Shard> byId) {
    String id = shard.shardId();
    if (iterators.containsKey(id) || finished.contains(id)) {
      return;
    }
    Shard parent = shard.parentShardId() == null ? null : byId.get(shard.parentShardId());
    if (parent != null) {
      addInLineage(parent, byId);
    }
    boolean closed = shard.sequenceNumberRange() != null && shard.sequenceNumberRange().endingSequenceNumber() != null;
    if (first && start == ShardIteratorType.LATEST && closed) {
      finished.add(id);
      return;
    }
    ShardIteratorType type = first ? start : ShardIteratorType.TRIM_HORIZON;
    iterators.put(id, streams.getShardIterator(b -> b.streamArn(streamArn).shardId(id).shardIteratorType(type))
        .shardIterator());
  }
}
