package dev.monotable.processor;

import dev.monotable.processor.check.Report;
import dev.monotable.processor.check.TableChecker;
import dev.monotable.processor.diag.Message;
import dev.monotable.processor.diag.Reporter;
import dev.monotable.processor.model.TableModel;
import dev.monotable.processor.read.TableReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * The table interfaces of the compilation, across rounds, so that two of them, in one round or in
 * different ones, cannot declare one table name: both would describe one DynamoDB table.
 */
final class DeclaredTables {
  private final Elements elements;
  private final TableReader reader;
  /** The table interfaces of earlier rounds, by qualified name. */
  private final Set<String> earlierRounds = new LinkedHashSet<>();

  DeclaredTables(Elements elements) {
    this.elements = elements;
    this.reader = new TableReader(elements);
  }

  /** Reports the round's tables whose name another table took; neither of the two generates. */
  void checkDistinctNames(Map<String, TableDesign> round, Reporter reporter) {
    try {
      check(round, reporter);
    } catch (RuntimeException e) {
      reporter.report(null, Message.INTERNAL, "the table names of this round", e);
    }
  }

  private void check(Map<String, TableDesign> round, Reporter reporter) {
    List<TableModel> current = round.values().stream().map(design -> design.model).toList();
    // read again: the elements and annotation values of an earlier round no longer point into the source
    List<TableModel> earlier = new ArrayList<>();
    for (String name : earlierRounds) {
      TypeElement element = elements.getTypeElement(name);
      if (element != null && !round.containsKey(name)) {
        earlier.add(reader.read(element));
      }
    }
    Map<TableModel, Report> reports = new TableChecker().checkDistinctNames(current, earlier);
    for (TableDesign design : round.values()) {
      Report report = reports.remove(design.model);
      if (report != null) {
        reporter.report(report.diagnostics());
        design.clean = false;
      }
      earlierRounds.add(design.element.getQualifiedName().toString());
    }
    // what is left is about the earlier rounds' tables, which name the new ones
    reports.values().forEach(report -> reporter.report(report.diagnostics()));
  }
}
