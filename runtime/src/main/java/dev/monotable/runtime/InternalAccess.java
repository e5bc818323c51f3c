package dev.monotable.runtime;

import dev.monotable.runtime.internal.AttributeCodec;
import dev.monotable.runtime.internal.DynamoTable;
import dev.monotable.runtime.internal.EntityStore;
import dev.monotable.runtime.internal.Expression;
import dev.monotable.runtime.internal.KeyFields;
import dev.monotable.runtime.internal.QueryState;
import dev.monotable.runtime.internal.RuntimeAccess;
import dev.monotable.runtime.internal.SortKeyField;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The implementation of {@link RuntimeAccess}: the internal package's way to this package's
 * package-private constructors and members. It registers itself when {@code RuntimeAccess} first
 * loads it.
 */
final class InternalAccess extends RuntimeAccess {
  static {
    RuntimeAccess.register(new InternalAccess());
  }

  private InternalAccess() {}

  @Override
  public <T> QueryState<T> state(Query<T, ?> query) {
    return query.state;
  }

  @Override
  public <T> NarrowedQuery<T> narrowedQuery(QueryState<T> state) {
    return new NarrowedQuery<>(state);
  }

  @Override
  public <T> NarrowedConsistentQuery<T> narrowedConsistentQuery(QueryState<T> state) {
    return new NarrowedConsistentQuery<>(state);
  }

  @Override
  public <T, V, N> SortKeyRange<V, N> sortKeyRange(QueryState<T> state, SortKeyField<V> field,
      Function<QueryState<T>, N> narrowed) {
    return new SortKeyRange<>(state, field, narrowed);
  }

  @Override
  public <T, N> TextSortKeyRange<N> textSortKeyRange(QueryState<T> state, SortKeyField<String> field,
      Function<QueryState<T>, N> narrowed) {
    return new TextSortKeyRange<>(state, field, narrowed);
  }

  @Override
  public <T, N> LongSortKeyRange<N> longSortKeyRange(QueryState<T> state, SortKeyField<Long> field,
      Function<QueryState<T>, N> narrowed) {
    return new LongSortKeyRange<>(state, field, narrowed);
  }

  @Override
  public <T> void bind(Repository<T> repository, EntityStore<T> store) {
    repository.bind(store);
  }

  @Override
  public <T> Update<T> update(EntityStore<T> store, Map<String, AttributeValue> key, KeyFields keyFields, boolean upsert) {
    return new Update<>(store, key, keyFields, upsert);
  }

  @Override
  public <T> Scan<T> scan(EntityStore<T> store) {
    return new Scan<>(store);
  }

  @Override
  public Transaction transaction(DynamoTable table) {
    return new Transaction(table);
  }

  @Override
  public TransactionRead transactionRead(DynamoTable table) {
    return new TransactionRead(table);
  }

  @Override
  public <T> Scan<T> scanIndex(EntityStore<T> store, String index, boolean global, List<String> tableKeyAttributes) {
    return new Scan<>(store, index, global, tableKeyAttributes);
  }

  @Override
  public <T> EntityStore<T> store(Repository<T> repository) {
    return repository.store();
  }

  @Override
  public String encodeCursor(TableOptions options, String pattern, Map<String, AttributeValue> key) {
    return Cursors.encode(options, pattern, key);
  }

  @Override
  public Map<String, AttributeValue> decodeCursor(TableOptions options, String pattern, String partitionAttribute,
      AttributeValue partitionValue, String cursor) {
    Map<String, AttributeValue> key = Cursors.decode(options, pattern, cursor);
    if (!partitionValue.equals(key.get(partitionAttribute))) {
      throw new InvalidCursorException("the cursor of " + pattern + " continues another partition");
    }
    return key;
  }

  @Override
  public TableBatch batchWrite(DynamoTable table) {
    return new TableBatch(table);
  }

  @Override
  public TableBatchGet batchGet(DynamoTable table) {
    return new TableBatchGet(table);
  }

  @Override
  public String render(Condition condition, Expression expression) {
    return condition.toExpression(expression);
  }

  @Override
  public <V> Path<V> path(List<Object> segments, AttributeCodec<V> codec) {
    return Path.of(segments, codec);
  }

  @Override
  public List<Object> segments(Path<?> path) {
    return path.segments();
  }

  @Override
  public String render(Path<?> path, Expression expression) {
    return path.render(expression);
  }

  @Override
  public <V> AttributeCodec<V> codec(Path<V> path) {
    return path.codec();
  }

  @Override
  public MappingException within(MappingException failure, String type, String segment) {
    return failure.within(type, segment);
  }

  @Override
  public Condition contains(Path<?> path, AttributeValue element) {
    return path.contains(element);
  }
}
