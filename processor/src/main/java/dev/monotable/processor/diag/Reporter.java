package dev.monotable.processor.diag;

import dev.monotable.processor.model.SourceRef;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;

/** Prints diagnostics through the compiler's {@link Messager}, on the most precise place known. */
public final class Reporter {
  private final Messager messager;
  private int errors;

  public Reporter(Messager messager) {
    this.messager = messager;
  }

  /** Prints one diagnostic; {@code fallback} is used when the diagnostic has no place of its own. */
  public void report(Diagnostic diagnostic, Element fallback) {
    print(diagnostic.message().kind(), diagnostic.text(), diagnostic.where(), fallback);
  }

  /** Prints a message that no checker produced (an internal failure, a type never generated). */
  public void report(Message message, Element where, Object... arguments) {
    print(message.kind(), message.format(arguments), SourceRef.NONE, where);
  }

  private void print(javax.tools.Diagnostic.Kind kind, String text, SourceRef where, Element fallback) {
    if (kind == javax.tools.Diagnostic.Kind.ERROR) {
      errors++;
    }
    if (where instanceof ElementRef ref) {
      if (ref.value() != null) {
        messager.printMessage(kind, text, ref.element(), ref.annotation(), ref.value());
      } else if (ref.annotation() != null) {
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

  public int errorCount() {
    return errors;
  }
}
