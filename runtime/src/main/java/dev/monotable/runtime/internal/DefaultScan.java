package dev.monotable.runtime.internal;

import dev.monotable.runtime.Condition;
import dev.monotable.runtime.InvalidCursorException;
import dev.monotable.runtime.Page;
import dev.monotable.runtime.ParallelScan;
import dev.monotable.runtime.Path;
import dev.monotable.runtime.Scan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * The implementation of {@link Scan}.
 *
 * @param <T> the entity type
 */
public final class DefaultScan<T> implements Scan<T> {
  /** DynamoDB's bound on {@code TotalSegments}. */
  static final int MAX_SEGMENTS = 1_000_000;

  private final EntityStore<T> store;
  private final Source source;
  private final String pattern;
  private final Integer limit;
  private final Condition filter;
  private final Map<String, AttributeValue> startKey;
  private final List<Path<?>> projection;
  private final boolean consistentRead;

  /**
   * What a scan reads: the table or an index ({@code global} when it is a global one), whether the
   * index entries are only keys of items to read whole ({@code tableKeyAttributes}, else null), and
   * which segment of a parallel scan ({@code totalSegments} 0 for a whole scan).
   */
  private record Source(String index, boolean global, List<String> tableKeyAttributes, int segment, int totalSegments) {
    String pattern(String entityType) {
      String scan = index == null ? entityType + ".scanAll" : entityType + ".scanIndex(" + index + ")";
      return totalSegments == 0 ? scan : scan + "#" + segment + "/" + totalSegments;
    }
  }

  DefaultScan(EntityStore<T> store) {
    this(store, new Source(null, false, null, 0, 0), null, null, null, null, false);
  }

  /** A scan of index {@code index}; with {@code tableKeyAttributes}, one whose whole items are read by these keys. */
  DefaultScan(EntityStore<T> store, String index, boolean global, List<String> tableKeyAttributes) {
    this(store, new Source(index, global, tableKeyAttributes == null ? null : List.copyOf(tableKeyAttributes), 0, 0),
        null, null, null, null, false);
  }

  private DefaultScan(EntityStore<T> store, Source source, Integer limit, Condition filter,
      Map<String, AttributeValue> startKey, List<Path<?>> projection, boolean consistentRead) {
    this.store = store;
    this.source = source;
    this.pattern = source.pattern(store.schema().entityType());
    this.limit = limit;
    this.filter = filter;
    this.startKey = startKey;
    this.projection = projection;
    this.consistentRead = consistentRead;
  }

  /** Segment {@code segment} of {@code totalSegments}: what {@link ParallelScan#segment(int)} hands out. */
  DefaultScan<T> segment(int segment, int totalSegments) {
    Source segmented = new Source(source.index(), source.global(), source.tableKeyAttributes(), segment, totalSegments);
    return new DefaultScan<>(store, segmented, limit, filter, null, projection, consistentRead);
  }

  @Override
  public ParallelScan<T> segments(int totalSegments) {
    if (totalSegments < 1 || totalSegments > MAX_SEGMENTS) {
      throw new IllegalArgumentException("a parallel scan has 1 to " + MAX_SEGMENTS + " segments, not "
          + totalSegments);
    }
    if (startKey != null || source.totalSegments() != 0) {
      throw new IllegalStateException(pattern + ": only a whole scan from its start can be split into segments");
    }
    return new DefaultParallelScan<>(this, totalSegments);
  }

