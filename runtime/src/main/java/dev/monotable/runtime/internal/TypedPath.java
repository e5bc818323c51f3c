package dev.monotable.runtime.internal;

import dev.monotable.runtime.Condition;
import dev.monotable.runtime.Path;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A path of attribute names and list positions with the codec of the value it leads to: the one
 * implementation of {@link Path}, made by {@link AttributePaths} for generated code.
 *
 * @param <V> the Java type of the value at the path
 */
public final class TypedPath<V> implements Path<V> {
  private final List<Object> segments;
  private final AttributeCodec<V> codec;

  private TypedPath(List<Object> segments, AttributeCodec<V> codec) {
    this.segments = List.copyOf(segments);
    this.codec = codec;
  }

  /** A path of these segments (attribute names and list positions) and codec. */
  static <V> TypedPath<V> of(List<Object> segments, AttributeCodec<V> codec) {
    return new TypedPath<>(segments, codec);
  }

  /**
   * {@code path} as this class, which every path is.
   *
   * @throws IllegalArgumentException for a path of another origin
   */
  static <V> TypedPath<V> of(Path<V> path) {
    if (path instanceof TypedPath<V> typed) {
      return typed;
    }
    throw new IllegalArgumentException("not a path of generated code: " + path
        + "; use the <Entity>Fields constants");
  }

  @Override
  public <W> Path<W> then(Path<W> nested) {
    TypedPath<W> typed = of(nested);
    List<Object> longer = new ArrayList<>(segments);
    longer.addAll(typed.segments);
    return new TypedPath<>(longer, typed.codec);
  }

  @Override
  public List<Object> segments() {
    return segments;
  }

  /** How many segments the path has: 1 for a top-level attribute. */
  public int depth() {
    return segments.size();
  }

  /** The top-level attribute this path starts at. */
  public String attribute() {
    return (String) segments.get(0);
  }

  /** The codec of the value at this path. */
  public AttributeCodec<V> codec() {
    return codec;
  }

  public String render(Expression expression) {
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

  private ExpressionCondition compare(String operator, V value) {
    AttributeValue written = write(value);
    // an absent attribute equals nothing, so only <> holds for it
    return ExpressionCondition.of(e -> render(e) + " " + operator + " " + e.value(written), operator.equals("<>"));
  }

  @Override
  public Condition eq(V value) {
    return compare("=", value);
  }

  @Override
  public Condition ne(V value) {
    return compare("<>", value);
  }

  @Override
  public Condition lt(V value) {
    return compare("<", value);
  }

  @Override
  public Condition le(V value) {
    return compare("<=", value);
  }

  @Override
  public Condition gt(V value) {
    return compare(">", value);
  }

  @Override
  public Condition ge(V value) {
    return compare(">=", value);
  }

  @Override
  public Condition between(V low, V high) {
    AttributeValue lowValue = write(low);
    AttributeValue highValue = write(high);
    // DynamoDB refuses a BETWEEN whose low bound is above its high one, in its own order
    if (SortKeyCondition.sameType(lowValue, highValue) && SortKeyCondition.compare(lowValue, highValue) > 0) {
      throw new IllegalArgumentException("between(" + low + ", " + high + ") on " + segments + ": the first bound"
          + " is above the second (as DynamoDB orders them); give the lower bound first");
    }
    return ExpressionCondition.of(e -> render(e) + " BETWEEN " + e.value(lowValue) + " AND " + e.value(highValue), false);
  }

  /** Equal to one of {@code values} (at most 100). */
  @SafeVarargs
  @Override
  public final Condition in(V... values) {
    if (values.length == 0 || values.length > 100) {
      throw new IllegalArgumentException("IN takes 1 to 100 values, not " + values.length);
    }
    List<AttributeValue> written = new ArrayList<>();
    for (V value : values) {
      written.add(write(value));
    }
    return ExpressionCondition.of(e -> {
      List<String> placeholders = new ArrayList<>();
      for (AttributeValue value : written) {
        placeholders.add(e.value(value));
      }
      return render(e) + " IN (" + String.join(", ", placeholders) + ")";
    }, false);
  }

  @Override
  public Condition exists() {
    return ExpressionCondition.of(e -> "attribute_exists(" + render(e) + ")", false);
  }

  @Override
  public Condition notExists() {
    return ExpressionCondition.of(e -> "attribute_not_exists(" + render(e) + ")", true);
  }

  @Override
  public Condition beginsWith(String start) {
    AttributeValue value = AttributeValue.fromS(start);
    return ExpressionCondition.of(e -> "begins_with(" + render(e) + ", " + e.value(value) + ")", false);
  }

  /** The string, set or list at this path contains {@code element}, written as it is stored. */
  ExpressionCondition contains(AttributeValue element) {
    return ExpressionCondition.of(e -> "contains(" + render(e) + ", " + e.value(element) + ")", false);
  }

  @Override
  public Condition attributeType(String type) {
    AttributeValue value = AttributeValue.fromS(type);
    return ExpressionCondition.of(e -> "attribute_type(" + render(e) + ", " + e.value(value) + ")", false);
  }

  @Override
  public Condition size(String operator, int size) {
    if (!List.of("=", "<>", "<", "<=", ">", ">=").contains(operator)) {
      throw new IllegalArgumentException("not a comparison: " + operator);
    }
    AttributeValue value = AttributeValue.fromN(Integer.toString(size));
    return ExpressionCondition.of(e -> "size(" + render(e) + ") " + operator + " " + e.value(value),
        operator.equals("<>"));
  }
}
