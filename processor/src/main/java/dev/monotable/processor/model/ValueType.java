package dev.monotable.processor.model;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** How a field's value is stored: the reader's classification of its Java type. */
public sealed interface ValueType {

  /** A single value of a known kind; {@code primitive} for {@code int} rather than {@code Integer}. */
  record Scalar(ScalarKind kind, boolean primitive) implements ValueType {}

  /** An enum, stored by constant name. */
  record EnumValue(TypeRef type, List<String> constants) implements ValueType {
    public EnumValue {
      constants = List.copyOf(constants);
    }
  }

  /** A {@code @Document} type, stored as a map. */
  record DocumentValue(TypeRef type) implements ValueType {}

  /** A {@code List<T>}. */
  record ListValue(ValueType element) implements ValueType {}

  /** A {@code Set<T>} of strings, numbers or binary. */
  record SetValue(ValueType element) implements ValueType {}

  /** A {@code Map<String, T>}. */
  record MapValue(ValueType value) implements ValueType {}

  /** An {@code Optional<T>}. */
  record OptionalValue(ValueType element) implements ValueType {}

  /**
   * A value written and read by a user converter; {@code problem}, when present, says why the
   * converter cannot be used.
   */
  record Converted(TypeRef converter, Optional<ConverterProblem> problem) implements ValueType {}

  /**
   * Why a converter cannot serve its field. For {@link Reason#CONVERTS_OTHER_TYPE},
   * {@code convertedType} is the T of its {@code AttributeConverter<T>} and {@code fieldType} the
   * field's type; both are empty for {@link Reason#NOT_INSTANTIABLE}.
   */
  record ConverterProblem(Reason reason, String convertedType, String fieldType) {
    public enum Reason {
      /** Not a public class with a public no-argument constructor. */
      NOT_INSTANTIABLE,
      /** Converts another type than the field's. */
      CONVERTS_OTHER_TYPE
    }

    public static ConverterProblem notInstantiable() {
      return new ConverterProblem(Reason.NOT_INSTANTIABLE, "", "");
    }

    public static ConverterProblem convertsOtherType(String convertedType, String fieldType) {
      return new ConverterProblem(Reason.CONVERTS_OTHER_TYPE, convertedType, fieldType);
    }
  }

  /**
   * A type Monotable cannot store: why, and {@code type}, the offending type as the report names it
   * (the field's type, or the part of it at fault, such as the element of a set).
   */
  record Unsupported(Reason reason, String type) implements ValueType {
    public enum Reason {
      /** A primitive with no stored form ({@code char}). */
      PRIMITIVE,
      /** An array other than {@code byte[]}. */
      ARRAY,
      /** A type variable or a wildcard. */
      NOT_CONCRETE,
      /**
       * A {@code List}, {@code Set} or {@code Optional} without its type argument; {@code type} is
       * its simple name.
       */
      RAW_CONTAINER,
      /** A {@code Map} without its type arguments. */
      RAW_MAP,
      /** A set of something other than strings, numbers or binary; {@code type} is the element. */
      SET_ELEMENT,
      /** A map whose keys are not strings; {@code type} is the key type. */
      MAP_KEY,
      /** A class that is neither a supported type nor a {@code @Document}. */
      NOT_DOCUMENT
    }
  }

  /** A field that is not stored ({@code @Ignore}, {@code transient}), so it needs no stored form. */
  record NotStored() implements ValueType {}

  /** A type not generated yet by another processor: the element is deferred to a later round. */
  record NotYetGenerated(String name) implements ValueType {}

  /** The type a list, set, map or optional holds; null for a type that holds no other. */
  default ValueType contained() {
    if (this instanceof ListValue list) {
      return list.element();
    }
    if (this instanceof SetValue set) {
      return set.element();
    }
    if (this instanceof MapValue map) {
      return map.value();
    }
    if (this instanceof OptionalValue optional) {
      return optional.element();
    }
    return null;
  }

  /**
   * The first part of this type, from the outside in through lists, sets, maps and optionals, that
   * {@code test} accepts: the one walk over nested types that every check shares.
   */
  default Optional<ValueType> find(Predicate<ValueType> test) {
    for (ValueType part = this; part != null; part = part.contained()) {
      if (test.test(part)) {
        return Optional.of(part);
      }
    }
    return Optional.empty();
  }

  /** The first unsupported part of this type, or null when it can be stored. */
  default Unsupported firstUnsupported() {
    return (Unsupported) find(part -> part instanceof Unsupported).orElse(null);
  }

  /** Whether some part of this type is not generated yet. */
  default boolean awaitsGeneration() {
    return find(part -> part instanceof NotYetGenerated).isPresent();
  }

  /** The key attribute type of this value as a raw index key, or null when it cannot be one. */
  default AttributeType keyAttributeType() {
    if (this instanceof Scalar scalar) {
      return scalar.kind().attributeType();
    }
    if (this instanceof EnumValue) {
      return AttributeType.S;
    }
    return null;
  }

  /** Whether a field of this type may be a key-template component. */
  default boolean keyable() {
    return this instanceof EnumValue || (this instanceof Scalar scalar && scalar.kind().keyable());
  }
}
