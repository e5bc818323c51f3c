package dev.monotable.processor.check;

import dev.monotable.processor.diag.Diagnostic;
import dev.monotable.processor.diag.Message;
import dev.monotable.processor.model.SourceRef;
import java.util.ArrayList;
import java.util.List;

/**
 * The findings of a checker about one subject (a table, an entity, a document), collected in full:
 * a checker never stops at its first error. A finding lands on the subject, or on the part of it
 * that {@link #on} names (an annotation value, a field), as Dagger's {@code ValidationReport} does.
 */
public final class Report {
  private final SourceRef subject;
  private final List<Diagnostic> diagnostics;

  private Report(SourceRef subject, List<Diagnostic> diagnostics) {
    this.subject = subject;
    this.diagnostics = diagnostics;
  }

  /** An empty report about {@code subject}. */
  public static Report about(SourceRef subject) {
    return new Report(subject, new ArrayList<>());
  }

  /** Where findings land unless they name a part: the subject's element or annotation. */
  public SourceRef subject() {
    return subject;
  }

  /**
   * This report, narrowed to one part of its subject: what is added through it is this report's,
   * placed on {@code part}, or on the subject when the part has no place of its own.
   */
  Report on(SourceRef part) {
    return part == null || part == SourceRef.NONE ? this : new Report(part, diagnostics);
  }

  /** Adds a finding on this report's subject (or part). */
  void add(Message message, Object... arguments) {
    diagnostics.add(Diagnostic.of(message, subject, arguments));
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
