package dev.monotable.runtime;

import java.util.List;

/**
 * A typed path to an attribute, or into one (a list element, a map entry, a nested document's
 * attribute): the building block of conditions and filters. Values are converted with the field's
 * own codec, so they compare exactly as they are stored. The generated {@code <Type>Fields} classes
 * hold one per field.
 *
 * <pre>{@code
 * OrderFields.STATUS.eq(OrderStatus.PAID)
 * UserFields.ADDRESS.then(AddressFields.CITY).eq("Paris")          // a field of a nested @Document
 * UserFields.ADDRESS.then(AddressFields.CITY).beginsWith("Lon")
 * }</pre>
 *
 * @param <V> the Java type of the value at the path
 */
public interface Path<V> {
  /**
   * A path of a nested document's fields, continued from this one:
   * {@code UserFields.ADDRESS.then(AddressFields.CITY)} is {@code address.city}.
   */
  <W> Path<W> then(Path<W> nested);

  /** The segments of the path: attribute names ({@code String}) and list positions ({@code Integer}). */
  List<Object> segments();

  /** Equal to {@code value}. */
  Condition eq(V value);

  /** Not equal to {@code value} (also true when the attribute is absent). */
  Condition ne(V value);

  /** Below {@code value}. */
  Condition lt(V value);

  /** At most {@code value}. */
  Condition le(V value);

  /** Above {@code value}. */
  Condition gt(V value);

  /** At least {@code value}. */
  Condition ge(V value);

  /**
   * Between {@code low} and {@code high}, both included.
   *
   * @throws IllegalArgumentException when {@code low} is above {@code high} as DynamoDB orders them
   */
  Condition between(V low, V high);

  /**
   * Equal to one of {@code values} (at most 100).
   *
   * @throws IllegalArgumentException for no value or more than 100
   */
  @SuppressWarnings("unchecked")
  Condition in(V... values);

  /** The attribute is present. */
  Condition exists();

  /** The attribute is absent. */
  Condition notExists();

  /** The string (or binary) value begins with {@code start}. */
  Condition beginsWith(String start);

  /** The stored type of the attribute is {@code type} ({@code "S"}, {@code "N"}, {@code "L"}, ...). */
  Condition attributeType(String type);

  /**
   * The size of the value (string length, bytes, elements) compares to {@code size}.
   *
   * @throws IllegalArgumentException when {@code operator} is not one of {@code = <> < <= > >=}
   */
  Condition size(String operator, int size);
}
