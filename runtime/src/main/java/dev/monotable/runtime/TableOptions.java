package dev.monotable.runtime;

import java.time.Clock;
import java.util.Objects;

/**
 * How a table behaves beyond its definition: the clock that decides which items have expired (and,
 * later, timestamps), and whether expired items DynamoDB has not deleted yet are hidden.
 *
 * <pre>{@code
 * AppDataTable.of(client, "AppData", TableOptions.defaults().withClock(testClock).withExpiredItemsShown());
 * }</pre>
 */
public final class TableOptions {
  private static final TableOptions DEFAULTS = new TableOptions(Clock.systemUTC(), true);

  private final Clock clock;
  private final boolean hideExpired;

  private TableOptions(Clock clock, boolean hideExpired) {
    this.clock = clock;
    this.hideExpired = hideExpired;
  }

  /** The system clock in UTC; expired items hidden. */
  public static TableOptions defaults() {
    return DEFAULTS;
  }

  /** These options with another clock (tests). */
  public TableOptions withClock(Clock clock) {
    return new TableOptions(Objects.requireNonNull(clock, "clock"), hideExpired);
  }

  /** These options, showing items whose time to live has passed but that DynamoDB has not deleted yet. */
  public TableOptions withExpiredItemsShown() {
    return new TableOptions(clock, false);
  }

  /** The clock. */
  public Clock clock() {
    return clock;
  }

  /** Whether gets and queries hide expired items. */
  public boolean hidesExpiredItems() {
    return hideExpired;
  }
}
