package dev.monotable.local;

import dev.monotable.local.value.ItemSize;
import dev.monotable.local.value.Value;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Appends stream records with engine-wide increasing sequence numbers and the engine's clock.
 * Thread-safe: operations on different tables record changes at the same time.
 */
final class ChangeLog {
  private long sequence = 100_000_000_000_000_000L;
  private volatile Clock clock;
  /** The time of the operation this thread runs, while the engine fixes it (so that a replay sees the same); else null. */
  private final ThreadLocal<Clock> pinned = new ThreadLocal<>();

  ChangeLog(Clock clock) {
    this.clock = clock;
  }

  void clock(Clock clock) {
    this.clock = clock;
  }

  Clock clock() {
    Clock fixed = pinned.get();
    return fixed != null ? fixed : clock;
  }

  /** The last sequence number given (a snapshot keeps it, so that numbers go on increasing after a restart). */
  synchronized long sequence() {
    return sequence;
  }

  synchronized void sequence(long sequence) {
    this.sequence = sequence;
  }

  /** Fixes the time every clock reading of this thread gives until {@code pin(null)}. */
  void pin(Instant now) {
    if (now == null) {
      pinned.remove();
    } else {
      pinned.set(Clock.fixed(now, ZoneOffset.UTC));
    }
  }

  private synchronized long nextSequence() {
    sequence += 1 + (sequence % 7);
    return sequence;
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
    // the caller holds the stream's table exclusively, so its records go in in sequence order
    stream.records.add(new Stream.Change(nextSequence(), event, keys, oldImage, newImage, clock().instant(), byService, size));
  }
}
