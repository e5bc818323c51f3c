package dev.monotable.runtime.internal;

import dev.monotable.runtime.Condition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/** Sends the requests of a {@link QueryPlan} and maps what comes back. */
final class QueryRunner {

  private QueryRunner() {}

  static QueryRequest request(QueryPlan<?> state, Map<String, AttributeValue> startKey, Integer limit, boolean count) {
    return request(state, state.partitionValue(), startKey, limit, count);
  }

  /** The request of one partition of the query: its only one, or one shard of a fan-out. */
  static QueryRequest request(QueryPlan<?> state, AttributeValue partition, Map<String, AttributeValue> startKey,
      Integer limit, boolean count) {
    // a cursor was checked by the terminal (QueryPlan.checkContinuation); later start keys are LastEvaluatedKeys
    // sized for the key condition's two or three entries: copied by the request, then garbage
    Map<String, String> names = new HashMap<>(4);
    Map<String, AttributeValue> values = new HashMap<>(4);
    names.put("#pk", state.partitionAttribute());
    values.put(":pk", partition);
    SortKeyCondition sort = state.condition();
    String keyCondition = sort.keyCondition();
    sort.addTo(names, state.sortAttribute(), values);
    List<String> filters = new ArrayList<>(0);
    if (state.tableKeyAttributes() == null && !state.store().schema().typeAttribute().isEmpty()
        && (state.typeFiltered() || count)) {
      // the index holds whole items: keep only this entity's (the rest are checked after fetching), unless
      // the range is the entity's own: then the few foreign items are skipped as they are decoded
      names.put("#type", state.store().schema().typeAttribute());
      values.put(":type", AttributeValue.fromS(state.store().schema().entityType()));
      filters.add("#type = :type");
    }
    Condition live = state.store().table().notExpired();
    if (live != null && state.tableKeyAttributes() == null) {
      filters.add("(" + ExpressionCondition.of(live).render(new Expression("t", names, values)) + ")");
    }
    if (state.filter() != null) {
      filters.add("(" + ExpressionCondition.of(state.filter()).render(new Expression("f", names, values)) + ")");
    }
    // names are copied into the request when it is built: collect every one of them first
    String projection = !count && state.projection() != null ? projection(state, names) : null;
    QueryRequest.Builder request = QueryRequest.builder()
        .tableName(state.store().table().name())
        .indexName(state.indexName())
        .keyConditionExpression(keyCondition)
        .expressionAttributeNames(names)
        .expressionAttributeValues(values)
        .scanIndexForward(!state.descending())
        .consistentRead(state.consistentRead() ? Boolean.TRUE : null)
        .exclusiveStartKey(startKey)
        .limit(limit);
    if (!filters.isEmpty()) {
      request.filterExpression(String.join(" AND ", filters));
    }
    if (count) {
      request.select(Select.COUNT);
    }
    request.projectionExpression(projection);
    return request.build();
  }

  /** The projection: the paths asked for, the keys (for cursors) and the type attribute (for decoding). */
  private static String projection(QueryPlan<?> state, Map<String, String> names) {
    List<String> always = new ArrayList<>(List.of(state.partitionAttribute()));
    if (state.sortAttribute() != null) {
      always.add(state.sortAttribute());
    }
    always.addAll(Projections.keysAndType(state.store().schema()));
    return Projections.render(state.projection(), always, names);
  }

  static QueryResponse query(QueryPlan<?> state, Map<String, AttributeValue> startKey, Integer limit, boolean count) {
    return query(state, state.partitionValue(), startKey, limit, count);
  }

  /** Sends the request of one partition of the query: its only one, or one shard of a fan-out. */
  static QueryResponse query(QueryPlan<?> state, AttributeValue partition, Map<String, AttributeValue> startKey,
      Integer limit, boolean count) {
    Metering metering = state.store().table().metering();
    // the pattern's name only when a listener is told it: no garbage per query otherwise
    return metering.query(state.store().schema().entityType(), metering.isOn() ? patternName(state) : null,
        request(state, partition, startKey, limit, count));
  }

  /** {@link #query(QueryPlan, AttributeValue, Map, Integer, boolean)} through the async client. */
  static CompletableFuture<QueryResponse> queryAsync(QueryPlan<?> state, AttributeValue partition,
      Map<String, AttributeValue> startKey, Integer limit, boolean count) {
    AsyncMetering metering = state.store().table().asyncMetering();
    return metering.query(state.store().schema().entityType(), metering.isOn() ? patternName(state) : null,
        request(state, partition, startKey, limit, count));
  }

  /** The cursor of the page {@code response} answered, null after the last page: of one partition. */
  static String cursor(QueryPlan<?> state, QueryResponse response) {
    Map<String, AttributeValue> next = Paging.next(response.hasLastEvaluatedKey(), response.lastEvaluatedKey());
    return next == null ? null : Cursors.encode(state.store().table().options(), state.pattern(),
        new Cursors.Cursor(next, state.descending(), 1, Cursors.reads(state), 0, null));
  }

