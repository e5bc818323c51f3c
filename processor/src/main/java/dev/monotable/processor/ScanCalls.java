package dev.monotable.processor;

import dev.monotable.processor.check.ScanCallChecker;
import dev.monotable.processor.diag.Message;
import dev.monotable.processor.diag.Reporter;
import dev.monotable.processor.model.EntityModel;
import dev.monotable.processor.read.ScanCallReader;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;

/**
 * The warnings on {@code scanAll()} calls in the round's sources, naming the access pattern that
 * would serve the filter; it knows every entity read so far, in this round or an earlier one.
 */
final class ScanCalls {
  private final ProcessingEnvironment environment;
  private final Map<String, EntityModel> knownEntities = new LinkedHashMap<>();

  ScanCalls(ProcessingEnvironment environment) {
    this.environment = environment;
  }

  void remember(EntityModel entity) {
    knownEntities.put(entity.type().canonicalName(), entity);
  }

  void check(RoundEnvironment round, Reporter reporter) {
    try {
      reporter.report(new ScanCallChecker().check(
          new ScanCallReader(environment).read(round.getRootElements()), knownEntities.values()).diagnostics());
    } catch (RuntimeException e) {
      reporter.report(null, Message.INTERNAL, "scanAll() calls", e);
    }
  }
}
