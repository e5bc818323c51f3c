package dev.monotable.runtime.internal;

import dev.monotable.runtime.Condition;
import dev.monotable.runtime.InvalidCursorException;
import dev.monotable.runtime.InvalidKeyException;
import dev.monotable.runtime.LongSortKeyRange;
import dev.monotable.runtime.NarrowedConsistentQuery;
import dev.monotable.runtime.NarrowedQuery;
import dev.monotable.runtime.Path;
import dev.monotable.runtime.SortKeyRange;
import dev.monotable.runtime.TextSortKeyRange;
import dev.monotable.runtime.async.AsyncNarrowedConsistentQuery;
import dev.monotable.runtime.async.AsyncNarrowedQuery;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What one access-pattern query asks for: what it reads ({@link Target}, fixed by the generated
 * access-pattern method), how its sort key is narrowed ({@code prefix}, {@code condition}), and the
 * caller's {@link Options}. Sort keys written from templates are narrowed by prefix: each fixed
 * field extends the prefix with its encoded value, and a range condition on the next field becomes
 * a range of strings inside that prefix, which is right because the encodings preserve order.
 *
 * <p>A plan is an immutable value: every method returns a new plan and leaves this one as it was,
 * so a query builder can be kept, narrowed two ways, shared between threads and run again. The
 * generated query builders narrow theirs:
 *
 * <pre>{@code
 * return new WithOrderDate(plan().fix(OrderKeys.SORT_KEY.encode("orderDate", orderDate) + "#"));
 * return plan().consistentRange(OrderKeys.SORT_KEY.field("orderDate", "#"));
 * }</pre>
 *
 * @param target what the query reads
 * @param prefix the literal start of every sort key the query may read, for template sort keys; else null
 * @param condition the condition on the sort key
 * @param options what the caller chose: limit, direction, consistency, cursor, filter, projection
 * @param <T> the entity type
 */
public record QueryPlan<T>(Target<T> target, String prefix, SortKeyCondition condition, Options options) {

  /**
   * What a query reads, fixed when the access-pattern method starts it.
   *
   * @param store the item operations of the entity type
   * @param pattern the access pattern, {@code Entity.name}, which cursors are bound to
   * @param indexName the index queried, null for the table
   * @param partitionAttribute the partition key attribute queried
   * @param partitionValues the partition of each shard read, in shard order: one unless the key is sharded
   * @param sortAttribute the sort key attribute, null when the key has none
   * @param tableKeyAttributes the table key attributes to read whole items by, or null when the index
   *     holds whole items
   * @param typeFiltered whether requests filter on the type attribute; off where no other entity's
   *     items can lie in the query's range, and the few that could (written by other code) are
   *     skipped as they are read
   */
  public record Target<T>(EntityStore<T> store, String pattern, String indexName, String partitionAttribute,
      List<AttributeValue> partitionValues, String sortAttribute, List<String> tableKeyAttributes,
      boolean typeFiltered) {
    public Target {
      partitionValues = List.copyOf(partitionValues);
      tableKeyAttributes = tableKeyAttributes == null ? null : List.copyOf(tableKeyAttributes);
    }
  }

  /**
   * What the caller chose. A new option is a component here and a field of {@link OptionsCopy},
   * through which every option is set.
   *
   * @param limit the limit, null when there is none
   * @param descending whether the sort key descends
   * @param consistentRead whether the read is strongly consistent
   * @param continuation where the query continues, from the cursor given to {@code after()}; null from the start
   * @param filter the filter, null when there is none
   * @param projection the paths read, null for whole items
   */
  public record Options(Integer limit, boolean descending, boolean consistentRead, Continuation continuation,
      Condition filter, List<Path<?>> projection) {
    static final Options NONE = new Options(null, false, false, null, null, null);
  }

  /** The one copy path of {@link Options}: each option method changes one field of a copy. */
  private static final class OptionsCopy {
    Integer limit;
    boolean descending;
    boolean consistentRead;
    Continuation continuation;
    Condition filter;
    List<Path<?>> projection;

    OptionsCopy(Options options) {
      limit = options.limit();
      descending = options.descending();
      consistentRead = options.consistentRead();
      continuation = options.continuation();
      filter = options.filter();
      projection = options.projection();
    }

