package dev.monotable.processor.read;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import dev.monotable.processor.diag.TreeRef;
import dev.monotable.processor.model.ScanCall;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Finds {@code scanAll()} calls in the sources of a round, by name: the types they are called on
 * are often not generated yet when this runs, so the receiver is read as written. On a compiler
 * without the source-tree API it finds nothing.
 */
public final class ScanCallReader {
  private final Trees trees;

  public ScanCallReader(ProcessingEnvironment environment) {
    Trees found;
    try {
      found = Trees.instance(environment);
    } catch (RuntimeException | LinkageError notJavac) {
      found = null;
    }
    this.trees = found;
  }

  public List<ScanCall> read(Iterable<? extends Element> rootElements) {
    List<ScanCall> calls = new ArrayList<>();
    if (trees == null) {
      return calls;
    }
    for (Element root : rootElements) {
      // generated code calls entity accessors, one of which may be a field named scanAll
      if (!(root instanceof TypeElement) || GeneratedSources.byMonotable(root)) {
        continue;
      }
      TreePath path = trees.getPath(root);
      if (path == null) {
        continue;
      }
      new TreePathScanner<Void, Void>() {
        @Override
        public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
          ExpressionTree select = call.getMethodSelect();
          if (call.getArguments().isEmpty() && select instanceof MemberSelectTree member
              && member.getIdentifier().contentEquals("scanAll")) {
            calls.add(new ScanCall(accessor(member.getExpression()), suppressed(getCurrentPath()),
                new TreeRef(getCurrentPath())));
          }
          return super.visitMethodInvocation(call, unused);
        }
      }.scan(path, null);
    }
    return calls;
  }

  private static String accessor(ExpressionTree receiver) {
    if (receiver instanceof MethodInvocationTree invocation
        && invocation.getMethodSelect() instanceof MemberSelectTree member && invocation.getArguments().isEmpty()) {
      return member.getIdentifier().toString();
    }
    return "";
  }

  private static boolean suppressed(TreePath path) {
    for (TreePath current = path; current != null; current = current.getParentPath()) {
      Tree leaf = current.getLeaf();
      ModifiersTree modifiers = leaf instanceof MethodTree method ? method.getModifiers()
          : leaf instanceof ClassTree type ? type.getModifiers()
          : leaf instanceof VariableTree variable ? variable.getModifiers() : null;
      if (modifiers == null) {
        continue;
      }
      for (AnnotationTree annotation : modifiers.getAnnotations()) {
        if (annotation.getAnnotationType().toString().endsWith("SuppressWarnings")
            && annotation.toString().contains("\"monotable.scan\"")) {
          return true;
        }
      }
    }
    return false;
  }
}
