package dev.monotable.processor;

import com.google.auto.service.AutoService;
import dev.monotable.processor.check.DesignChecker;
import dev.monotable.processor.check.EntityChecker;
import dev.monotable.processor.check.Report;
import dev.monotable.processor.check.TableChecker;
import dev.monotable.processor.diag.Diagnostic;
import dev.monotable.processor.diag.Message;
import dev.monotable.processor.diag.Reporter;
import dev.monotable.processor.generate.DocumentSchemaGenerator;
import dev.monotable.processor.generate.EntityInTable;
import dev.monotable.processor.generate.FieldsGenerator;
import dev.monotable.processor.generate.KeysGenerator;
import dev.monotable.processor.generate.RepositoryGenerator;
import dev.monotable.processor.generate.SchemaGenerator;
import dev.monotable.processor.generate.TableDescriptionWriter;
import dev.monotable.processor.generate.TableGenerator;
import dev.monotable.processor.model.DocumentModel;
import dev.monotable.processor.model.EntityModel;
import dev.monotable.processor.model.FieldModel;
import dev.monotable.processor.model.TableModel;
import dev.monotable.processor.model.ValueType;
import dev.monotable.processor.check.ScanCallChecker;
import dev.monotable.processor.model.ScanCall;
import dev.monotable.processor.read.EntityReader;
import dev.monotable.processor.read.ScanCallReader;
import dev.monotable.processor.read.TableReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Monotable's annotation processor. Each round runs the same one-way pipeline: read the annotated
 * types into models, check them (collecting every diagnostic), and generate code for what is
 * clean. Types that depend on code not generated yet wait for a later round; what still waits when
 * processing ends is reported. No input makes the processor throw: an unexpected failure becomes
 * an {@code MT-INTERNAL} error on the element being processed.
 */