    Options options() {
      return new Options(limit, descending, consistentRead, continuation, filter, projection);
    }
  }

  /** The plan a generated access-pattern method starts: nothing narrowed beyond {@code condition}, no option. */
  static <T> QueryPlan<T> start(Target<T> target, String prefix, SortKeyCondition condition) {
    return new QueryPlan<>(target, prefix, condition, Options.NONE);
  }

  // ---- what the query builders of this plan are

  /** A global-index query over this plan whose sort key is narrowed as far as it goes. */
  public NarrowedQuery<T> narrowed() {
    return new DefaultNarrowedQuery<>(this);
  }

  /** A table or local-index query over this plan whose sort key is narrowed as far as it goes. */
  public NarrowedConsistentQuery<T> narrowedConsistent() {
    return new DefaultNarrowedConsistentQuery<>(this);
  }

  /** The range conditions on the next sort-key field, narrowing a global-index query. */
  public <V> SortKeyRange<V, NarrowedQuery<T>> range(SortKeyField<V> field) {
    return new DefaultSortKeyRange<>(this, field, QueryPlan::narrowed);
  }

  /** The range conditions on the next sort-key field, narrowing a table or local-index query. */
  public <V> SortKeyRange<V, NarrowedConsistentQuery<T>> consistentRange(SortKeyField<V> field) {
    return new DefaultSortKeyRange<>(this, field, QueryPlan::narrowedConsistent);
  }

  /** The range and prefix conditions on the next sort-key field, a string, narrowing a global-index query. */
  public TextSortKeyRange<NarrowedQuery<T>> textRange(SortKeyField<String> field) {
    return new DefaultTextSortKeyRange<>(this, field, QueryPlan::narrowed);
  }

  /** The range and prefix conditions on the next sort-key field, a string, narrowing a table or local-index query. */
  public TextSortKeyRange<NarrowedConsistentQuery<T>> consistentTextRange(SortKeyField<String> field) {
    return new DefaultTextSortKeyRange<>(this, field, QueryPlan::narrowedConsistent);
  }

  /** The range conditions on the next sort-key field, a {@code long}, narrowing a global-index query. */
  public LongSortKeyRange<NarrowedQuery<T>> longRange(SortKeyField<Long> field) {
    return new DefaultLongSortKeyRange<>(this, field, QueryPlan::narrowed);
  }

  /** The range conditions on the next sort-key field, a {@code long}, narrowing a table or local-index query. */
  public LongSortKeyRange<NarrowedConsistentQuery<T>> consistentLongRange(SortKeyField<Long> field) {
    return new DefaultLongSortKeyRange<>(this, field, QueryPlan::narrowedConsistent);
  }

  // ---- the async builders of this plan, for the generated async repositories

  /** An async global-index query over this plan whose sort key is narrowed as far as it goes. */
  public AsyncNarrowedQuery<T> asyncNarrowed() {
    return new DefaultAsyncNarrowedQuery<>(this);
  }

  /** An async table or local-index query over this plan whose sort key is narrowed as far as it goes. */
  public AsyncNarrowedConsistentQuery<T> asyncNarrowedConsistent() {
    return new DefaultAsyncNarrowedConsistentQuery<>(this);
  }

  /** {@link #range}, narrowing an async global-index query. */
  public <V> SortKeyRange<V, AsyncNarrowedQuery<T>> asyncRange(SortKeyField<V> field) {
    return new DefaultSortKeyRange<>(this, field, QueryPlan::asyncNarrowed);
  }

  /** {@link #consistentRange}, narrowing an async table or local-index query. */
  public <V> SortKeyRange<V, AsyncNarrowedConsistentQuery<T>> asyncConsistentRange(SortKeyField<V> field) {
    return new DefaultSortKeyRange<>(this, field, QueryPlan::asyncNarrowedConsistent);
  }

  /** {@link #textRange}, narrowing an async global-index query. */
  public TextSortKeyRange<AsyncNarrowedQuery<T>> asyncTextRange(SortKeyField<String> field) {
    return new DefaultTextSortKeyRange<>(this, field, QueryPlan::asyncNarrowed);
  }

