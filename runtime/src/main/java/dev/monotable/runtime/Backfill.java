package dev.monotable.runtime;

/**
 * A backfill of one entity type's derived attributes ({@link Migrations#backfill(Class)}): updates
 * that write only the index keys and type attribute an item lacks or holds stale (items written before
 * an {@code @IndexKey} was added, or under an older index-key template), on the condition that the
 * item still holds what was read of them. A write through Monotable derives them anew, so a concurrent
 * one changes them, fails the condition, and the item is read again and checked.
 *
 * <pre>{@code
 * Migration.Progress done = table.migrations().backfill(Order.class)
 *     .segments(4)
 *     .writeBudget(50)                       // write capacity units per second
 *     .listener(progress -> store(progress.checkpoint()))
 *     .run();
 * }</pre>
 */
public interface Backfill extends Migration<Backfill> {
}
