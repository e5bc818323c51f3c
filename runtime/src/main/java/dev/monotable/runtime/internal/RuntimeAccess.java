package dev.monotable.runtime.internal;

import dev.monotable.runtime.Condition;
import dev.monotable.runtime.LongSortKeyRange;
import dev.monotable.runtime.MappingException;
import dev.monotable.runtime.NarrowedConsistentQuery;
import dev.monotable.runtime.NarrowedQuery;
import dev.monotable.runtime.Path;
import dev.monotable.runtime.Query;
import dev.monotable.runtime.Repository;
import dev.monotable.runtime.Scan;
import dev.monotable.runtime.SortKeyRange;
import dev.monotable.runtime.TableBatch;
import dev.monotable.runtime.TableBatchGet;
import dev.monotable.runtime.TableOptions;
import dev.monotable.runtime.TextSortKeyRange;
import dev.monotable.runtime.Transaction;
import dev.monotable.runtime.TransactionRead;
import dev.monotable.runtime.Update;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What this package may do with the package-private members of {@code dev.monotable.runtime}: build
 * the user-facing builders whose constructors are not public, and read what they hold. The one
 * implementation is a package-private class of {@code dev.monotable.runtime} that registers itself
 * when it is initialized; {@link #get()} initializes it on first use. Only code of this package calls
 * {@code get()}, and only that class can {@link #register}.
 */
public abstract class RuntimeAccess {
  private static final String IMPLEMENTATION = "dev.monotable.runtime.InternalAccess";
  private static volatile RuntimeAccess instance;

  /** For the one implementation, in {@code dev.monotable.runtime}. */
  protected RuntimeAccess() {
    if (!getClass().getName().equals(IMPLEMENTATION) || getClass().getClassLoader() != RuntimeAccess.class.getClassLoader()) {
      throw new IllegalStateException("RuntimeAccess is implemented by " + IMPLEMENTATION + " only");
    }
  }

  /** Called once, from the static initializer of the implementation. */
  public static void register(RuntimeAccess access) {
    synchronized (RuntimeAccess.class) {
      if (instance != null) {
        throw new IllegalStateException("RuntimeAccess is registered already");
      }
      instance = access;
    }
  }

  static RuntimeAccess get() {
    RuntimeAccess access = instance;
    if (access == null) {
      try {
        Class.forName(IMPLEMENTATION, true, RuntimeAccess.class.getClassLoader());
      } catch (ClassNotFoundException missing) {
        throw new IllegalStateException(IMPLEMENTATION + " is missing from the runtime", missing);
      }
      access = instance;
    }
    return access;
  }

  /** The state of a query builder. */
  public abstract <T> QueryState<T> state(Query<T, ?> query);

  /** A narrowed query of a global index over {@code state}. */
  public abstract <T> NarrowedQuery<T> narrowedQuery(QueryState<T> state);

  /** A narrowed query of the table or of a local index over {@code state}. */
  public abstract <T> NarrowedConsistentQuery<T> narrowedConsistentQuery(QueryState<T> state);

  /** The range conditions on the next sort-key field of {@code state}, each narrowing it by {@code narrowed}. */
  public abstract <T, V, N> SortKeyRange<V, N> sortKeyRange(QueryState<T> state, SortKeyField<V> field,
      Function<QueryState<T>, N> narrowed);

  /** The range and prefix conditions on the next sort-key field of {@code state}, a string. */
  public abstract <T, N> TextSortKeyRange<N> textSortKeyRange(QueryState<T> state, SortKeyField<String> field,
      Function<QueryState<T>, N> narrowed);

  /** The range conditions on the next sort-key field of {@code state}, a {@code long}. */
  public abstract <T, N> LongSortKeyRange<N> longSortKeyRange(QueryState<T> state, SortKeyField<Long> field,
      Function<QueryState<T>, N> narrowed);

  /** Gives a generated repository its store. */
  public abstract <T> void bind(Repository<T> repository, EntityStore<T> store);

  /** An update of the item of {@code key}; with {@code upsert}, one that creates it when absent. */
  public abstract <T> Update<T> update(EntityStore<T> store, Map<String, AttributeValue> key, KeyFields keyFields, boolean upsert);

  /** A scan of the store's entity type. */
  public abstract <T> Scan<T> scan(EntityStore<T> store);

  /** A transaction on {@code table}. */
  public abstract Transaction transaction(DynamoTable table);

  /** A read transaction on {@code table}. */
  public abstract TransactionRead transactionRead(DynamoTable table);

  /** A scan of an index of the store's entity type; {@code tableKeyAttributes} null when it holds whole items. */
  public abstract <T> Scan<T> scanIndex(EntityStore<T> store, String index, boolean global,
      List<String> tableKeyAttributes);

  /** The store of a generated repository. */
  public abstract <T> EntityStore<T> store(Repository<T> repository);

  /** The cursor token of {@code key}, bound to {@code pattern}. */
  public abstract String encodeCursor(TableOptions options, String pattern, Map<String, AttributeValue> key);

  /**
   * The key of a cursor made by {@code pattern} that continues partition {@code partitionValue}.
   *
   * @throws dev.monotable.runtime.InvalidCursorException otherwise
   */
  public abstract Map<String, AttributeValue> decodeCursor(TableOptions options, String pattern,
      String partitionAttribute, AttributeValue partitionValue, String cursor);

  /** A batch write on {@code table}. */
  public abstract TableBatch batchWrite(DynamoTable table);

  /** A batch get on {@code table}. */
  public abstract TableBatchGet batchGet(DynamoTable table);

  /** The text of {@code condition}, its names and values registered in {@code expression}. */
  public abstract String render(Condition condition, Expression expression);

  /** A path of the given segments (attribute names and list positions) and codec. */
  public abstract <V> Path<V> path(List<Object> segments, AttributeCodec<V> codec);

  /** The segments of {@code path}. */
  public abstract List<Object> segments(Path<?> path);

  /** The path as an expression names it, its attribute names as placeholders added to {@code expression}. */
  public abstract String render(Path<?> path, Expression expression);

  /** The codec of the value at {@code path}. */
  public abstract <V> AttributeCodec<V> codec(Path<V> path);

  /** {@code failure} placed under {@code segment} of {@code type}. */
  public abstract MappingException within(MappingException failure, String type, String segment);

  /** The condition that the string, set or list at {@code path} contains the written {@code element}. */
  public abstract Condition contains(Path<?> path, AttributeValue element);
}
