package dev.monotable.runtime;

import dev.monotable.runtime.internal.EntityStore;

/**
 * The repository of one entity type: what transactions and table-level batches take to know which
 * entity they write. Every {@code <Entity>Repository} the processor generates extends it; get one
 * from your {@code <Table>Table} ({@code table.orders()}).
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
