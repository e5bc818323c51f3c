package dev.monotable.processor.check;

import dev.monotable.processor.diag.Diagnostic;
import dev.monotable.processor.diag.Message;
import dev.monotable.processor.model.SourceRef;
import java.util.ArrayList;
import java.util.List;

/** The findings of a checker, collected in full (a checker never stops at its first error). */
public final class Report {
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  void add(Message message, SourceRef where, Object... arguments) {
    diagnostics.add(Diagnostic.of(message, where, arguments));
  }

  void addAll(Report other) {
    diagnostics.addAll(other.diagnostics);
  }

  public List<Diagnostic> diagnostics() {
    return List.copyOf(diagnostics);
  }

  /** A user's text as messages quote it: whole when short, else its start and an ellipsis. */
  static String excerpt(String text) {
    if (text.length() <= 60) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(39)) ? 39 : 40;
    return text.substring(0, end) + "…";
  }

  /** Whether nothing stops generation: warnings alone leave a report clean. */
  public boolean isClean() {
    return diagnostics.stream().noneMatch(Diagnostic::isError);
  }
}
