package dev.monotable.local;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * Deterministic fault injection on the engine itself, so that tests of retries and of partial
 * results need neither interceptors nor luck. Faults are consumed call by call; {@link #clear()}
 * removes what is left.
 *
 * <pre>{@code
 * local.faults().throttle("PutItem", 3);              // the next 3 PutItem calls are throttled
 * local.faults().seed(7).unprocessed(0.5, 2);         // the next 2 batch calls leave about half unprocessed
 * local.faults().cancelTransactions(1);              // the next TransactWriteItems: TransactionConflict
 * }</pre>
 */
public final class Faults {
  private final Map<String, Integer> throttles = new HashMap<>();
  private Random random = new Random(0);
  private double unprocessedFraction;
  private int unprocessedRounds;
  private int cancelledTransactions;

  Faults() {}

  /** Seeds the choice of which batch requests are left unprocessed (0 until set). */
  public synchronized Faults seed(long seed) {
    random = new Random(seed);
    return this;
  }

  /**
   * The next {@code times} calls of {@code operation} (such as {@code "PutItem"}, or {@code "*"} for
   * any operation) fail with {@code ProvisionedThroughputExceededException}, which the SDK retries.
   */
  public synchronized Faults throttle(String operation, int times) {
    throttles.merge(operation, times, Integer::sum);
    return this;
  }

  /**
   * For the next {@code rounds} BatchWriteItem or BatchGetItem calls, each request item is left
   * unprocessed (not written or read, and returned in {@code UnprocessedItems}/{@code UnprocessedKeys})
   * with probability {@code fraction}; 1.0 leaves all of them.
   */
  public synchronized Faults unprocessed(double fraction, int rounds) {
    if (fraction < 0 || fraction > 1) {
      throw new IllegalArgumentException("fraction must be between 0 and 1: " + fraction);
    }
    unprocessedFraction = fraction;
    unprocessedRounds = rounds;
    return this;
  }

  /**
   * The next {@code times} TransactWriteItems calls are cancelled, every action with reason
   * {@code TransactionConflict}, and change nothing.
   */
  public synchronized Faults cancelTransactions(int times) {
    cancelledTransactions += times;
    return this;
  }

  /** Removes every pending fault. */
  public synchronized Faults clear() {
    throttles.clear();
    unprocessedRounds = 0;
    cancelledTransactions = 0;
    return this;
  }

  /** Whether this call of {@code operation} is to be throttled; consumes one. */
  synchronized boolean takeThrottle(String operation) {
    return take(operation) || take("*");
  }

  private boolean take(String key) {
    Integer left = throttles.get(key);
    if (left == null || left <= 0) {
      return false;
    }
    throttles.put(key, left - 1);
    return true;
  }

  /** A per-call chooser of unprocessed requests, or null when this batch call runs clean; consumes one round. */
  synchronized UnprocessedChooser takeUnprocessed() {
    if (unprocessedRounds <= 0) {
      return null;
    }
    unprocessedRounds--;
    Random chooser = new Random(random.nextLong());
    double fraction = unprocessedFraction;
    return () -> chooser.nextDouble() < fraction;
  }

  /** Whether this transaction is to be cancelled with a conflict; consumes one. */
  synchronized boolean takeTransactionConflict() {
    if (cancelledTransactions <= 0) {
      return false;
    }
    cancelledTransactions--;
    return true;
  }

  /** Decides, request item by request item, which are left unprocessed. */
  interface UnprocessedChooser {
    boolean leaveUnprocessed();
  }
}
