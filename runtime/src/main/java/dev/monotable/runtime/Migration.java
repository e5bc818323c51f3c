package dev.monotable.runtime;

import java.util.concurrent.Executor;

/**
 * A migration of one entity type's stored items ({@link Migrations}): a parallel scan of the table
 * whose writes carry each item that needs it into the current design, each on the condition that the
 * item is still as it was read (a concurrent write is never overwritten: the item is read again and
 * checked). Running it again finds everything right and writes nothing.
 *
 * <p>A migration is a value: each setting returns a new one. {@link #run()} blocks until the scan has
 * ended, telling a {@link Listener} after each page how far it is, with a checkpoint from which
 * {@link #resumeFrom(String)} continues another run (after a crash, a deploy, or a listener that
 * stopped this one by throwing).
 *
 * @param <M> the migration's own type
 */
public interface Migration<M extends Migration<M>> {
  /** Scans in {@code totalSegments} segments read at once (1 to 1,000,000; default 1). */
  M segments(int totalSegments);

  /** Reads the segments on {@code executor}'s threads instead of a pool made for the run. */
  M using(Executor executor);

  /**
   * At most {@code writeUnitsPerSecond} write capacity units a second, as DynamoDB reports them
   * consumed ({@code ReturnConsumedCapacity}): writes wait when the run is ahead of its budget.
   */
  M writeBudget(double writeUnitsPerSecond);

  /**
   * Continues the run whose {@link Progress#checkpoint()} this is: every segment where it stood.
   *
   * @throws InvalidCursorException for a checkpoint of another entity, another number of segments,
   *     or an altered one
   */
  M resumeFrom(String checkpoint);

  /**
   * Reads at most {@code items} items a request ({@code Limit}; default: DynamoDB's 1 MB pages):
   * smaller pages report progress, and checkpoint, more often.
   */
  M pageSize(int items);

  /** Counts what would be written, and writes nothing. */
  M dryRun();

  /** Tells {@code listener} the progress after each page of each segment. */
  M listener(Listener listener);

  /**
   * Runs the backfill to the end of the table.
   *
   * @return the counts of the whole run (of this run only, when resumed)
   * @throws RuntimeException what a segment or the listener threw, once every segment has stopped;
   *     the last checkpoint the listener was told continues the run
   */
  Progress run();

  /**
   * How far a run is: items of the entity scanned, written (updated or moved), found right already,
   * and skipped (not readable as the entity, changed by another writer until the retries ran out, or
   * with another item at the key a rekey would move them to), and the
   * checkpoint from which another run continues (null when the scan has ended).
   */
  record Progress(long scanned, long updated, long alreadyRight, long skipped, String checkpoint) {}

  /** Told the progress after each page; what it throws stops the run. */
  @FunctionalInterface
  interface Listener {
    void progress(Progress progress);
  }
}