  /** {@link #consistentTextRange}, narrowing an async table or local-index query. */
  public TextSortKeyRange<AsyncNarrowedConsistentQuery<T>> asyncConsistentTextRange(SortKeyField<String> field) {
    return new DefaultTextSortKeyRange<>(this, field, QueryPlan::asyncNarrowedConsistent);
  }

  /** {@link #longRange}, narrowing an async global-index query. */
  public LongSortKeyRange<AsyncNarrowedQuery<T>> asyncLongRange(SortKeyField<Long> field) {
    return new DefaultLongSortKeyRange<>(this, field, QueryPlan::asyncNarrowed);
  }

  /** {@link #consistentLongRange}, narrowing an async table or local-index query. */
  public LongSortKeyRange<AsyncNarrowedConsistentQuery<T>> asyncConsistentLongRange(SortKeyField<Long> field) {
    return new DefaultLongSortKeyRange<>(this, field, QueryPlan::asyncNarrowedConsistent);
  }

  // ---- what the query asks for, read by the runtime that sends it

  /** The item operations of the entity type. */
  public EntityStore<T> store() {
    return target.store();
  }

  /** The access pattern, {@code Entity.name}, which cursors are bound to. */
  public String pattern() {
    return target.pattern();
  }

  /** The index queried, null for the table. */
  public String indexName() {
    return target.indexName();
  }

  /** The partition key attribute queried. */
  public String partitionAttribute() {
    return target.partitionAttribute();
  }

  /**
   * The partition read.
   *
   * @throws IllegalStateException when the partition key is sharded: see {@link #partitionValues()}
   */
  public AttributeValue partitionValue() {
    if (target.partitionValues().size() != 1) {
      throw new IllegalStateException(pattern() + " reads " + target.partitionValues().size()
          + " shards, not one partition");
    }
    return target.partitionValues().get(0);
  }

  /** The partition of each shard read, in shard order: one unless the partition key is sharded. */
  public List<AttributeValue> partitionValues() {
    return target.partitionValues();
  }

  /** Whether the query fans out over the shards of a sharded partition key. */
  public boolean sharded() {
    return target.partitionValues().size() > 1;
  }

  /** The sort key attribute, null when the key has none. */
  public String sortAttribute() {
    return target.sortAttribute();
  }

  /** The table key attributes to read whole items by, or null when the index holds whole items. */
  public List<String> tableKeyAttributes() {
    return target.tableKeyAttributes();
  }

  /** Whether the query's requests filter on the type attribute. */
  public boolean typeFiltered() {
    return target.typeFiltered();
  }

  /** The limit, null when there is none. */
  public Integer limit() {
    return options.limit();
  }

  /** Whether the sort key descends. */
  public boolean descending() {
    return options.descending();
  }

  /** Whether the read is strongly consistent. */
  public boolean consistentRead() {
    return options.consistentRead();
  }

  /** The key to continue after, null from the start. */
  public Map<String, AttributeValue> startKey() {
    return options.continuation() == null ? null : options.continuation().key();
  }

  /** Where the query continues, as the cursor given to {@code after()} recorded it; null from the start. */
  public Continuation continuation() {
    return options.continuation();
  }

  /** The filter, null when there is none. */
  public Condition filter() {
    return options.filter();
  }

  /** The paths read, null for whole items. */
  public List<Path<?>> projection() {
    return options.projection();
  }

  // ---- narrowing of template sort keys; {@code continuation} is the template text after the field

  /** Fixes a field that more placeholders follow: the prefix grows by its encoded value and text. */
  public QueryPlan<T> fix(String encodedWithFollowingText) {
    String fixed = prefix + encodedWithFollowingText;
    return narrowed(fixed, SortKeyCondition.beginsWith(s(fixed)));
  }

  /** Fixes the last field: the whole sort key is known. */
  public QueryPlan<T> fixLast(String encodedWithFollowingText) {
    String fixed = prefix + encodedWithFollowingText;
    return narrowed(fixed, SortKeyCondition.equalTo(s(fixed)));
  }

  /** The next field is below {@code encoded}. */
  public QueryPlan<T> lessThan(String encoded, String continuation) {
    String bound = prefix + encoded;
    if (prefix.isEmpty()) {
      return narrowed(prefix, SortKeyCondition.compare("<", s(bound)));
    }
    SortKeyCondition below = SortKeyCondition.between(s(prefix), s(bound));
    return narrowed(prefix, continuation.isEmpty() ? below.excluding(s(bound)) : below);
  }

