package dev.monotable.runtime;

import dev.monotable.runtime.internal.EntityStore;
import dev.monotable.runtime.internal.Expression;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * A scan of the whole table for one entity type: every item of the table is read (and paid for),
 * and those of other types are filtered out. Prefer an access pattern; this is for backfills,
 * exports and small tables. Paged like queries.
 *
 * <p>A scan is a value: {@code limit}, {@code filter} and {@code after} return a new scan and leave
 * this one as it was, and terminals never change it.
 *
 * <pre>{@code
 * Scan<Order> orders = table.orders().scanAll();
 * long shipped = orders.filter(OrderFields.STATUS.eq(SHIPPED)).count();
 * Page<Order> page = orders.limit(100).after(cursor).page();   // orders is still unfiltered and unlimited
 * }</pre>
 *
 * @param <T> the entity type
 */
public final class Scan<T> {
  private final EntityStore<T> store;
  private final String pattern;
  private final Integer limit;
  private final Condition filter;
  private final Map<String, AttributeValue> startKey;

  Scan(EntityStore<T> store) {
    this(store, null, null, null);
  }

  private Scan(EntityStore<T> store, Integer limit, Condition filter, Map<String, AttributeValue> startKey) {
    this.store = store;
    this.pattern = store.schema().entityType() + ".scanAll";
    this.limit = limit;
    this.filter = filter;
    this.startKey = startKey;
  }

  /** At most {@code n} items: in all from {@link #list()} and {@link #stream()}, per page from {@link #page()}. */
  public Scan<T> limit(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("limit must be at least 1, not " + n);
    }
    return new Scan<>(store, n, filter, startKey);
  }

  /** Only items for which {@code condition} holds (checked after reading: they still cost reads). */
  public Scan<T> filter(Condition condition) {
    return new Scan<>(store, limit, filter == null ? condition : filter.and(condition), startKey);
  }

  /**
   * Continues after the page whose cursor this is.
   *
   * @throws InvalidCursorException when the cursor is null, altered or not made by this entity's scan
   */
  public Scan<T> after(String cursor) {
    if (cursor == null) {
      throw new InvalidCursorException(pattern + ": after(cursor) was given null; pass the cursor of a page"
          + " (Page.cursor() is empty on the last page), or leave after() out to start at the beginning");
    }
    return new Scan<>(store, limit, filter, Map.copyOf(Cursors.decode(store.table().options(), pattern, cursor)));
  }

  /** Every matching item, reading page after page (up to the limit, when one is set). */
  public List<T> list() {
    List<T> items = new ArrayList<>();
    stream().forEach(items::add);
    return items;
  }

  /** The matching items, read lazily page by page. */
  public Stream<T> stream() {
    return Paging.stream((start, pageLimit) -> {
      ScanResponse response = send(start, pageLimit, false);
      return new Paging.Fetched<>(decode(response), Paging.next(response.hasLastEvaluatedKey(), response.lastEvaluatedKey()));
    }, startKey, limit);
  }

  /** One page: one request, and the cursor to continue. */
  public Page<T> page() {
    ScanResponse response = send(startKey, limit, false);
    Map<String, AttributeValue> next = Paging.next(response.hasLastEvaluatedKey(), response.lastEvaluatedKey());
    return new Page<>(decode(response), next == null ? null : Cursors.encode(store.table().options(), pattern, next));
  }

  /** The number of matching items ({@code Select.COUNT}, every page). */
  public long count() {
    return Paging.count((start, unused) -> {
      ScanResponse response = send(start, null, true);
      return new Paging.Fetched<>(List.of(response.count()), Paging.next(response.hasLastEvaluatedKey(), response.lastEvaluatedKey()));
    }, startKey);
  }

  private ScanResponse send(Map<String, AttributeValue> start, Integer pageLimit, boolean count) {
    Map<String, String> names = new HashMap<>();
    Map<String, AttributeValue> values = new HashMap<>();
    names.put("#type", store.schema().typeAttribute());
    values.put(":type", AttributeValue.fromS(store.schema().entityType()));
    String expression = "#type = :type";
    Condition live = store.table().notExpired();
    if (live != null) {
      expression += " AND (" + live.toExpression(new Expression("t", names, values)) + ")";
    }
    if (filter != null) {
      expression += " AND (" + filter.toExpression(new Expression("f", names, values)) + ")";
    }
    ScanRequest.Builder request = ScanRequest.builder()
        .tableName(store.table().name())
        .filterExpression(expression)
        .expressionAttributeNames(names)
        .expressionAttributeValues(values)
        .exclusiveStartKey(start)
        .limit(pageLimit);
    if (count) {
      request.select(Select.COUNT);
    }
    return store.table().client().scan(request.build());
  }

  private List<T> decode(ScanResponse response) {
    List<T> items = new ArrayList<>(response.items().size());
    for (Map<String, AttributeValue> item : response.items()) {
      items.add(store.schema().fromItem(item));
    }
    return items;
  }
}
