package dev.monotable.runtime;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A typed update of one item, built from {@code <Entity>Fields} paths and sent as one
 * {@code UpdateItem}. Every name and value goes through a placeholder. Fields of key templates cannot
 * be set (the update could move the item or leave a stale index key): such an update is refused
 * before sending, naming the fields.
 *
 * <p>An update is a value, as a query is: each clause returns a new update and leaves this one as
 * it was, and {@link #execute()} never changes it, so an update can be kept, extended two ways, or
 * sent again. A clause that cannot be sent (a path that overlaps another, a value that cannot be
 * stored) is refused where it is given.
 *
 * <pre>{@code
 * table.products().update("LAMP")
 *     .set(ProductFields.NAME, "Desk lamp")
 *     .increment(ProductFields.STOCK)
 *     .when(ProductFields.STOCK.lt(100L))
 *     .execute();
 * }</pre>
 *
 * @param <T> the entity type
 */
public interface Update<T> {
  /** Sets the attribute to {@code value}. */
  <V> Update<T> set(Path<V> path, V value);

  /** Sets the attribute to {@code value} unless it has a value ({@code if_not_exists}). */
  <V> Update<T> setIfAbsent(Path<V> path, V value);

  /** Adds {@code delta} to the number (an absent number counts as zero). */
  <N extends Number> Update<T> add(Path<N> path, N delta);

  /** Adds one to the number, atomically (an absent number counts as zero). */
  Update<T> increment(Path<? extends Number> path);

  /** Subtracts one from the number, atomically. */
  Update<T> decrement(Path<? extends Number> path);

  /** Adds the elements to the set. */
  <E> Update<T> addToSet(Path<Set<E>> path, Set<E> elements);

  /** Removes the elements from the set. */
  <E> Update<T> removeFromSet(Path<Set<E>> path, Set<E> elements);

  /** Appends the elements to the list (an absent list counts as empty). */
  <E> Update<T> append(Path<List<E>> path, List<E> elements);

  /** Puts the elements in front of the list (an absent list counts as empty). */
  <E> Update<T> prepend(Path<List<E>> path, List<E> elements);

  /** Removes the attribute. */
  Update<T> remove(Path<?> path);

  /** Only when {@code condition} holds for the stored item. */
  Update<T> when(Condition condition);

  /**
   * Only when the stored {@code @Version} is {@code version}, the version read: a stale update
   * throws {@link OptimisticLockException}. (Every update of a versioned entity moves its version on.)
   */
  Update<T> expectingVersion(long version);

  /** What {@link #execute()} returns. */
  Update<T> returning(UpdateReturn returning);

  /**
   * Sends the update. An update ({@code repository.update(key…)}) changes an existing item only; an
   * upsert ({@code repository.upsert(key…)}) creates the item when there is none, with its key fields,
   * type attribute, derivable index keys, version 1 and creation time. An upsert over an item whose
   * time to live has passed (DynamoDB deletes such items only later) creates the item afresh in one
   * write: none of the expired item's attributes survive, and its stream record decodes as
   * {@link Change.Inserted} with {@link Change.Inserted#replacedExpired()}.
   *
   * @return the entity as asked by {@link #returning}: whole for {@code ALL_OLD}/{@code ALL_NEW};
   *     for {@code UPDATED_*} only the updated attributes are read, the other fields absent. An
   *     upsert returns the entity as stored ({@code ALL_NEW}) unless told otherwise.
   * @throws ConditionFailedException when the condition does not hold, or an update finds no item
   * @throws InvalidUpdateException when a key-template field is set, or nothing is updated; nothing is sent
   */
  Optional<T> execute();
}