  /** The next field is at most {@code encoded}. */
  public QueryPlan<T> atMost(String encoded, String continuation) {
    String bound = continuation.isEmpty() ? prefix + encoded : prefix + encoded + after(continuation.charAt(0));
    return narrowed(prefix, prefix.isEmpty()
        ? SortKeyCondition.compare("<=", s(bound))
        : SortKeyCondition.between(s(prefix), s(bound)));
  }

  /** The next field is above {@code encoded}. */
  public QueryPlan<T> greaterThan(String encoded, String continuation) {
    if (continuation.isEmpty()) {
      String bound = prefix + encoded;
      return narrowed(prefix, prefix.isEmpty()
          ? SortKeyCondition.compare(">", s(bound))
          : SortKeyCondition.between(s(bound), s(end(prefix))).excluding(s(bound)));
    }
    String bound = prefix + encoded + after(continuation.charAt(0));
    return narrowed(prefix, prefix.isEmpty()
        ? SortKeyCondition.compare(">=", s(bound))
        : SortKeyCondition.between(s(bound), s(end(prefix))));
  }

  /** The next field is at least {@code encoded}. */
  public QueryPlan<T> atLeast(String encoded, String continuation) {
    String bound = prefix + encoded;
    return narrowed(prefix, prefix.isEmpty()
        ? SortKeyCondition.compare(">=", s(bound))
        : SortKeyCondition.between(s(bound), s(end(prefix))));
  }

  /** The next field is between the two encoded values, both included. */
  public QueryPlan<T> between(String low, String high, String continuation) {
    String upper = continuation.isEmpty() ? prefix + high : prefix + high + after(continuation.charAt(0));
    return narrowed(prefix, SortKeyCondition.between(s(prefix + low), s(upper)));
  }

  /** The next field (a string) begins with {@code start}. */
  public QueryPlan<T> beginsWith(String start) {
    return narrowed(prefix, SortKeyCondition.beginsWith(s(prefix + start)));
  }

  // ---- conditions on a raw-attribute sort key, compared by its own type

  /** The sort attribute equals {@code value}. */
  public QueryPlan<T> rawEqualTo(AttributeValue value) {
    return narrowed(prefix, SortKeyCondition.equalTo(sortKeyValue(value)));
  }

  /** The sort attribute compares to {@code value} with {@code <}, {@code <=}, {@code >} or {@code >=}. */
  public QueryPlan<T> rawCompare(String operator, AttributeValue value) {
    return narrowed(prefix, SortKeyCondition.compare(operator, sortKeyValue(value)));
  }

  /** The sort attribute is between the two values, both included; the caller has checked their order. */
  public QueryPlan<T> rawBetween(AttributeValue low, AttributeValue high) {
    return narrowed(prefix, SortKeyCondition.between(sortKeyValue(low), sortKeyValue(high)));
  }

  /** The sort attribute (a string) begins with {@code start}. */
  public QueryPlan<T> rawBeginsWith(AttributeValue start) {
    return narrowed(prefix, SortKeyCondition.beginsWith(sortKeyValue(start)));
  }

  /**
   * A value of the raw sort attribute, checked as DynamoDB checks a sort key in a key condition: not
   * empty, at most 1,024 bytes. A plain table sort key's builder checks it first, naming the field;
   * this catches a raw index sort key's value, which its builder checks as any key (2,048 bytes).
   */
  private AttributeValue sortKeyValue(AttributeValue value) {
    String problem = KeyMaps.problem(value, KeyFormat.MAX_SORT_KEY_BYTES);
    if (problem != null) {
      throw new InvalidKeyException(store().schema().entityType(), sortAttribute(), "<" + sortAttribute() + ">", problem);
    }
    return value;
  }

  // ---- options, set by the query builders

  private QueryPlan<T> withOptions(Consumer<OptionsCopy> change) {
    OptionsCopy copy = new OptionsCopy(options);
    change.accept(copy);
    return new QueryPlan<>(target, prefix, condition, copy.options());
  }

  QueryPlan<T> withFilter(Condition added) {
    return withOptions(o -> o.filter = o.filter == null ? added : o.filter.and(added));
  }

