package dev.monotable.processor;

import com.google.auto.service.AutoService;
import dev.monotable.processor.check.DesignChecker;
import dev.monotable.processor.check.EntityChecker;
import dev.monotable.processor.check.GeneratedTypeChecker;
import dev.monotable.processor.check.Report;
import dev.monotable.processor.check.TableChecker;
import dev.monotable.processor.diag.Message;
import dev.monotable.processor.diag.Reporter;
import dev.monotable.processor.generate.EntityInTable;
import dev.monotable.processor.generate.TableGenerator;
import dev.monotable.processor.model.EntityModel;
import dev.monotable.processor.model.FieldModel;
import dev.monotable.processor.model.KeyLayout;
import dev.monotable.processor.model.TableModel;
import dev.monotable.processor.read.EntityReader;
import dev.monotable.processor.read.TableReader;
import dev.monotable.processor.report.DesignReportWriter;
import dev.monotable.processor.report.IamPolicy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.annotation.processing.SupportedOptions;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * Monotable's annotation processor. Each round runs the same one-way pipeline: read the annotated
 * types into models, check them (collecting every diagnostic), and generate code for what is
 * clean. Types that depend on code not generated yet wait for a later round ({@link Deferrals});
 * what still waits when processing ends is reported. No input makes the processor throw: an
 * unexpected failure becomes an {@code MT-INTERNAL} error on the element being processed.
 */
@AutoService(Processor.class)
@SupportedAnnotationTypes({Names.TABLE, Names.ENTITY, Names.DOCUMENT})
@SupportedOptions({KeySnapshots.OPTION, KeySnapshots.UPDATE_OPTION, DesignReportWriter.REPORT_DIR_OPTION})
public final class MonotableProcessor extends AbstractProcessor {
  private Deferrals deferrals;
  private DeclaredTables declaredTables;
  private Generators generators;
  private Documents documents;
  private ScanCalls scanCalls;
  private KeySnapshots keySnapshots;
  private GeneratedTypeChecker generatedTypes;
  private SourceTypes sourceTypes;

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public synchronized void init(ProcessingEnvironment environment) {
    super.init(environment);
    deferrals = new Deferrals(environment);
    sourceTypes = new SourceTypes(environment);
    generatedTypes = new GeneratedTypeChecker(sourceTypes);
    declaredTables = new DeclaredTables(environment.getElementUtils());
    generators = new Generators(environment.getFiler(), environment.getElementUtils(), environment.getOptions(),
        sourceTypes);
    documents = new Documents(deferrals, generators, generatedTypes);
    scanCalls = new ScanCalls(environment);
    keySnapshots = KeySnapshots.of(environment.getOptions());
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    Reporter reporter = new Reporter(processingEnv);
    if (round.processingOver()) {
      deferrals.reportNeverGenerated(reporter);
      generators.tableIndex();
      return false;
    }
    sourceTypes.remember(round);
    documents.process(deferrals.take(round, Deferrals.Kind.DOCUMENT), new EntityReader(processingEnv), reporter);
    Map<String, TableDesign> designs = readTables(deferrals.take(round, Deferrals.Kind.TABLE), reporter);
    readEntities(deferrals.take(round, Deferrals.Kind.ENTITY), designs, reporter);
    for (TableDesign design : designs.values()) {
      try {
        checkAndGenerate(design, reporter);
      } catch (RuntimeException e) {
        reporter.report(design.element, Message.INTERNAL, design.element.getSimpleName(), e);
      }
    }
    scanCalls.check(round, reporter);
    return false;
  }

  /** The round's table interfaces, read and checked, by qualified name. */
  private Map<String, TableDesign> readTables(List<TypeElement> tables, Reporter reporter) {
    TableReader reader = new TableReader(processingEnv.getElementUtils());
    Map<String, TableDesign> designs = new LinkedHashMap<>();
    for (TypeElement element : tables) {
      try {
        TableModel model = reader.read(element);
        Report report = new TableChecker().check(model);
        reporter.report(report.diagnostics());
        Report names = generatedTypes.checkTable(model);
        reporter.report(names.diagnostics());
        TableDesign design = new TableDesign(element, model, true, report.isClean() && names.isClean());
        design.noteWarnings(element.getSimpleName().toString(), report.diagnostics());
        designs.put(element.getQualifiedName().toString(), design);
      } catch (RuntimeException e) {
        reporter.report(element, Message.INTERNAL, element.getSimpleName(), e);
      }
    }
    declaredTables.checkDistinctNames(designs, reporter);
    return designs;
  }

  /** Reads and checks each entity, and adds it to its table's design (read from the class path if need be). */
  private void readEntities(List<TypeElement> entities, Map<String, TableDesign> designs, Reporter reporter) {
    EntityReader reader = new EntityReader(processingEnv);
    for (TypeElement element : entities) {
      try {
        TypeElement tableElement = reader.tableOf(element);
        if (tableElement == null) {
          deferrals.defer(Deferrals.Kind.ENTITY, element, "the table class named by @Entity(table = ...)");
          continue;
        }
        EntityModel entity = reader.readEntity(element, tableElement);
        if (!reader.isTable(tableElement)) {
          reporter.report(new EntityChecker().tableNotAnnotated(entity).diagnostics());
          continue;
        }
        TableDesign design = designs.computeIfAbsent(tableElement.getQualifiedName().toString(),
            name -> TableDesign.fromClassPath(tableElement, new TableReader(processingEnv.getElementUtils())));
        if (FieldModel.firstAwaitingGeneration(entity.fields()).isPresent()) {
          deferrals.deferForFields(Deferrals.Kind.ENTITY, element, entity.fields());
          design.complete = false;
          continue;
        }
        Report report = new EntityChecker().check(entity, design.model);
        reporter.report(report.diagnostics());
        design.noteWarnings(entity.type().simpleName(), report.diagnostics());
        scanCalls.remember(entity);
        design.add(entity, element, report.isClean() && !documents.nestedFailureIn(entity));
      } catch (RuntimeException e) {
        reporter.report(element, Message.INTERNAL, element.getSimpleName(), e);
      }
    }
  }

  /** Checks the entities of a table together, then generates what is clean. */
  private void checkAndGenerate(TableDesign design, Reporter reporter) {
    new DesignChecker().check(design.model, design.entities()).forEach((entity, report) -> {
      reporter.report(report.diagnostics());
      design.noteWarnings(entity.type().simpleName(), report.diagnostics());
      if (!report.isClean()) {
        design.fail(entity);
      }
    });
    generatedTypes.checkEntities(design.entities()).forEach((entity, report) -> {
      reporter.report(report.diagnostics());
      if (!report.isClean()) {
        design.fail(entity);
      }
    });
    if (!design.clean) {
      return;
    }
    for (EntityModel entity : design.entities()) {
      if (design.isClean(entity)) {
        boolean ownsTerritory = DesignChecker.ownsTerritory(design.model, design.entities(), entity);
        generators.entity(new EntityInTable(entity, design.model, ownsTerritory), design.elementOf(entity));
      }
    }
    if (design.declaredHere && !design.complete) {
      deferrals.defer(Deferrals.Kind.TABLE, design.element, null);
    } else if (design.declaredHere && design.allEntitiesClean()) {
      keySnapshots.check(KeyLayout.of(design.model, design.entities()), design.model.sources().element(), reporter);
      generators.table(new TableGenerator.Input(design.model, design.entities(),
          IamPolicy.template(design.model, design.entities())), design.origin());
      generators.designReport(design.report(), design.origin());
    }
  }
}