  /**
   * The number of items of one partition of the query from {@code start} on, counted by DynamoDB
   * ({@code Select.COUNT}) page after page through the async client.
   */
  static CompletableFuture<Long> countAsync(QueryPlan<?> state, AttributeValue partition,
      Map<String, AttributeValue> start) {
    return queryAsync(state, partition, start, null, true).thenCompose(response -> {
      Map<String, AttributeValue> next = Paging.next(response.hasLastEvaluatedKey(), response.lastEvaluatedKey());
      long count = response.count() == null ? 0 : response.count();
      return next == null ? CompletableFuture.completedFuture(count)
          : countAsync(state, partition, next).thenApply(rest -> count + rest);
    });
  }

  /** The access pattern's name, as capacity events give it. */
  private static String patternName(QueryPlan<?> state) {
    return Metering.patternName(state.store().schema().entityType(), state.pattern());
  }

  static <T> List<T> items(QueryPlan<T> state, QueryResponse response) {
    return items(state, response.items());
  }

  /** The entities of index or table entries read by the query, in their order. */
  static <T> List<T> items(QueryPlan<T> state, List<Map<String, AttributeValue>> entries) {
    List<Map<String, AttributeValue>> items = entries;
    if (state.tableKeyAttributes() != null) {
      items = fullItems(state, items);
    }
    return decoded(state, items);
  }

  /** The entities of whole items, in their order: another type's, and an excluded bound's, left out. */
  private static <T> List<T> decoded(QueryPlan<T> state, List<Map<String, AttributeValue>> items) {
    AttributeValue excluded = state.condition().excluded();
    List<T> entities = new ArrayList<>(items.size());
    boolean checkType = !state.typeFiltered();
    for (Map<String, AttributeValue> item : items) {
      if ((excluded == null || !excluded.equals(item.get(state.sortAttribute())))
          && (!checkType || state.store().schema().holds(item))) {
        entities.add(state.store().schema().fromItem(item));
      }
    }
    return entities;
  }

  /**
   * {@link #items(QueryPlan, List)} through the async client: the whole items behind index entries
   * are read with async batch gets.
   */
  static <T> CompletableFuture<List<T>> itemsAsync(QueryPlan<T> state, List<Map<String, AttributeValue>> entries) {
    if (state.tableKeyAttributes() == null) {
      return CompletableFuture.completedFuture(items(state, entries));
    }
    return fullItemsAsync(state.store(), patternName(state), state.tableKeyAttributes(), entries,
        state.consistentRead()).thenApply(items -> decoded(state, items));
  }

  /**
   * The whole items behind index entries, in the entries' order, read as repository batch gets are
   * ({@link Batches#fetch}). Entries of other entity types, and items deleted
   * since the index was read, are left out.
   */
  private static <T> List<Map<String, AttributeValue>> fullItems(QueryPlan<T> state, List<Map<String, AttributeValue>> entries) {
    return fullItems(state.store(), patternName(state), state.tableKeyAttributes(), entries, state.consistentRead());
  }

  /**
   * The whole items of {@code store}'s entity type behind index entries (queried or scanned), in the
   * entries' order, read by their {@code tableKeyAttributes}; other types and expired or deleted
   * items are left out. Their capacity is reported under {@code pattern}, the query's or scan's.
   */
  static <T> List<Map<String, AttributeValue>> fullItems(EntityStore<T> store,
      String pattern, List<String> tableKeyAttributes, List<Map<String, AttributeValue>> entries,
      boolean consistentRead) {
    List<Map<String, AttributeValue>> keys = tableKeys(tableKeyAttributes, entries);
    Map<Map<String, AttributeValue>, Map<String, AttributeValue>> found =
        Batches.fetch(store.schema().entityType(), pattern, store.table(), tableKeyAttributes, keys, consistentRead,
            null, Map.of());
    return present(store, keys, found);
  }

  /** {@link #fullItems(EntityStore, String, List, List, boolean)} through the async client. */
  static <T> CompletableFuture<List<Map<String, AttributeValue>>> fullItemsAsync(EntityStore<T> store,
      String pattern, List<String> tableKeyAttributes, List<Map<String, AttributeValue>> entries,
      boolean consistentRead) {
    List<Map<String, AttributeValue>> keys = tableKeys(tableKeyAttributes, entries);
    return Batches.fetchAsync(store.schema().entityType(), pattern, store.table(), tableKeyAttributes, keys,
        consistentRead, null, Map.of()).thenApply(found -> present(store, keys, found));
  }

  /** The distinct table keys of index entries, in their order. */
  private static List<Map<String, AttributeValue>> tableKeys(List<String> tableKeyAttributes,
      List<Map<String, AttributeValue>> entries) {
    List<Map<String, AttributeValue>> keys = new ArrayList<>();
    for (Map<String, AttributeValue> entry : entries) {
      Map<String, AttributeValue> key = new LinkedHashMap<>();
      for (String attribute : tableKeyAttributes) {
        key.put(attribute, entry.get(attribute));
      }
      if (!keys.contains(key)) {
        keys.add(key);
      }
    }
    return keys;
  }

  /** The items found for {@code keys}, in their order: of the store's type, live. */
  private static <T> List<Map<String, AttributeValue>> present(EntityStore<T> store,
      List<Map<String, AttributeValue>> keys, Map<Map<String, AttributeValue>, Map<String, AttributeValue>> found) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    for (Map<String, AttributeValue> key : keys) {
      Map<String, AttributeValue> item = found.get(key);
      if (item != null && store.schema().holds(item) && !store.expired(item)) {
        items.add(item);
      }
    }
    return items;
  }
}
