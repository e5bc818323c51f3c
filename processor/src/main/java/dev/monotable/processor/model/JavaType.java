package dev.monotable.processor.model;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A field's declared Java type, as far as generated code must spell it: a primitive, an array, or
 * a class with type arguments.
 */
public record JavaType(String primitive, TypeRef rawType, List<JavaType> typeArguments, JavaType arrayComponent) {
  public JavaType {
    typeArguments = List.copyOf(typeArguments);
  }

  public static JavaType primitive(String keyword) {
    return new JavaType(keyword, null, List.of(), null);
  }

  public static JavaType declared(TypeRef rawType, List<JavaType> typeArguments) {
    return new JavaType(null, rawType, typeArguments, null);
  }

  public static JavaType arrayOf(JavaType component) {
    return new JavaType(null, null, List.of(), component);
  }

  public boolean isPrimitive() {
    return primitive != null;
  }

  @Override
  public String toString() {
    if (primitive != null) {
      return primitive;
    }
    if (arrayComponent != null) {
      return arrayComponent + "[]";
    }
    if (typeArguments.isEmpty()) {
      return rawType.simpleName();
    }
    return rawType.simpleName() + typeArguments.stream().map(JavaType::toString)
        .collect(Collectors.joining(", ", "<", ">"));
  }
}
