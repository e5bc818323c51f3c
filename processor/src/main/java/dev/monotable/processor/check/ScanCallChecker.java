package dev.monotable.processor.check;

import dev.monotable.processor.diag.Message;
import dev.monotable.processor.model.AccessPatternModel;
import dev.monotable.processor.model.EntityModel;
import dev.monotable.processor.model.Naming;
import dev.monotable.processor.model.ScanCall;
import dev.monotable.processor.model.SourceRef;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** Warns on every {@code scanAll()} call not suppressed, naming the access patterns that could serve. */
public final class ScanCallChecker {
  public Report check(List<ScanCall> calls, Collection<EntityModel> entities) {
    Report report = Report.about(SourceRef.NONE);
    for (ScanCall call : calls) {
      if (call.suppressed()) {
        continue;
      }
      EntityModel scanned = null;
      for (EntityModel entity : entities) {
        if (Naming.repositoryAccessor(entity.type()).equals(call.accessor()) && !entity.accessPatterns().isEmpty()) {
          scanned = entity;
        }
      }
      if (scanned == null) {
        report.on(call.source()).add(Message.SCAN_USED);
      } else {
        report.on(call.source()).add(Message.SCAN_USED_WITH_PATTERNS, scanned.type().simpleName(),
            scanned.accessPatterns().stream().map(AccessPatternModel::name).collect(Collectors.joining(", ")));
      }
    }
    return report;
  }
}
