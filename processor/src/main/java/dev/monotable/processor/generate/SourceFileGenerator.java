package dev.monotable.processor.generate;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;

/**
 * Writes one generated source file per model. Subclasses build the type; this class adds
 * {@code @Generated}, names the originating elements (for incremental builds) and writes the file.
 *
 * @param <M> the model a file is generated from
 */
public abstract class SourceFileGenerator<M> {
  static final String PROCESSOR = "dev.monotable.processor.MonotableProcessor";

  private final Filer filer;

  protected SourceFileGenerator(Filer filer) {
    this.filer = filer;
  }

  /** Generates the file of {@code model}; {@code originating} are the user elements it comes from. */
  public final void generate(M model, List<? extends Element> originating) {
    TypeSpec.Builder type = type(model);
    type.addAnnotation(AnnotationSpec.builder(TypeNames.GENERATED)
        .addMember("value", "$S", PROCESSOR)
        .build());
    for (Element element : originating) {
      type.addOriginatingElement(element);
    }
    JavaFile file = JavaFile.builder(packageName(model), type.build())
        .skipJavaLangImports(true)
        .indent("    ")
        .build();
    try {
      file.writeTo(filer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The package of the generated type. */
  protected abstract String packageName(M model);

  /** The generated type, without {@code @Generated}. */
  protected abstract TypeSpec.Builder type(M model);
}
