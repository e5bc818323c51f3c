package dev.monotable.runtime;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What one access-pattern query asks for, filled in by the generated query builders: the partition,
 * how the sort key is narrowed, and the options. Sort keys written from templates are narrowed by
 * prefix: each fixed field extends the prefix with its encoded value, and a range condition on the
 * next field becomes a range of strings inside that prefix, which is right because the encodings
 * preserve order. A query builder is used by one thread, once.
 *
 * @param <T> the entity type
 */
public final class QueryState<T> {
  final EntityStore<T> store;
  final String pattern;
  final String indexName;
  final String partitionAttribute;
  final AttributeValue partitionValue;
  final String sortAttribute;
  private String prefix;
  SortKeyCondition condition = SortKeyCondition.none();
  List<String> tableKeyAttributes;
  Integer limit;
  boolean descending;
  boolean consistentRead;
  Map<String, AttributeValue> startKey;
  Condition filter;
  List<Path<?>> projection;

  QueryState(EntityStore<T> store, String pattern, String indexName, String partitionAttribute,
      AttributeValue partitionValue, String sortAttribute) {
    this.store = store;
    this.pattern = pattern;
    this.indexName = indexName;
    this.partitionAttribute = partitionAttribute;
    this.partitionValue = partitionValue;
    this.sortAttribute = sortAttribute;
  }

  /**
   * A sort key written from a template: items of this entity have sort keys that begin with
   * {@code territory}, the template's literal prefix ({@code ORDER#} for {@code ORDER#<orderId>}).
   */
  public QueryState<T> sortKeyTerritory(String territory) {
    prefix = territory;
    condition = territory.isEmpty() ? SortKeyCondition.none() : SortKeyCondition.beginsWith(s(territory));
    return this;
  }

  /** A sort key with no placeholder: the query reads exactly this sort key. */
  public QueryState<T> exactSortKey(String sortKey) {
    condition = SortKeyCondition.equalTo(s(sortKey));
    return this;
  }

  /**
   * An index whose projection cannot build the entity: the query reads the index, then the full
   * items by their table keys ({@code BatchGetItem}).
   */
  public QueryState<T> fetchFullItems(String... tableKeyAttributes) {
    this.tableKeyAttributes = List.of(tableKeyAttributes);
    return this;
  }

  // ---- narrowing of template sort keys; {@code continuation} is the template text after the field

  /** Fixes a field that more placeholders follow: the prefix grows by its encoded value and text. */
  public void fix(String encodedWithFollowingText) {
    prefix += encodedWithFollowingText;
    condition = SortKeyCondition.beginsWith(s(prefix));
  }

  /** Fixes the last field: the whole sort key is known. */
  public void fixLast(String encodedWithFollowingText) {
    prefix += encodedWithFollowingText;
    condition = SortKeyCondition.equalTo(s(prefix));
  }

  /** The next field is below {@code encoded}. */
  public void lessThan(String encoded, String continuation) {
    String bound = prefix + encoded;
    if (prefix.isEmpty()) {
      condition = SortKeyCondition.compare("<", s(bound));
      return;
    }
    condition = SortKeyCondition.between(s(prefix), s(bound));
    if (continuation.isEmpty()) {
      condition = condition.excluding(s(bound));
    }
  }

  /** The next field is at most {@code encoded}. */
  public void atMost(String encoded, String continuation) {
    String bound = continuation.isEmpty() ? prefix + encoded : prefix + encoded + after(continuation.charAt(0));
    condition = prefix.isEmpty()
        ? SortKeyCondition.compare("<=", s(bound))
        : SortKeyCondition.between(s(prefix), s(bound));
  }

  /** The next field is above {@code encoded}. */
  public void greaterThan(String encoded, String continuation) {
    if (continuation.isEmpty()) {
      String bound = prefix + encoded;
      condition = prefix.isEmpty()
          ? SortKeyCondition.compare(">", s(bound))
          : SortKeyCondition.between(s(bound), s(end(prefix))).excluding(s(bound));
      return;
    }
    String bound = prefix + encoded + after(continuation.charAt(0));
    condition = prefix.isEmpty()
        ? SortKeyCondition.compare(">=", s(bound))
        : SortKeyCondition.between(s(bound), s(end(prefix)));
  }

  /** The next field is at least {@code encoded}. */
  public void atLeast(String encoded, String continuation) {
    String bound = prefix + encoded;
    condition = prefix.isEmpty()
        ? SortKeyCondition.compare(">=", s(bound))
        : SortKeyCondition.between(s(bound), s(end(prefix)));
  }

  /** The next field is between the two encoded values, both included. */
  public void between(String low, String high, String continuation) {
    String upper = continuation.isEmpty() ? prefix + high : prefix + high + after(continuation.charAt(0));
    condition = SortKeyCondition.between(s(prefix + low), s(upper));
  }

  /** The next field (a string) begins with {@code start}. */
  public void beginsWith(String start) {
    condition = SortKeyCondition.beginsWith(s(prefix + start));
  }

  // ---- conditions on a raw-attribute sort key, compared by its own type

  /** The sort attribute equals {@code value}. */
  public void rawEqualTo(AttributeValue value) {
    condition = SortKeyCondition.equalTo(value);
  }

  /** The sort attribute compares to {@code value} with {@code <}, {@code <=}, {@code >} or {@code >=}. */
  public void rawCompare(String operator, AttributeValue value) {
    if (!List.of("<", "<=", ">", ">=").contains(operator)) {
      throw new IllegalArgumentException("not a comparison: " + operator);
    }
    condition = SortKeyCondition.compare(operator, value);
  }

  /** The sort attribute is between the two values, both included. */
  public void rawBetween(AttributeValue low, AttributeValue high) {
    condition = SortKeyCondition.between(low, high);
  }

  /** The sort attribute (a string) begins with {@code start}. */
  public void rawBeginsWith(AttributeValue start) {
    condition = SortKeyCondition.beginsWith(start);
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
}
