package dev.monotable.processor.diag;

import dev.monotable.processor.model.SourceRef;
import java.util.List;
import javax.tools.Diagnostic.Kind;

/** One finding of a checker: a message with its arguments and where to report it. */
public record Diagnostic(Message message, SourceRef where, List<Object> arguments) {
  public Diagnostic {
    arguments = List.copyOf(arguments);
  }

  public static Diagnostic of(Message message, SourceRef where, Object... arguments) {
    return new Diagnostic(message, where, List.of(arguments));
  }

  public boolean isError() {
    return message.kind() == Kind.ERROR;
  }

  public String text() {
    return message.format(arguments.toArray());
  }
}
