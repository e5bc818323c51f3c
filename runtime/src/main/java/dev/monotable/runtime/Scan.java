package dev.monotable.runtime;

import dev.monotable.runtime.internal.EntityStore;
import dev.monotable.runtime.internal.Expression;
import dev.monotable.runtime.internal.Metering;
import dev.monotable.runtime.internal.Projections;
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

  Scan(EntityStore<T> store) {
    this(store, new Source(null, false, null, 0, 0), null, null, null, null, false);
  }

  /** A scan of index {@code index}; with {@code tableKeyAttributes}, one whose whole items are read by these keys. */
  Scan(EntityStore<T> store, String index, boolean global, List<String> tableKeyAttributes) {
    this(store, new Source(index, global, tableKeyAttributes == null ? null : List.copyOf(tableKeyAttributes), 0, 0),
        null, null, null, null, false);
  }

  private Scan(EntityStore<T> store, Source source, Integer limit, Condition filter,
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
  Scan<T> segment(int segment, int totalSegments) {
    Source segmented = new Source(source.index(), source.global(), source.tableKeyAttributes(), segment, totalSegments);
    return new Scan<>(store, segmented, limit, filter, null, projection, consistentRead);
  }

  /**
   * This scan split into {@code totalSegments} segments that DynamoDB reads independently
   * ({@code Segment}/{@code TotalSegments}): read each with {@link ParallelScan#segment(int)} (one
   * worker each, with its own pages and cursors), or all of them at once with
   * {@link ParallelScan#list()} or {@link ParallelScan#forEach}. The limit, filter and projection
   * hold in every segment; the limit caps each segment.
   *
   * @throws IllegalArgumentException when {@code totalSegments} is not between 1 and 1,000,000
   * @throws IllegalStateException when this scan continues after a cursor, or is a segment already
   */
  public ParallelScan<T> segments(int totalSegments) {
    if (totalSegments < 1 || totalSegments > MAX_SEGMENTS) {
      throw new IllegalArgumentException("a parallel scan has 1 to " + MAX_SEGMENTS + " segments, not "
          + totalSegments);
    }
    if (startKey != null || source.totalSegments() != 0) {
      throw new IllegalStateException(pattern + ": only a whole scan from its start can be split into segments");
    }
    return new ParallelScan<>(this, totalSegments);
  }

  /** At most {@code n} items: in all from {@link #list()} and {@link #stream()}, per page from {@link #page()}. */
  public Scan<T> limit(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("limit must be at least 1, not " + n);
    }
    return new Scan<>(store, source, n, filter, startKey, projection, consistentRead);
  }

  /**
   * Only items for which {@code condition} holds (checked after reading: they still cost reads).
   *
   * @throws IllegalStateException on an index whose projection does not hold whole items
   */
  public Scan<T> filter(Condition condition) {
    if (source.tableKeyAttributes() != null) {
      throw new IllegalStateException("index " + source.index() + " does not project whole items, so " + pattern
          + " cannot filter on their attributes; filter the items it returns instead");
    }
    Condition combined = filter == null ? condition : filter.and(condition);
    return new Scan<>(store, source, limit, combined, startKey, projection, consistentRead);
  }

  /**
   * Reads only these attributes (plus the keys and the type attribute), as {@code Query.project}
   * does: the entities come back with every other field absent (null, empty, zero or false).
   *
   * @throws IllegalArgumentException when no path is given
   * @throws IllegalStateException on an index whose projection does not hold whole items
   */
  public Scan<T> project(Path<?>... paths) {
    if (paths.length == 0) {
      throw new IllegalArgumentException("project() needs at least one path");
    }
    if (source.tableKeyAttributes() != null) {
      throw new IllegalStateException("index " + source.index() + " projects only keys; " + pattern
          + " reads whole items by their keys");
    }
    return new Scan<>(store, source, limit, filter, startKey, List.of(paths), consistentRead);
  }

  /**
   * Strongly consistent reads ({@code ConsistentRead}), at twice the read units.
   *
   * @throws IllegalStateException on a global secondary index, which DynamoDB reads eventually consistent only
   */
  public Scan<T> consistentRead() {
    if (source.global()) {
      throw new IllegalStateException(pattern + ": global secondary index " + source.index()
          + " cannot be read consistently");
    }
    return new Scan<>(store, source, limit, filter, startKey, projection, true);
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
    Map<String, AttributeValue> key = Map.copyOf(Cursors.decode(store.table().options(), pattern, cursor));
    return new Scan<>(store, source, limit, filter, key, projection, consistentRead);
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

  /**
   * The number of matching items ({@code Select.COUNT}, every page); on an index that holds only
   * keys, the items are read and those of this entity type counted.
   */
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
        filters.add("(" + live.toExpression(new Expression("t", names, values)) + ")");
      }
    }
    if (filter != null) {
      filters.add("(" + filter.toExpression(new Expression("f", names, values)) + ")");
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
    return store.table().metering().scan(store.schema().entityType(), meteredPattern(), request.build());
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
    List<T> items = new ArrayList<>(read.size());
    for (Map<String, AttributeValue> item : read) {
      items.add(store.schema().fromItem(item));
    }
    return items;
  }
}