  QueryPlan<T> withProjection(List<Path<?>> paths) {
    return withOptions(o -> o.projection = List.copyOf(paths));
  }

  QueryPlan<T> withDescending() {
    return withOptions(o -> o.descending = true);
  }

  QueryPlan<T> withLimit(int n) {
    return withOptions(o -> o.limit = n);
  }

  QueryPlan<T> withConsistentRead() {
    return withOptions(o -> o.consistentRead = true);
  }

  /**
   * The plan continuing from {@code from}, a cursor's. Checked against this plan when a request is
   * built ({@link #checkContinuation()}), as the direction and the narrowing may still change.
   */
  QueryPlan<T> withContinuation(Continuation from) {
    return withOptions(o -> o.continuation = from);
  }

  /**
   * Refuses a continuation() that this query cannot take: one made by a query of the other direction
   * (whose position means "before" what this query reads next), or whose position lies outside this
   * query's sort-key condition, which DynamoDB would refuse — a cursor of the whole partition given
   * to a narrowed query. A fan-out's position is the last item it handed out. The condition, the
   * direction and the cursor may have been set in any order, so this is checked when a request is
   * built, not in {@code after()}.
   *
   * @throws InvalidCursorException naming the access pattern() and what does not match
   */
  public void checkContinuation() {
    if (continuation() == null) {
      return;
    }
    if (continuation().descending() != descending()) {
      throw new InvalidCursorException("the cursor of " + pattern() + " continues " + (continuation().descending()
          ? "a descending query" : "an ascending query") + ", and this one reads " + (descending() ? "descending"
          : "ascending") + "; a cursor continues only the direction of the query whose page made it: start this"
          + " query without the cursor, or keep the direction");
    }
    if (!sharded()) {
      checkPosition(continuation().key());
    } else if (continuation().last() != null) {
      checkSortKey(continuation().lastSortKey(sortAttribute()));
    }
  }

  /**
   * Where one shard of a fan-out starts, given its position in the cursor: the position itself when
   * this query's condition admits it, or null (the start of the condition) when the position lies
   * before the condition in the reading direction while the fan-out's last item lies inside it — a
   * shard the cursor's query had read less far in; the fan-out skips what lies before that item.
   *
   * @throws InvalidCursorException when the position lies outside the condition otherwise
   */
  public Map<String, AttributeValue> shardStart(Map<String, AttributeValue> position) {
    AttributeValue sortKey = sortAttribute() == null ? null : position.get(sortAttribute());
    if (sortAttribute() == null || condition.admits(sortKey)) {
      return position;
    }
    if (continuation() != null && continuation().last() != null && condition.precedes(sortKey, descending())) {
      return null;
    }
    checkSortKey(sortKey);
    return position;
  }

  /**
   * Refuses a position (one shard's, or the start key) whose sort key lies outside this query's
   * sort-key condition.
   *
   * @throws InvalidCursorException naming the access pattern(), the cursor's sort key and the condition
   */
  private void checkPosition(Map<String, AttributeValue> key) {
    if (sortAttribute() != null) {
      checkSortKey(key.get(sortAttribute()));
    }
  }

  private void checkSortKey(AttributeValue sortKey) {
    if (sortAttribute() != null && !condition.admits(sortKey)) {
      throw new InvalidCursorException("the cursor cannot continue this query of " + pattern() + ": it points at "
          + sortAttribute() + " " + SortKeyCondition.describe(sortKey) + ", outside the query's sort-key condition ("
          + condition.describe(sortAttribute()) + "); a cursor continues only a query narrowed as the one whose page made it");
    }
  }

  private QueryPlan<T> narrowed(String prefix, SortKeyCondition condition) {
    return new QueryPlan<>(target, prefix, condition, options);
  }

  /** The smallest string above every string that begins with {@code prefix}. */
  private static String end(String prefix) {
    char last = prefix.charAt(prefix.length() - 1);
    return prefix.substring(0, prefix.length() - 1) + after(last);
  }

  private static char after(char c) {
    if (c == Character.MAX_VALUE) {
      throw new IllegalStateException("cannot narrow after the character U+FFFF");
    }
    return (char) (c + 1);
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(Objects.requireNonNull(value));
  }