@AutoService(Processor.class)
public final class MonotableProcessor extends AbstractProcessor {
  private Deferrals deferrals;
  /** Documents that failed their checks: entities that nest them generate nothing either. */
  private final Set<String> failedDocuments = new HashSet<>();
  /** The table interfaces of earlier rounds, by qualified name, so that a later one cannot reuse a table name. */
  private final Set<String> declaredTables = new LinkedHashSet<>();

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(Names.TABLE, Names.ENTITY, Names.DOCUMENT);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    Reporter reporter = new Reporter(processingEnv);
    if (deferrals == null) {
      deferrals = new Deferrals(processingEnv);
    }
    if (round.processingOver()) {
      deferrals.reportNeverGenerated(reporter);
      return false;
    }
    List<TypeElement> documents = deferrals.take(round, Deferrals.Kind.DOCUMENT);
    List<TypeElement> tables = deferrals.take(round, Deferrals.Kind.TABLE);
    List<TypeElement> entities = deferrals.take(round, Deferrals.Kind.ENTITY);
    processDocuments(documents, reporter);
    processDesign(tables, entities, reporter);
    checkScanCalls(round, reporter);
    return false;
  }

  /** Every entity read so far, to name access patterns in scan warnings. */
  private final Map<String, EntityModel> knownEntities = new LinkedHashMap<>();

  private void checkScanCalls(RoundEnvironment round, Reporter reporter) {
    try {
      List<ScanCall> calls = new ScanCallReader(processingEnv).read(round.getRootElements());
      print(new ScanCallChecker().check(calls, knownEntities.values()), reporter, null);
    } catch (RuntimeException e) {
      reporter.report(Message.INTERNAL, null, "scanAll() calls", e);
    }
  }

  private void processDocuments(List<TypeElement> documents, Reporter reporter) {
    EntityReader reader = new EntityReader(processingEnv);
    EntityChecker checker = new EntityChecker();
    DocumentSchemaGenerator generator = new DocumentSchemaGenerator(processingEnv.getFiler());
    for (TypeElement element : documents) {
      try {
        if (reader.isEntity(element)) {
          failedDocuments.add(element.getQualifiedName().toString());
          reporter.report(Message.ENTITY_KIND, element, element.getSimpleName(), "is both @Entity and @Document",
              "an entity is stored as an item and a document inside one, so keep one of the two annotations");
          continue;
        }
        DocumentModel document = reader.readDocument(element);
        if (awaitsGeneration(document.fields())) {
          deferrals.deferForFields(Deferrals.Kind.DOCUMENT, element, document.fields());
          continue;
        }
        Report report = checker.checkDocument(document);
        print(report, reporter, element);
        if (report.isClean()) {
          generator.generate(document, List.of(element));
          new FieldsGenerator(processingEnv.getFiler()).generate(
              new FieldsGenerator.Input(document.type(), document.fields()), List.of(element));
        } else {
          failedDocuments.add(document.type().canonicalName());
        }
      } catch (RuntimeException e) {
        failedDocuments.add(element.getQualifiedName().toString());
        reporter.report(Message.INTERNAL, element, element.getSimpleName(), e);
      }
    }
  }

  /** One table's models gathered in a round, with the elements they come from. */
  private static final class TableDesign {
    final TypeElement element;
    final TableModel model;
    final boolean declaredHere;
    boolean clean;
    boolean complete = true;
    final Map<EntityModel, TypeElement> entities = new LinkedHashMap<>();
    final Map<EntityModel, Boolean> entityClean = new LinkedHashMap<>();

    TableDesign(TypeElement element, TableModel model, boolean declaredHere) {
      this.element = element;
      this.model = model;
      this.declaredHere = declaredHere;
    }
  }

  private void processDesign(List<TypeElement> tableElements, List<TypeElement> entityElements, Reporter reporter) {
    TableReader tableReader = new TableReader(processingEnv.getElementUtils());
    EntityReader entityReader = new EntityReader(processingEnv);
    Map<String, TableDesign> designs = new LinkedHashMap<>();
    for (TypeElement element : tableElements) {
      try {
        TableModel model = tableReader.read(element);
        TableDesign design = new TableDesign(element, model, true);
        Report report = new TableChecker().check(model);
        print(report, reporter, element);
        design.clean = report.isClean();
        designs.put(element.getQualifiedName().toString(), design);
      } catch (RuntimeException e) {
        reporter.report(Message.INTERNAL, element, element.getSimpleName(), e);
      }
    }
    checkDistinctTableNames(designs, tableReader, reporter);

    for (TypeElement element : entityElements) {
      try {
        TypeElement tableElement = entityReader.tableOf(element);
        if (tableElement == null) {
          deferrals.defer(Deferrals.Kind.ENTITY, element, "the table class named by @Entity(table = ...)");
          continue;
        }
        if (!entityReader.isTable(tableElement)) {
          EntityModel model = entityReader.readEntity(element, tableElement);
          reporter.report(Diagnostic.of(Message.ENTITY_TABLE, model.sources().table(), element.getSimpleName(),
              tableElement.getSimpleName()), element);
          continue;
        }
        String tableName = tableElement.getQualifiedName().toString();
        TableDesign design = designs.get(tableName);
        if (design == null) {
          // the table comes from the class path: its own build generated its table class
          TableModel model = tableReader.read(tableElement);
          design = new TableDesign(tableElement, model, false);
          design.clean = new TableChecker().check(model).isClean();
          designs.put(tableName, design);
        }
        EntityModel entity = entityReader.readEntity(element, tableElement);
        if (awaitsGeneration(entity.fields())) {
          deferrals.deferForFields(Deferrals.Kind.ENTITY, element, entity.fields());
          design.complete = false;
          continue;
        }
        Report report = new EntityChecker().check(entity, design.model);
        print(report, reporter, element);
        design.entities.put(entity, element);
        knownEntities.put(element.getQualifiedName().toString(), entity);
        design.entityClean.put(entity, report.isClean() && !nestsFailedDocument(entity.fields()));
      } catch (RuntimeException e) {
        reporter.report(Message.INTERNAL, element, element.getSimpleName(), e);
      }
    }

    for (TableDesign design : designs.values()) {
      try {
        checkAndGenerate(design, reporter);
      } catch (RuntimeException e) {
        reporter.report(Message.INTERNAL, design.element, design.element.getSimpleName(), e);
      }
    }
  }

  /** Two table interfaces with one table name: neither generates, since both would write its description. */
  private void checkDistinctTableNames(Map<String, TableDesign> designs, TableReader tableReader, Reporter reporter) {
    try {
      List<TableModel> current = designs.values().stream().map(design -> design.model).toList();
      // read again: the elements and annotation values of an earlier round no longer point into the source
      List<TableModel> earlier = new ArrayList<>();
      Map<TableModel, TypeElement> earlierElements = new LinkedHashMap<>();
      for (String name : declaredTables) {
        TypeElement element = processingEnv.getElementUtils().getTypeElement(name);
        if (element != null && !designs.containsKey(name)) {
          TableModel model = tableReader.read(element);
          earlier.add(model);
          earlierElements.put(model, element);
        }
      }
      Map<TableModel, Report> reports = new TableChecker().checkDistinctNames(current, earlier);
      for (TableDesign design : designs.values()) {
        Report report = reports.get(design.model);
        if (report != null) {
          print(report, reporter, design.element);
          design.clean = false;
        }
        declaredTables.add(design.element.getQualifiedName().toString());
      }
      earlierElements.forEach((model, element) -> {
        if (reports.containsKey(model)) {
          print(reports.get(model), reporter, element);
        }
      });
    } catch (RuntimeException e) {
      reporter.report(Message.INTERNAL, null, "the table names of this round", e);
    }
  }

  private void checkAndGenerate(TableDesign design, Reporter reporter) {
    List<EntityModel> entities = new ArrayList<>(design.entities.keySet());
    Map<EntityModel, Report> designReports = new DesignChecker().check(design.model, entities);
    for (Map.Entry<EntityModel, Report> entry : designReports.entrySet()) {
      print(entry.getValue(), reporter, design.entities.get(entry.getKey()));
      if (!entry.getValue().isClean()) {
        design.entityClean.put(entry.getKey(), false);
      }
    }
    if (!design.clean) {
      return;
    }
    SchemaGenerator schemas = new SchemaGenerator(processingEnv.getFiler());
    KeysGenerator keys = new KeysGenerator(processingEnv.getFiler());
    RepositoryGenerator repositories = new RepositoryGenerator(processingEnv.getFiler());
    boolean allClean = true;
    for (EntityModel entity : entities) {
      if (!design.entityClean.get(entity)) {
        allClean = false;
        continue;
      }
      EntityInTable input = new EntityInTable(entity, design.model);
      List<TypeElement> origin = List.of(design.entities.get(entity));
      keys.generate(input, origin);
      schemas.generate(input, origin);
      repositories.generate(input, origin);
      new FieldsGenerator(processingEnv.getFiler()).generate(
          new FieldsGenerator.Input(entity.type(), entity.fields()), origin);
    }
    if (!design.declaredHere) {
      return;
    }
    if (!design.complete) {
      deferrals.defer(Deferrals.Kind.TABLE, design.element, null);
      return;
    }
    if (allClean) {
      List<TypeElement> origin = new ArrayList<>();
      origin.add(design.element);
      origin.addAll(design.entities.values());
      TableGenerator.Input input = new TableGenerator.Input(design.model, entities);
      new TableGenerator(processingEnv.getFiler()).generate(input, origin);
      new TableDescriptionWriter(processingEnv.getFiler()).write(input, origin);
    }
  }

  private static boolean awaitsGeneration(List<FieldModel> fields) {
    return fields.stream().anyMatch(f -> !f.ignored() && f.valueType().awaitsGeneration());
  }

  private boolean nestsFailedDocument(List<FieldModel> fields) {
    return fields.stream().anyMatch(f -> !f.ignored() && nestsFailedDocument(f.valueType()));
  }

  private boolean nestsFailedDocument(ValueType type) {
    return type.find(part -> part instanceof ValueType.DocumentValue document
        && failedDocuments.contains(document.type().canonicalName())).isPresent();
  }

  private static void print(Report report, Reporter reporter, Element fallback) {
    for (Diagnostic diagnostic : report.diagnostics()) {
      reporter.report(diagnostic, fallback);
    }
  }
}
