package dev.monotable.runtime.internal;

import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * How the range conditions of one sort-key field narrow a query: a field of a key template, whose
 * values are encoded into the key string, or a plain sort-key attribute compared by its own type.
 * Generated query builders make one per field for {@link dev.monotable.runtime.SortKeyRange}:
 *
 * <pre>{@code
 * public SortKeyRange<LocalDate, NarrowedConsistentQuery<Order>> orderDate() {
 *   return QueryState.of(this).consistentRange(OrderKeys.SORT_KEY.field("orderDate", "#"));
 * }
 * }</pre>
 *
 * @param <V> the field's type
 */
public abstract class SortKeyField<V> {
  private SortKeyField() {}

  /**
   * A placeholder of a sort-key template, encoded by {@code format}; {@code continuation} is the
   * template text after it (empty for the last placeholder).
   */
  static <V> SortKeyField<V> template(KeyFormat format, String field, String continuation) {
    return new Template<>(format, field, continuation);
  }

  /** A plain sort-key attribute, whose value {@code attributeValue} gives as it is stored. */
  public static <V> SortKeyField<V> raw(Function<V, AttributeValue> attributeValue) {
    return new Raw<>(attributeValue);
  }

  /** The state narrowed to values below ({@code <}), at most, above or at least {@code value}. */
  public abstract <T> QueryState<T> compare(QueryState<T> state, String operator, V value);

  /** The state narrowed to values between {@code low} and {@code high}, both included. */
  public abstract <T> QueryState<T> between(QueryState<T> state, V low, V high);

  /** The state narrowed to values beginning with {@code start} (string fields only). */
  public abstract <T> QueryState<T> beginsWith(QueryState<T> state, V start);

  private static final class Template<V> extends SortKeyField<V> {
    private final KeyFormat format;
    private final String field;
    private final String continuation;

    Template(KeyFormat format, String field, String continuation) {
      this.format = format;
      this.field = field;
      this.continuation = continuation;
    }

    @Override
    public <T> QueryState<T> compare(QueryState<T> state, String operator, V value) {
      String encoded = format.encodeValue(field, value);
      return switch (operator) {
        case "<" -> state.lessThan(encoded, continuation);
        case "<=" -> state.atMost(encoded, continuation);
        case ">" -> state.greaterThan(encoded, continuation);
        case ">=" -> state.atLeast(encoded, continuation);
        default -> throw new IllegalArgumentException("no comparison " + operator);
      };
    }

    @Override
    public <T> QueryState<T> between(QueryState<T> state, V low, V high) {
      return state.between(format.encodeValue(field, low), format.encodeValue(field, high), continuation);
    }

    @Override
    public <T> QueryState<T> beginsWith(QueryState<T> state, V start) {
      return state.beginsWith(format.encodeValue(field, start));
    }
  }

  private static final class Raw<V> extends SortKeyField<V> {
    private final Function<V, AttributeValue> attributeValue;

    Raw(Function<V, AttributeValue> attributeValue) {
      this.attributeValue = attributeValue;
    }

    @Override
    public <T> QueryState<T> compare(QueryState<T> state, String operator, V value) {
      return state.rawCompare(operator, attributeValue.apply(value));
    }

    @Override
    public <T> QueryState<T> between(QueryState<T> state, V low, V high) {
      return state.rawBetween(attributeValue.apply(low), attributeValue.apply(high));
    }

    @Override
    public <T> QueryState<T> beginsWith(QueryState<T> state, V start) {
      return state.rawBeginsWith(attributeValue.apply(start));
    }
  }
}
