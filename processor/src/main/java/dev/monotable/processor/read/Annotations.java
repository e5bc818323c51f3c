package dev.monotable.processor.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/** Reads annotation mirrors by annotation name, with defaults, without loading annotation classes. */
final class Annotations {
  private final Elements elements;

  Annotations(Elements elements) {
    this.elements = elements;
  }

  /** The annotation of the given name on the element, if present. */
  Optional<AnnotationMirror> find(Element element, String annotationName) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(annotationName)) {
        return Optional.of(mirror);
      }
    }
    return Optional.empty();
  }

  /**
   * The repeatable annotation's occurrences: the annotation itself when written once, the elements
   * of its container when written several times.
   */
  List<AnnotationMirror> findRepeated(Element element, String annotationName, String containerName) {
    List<AnnotationMirror> found = new ArrayList<>();
    find(element, annotationName).ifPresent(found::add);
    find(element, containerName).ifPresent(container -> {
      for (AnnotationValue value : array(container, "value")) {
        found.add((AnnotationMirror) value.getValue());
      }
    });
    return found;
  }

  /** The value as written, or null when the attribute takes its default. */
  AnnotationValue explicit(AnnotationMirror mirror, String attribute) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
        : mirror.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(attribute)) {
        return entry.getValue();
      }
    }
    return null;
  }

  /** The value, written or default. */
  AnnotationValue value(AnnotationMirror mirror, String attribute) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
        : elements.getElementValuesWithDefaults(mirror).entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(attribute)) {
        return entry.getValue();
      }
    }
    throw new IllegalArgumentException("no attribute " + attribute + " on " + mirror);
  }

  String string(AnnotationMirror mirror, String attribute) {
    Object value = value(mirror, attribute).getValue();
    return value instanceof String s ? s : String.valueOf(value);
  }

  /** A whole number; 0 when the value is in error (javac reports that). */
  long number(AnnotationMirror mirror, String attribute) {
    return value(mirror, attribute).getValue() instanceof Number number ? number.longValue() : 0;
  }

  /** A boolean; false when the value is in error (javac reports that). */
  boolean flag(AnnotationMirror mirror, String attribute) {
    return Boolean.TRUE.equals(value(mirror, attribute).getValue());
  }

  /** A nested annotation's mirror, or null when the value is in error (javac reports that). */
  AnnotationMirror annotation(AnnotationMirror mirror, String attribute) {
    return value(mirror, attribute).getValue() instanceof AnnotationMirror nested ? nested : null;
  }

  /** An enum constant's name. */
  String enumName(AnnotationMirror mirror, String attribute) {
    Object value = value(mirror, attribute).getValue();
    return value instanceof VariableElement constant ? constant.getSimpleName().toString() : String.valueOf(value);
  }

  /** A class literal's type, or null when it does not resolve (yet). */
  TypeMirror type(AnnotationMirror mirror, String attribute) {
    Object value = value(mirror, attribute).getValue();
    return value instanceof DeclaredType type ? type : null;
  }

  @SuppressWarnings("unchecked")
  List<AnnotationValue> array(AnnotationMirror mirror, String attribute) {
    Object value = value(mirror, attribute).getValue();
    return value instanceof List<?> list ? (List<AnnotationValue>) list : List.of();
  }

  List<String> strings(AnnotationMirror mirror, String attribute) {
    List<String> strings = new ArrayList<>();
    for (AnnotationValue value : array(mirror, attribute)) {
      strings.add(String.valueOf(value.getValue()));
    }
    return strings;
  }
}
