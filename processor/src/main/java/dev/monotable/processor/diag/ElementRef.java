package dev.monotable.processor.diag;

import dev.monotable.processor.model.SourceRef;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * A place in the user's source as the compiler knows it: an element, and optionally the annotation
 * on it and the value inside that annotation, so that an IDE underlines the exact string.
 */
public record ElementRef(Element element, AnnotationMirror annotation, AnnotationValue value) implements SourceRef {
  public static ElementRef of(Element element) {
    return new ElementRef(element, null, null);
  }

  public static ElementRef of(Element element, AnnotationMirror annotation) {
    return new ElementRef(element, annotation, null);
  }

  public static ElementRef of(Element element, AnnotationMirror annotation, AnnotationValue value) {
    return new ElementRef(element, annotation, value);
  }
}
