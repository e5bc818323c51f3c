package dev.monotable.runtime;

/**
 * What every generated repository is to the runtime: the store of one entity type, which
 * transactions and table-level operations write through.
 *
 * @param <T> the entity type
 */
public interface Repository<T> {
  /** The item operations of the entity type. */
  EntityStore<T> store();
}