  @Override
  public DefaultScan<T> limit(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("limit must be at least 1, not " + n);
    }
    return new DefaultScan<>(store, source, n, filter, startKey, projection, consistentRead);
  }

  @Override
  public DefaultScan<T> filter(Condition condition) {
    if (source.tableKeyAttributes() != null) {
      throw new IllegalStateException("index " + source.index() + " does not project whole items, so " + pattern
          + " cannot filter on their attributes; filter the items it returns instead");
    }
    Condition combined = filter == null ? condition : filter.and(condition);
    return new DefaultScan<>(store, source, limit, combined, startKey, projection, consistentRead);
  }

  @Override
  public DefaultScan<T> project(Path<?>... paths) {
    if (paths.length == 0) {
      throw new IllegalArgumentException("project() needs at least one path");
    }
    if (source.tableKeyAttributes() != null) {
      throw new IllegalStateException("index " + source.index() + " projects only keys; " + pattern
          + " reads whole items by their keys");
    }
    return new DefaultScan<>(store, source, limit, filter, startKey, List.of(paths), consistentRead);
  }

  @Override
  public DefaultScan<T> consistentRead() {
    if (source.global()) {
      throw new IllegalStateException(pattern + ": global secondary index " + source.index()
          + " cannot be read consistently");
    }
    return new DefaultScan<>(store, source, limit, filter, startKey, projection, true);
  }

  @Override
  public DefaultScan<T> after(String cursor) {
    if (cursor == null) {
      throw new InvalidCursorException(pattern + ": after(cursor) was given null; pass the cursor of a page"
          + " (Page.cursor() is empty on the last page), or leave after() out to start at the beginning");
    }
    Map<String, AttributeValue> key = Map.copyOf(Cursors.decode(store.table().options(), pattern, cursor));
    return new DefaultScan<>(store, source, limit, filter, key, projection, consistentRead);
  }

  @Override
  public List<T> list() {
    List<T> items = new ArrayList<>();
    stream().forEach(items::add);
    return items;
  }

  @Override
  public Stream<T> stream() {
    return Paging.stream((start, pageLimit) -> {
      ScanResponse response = send(start, pageLimit, false);
      return new Paging.Fetched<>(decode(response), Paging.next(response.hasLastEvaluatedKey(), response.lastEvaluatedKey()));
    }, startKey, limit);
  }

  @Override
  public Page<T> page() {
    ScanResponse response = send(startKey, limit, false);
    return Page.of(decode(response), cursor(response));
  }

  @Override
  public long count() {
    if (source.tableKeyAttributes() != null) {
      return stream().count();
    }
    return Paging.count((start, unused) -> {
      ScanResponse response = send(start, null, true);
      return new Paging.Fetched<>(List.of(response.count()), Paging.next(response.hasLastEvaluatedKey(), response.lastEvaluatedKey()));
    }, startKey);
  }

  private ScanResponse send(Map<String, AttributeValue> start, Integer pageLimit, boolean count) {
    return store.table().metering().scan(store.schema().entityType(), meteredPattern(),
        request(start, pageLimit, count));
  }

  // ---- what DefaultAsyncScan, over this scan, sends and decodes

  CompletableFuture<ScanResponse> sendAsync(Map<String, AttributeValue> start, Integer pageLimit, boolean count) {
    return store.table().asyncMetering().scan(store.schema().entityType(), meteredPattern(),
        request(start, pageLimit, count));
  }

  CompletableFuture<List<T>> decodeAsync(ScanResponse response) {
    if (source.tableKeyAttributes() == null) {
      return CompletableFuture.completedFuture(decoded(response.items()));
    }
    return QueryRunner.fullItemsAsync(store, meteredPattern(), source.tableKeyAttributes(), response.items(),
        consistentRead).thenApply(this::decoded);
  }

  /** The cursor of the page {@code response} answered, null after the last. */
  String cursor(ScanResponse response) {
    Map<String, AttributeValue> next = Paging.next(response.hasLastEvaluatedKey(), response.lastEvaluatedKey());
    return next == null ? null : Cursors.encode(store.table().options(), pattern, next);
  }

  Map<String, AttributeValue> startKey() {
    return startKey;
  }

  Integer limitOrNull() {
    return limit;
  }

  /** Whether a count reads the items (an index of keys only, whose entries may be of other types). */
  boolean countsByReading() {
    return source.tableKeyAttributes() != null;
  }

  EntityStore<T> store() {
    return store;
  }

  private ScanRequest request(Map<String, AttributeValue> start, Integer pageLimit, boolean count) {
    Map<String, String> names = new HashMap<>();
    Map<String, AttributeValue> values = new HashMap<>();
    List<String> filters = new ArrayList<>();
    if (source.tableKeyAttributes() == null) {
      // entries hold whole items: keep only this entity's live ones (the rest are checked after fetching)
      if (!store.schema().typeAttribute().isEmpty()) {
        names.put("#type", store.schema().typeAttribute());
        values.put(":type", AttributeValue.fromS(store.schema().entityType()));
        filters.add("#type = :type");
      }
      Condition live = store.table().notExpired();
      if (live != null) {
        filters.add("(" + ExpressionCondition.of(live).render(new Expression("t", names, values)) + ")");
      }
    }
    if (filter != null) {
      filters.add("(" + ExpressionCondition.of(filter).render(new Expression("f", names, values)) + ")");
    }
    // names are copied into the request when it is built: collect every one of them first
    String projected = !count && projection != null ? Projections.render(projection, store.readAlways(), names) : null;
    ScanRequest.Builder request = ScanRequest.builder()
        .tableName(store.table().name())
        .indexName(source.index())
        .filterExpression(filters.isEmpty() ? null : String.join(" AND ", filters))
        .expressionAttributeNames(names.isEmpty() ? null : names)
        .expressionAttributeValues(values.isEmpty() ? null : values)
        .projectionExpression(projected)
        .consistentRead(consistentRead ? Boolean.TRUE : null)
        .exclusiveStartKey(start)
        .limit(pageLimit);
    if (source.totalSegments() != 0) {
      request.segment(source.segment()).totalSegments(source.totalSegments());
    }
    if (count) {
      request.select(Select.COUNT);
    }
    return request.build();
  }

  /** What capacity events name this scan: {@code scanAll} or {@code scanIndex(ByTag)}, whatever the segment. */
  private String meteredPattern() {
    String name = Metering.patternName(store.schema().entityType(), pattern);
    return name.contains("#") ? name.substring(0, name.indexOf('#')) : name;
  }

  private List<T> decode(ScanResponse response) {
    List<Map<String, AttributeValue>> read = source.tableKeyAttributes() == null ? response.items()
        : QueryRunner.fullItems(store, meteredPattern(), source.tableKeyAttributes(), response.items(),
            consistentRead);
    return decoded(read);
  }

  private List<T> decoded(List<Map<String, AttributeValue>> read) {
    List<T> items = new ArrayList<>(read.size());
    for (Map<String, AttributeValue> item : read) {
      items.add(store.schema().fromItem(item));
    }
    return items;
  }
}
