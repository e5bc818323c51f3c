package dev.monotable.processor.read;

import dev.monotable.processor.Names;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/** Tells the types Monotable generated (in an earlier round) from the user's own. */
public final class GeneratedSources {
  private GeneratedSources() {}

  /** Whether {@code type} carries Monotable's {@code @Generated}: a file the processor wrote. */
  public static boolean byMonotable(Element type) {
    for (AnnotationMirror annotation : type.getAnnotationMirrors()) {
      Element annotationType = annotation.getAnnotationType().asElement();
      if (!(annotationType instanceof TypeElement named)
          || !named.getQualifiedName().contentEquals(Names.GENERATED)) {
        continue;
      }
      for (var entry : annotation.getElementValues().entrySet()) {
        AnnotationValue value = entry.getValue();
        if (entry.getKey().getSimpleName().contentEquals("value") && value.toString().contains(Names.PROCESSOR)) {
          return true;
        }
      }
    }
    return false;
  }
}
