package dev.monotable.processor;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.monotable.processor.check.GeneratedTypeChecker;
import dev.monotable.processor.read.GeneratedSources;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * The top-level types of the compilation's sources, and the files they are in, round by round:
 * which a generated class may not be named like, and whose simple names generated code must not use
 * for another type. They are gathered from the rounds' root elements, never by listing a package:
 * that makes javac read every file of the package's source path (entering a type declared in a file
 * of another name a second time), and fails on the unnamed package.
 */
final class SourceTypes implements GeneratedTypeChecker.Sources {
  private final Elements elements;
  private final Trees trees;
  /** The qualified names of the types the user's sources declare (not Monotable's). */
  private final Set<String> declared = new HashSet<>();
  /** The simple names of every source type, Monotable's too, by package. */
  private final Map<String, Set<String>> byPackage = new HashMap<>();
  /**
   * The user's source files named unlike every type they declare, by the qualified name their file
   * name gives ({@code test.Models} for {@code test/Models.java}), with the first type declared in them.
   */
  private final Map<String, String> misnamedFiles = new HashMap<>();

  SourceTypes(ProcessingEnvironment environment) {
    this.elements = environment.getElementUtils();
    Trees found;
    try {
      found = Trees.instance(environment);
    } catch (RuntimeException | LinkageError notJavac) {
      found = null; // another compiler: files are not told apart
    }
    this.trees = found;
  }

  /** Remembers the round's types. */
  void remember(RoundEnvironment round) {
    Map<String, Set<String>> typesOfFile = new HashMap<>();
    for (Element root : round.getRootElements()) {
      if (!(root instanceof TypeElement type)) {
        continue;
      }
      String packageName = elements.getPackageOf(type).getQualifiedName().toString();
      byPackage.computeIfAbsent(packageName, name -> new HashSet<>()).add(type.getSimpleName().toString());
      if (GeneratedSources.byMonotable(type)) {
        continue;
      }
      declared.add(type.getQualifiedName().toString());
      String file = fileName(type);
      if (file != null) {
        String named = packageName.isEmpty() ? file : packageName + "." + file;
        typesOfFile.computeIfAbsent(named, name -> new LinkedHashSet<>()).add(type.getSimpleName().toString());
      }
    }
    typesOfFile.forEach((named, types) -> {
      if (!types.contains(named.substring(named.lastIndexOf('.') + 1))) {
        misnamedFiles.putIfAbsent(named, types.iterator().next());
      }
    });
  }

  /** The name of the file {@code type} is declared in, without {@code .java}; null when unknown. */
  private String fileName(TypeElement type) {
    if (trees == null) {
      return null;
    }
    TreePath path = trees.getPath(type);
    CompilationUnitTree unit = path == null ? null : path.getCompilationUnit();
    if (unit == null || unit.getSourceFile() == null) {
      return null;
    }
    String name = unit.getSourceFile().getName();
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    return name.endsWith(".java") ? name.substring(0, name.length() - ".java".length()) : null;
  }

  @Override
  public boolean declares(String qualifiedName) {
    return declared.contains(qualifiedName);
  }

  @Override
  public Optional<String> fileNamedLike(String qualifiedName) {
    return Optional.ofNullable(misnamedFiles.get(qualifiedName));
  }

  /** The simple names of the source types of {@code packageName}. */
  Set<String> simpleNamesIn(String packageName) {
    return Set.copyOf(byPackage.getOrDefault(packageName, Set.of()));
  }
}
