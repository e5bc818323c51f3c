package dev.monotable.local;

import dev.monotable.local.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Deletes expired items, as DynamoDB's background process does: every item of a table with time to
 * live enabled whose attribute (epoch seconds, a number) is before the clock's now, and not more
 * than five years before, goes with a {@code REMOVE} stream record by the service. Run with the
 * engine's catalog held exclusively, so that no write runs meanwhile, by {@code
 * MonotableLocal.expireNow()} and the sweeper thread, and again by a replay of the logged sweep.
 */
final class TimeToLiveSweeper {
  /** DynamoDB leaves items alone whose expiry is more than five years in the past. */
  private static final long FIVE_YEARS_SECONDS = 5L * 365 * 24 * 3600;

  private final EngineState state;

  TimeToLiveSweeper(EngineState state) {
    this.state = state;
  }

  /** Deletes every expired item of every table with time to live enabled; returns how many. */
  int sweep() {
    long nowMillis = state.clock().millis();
    long now = nowMillis / 1000;
    int expired = 0;
    Capacity ignored = new Capacity("NONE");
    for (Table table : state.tables.values()) {
      if (!table.ttlEnabled) {
        continue;
      }
      List<Map<String, Value>> due = new ArrayList<>();
      for (var partition : table.items.partitions().values()) {
        for (Map<String, Value> item : partition.values()) {
          if (item.get(table.ttlAttribute) instanceof Value.N n) {
            double at = n.value().doubleValue();
            if (at * 1000 < nowMillis && at >= now - FIVE_YEARS_SECONDS) {
              due.add(item);
            }
          }
        }
      }
      for (Map<String, Value> item : due) {
        table.write(table.key.keyOf(item), null, ignored, 1, state.changes, true);
        expired++;
      }
    }
    return expired;
  }
}
