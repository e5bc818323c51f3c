package dev.monotable.processor.diag;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.monotable.processor.model.SourceRef;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic.Kind;

/** Prints diagnostics through the compiler, on the most precise place known. */
public final class Reporter {
  private final Messager messager;
  private final Trees trees;

  public Reporter(ProcessingEnvironment environment) {
    this.messager = environment.getMessager();
    this.trees = treesOf(environment);
  }

  private static Trees treesOf(ProcessingEnvironment environment) {
    try {
      return Trees.instance(environment);
    } catch (RuntimeException | LinkageError notJavac) {
      return null; // another compiler: repeated annotations are reported on their element
    }
  }

  /** Prints the diagnostics of a report, each on its own place. */
  public void report(List<Diagnostic> diagnostics) {
    for (Diagnostic diagnostic : diagnostics) {
      print(diagnostic.message().kind(), diagnostic.text(), diagnostic.where(), null);
    }
  }

  /** Prints a message that no checker produced (an internal failure, a type never generated) on {@code where}. */
  public void report(Element where, Message message, Object... arguments) {
    print(message.kind(), message.format(arguments), SourceRef.NONE, where);
  }

  private void print(Kind kind, String text, SourceRef where, Element fallback) {
    if (where instanceof TreeRef tree && trees != null) {
      trees.printMessage(kind, text, tree.path().getLeaf(), tree.path().getCompilationUnit());
      return;
    }
    if (where instanceof ElementRef ref) {
      if (ref.repeated() != null && printOnTree(kind, text, ref)) {
        return;
      }
      if (ref.value() != null && ref.repeated() == null) {
        messager.printMessage(kind, text, ref.element(), ref.annotation(), ref.value());
      } else if (ref.annotation() != null && ref.repeated() == null) {
        messager.printMessage(kind, text, ref.element(), ref.annotation());
      } else {
        messager.printMessage(kind, text, ref.element());
      }
    } else if (fallback != null) {
      messager.printMessage(kind, text, fallback);
    } else {
      messager.printMessage(kind, text);
    }
  }

  /** Finds a repeated annotation's value in the source tree and prints there. */
  private boolean printOnTree(Kind kind, String text, ElementRef ref) {
    if (trees == null) {
      return false;
    }
    TreePath path = trees.getPath(ref.element());
    if (path == null) {
      return false;
    }
    Tree target = annotationTree(path.getLeaf(), ref.repeated());
    if (target == null) {
      return false;
    }
    trees.printMessage(kind, text, target, path.getCompilationUnit());
    return true;
  }

  private static Tree annotationTree(Tree declaration, ElementRef.Repeated repeated) {
    List<? extends AnnotationTree> annotations;
    if (declaration instanceof ClassTree type) {
      annotations = type.getModifiers().getAnnotations();
    } else {
      return null;
    }
    String simpleName = repeated.annotationName().substring(repeated.annotationName().lastIndexOf('.') + 1);
    int seen = 0;
    for (AnnotationTree annotation : annotations) {
      String written = annotation.getAnnotationType().toString();
      if (!written.equals(simpleName) && !written.endsWith("." + simpleName)) {
        continue;
      }
      if (seen++ != repeated.occurrence()) {
        continue;
      }
      for (ExpressionTree argument : annotation.getArguments()) {
        if (argument instanceof AssignmentTree assignment
            && assignment.getVariable().toString().equals(repeated.attribute())) {
          return assignment.getExpression();
        }
      }
      return annotation;
    }
    return null;
  }
}
