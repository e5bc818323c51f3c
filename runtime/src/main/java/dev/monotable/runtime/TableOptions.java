package dev.monotable.runtime;

import java.time.Clock;
import java.util.Objects;

/**
 * How a table behaves beyond its definition: the clock that decides which items have expired and
 * stamps {@code @CreatedAt}/{@code @UpdatedAt}, whether expired items DynamoDB has not deleted yet
 * are hidden, the key that signs cursors, and who is told the capacity each request consumed.
 *
 * <pre>{@code
 * AppDataTable.of(client, "AppData", TableOptions.defaults().withClock(testClock).withExpiredItemsShown());
 * AppDataTable.of(client, "AppData", TableOptions.defaults().withCursorKey(secret));
 * }</pre>
 */
public final class TableOptions {
  private static final TableOptions DEFAULTS = new TableOptions(Clock.systemUTC(), true, null, null);
  /** HMAC-SHA256 keys shorter than this are refused: they could be guessed. */
  static final int MIN_CURSOR_KEY_BYTES = 16;

  private final Clock clock;
  private final boolean hideExpired;
  private final byte[] cursorKey;
  private final CapacityListener capacityListener;

  private TableOptions(Clock clock, boolean hideExpired, byte[] cursorKey, CapacityListener capacityListener) {
    this.clock = clock;
    this.hideExpired = hideExpired;
    this.cursorKey = cursorKey;
    this.capacityListener = capacityListener;
  }

  /** The system clock in UTC; expired items hidden. */
  public static TableOptions defaults() {
    return DEFAULTS;
  }

  /** These options with another clock (tests). */
  public TableOptions withClock(Clock clock) {
    return new TableOptions(Objects.requireNonNull(clock, "clock"), hideExpired, cursorKey, capacityListener);
  }

  /** These options, showing items whose time to live has passed but that DynamoDB has not deleted yet. */
  public TableOptions withExpiredItemsShown() {
    return new TableOptions(clock, false, cursorKey, capacityListener);
  }

  /**
   * These options, signing query and scan cursors with HMAC-SHA256 under {@code key} (at least 16
   * bytes; keep it secret and the same on every instance that continues another's cursors), so that
   * a client handed a cursor cannot forge one. Without a key, cursors carry a plain digest that
   * detects accidental changes only.
   *
   * @throws IllegalArgumentException when the key is shorter than 16 bytes
   */
  public TableOptions withCursorKey(byte[] key) {
    Objects.requireNonNull(key, "key");
    if (key.length < MIN_CURSOR_KEY_BYTES) {
      throw new IllegalArgumentException("a cursor key has at least " + MIN_CURSOR_KEY_BYTES + " bytes, not "
          + key.length);
    }
    return new TableOptions(clock, hideExpired, key.clone(), capacityListener);
  }

  /**
   * These options, telling {@code listener} the capacity each request consumed: every request then
   * asks DynamoDB for {@code ReturnConsumedCapacity=INDEXES}, and the listener gets one
   * {@link CapacityEvent} per request. What the listener throws is logged and ignored. Without a
   * listener, requests do not ask for their consumed capacity.
   *
   * <pre>{@code
   * TableOptions.defaults().withCapacityListener(CostReport.onDemand());
   * TableOptions.defaults().withCapacityListener(new MicrometerCapacity(meterRegistry));
   * TableOptions.defaults().withCapacityListener(event -> log.debug("{}", event));
   * }</pre>
   */
  public TableOptions withCapacityListener(CapacityListener listener) {
    return new TableOptions(clock, hideExpired, cursorKey, Objects.requireNonNull(listener, "listener"));
  }

  /** The listener told the capacity each request consumed, or null when there is none. */
  public CapacityListener capacityListener() {
    return capacityListener;
  }

  /** A copy of the cursor key, or null when cursors are not signed. */
  public byte[] cursorKey() {
    return cursorKey == null ? null : cursorKey.clone();
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
