package dev.monotable.processor.check;

import dev.monotable.processor.diag.Message;
import dev.monotable.processor.model.AccessPatternModel;
import dev.monotable.processor.model.EntityModel;
import dev.monotable.processor.model.Naming;
import dev.monotable.processor.model.ScanCall;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** Warns on every {@code scanAll()} call not suppressed, naming the access patterns that could serve. */
public final class ScanCallChecker {
  public Report check(List<ScanCall> calls, Collection<EntityModel> entities) {
    Report report = new Report();
    for (ScanCall call : calls) {
      if (call.suppressed()) {
        continue;
      }
      String alternatives = "";
      for (EntityModel entity : entities) {
        if (Naming.repositoryAccessor(entity.type()).equals(call.accessor()) && !entity.accessPatterns().isEmpty()) {
          alternatives = "; " + entity.type().simpleName() + " has access patterns "
              + entity.accessPatterns().stream().map(AccessPatternModel::name).collect(Collectors.joining(", "));
        }
      }
      report.add(Message.SCAN_USED, call.source(), alternatives);
    }
    return report;
  }
}
