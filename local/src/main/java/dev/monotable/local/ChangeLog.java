package dev.monotable.local;

import dev.monotable.local.value.ItemSize;
import dev.monotable.local.value.Value;
import java.time.Clock;
import java.util.Map;

/** Appends stream records with engine-wide increasing sequence numbers and the engine's clock. */
final class ChangeLog {
  private long sequence = 100_000_000_000_000_000L;
  private Clock clock;

  ChangeLog(Clock clock) {
    this.clock = clock;
  }

  void clock(Clock clock) {
    this.clock = clock;
  }

  Clock clock() {
    return clock;
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
    stream.records.add(new Stream.Change(sequence, event, keys, oldImage, newImage, clock.instant(), byService, size));
  }
}
