package dev.monotable.runtime;

import dev.monotable.runtime.internal.AttributeCodec;
import dev.monotable.runtime.internal.Expression;
import dev.monotable.runtime.internal.SortKeyCondition;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A typed path to an attribute, or into one (a list element, a map entry, a nested document's
 * attribute): the building block of conditions and filters. Values are converted with the field's
 * own codec, so they compare exactly as they are stored.
 *
 * <pre>{@code
 * OrderFields.STATUS.eq(OrderStatus.PAID)
 * UserFields.ADDRESS.then(AddressFields.CITY).eq("Paris")          // a field of a nested @Document
 * UserFields.ADDRESS.then(AddressFields.CITY).beginsWith("Lon")
 * }</pre>
 *
 * @param <V> the Java type of the value at the path
 */
public final class Path<V> {
  private final List<Object> segments;
  private final AttributeCodec<V> codec;

  private Path(List<Object> segments, AttributeCodec<V> codec) {
    this.segments = List.copyOf(segments);
    this.codec = codec;
  }

  /** A path of these segments (attribute names and list positions); generated code builds paths through the runtime's internals. */
  static <V> Path<V> of(List<Object> segments, AttributeCodec<V> codec) {
    return new Path<>(segments, codec);
  }

  /**
   * A path of a nested document's fields, continued from this one:
   * {@code UserFields.ADDRESS.then(AddressFields.CITY)} is {@code address.city}.
   */
  public <W> Path<W> then(Path<W> nested) {
    List<Object> longer = new ArrayList<>(segments);
    longer.addAll(nested.segments);
    return new Path<>(longer, nested.codec);
  }

  /** The segments: attribute names and list positions. */
  List<Object> segments() {
    return segments;
  }

  /** How many segments the path has: 1 for a top-level attribute. */
  int depth() {
    return segments.size();
  }

  /** The top-level attribute this path starts at. */
  String attribute() {
    return (String) segments.get(0);
  }

  /** The codec of the value at this path. */
  AttributeCodec<V> codec() {
    return codec;
  }

  String render(Expression expression) {
    StringBuilder text = new StringBuilder();
    for (Object segment : segments) {
      if (segment instanceof Integer position) {
        text.append('[').append(position).append(']');
      } else {
        if (text.length() > 0) {
          text.append('.');
        }
        text.append(expression.name((String) segment));
      }
    }
    return text.toString();
  }

  private AttributeValue write(V value) {
    if (value == null) {
      throw new IllegalArgumentException("a condition compares with a value, not null; use notExists()");
    }
    AttributeValue written = codec.write(value);
    if (written == null) {
      throw new IllegalArgumentException("an empty value is not stored, so nothing compares with it; use notExists()");
    }
    return written;
  }

  private Condition compare(String operator, V value) {
    AttributeValue written = write(value);
    // an absent attribute equals nothing, so only <> holds for it
    return Condition.of(e -> render(e) + " " + operator + " " + e.value(written), operator.equals("<>"));
  }

  /** Equal to {@code value}. */
  public Condition eq(V value) {
    return compare("=", value);
  }

  /** Not equal to {@code value} (also true when the attribute is absent). */
  public Condition ne(V value) {
    return compare("<>", value);
  }

  /** Below {@code value}. */
  public Condition lt(V value) {
    return compare("<", value);
  }

  /** At most {@code value}. */
  public Condition le(V value) {
    return compare("<=", value);
  }

  /** Above {@code value}. */
  public Condition gt(V value) {
    return compare(">", value);
  }

  /** At least {@code value}. */
  public Condition ge(V value) {
    return compare(">=", value);
  }

  /** Between {@code low} and {@code high}, both included. */
  public Condition between(V low, V high) {
    AttributeValue lowValue = write(low);
    AttributeValue highValue = write(high);
    // DynamoDB refuses a BETWEEN whose low bound is above its high one, in its own order
    if (SortKeyCondition.sameType(lowValue, highValue) && SortKeyCondition.compare(lowValue, highValue) > 0) {
      throw new IllegalArgumentException("between(" + low + ", " + high + ") on " + segments + ": the first bound"
          + " is above the second (as DynamoDB orders them); give the lower bound first");
    }
    return Condition.of(e -> render(e) + " BETWEEN " + e.value(lowValue) + " AND " + e.value(highValue), false);
  }

  /** Equal to one of {@code values} (at most 100). */
  @SafeVarargs
  public final Condition in(V... values) {
    if (values.length == 0 || values.length > 100) {
      throw new IllegalArgumentException("IN takes 1 to 100 values, not " + values.length);
    }
    List<AttributeValue> written = new ArrayList<>();
    for (V value : values) {
      written.add(write(value));
    }
    return Condition.of(e -> {
      List<String> placeholders = new ArrayList<>();
      for (AttributeValue value : written) {
        placeholders.add(e.value(value));
      }
      return render(e) + " IN (" + String.join(", ", placeholders) + ")";
    }, false);
  }

  /** The attribute is present. */
  public Condition exists() {
    return Condition.of(e -> "attribute_exists(" + render(e) + ")", false);
  }

  /** The attribute is absent. */
  public Condition notExists() {
    return Condition.of(e -> "attribute_not_exists(" + render(e) + ")", true);
  }

  /** The string (or binary) value begins with {@code start}. */
  public Condition beginsWith(String start) {
    AttributeValue value = AttributeValue.fromS(start);
    return Condition.of(e -> "begins_with(" + render(e) + ", " + e.value(value) + ")", false);
  }

  /** The string, set or list at this path contains {@code element}, written as it is stored. */
  Condition contains(AttributeValue element) {
    return Condition.of(e -> "contains(" + render(e) + ", " + e.value(element) + ")", false);
  }

  /** The stored type of the attribute is {@code type} ({@code "S"}, {@code "N"}, {@code "L"}, ...). */
  public Condition attributeType(String type) {
    AttributeValue value = AttributeValue.fromS(type);
    return Condition.of(e -> "attribute_type(" + render(e) + ", " + e.value(value) + ")", false);
  }

  /** The size of the value (string length, bytes, elements) compares to {@code size}. */
  public Condition size(String operator, int size) {
    if (!List.of("=", "<>", "<", "<=", ">", ">=").contains(operator)) {
      throw new IllegalArgumentException("not a comparison: " + operator);
    }
    AttributeValue value = AttributeValue.fromN(Integer.toString(size));
    return Condition.of(e -> "size(" + render(e) + ") " + operator + " " + e.value(value),
        operator.equals("<>"));
  }
}
