package dev.monotable.runtime.internal;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * How the range conditions of one sort-key field narrow a query: a field of a key template, whose
 * values are encoded into the key string, or a plain sort-key attribute compared by its own type.
 * Generated query builders make one per field for {@link dev.monotable.runtime.SortKeyRange}:
 *
 * <pre>{@code
 * public SortKeyRange<LocalDate, NarrowedConsistentQuery<Order>> orderDate() {
 *   return plan().consistentRange(OrderKeys.SORT_KEY.field("orderDate", KeyTypes.LOCAL_DATE, "#"));
 * }
 * }</pre>
 *
 * @param <V> the field's type
 */
public abstract class SortKeyField<V> {
  private SortKeyField() {}

  /**
   * A placeholder of a sort-key template, a value of {@code type} encoded by {@code format}; {@code continuation} is the
   * template text after it (empty for the last placeholder).
   */
  static <V> SortKeyField<V> template(KeyFormat format, String field, KeyType<? super V> type,
      String continuation) {
    return new Template<>(format, field, type, continuation);
  }

  /** A plain sort-key attribute, whose value {@code attributeValue} gives as it is stored. */
  public static <V> SortKeyField<V> raw(Function<V, AttributeValue> attributeValue) {
    return new Raw<>(attributeValue);
  }

  /** The state narrowed to values below ({@code <}), at most, above or at least {@code value}. */
  public abstract <T> QueryPlan<T> compare(QueryPlan<T> state, String operator, V value);

  /**
   * The state narrowed to values between {@code low} and {@code high}, both included.
   *
   * @throws IllegalArgumentException when {@code low} comes after {@code high} in the sort key's order
   */
  public abstract <T> QueryPlan<T> between(QueryPlan<T> state, V low, V high);

  /** The state narrowed to values beginning with {@code start} (string fields only). */
  public abstract <T> QueryPlan<T> beginsWith(QueryPlan<T> state, V start);

  /**
   * Refuses a range whose low bound comes after its high bound in the order DynamoDB compares the
   * stored keys ({@code lowKey}, {@code highKey}): DynamoDB refuses such a {@code BETWEEN}, so it is
   * refused here, before anything is sent, naming the field and both values.
   *
   * @throws IllegalArgumentException when the bounds are reversed
   */
  private static void checkOrder(QueryPlan<?> state, String field, Object low, AttributeValue lowKey, Object high,
      AttributeValue highKey) {
    if (SortKeyCondition.compare(lowKey, highKey) > 0) {
      throw new IllegalArgumentException(state.pattern() + ": " + field + "().between(" + describe(low) + ", "
          + describe(high) + ") is a reversed range: " + describe(low) + " comes after " + describe(high)
          + " in the sort key's order (" + order(lowKey) + "), and DynamoDB refuses a BETWEEN whose low bound is"
          + " above its high bound; give the low bound first");
    }
  }

  /** How the stored keys are ordered, for a message. */
  private static String order(AttributeValue key) {
    return key.n() != null ? "numbers by value" : key.b() != null ? "bytes compared unsigned"
        : "the stored strings compared by their UTF-8 bytes";
  }

  /** A bound for a message: a string quoted, binary values in hexadecimal, anything else as it prints. */
  private static String describe(Object value) {
    if (value instanceof String text) {
      return "\"" + text + "\"";
    }
    if (value instanceof byte[] bytes) {
      return "0x" + HexFormat.of().formatHex(bytes);
    }
    if (value instanceof SdkBytes bytes) {
      return "0x" + HexFormat.of().formatHex(bytes.asByteArrayUnsafe());
    }
    if (value instanceof ByteBuffer buffer) {
      return "0x" + HexFormat.of().formatHex(SdkBytes.fromByteBuffer(buffer.duplicate()).asByteArrayUnsafe());
    }
    return String.valueOf(value);
  }

  private static final class Template<V> extends SortKeyField<V> {
    private final KeyFormat format;
    private final String field;
    private final KeyType<? super V> type;
    private final String continuation;

    Template(KeyFormat format, String field, KeyType<? super V> type, String continuation) {
      this.format = format;
      this.field = field;
      this.type = type;
      this.continuation = continuation;
    }

    @Override
    public <T> QueryPlan<T> compare(QueryPlan<T> state, String operator, V value) {
      String encoded = format.encode(field, type, value);
      return switch (operator) {
        case "<" -> state.lessThan(encoded, continuation);
        case "<=" -> state.atMost(encoded, continuation);
        case ">" -> state.greaterThan(encoded, continuation);
        case ">=" -> state.atLeast(encoded, continuation);
        default -> throw new IllegalArgumentException("no comparison " + operator);
      };
    }

    @Override
    public <T> QueryPlan<T> between(QueryPlan<T> state, V low, V high) {
      String lowKey = format.encode(field, type, low);
      String highKey = format.encode(field, type, high);
      // the encodings keep the values' order: the key strings compare as DynamoDB compares them
      checkOrder(state, field, low, AttributeValue.fromS(lowKey), high, AttributeValue.fromS(highKey));
      return state.between(lowKey, highKey, continuation);
    }

    @Override
    public <T> QueryPlan<T> beginsWith(QueryPlan<T> state, V start) {
      return state.beginsWith(format.encode(field, type, start));
    }
  }

  private static final class Raw<V> extends SortKeyField<V> {
    private final Function<V, AttributeValue> attributeValue;

    Raw(Function<V, AttributeValue> attributeValue) {
      this.attributeValue = attributeValue;
    }

    @Override
    public <T> QueryPlan<T> compare(QueryPlan<T> state, String operator, V value) {
      return state.rawCompare(operator, attributeValue.apply(value));
    }

    @Override
    public <T> QueryPlan<T> between(QueryPlan<T> state, V low, V high) {
      AttributeValue lowValue = attributeValue.apply(low);
      AttributeValue highValue = attributeValue.apply(high);
      checkOrder(state, state.sortAttribute(), low, lowValue, high, highValue);
      return state.rawBetween(lowValue, highValue);
    }

    @Override
    public <T> QueryPlan<T> beginsWith(QueryPlan<T> state, V start) {
      return state.rawBeginsWith(attributeValue.apply(start));
    }
  }
}