  /**
   * Where a query continues, as its cursor recorded it: the key to start after and the direction of
   * the query that made the cursor. A fan-out's key holds a position per shard, and its cursor also
   * records a digest of its sort-key condition ({@code narrowing}) and the key of the last item it
   * handed out ({@code last}, null when it handed out none); a query of one partition has 0 and null.
   */
  public record Continuation(Map<String, AttributeValue> key, boolean descending, long narrowing,
      Map<String, AttributeValue> last) {
    public Continuation {
      key = Map.copyOf(key);
      last = last == null ? null : Map.copyOf(last);
    }

    /** The sort key of the last item handed out, null when there is none. */
    public AttributeValue lastSortKey(String sortAttribute) {
      return last == null || sortAttribute == null ? null : last.get(sortAttribute);
    }
  }

  /**
   * The start of a query as a generated access-pattern method describes it, in one chain
   * ({@code store.query(AppDataTable.PRIMARY_KEY, ..).ownTerritory().sortKeyTerritory("ORDER#").plan()}): set while the
   * chain runs, then made into the one immutable plan that the query builders narrow. Not shared:
   * only the chain that made it holds it.
   *
   * @param <T> the entity type
   */
  public static final class Start<T> {
    private final EntityStore<T> store;
    private final String pattern;
    private final String indexName;
    private final String partitionAttribute;
    private final List<AttributeValue> partitionValues;
    private final String sortAttribute;
    private final List<String> tableKeyAttributes;
    private String prefix;
    private SortKeyCondition condition = SortKeyCondition.none();
    private boolean typeFiltered = true;

    /** {@code tableKeyAttributes}: those to read whole items by, null when the index holds them. */
    Start(EntityStore<T> store, String pattern, String indexName, String partitionAttribute,
        List<AttributeValue> partitionValues, String sortAttribute, List<String> tableKeyAttributes) {
      this.store = store;
      this.pattern = pattern;
      this.indexName = indexName;
      this.partitionAttribute = partitionAttribute;
      this.partitionValues = List.copyOf(partitionValues);
      this.sortAttribute = sortAttribute;
      this.tableKeyAttributes = tableKeyAttributes;
    }

    /**
     * The processor found that no other entity of the table can have items in this query's range
     * (its partitions and sort-key territory are the entity's own): requests leave out the filter on
     * the type attribute, which costs a name, a value and an expression on every request, and an
     * item of another type read anyway (written by other code) is skipped as it is decoded. Counts
     * keep the filter: they return no items to check.
     */
    public Start<T> ownTerritory() {
      typeFiltered = false;
      return this;
    }

    /**
     * A sort key written from a template: items of this entity have sort keys that begin with
     * {@code territory}, the template's literal prefix ({@code ORDER#} for {@code ORDER#<orderId>}).
     */
    public Start<T> sortKeyTerritory(String territory) {
      prefix = territory;
      condition = territory.isEmpty() ? SortKeyCondition.none() : SortKeyCondition.beginsWith(s(territory));
      return this;
    }

    /** A sort key with no placeholder: the query reads exactly this sort key. */
    public Start<T> exactSortKey(String sortKey) {
      condition = SortKeyCondition.equalTo(s(sortKey));
      return this;
    }


    /** The plan the chain describes, for the constructors of generated builders. */
    public QueryPlan<T> plan() {
      return QueryPlan.start(new Target<>(store, pattern, indexName, partitionAttribute, partitionValues, sortAttribute,
          tableKeyAttributes, typeFiltered), prefix, condition);
    }

    /** A global-index query over the plan whose sort key is narrowed as far as it goes. */
    public NarrowedQuery<T> narrowed() {
      return plan().narrowed();
    }

    /** A table or local-index query over the plan whose sort key is narrowed as far as it goes. */
    public NarrowedConsistentQuery<T> narrowedConsistent() {
      return plan().narrowedConsistent();
    }

    /** An async global-index query over the plan whose sort key is narrowed as far as it goes. */
    public AsyncNarrowedQuery<T> asyncNarrowed() {
      return plan().asyncNarrowed();
    }

    /** An async table or local-index query over the plan whose sort key is narrowed as far as it goes. */
    public AsyncNarrowedConsistentQuery<T> asyncNarrowedConsistent() {
      return plan().asyncNarrowedConsistent();
    }
  }
}
