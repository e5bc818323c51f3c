package dev.monotable.local;

import dev.monotable.local.value.Value;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A table's stream: one shard holding every change in order. A disabled stream keeps its records
 * (readable, as DynamoDB keeps them for 24 hours) but takes no new ones.
 */
final class Stream {
  /** DynamoDB's stream label: the creation time in UTC to the millisecond, as in {@code 2024-05-01T12:00:00.000}. */
  private static final DateTimeFormatter LABEL =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  final String arn;
  final String label;
  final String tableName;
  final String viewType;
  final KeySchema key;
  final Instant created;
  final String shardId;
  boolean enabled = true;
  final List<Change> records = new ArrayList<>();

  Stream(String tableArn, String tableName, String viewType, KeySchema key, Instant created) {
    this.label = LABEL.format(created);
    this.arn = tableArn + "/stream/" + label;
    this.tableName = tableName;
    this.viewType = viewType;
    this.key = key;
    this.created = created;
    this.shardId = "shardId-" + String.format("%020d", created.toEpochMilli()) + "-" + Integer.toHexString(arn.hashCode());
  }

  /** One change record: the images are the whole items, cut to the view type when read. */
  record Change(long sequence, String eventName, Map<String, Value> keys, Map<String, Value> oldImage,
      Map<String, Value> newImage, Instant time, boolean byService, int sizeBytes) {

    String sequenceNumber() {
      return sequenceNumber(sequence);
    }

    static String sequenceNumber(long sequence) {
      return String.format("%021d", sequence);
    }
  }

  /** The index of the first record with a sequence number at or after {@code sequence}. */
  int indexOfSequence(long sequence) {
    int low = 0;
    int high = records.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (records.get(mid).sequence() < sequence) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }
}
