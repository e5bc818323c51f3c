package dev.monotable.runtime;

/**
 * What carries a table's data across a change of its design, from {@code <Table>Table.migrations()}.
 *
 * <pre>{@code
 * Migration.Progress done = table.migrations().backfill(Order.class)
 *     .segments(4)
 *     .writeBudget(50)                       // write capacity units per second
 *     .listener(progress -> store(progress.checkpoint()))
 *     .run();
 * }</pre>
 */
public interface Migrations {
  /**
   * A backfill of {@code entity}'s items: every attribute the design derives from an item's fields
   * (index keys, the type attribute) that an item lacks or holds stale is written — for items written
   * before an {@code @IndexKey} was added, or under an older index-key template.
   *
   * @throws IllegalArgumentException for a class that is not an entity of this table
   */
  <T> Backfill backfill(Class<T> entity);

  /**
   * A rekey of {@code entity}'s items: every item stored under a primary key other than the one the
   * current key templates give its fields (after a key template changed: {@code MT-KEY-CHANGED} names
   * this migration) is moved to its current key.
   *
   * @throws IllegalArgumentException for a class that is not an entity of this table
   */
  <T> Rekey rekey(Class<T> entity);
}
