package dev.monotable.local;

import dev.monotable.local.value.ItemSize;
import dev.monotable.local.value.Value;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** Appends stream records with engine-wide increasing sequence numbers and the engine's clock. */
final class ChangeLog {
  private long sequence = 100_000_000_000_000_000L;
  private Clock clock;
  /** The time of the operation running now, while the engine fixes it (so that a replay sees the same); else null. */
  private Clock pinned;

  ChangeLog(Clock clock) {
    this.clock = clock;
  }

  void clock(Clock clock) {
    this.clock = clock;
  }

  Clock clock() {
    return pinned != null ? pinned : clock;
  }

  /** The last sequence number given (a snapshot keeps it, so that numbers go on increasing after a restart). */
  long sequence() {
    return sequence;
  }

  void sequence(long sequence) {
    this.sequence = sequence;
  }

  /** Fixes the time every clock reading gives until {@code pin(null)}. */
  void pin(Instant now) {
    pinned = now == null ? null : Clock.fixed(now, ZoneOffset.UTC);
  }

  void record(Stream stream, Map<String, Value> keys, Map<String, Value> oldImage, Map<String, Value> newImage,
      boolean byService) {
    String event = oldImage == null ? "INSERT" : newImage == null ? "REMOVE" : "MODIFY";
    int size = ItemSize.of(keys);
    if (!stream.viewType.equals("KEYS_ONLY")) {
      if (oldImage != null && !stream.viewType.equals("NEW_IMAGE")) {
        size += ItemSize.of(oldImage);
      }
      if (newImage != null && !stream.viewType.equals("OLD_IMAGE")) {
        size += ItemSize.of(newImage);
      }
    }
    sequence += 1 + (sequence % 7);
    stream.records.add(new Stream.Change(sequence, event, keys, oldImage, newImage, clock().instant(), byService, size));
  }
}
