package dev.monotable.processor.diag;

import dev.monotable.processor.model.SourceRef;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * A place in the user's source as the compiler knows it: an element, and optionally the annotation
 * on it and the value inside that annotation, so that an IDE underlines the exact string.
 *
 * <p>A repeated annotation ({@code @IndexKey} written twice) reaches the processor inside a
 * container the compiler made up, which {@code Messager} cannot place; {@code repeated} says which
 * occurrence and attribute it was, so the {@link Reporter} can find it in the source tree.
 */
public record ElementRef(Element element, AnnotationMirror annotation, AnnotationValue value, Repeated repeated)
    implements SourceRef {

  /** The {@code occurrence}-th (from 0) {@code annotationName} on the element, and its {@code attribute}. */
  public record Repeated(String annotationName, int occurrence, String attribute) {}

  public static ElementRef of(Element element) {
    return new ElementRef(element, null, null, null);
  }

  public static ElementRef of(Element element, AnnotationMirror annotation) {
    return new ElementRef(element, annotation, null, null);
  }

  public static ElementRef of(Element element, AnnotationMirror annotation, AnnotationValue value) {
    return new ElementRef(element, annotation, value, null);
  }
}
