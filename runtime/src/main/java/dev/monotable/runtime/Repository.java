package dev.monotable.runtime;

import java.util.List;

/**
 * The repository of one entity type: the writes of whole entities, which need nothing but the
 * entity, and what transactions and table-level batches take to know which entity they write. Every
 * {@code <Entity>Repository} the processor generates extends it with what is typed by the entity's
 * key fields (get, delete, update and upsert by key, batch reads and deletes by key records, one
 * method per access pattern); get one from your {@code <Table>Table} ({@code table.orders()}).
 *
 * <pre>{@code
 * OrderRepository orders = table.orders();
 * orders.putIfAbsent(order);                                  // fails if the key is taken
 * orders.put(order.withStatus(SHIPPED), OrderFields.STATUS.eq(PAID));
 * orders.delete(order);                                       // checks the version, when it has one
 * }</pre>
 *
 * <p>Only generated repositories implement it: a repository of another origin is refused by
 * {@link Transaction}, {@link TableBatch} and {@link TableBatchGet}.
 *
 * @param <T> the entity type
 */
public interface Repository<T> {
  /**
   * Writes {@code entity}, replacing any item with the same key.
   *
   * @return the entity as stored: its {@code @CreatedAt} kept or stamped, its {@code @UpdatedAt}
   *     stamped, its {@code @Version} moved on (the entity itself when it has none of these)
   */
  T put(T entity);

  /**
   * Writes {@code entity} if {@code condition} holds for the item now stored under its key.
   *
   * @return the entity as stored, as {@link #put(Object)} returns it
   * @throws ConditionFailedException when it does not; nothing is written
   */
  T put(T entity, Condition condition);

  /**
   * Writes {@code entity} only when no item has its key.
   *
   * @return the entity as stored, as {@link #put(Object)} returns it
   * @throws ConditionFailedException when one has; its {@code current(Class)} is that item
   */
  T putIfAbsent(T entity);

  /**
   * Deletes the item of {@code entity}. For an entity with a {@code @Version} field, only if the
   * stored version is the one the entity was read with.
   *
   * @throws OptimisticLockException when the stored version is another; nothing is deleted
   */
  void delete(T entity);

  /**
   * Writes every one of {@code entities} in batches of 25, retrying what DynamoDB leaves unprocessed.
   *
   * @throws BatchIncompleteException carrying the items still unwritten
   */
  void batchPut(List<T> entities);

  /**
   * Every entity of this type in the table, by a scan that reads (and pays for) every item of every
   * type. Prefer an access pattern; this is for backfills, exports and small tables.
   */
  Scan<T> scanAll();
}
