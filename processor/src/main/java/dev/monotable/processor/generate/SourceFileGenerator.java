package dev.monotable.processor.generate;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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
  /** The widest line of generated code. */
  static final int MAX_COLUMNS = 120;

  private final Filer filer;

  protected SourceFileGenerator(Filer filer) {
    this.filer = filer;
  }

  /**
   * Generates the file of {@code model}; {@code originating} are the user elements it comes from,
   * {@code packageTypes} the simple names of the types the compilation's sources declare in the
   * generated file's package. Generated code spells a runtime or JDK type of such a name in full, so
   * that a user's type never stands in for it: a user's {@code String} or {@code Override} would
   * otherwise shadow the {@code java.lang} type (never imported), and a user's {@code Condition}
   * sits next to the runtime's. (The names are not read from the package element: listing it makes
   * javac read every source file of the package's source path, entering a type declared in a file
   * of another name a second time, and it fails on the unnamed package.)
   */
  public final void generate(M model, List<? extends Element> originating, Set<String> packageTypes) {
    TypeSpec.Builder type = type(model);
    type.addAnnotation(AnnotationSpec.builder(TypeNames.GENERATED)
        .addMember("value", "$S", PROCESSOR)
        .build());
    for (Element element : originating) {
      type.addOriginatingElement(element);
    }
    for (String name : new TreeSet<>(packageTypes)) {
      // one name a call: JavaPoet formats the whole array for its null check, per name
      type.alwaysQualify(name);
    }
    JavaFile file = JavaFile.builder(packageName(model), type.build())
        .skipJavaLangImports(true)
        .indent("    ")
        .build();
    String simpleName = file.typeSpec().name();
    String name = file.packageName().isEmpty() ? simpleName : file.packageName() + "." + simpleName;
    try (Writer writer = filer.createSourceFile(name, originating.toArray(new Element[0])).openWriter()) {
      writer.write(oneLineJavadoc(file.toString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code source} with each Javadoc of one line of text written on one line, as
   * {@code /** The sort key. *}{@code /}, where it fits in {@link #MAX_COLUMNS} columns: JavaPoet
   * always spends three lines on it, which makes a generated file half comment frames.
   */
  static String oneLineJavadoc(String source) {
    String[] lines = source.split("\n", -1);
    StringBuilder out = new StringBuilder(source.length());
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      String indent = line.substring(0, line.length() - line.stripLeading().length());
      if (i + 2 < lines.length && line.equals(indent + "/**") && lines[i + 2].equals(indent + " */")
          && lines[i + 1].startsWith(indent + " * ") && !lines[i + 1].startsWith(indent + " * @")) {
        String oneLine = indent + "/** " + lines[i + 1].substring(indent.length() + 3) + " */";
        if (oneLine.length() <= MAX_COLUMNS) {
          out.append(oneLine).append('\n');
          i += 2;
          continue;
        }
      }
      out.append(line);
      if (i + 1 < lines.length) {
        out.append('\n');
      }
    }
    return out.toString();
  }

  /** The package of the generated type. */
  protected abstract String packageName(M model);

  /** The generated type, without {@code @Generated}. */
  protected abstract TypeSpec.Builder type(M model);
}
