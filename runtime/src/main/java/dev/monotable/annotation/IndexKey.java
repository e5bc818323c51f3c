package dev.monotable.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The key templates of an entity in one secondary index declared by its table. The generated
 * schema writes the index's key attributes from these templates on every put.
 *
 * <pre>{@code
 * @IndexKey(index = "GSI1", partitionKey = "ORDER#<orderId>", sortKey = "ORDER")
 * }</pre>
 *
 * <pre>{@code
 * @IndexKey(index = "ByStatus", partitionKey = "STATUS#<status>", sortKey = "<orderDate>", shards = 8)
 * }</pre>
 *
 * <p>A local index has only a sort key. When any field used by an index template is null, the
 * index key is not written and the item is left out of that (sparse) index.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(IndexKeys.class)
public @interface IndexKey {
  /** The name of a {@link GlobalIndex} or {@link LocalIndex} of the entity's table. */
  String index();

  /** The partition-key template; required for a global index, empty for a local one. */
  String partitionKey() default "";

  /** The sort-key template; required when the index has a sort key. */
  String sortKey() default "";

  /**
   * Write sharding of a global index's partition key, for a partition too hot for one key (every
   * order of one status): each item goes to shard {@code hash(primary key) mod shards}, its key
   * ending with the delimiter and the shard ({@code STATUS#PAID#3}), so a rewrite lands where the
   * item was. The index's access patterns query every shard in parallel and merge them in sort-key
   * order. 0 (the default) for none; 2 to 32.
   */
  int shards() default 0;
}
