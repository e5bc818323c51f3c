package dev.monotable.processor.diag;

import com.sun.source.util.TreePath;
import dev.monotable.processor.model.SourceRef;

/** A place inside a method body, found in the compiler's source tree. */
public record TreeRef(TreePath path) implements SourceRef {}
