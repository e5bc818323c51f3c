package dev.monotable.processor.read;

import dev.monotable.processor.model.JavaType;
import dev.monotable.processor.model.TypeRef;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** Turns compiler types into the model's {@link TypeRef} and {@link JavaType}. */
final class TypeRefs {
  private TypeRefs() {}

  static TypeRef of(TypeElement type) {
    List<String> names = new ArrayList<>();
    Element current = type;
    while (current != null && (current.getKind().isClass() || current.getKind().isInterface()
        || current.getKind() == ElementKind.RECORD || current.getKind() == ElementKind.ENUM
        || current.getKind() == ElementKind.ANNOTATION_TYPE)) {
      names.add(0, current.getSimpleName().toString());
      current = current.getEnclosingElement();
    }
    while (current != null && !(current instanceof PackageElement)) {
      current = current.getEnclosingElement();
    }
    String packageName = current == null ? "" : ((PackageElement) current).getQualifiedName().toString();
    return new TypeRef(packageName, names);
  }

  /** The Java type as generated code spells it; null for type variables, wildcards and the like. */
  static JavaType javaType(TypeMirror type) {
    if (type.getKind() == TypeKind.ERROR) {
      // not generated yet: named as written, for the report if it never is
      return JavaType.declared(TypeRef.of("", type.toString()), List.of());
    }
    if (type.getKind().isPrimitive()) {
      return JavaType.primitive(type.toString());
    }
    if (type.getKind() == TypeKind.ARRAY) {
      JavaType component = javaType(((ArrayType) type).getComponentType());
      return component == null ? null : JavaType.arrayOf(component);
    }
    if (type.getKind() == TypeKind.DECLARED) {
      DeclaredType declared = (DeclaredType) type;
      List<JavaType> arguments = new ArrayList<>();
      for (TypeMirror argument : declared.getTypeArguments()) {
        JavaType converted = javaType(argument);
        if (converted == null) {
          return null;
        }
        arguments.add(converted);
      }
      return JavaType.declared(of((TypeElement) declared.asElement()), arguments);
    }
    return null;
  }
}
