package dev.monotable.processor;

import dev.monotable.processor.generate.ChangeHandlerGenerator;
import dev.monotable.processor.generate.ChangesGenerator;
import dev.monotable.processor.generate.DocumentSchemaGenerator;
import dev.monotable.processor.generate.EntityInTable;
import dev.monotable.processor.generate.FieldsGenerator;
import dev.monotable.processor.generate.KeysGenerator;
import dev.monotable.processor.generate.RepositoryGenerator;
import dev.monotable.processor.generate.SchemaGenerator;
import dev.monotable.processor.generate.TableDescriptionWriter;
import dev.monotable.processor.generate.AsyncTableGenerator;
import dev.monotable.processor.generate.MigrationsGenerator;
import dev.monotable.processor.generate.TableGenerator;
import dev.monotable.processor.generate.TableIndexWriter;
import dev.monotable.processor.model.DocumentModel;
import dev.monotable.processor.report.DesignReport;
import dev.monotable.processor.report.DesignReportWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.Filer;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/** The files generated from each kind of checked model, each naming the elements it comes from. */
final class Generators {
  private final DocumentSchemaGenerator documentSchemas;
  private final FieldsGenerator fields;
  private final KeysGenerator keys;
  private final SchemaGenerator schemas;
  private final RepositoryGenerator repositories;
  private final RepositoryGenerator asyncRepositories;
  private final TableGenerator tables;
  private final AsyncTableGenerator asyncTables;
  private final MigrationsGenerator migrations;
  private final TableIndexWriter tableIndex;
  private final TableDescriptionWriter tableDescriptions;
  private final ChangeHandlerGenerator changeHandlers;
  private final ChangesGenerator changes;
  private final DesignReportWriter designReports;
  /** Whether AWS Lambda's event model is on the class path, for the Lambda methods of the changes. */
  private final boolean lambdaEvents;
  /** The types of each package, whose names generated code spells other types around. */
  private final SourceTypes sourceTypes;

  Generators(Filer filer, Elements elements, Map<String, String> options, SourceTypes sourceTypes) {
    this.sourceTypes = sourceTypes;
    this.documentSchemas = new DocumentSchemaGenerator(filer);
    this.fields = new FieldsGenerator(filer);
    this.keys = new KeysGenerator(filer);
    this.schemas = new SchemaGenerator(filer);
    this.repositories = new RepositoryGenerator(filer);
    this.asyncRepositories = RepositoryGenerator.async(filer);
    this.tables = new TableGenerator(filer);
    this.asyncTables = new AsyncTableGenerator(filer);
    this.migrations = new MigrationsGenerator(filer);
    this.tableIndex = new TableIndexWriter(filer);
    this.tableDescriptions = new TableDescriptionWriter(filer);
    this.changeHandlers = new ChangeHandlerGenerator(filer);
    this.changes = new ChangesGenerator(filer);
    this.designReports = new DesignReportWriter(filer, options);
    this.lambdaEvents = elements.getTypeElement(ChangesGenerator.LAMBDA_EVENT) != null;
  }

  /** {@code <Document>Schema} and {@code <Document>Fields}. */
  void document(DocumentModel document, TypeElement origin) {
    Set<String> names = sourceTypes.simpleNamesIn(document.type().packageName());
    documentSchemas.generate(document, List.of(origin), names);
    fields.generate(new FieldsGenerator.Input(document.type(), document.fields()), List.of(origin), names);
  }

  /**
   * {@code <Entity>Keys}, {@code <Entity>Schema}, {@code <Entity>Repository}, its async twin
   * {@code <Entity>AsyncRepository}, and {@code <Entity>Fields}.
   */
  void entity(EntityInTable input, TypeElement origin) {
    Set<String> names = sourceTypes.simpleNamesIn(input.entity().type().packageName());
    keys.generate(input, List.of(origin), names);
    schemas.generate(input, List.of(origin), names);
    repositories.generate(input, List.of(origin), names);
    asyncRepositories.generate(input, List.of(origin), names);
    fields.generate(new FieldsGenerator.Input(input.entity().type(), input.entity().fields()), List.of(origin),
        names);
  }

  /**
   * {@code <Table>Table}, its async twin {@code <Table>AsyncTable}, and the table's description,
   * {@code META-INF/monotable/<name>.json}; with a stream, {@code <Table>Changes} and
   * {@code <Table>ChangeHandler}.
   */
  void table(TableGenerator.Input input, List<TypeElement> origin) {
    Set<String> names = sourceTypes.simpleNamesIn(input.table().type().packageName());
    tables.generate(input, origin, names);
    asyncTables.generate(input, origin, names);
    migrations.generate(input, origin, names);
    tableIndex.add(input.table(), origin);
    tableDescriptions.write(input, origin);
    if (input.table().hasStream()) {
      changeHandlers.generate(input, origin, names);
      changes.generate(new ChangesGenerator.Input(input, lambdaEvents), origin, names);
    }
  }

  /** {@code META-INF/monotable/tables}: every generated table class of the compilation, for frameworks. */
  void tableIndex() {
    tableIndex.write();
  }

  /**
   * The table's design report, {@code META-INF/monotable/<name>.html}, {@code .workbench.json} and
   * {@code .cfn.json} (and a copy of each in the folder of {@code -Amonotable.report.dir}).
   */
  void designReport(DesignReport report, List<TypeElement> origin) {
    designReports.write(report, origin);
  }
}
