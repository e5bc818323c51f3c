package dev.monotable.runtime;

import dev.monotable.runtime.internal.EntityStore;
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
 * <p>Only generated code subclasses it: the runtime gives a generated repository its item
 * operations when it is built, and a repository of another origin is refused by
 * {@link Transaction}, {@link TableBatch} and {@link TableBatchGet}.
 *
 * @param <T> the entity type
 */
public abstract class Repository<T> {
  /** Set once, while the generated subclass is constructed. */
  private EntityStore<T> store;

  /** For generated repositories. */
  protected Repository() {}

  /**
   * Writes {@code entity}, replacing any item with the same key.
   *
   * @return the entity as stored: its {@code @CreatedAt} kept or stamped, its {@code @UpdatedAt}
   *     stamped, its {@code @Version} moved on (the entity itself when it has none of these)
   */
  public T put(T entity) {
    return store().put(entity);
  }

  /**
   * Writes {@code entity} if {@code condition} holds for the item now stored under its key.
   *
   * @return the entity as stored, as {@link #put(Object)} returns it
   * @throws ConditionFailedException when it does not; nothing is written
   */
  public T put(T entity, Condition condition) {
    return store().put(entity, condition);
  }

  /**
   * Writes {@code entity} only when no item has its key.
   *
   * @return the entity as stored, as {@link #put(Object)} returns it
   * @throws ConditionFailedException when one has; its {@code current(Class)} is that item
   */
  public T putIfAbsent(T entity) {
    return store().putIfAbsent(entity);
  }

  /**
   * Deletes the item of {@code entity}. For an entity with a {@code @Version} field, only if the
   * stored version is the one the entity was read with.
   *
   * @throws OptimisticLockException when the stored version is another; nothing is deleted
   */
  public void delete(T entity) {
    store().deleteEntity(entity);
  }

  /**
   * Writes every one of {@code entities} in batches of 25, retrying what DynamoDB leaves unprocessed.
   *
   * @throws BatchIncompleteException carrying the items still unwritten
   */
  public void batchPut(List<T> entities) {
    store().batchPut(entities);
  }

  /**
   * Every entity of this type in the table, by a scan that reads (and pays for) every item of every
   * type. Prefer an access pattern; this is for backfills, exports and small tables.
   */
  public Scan<T> scanAll() {
    return store().scan();
  }

  void bind(EntityStore<T> store) {
    if (this.store != null) {
      throw new IllegalStateException(getClass().getName() + " has its store already");
    }
    this.store = store;
  }

  /** The item operations of the entity type. */
  EntityStore<T> store() {
    if (store == null) {
      throw new IllegalArgumentException(getClass().getName() + " is not a generated repository: get repositories"
          + " from the generated table class");
    }
    return store;
  }
}
