package dev.monotable.processor;

import dev.monotable.processor.check.EntityChecker;
import dev.monotable.processor.check.GeneratedTypeChecker;
import dev.monotable.processor.check.Report;
import dev.monotable.processor.diag.Message;
import dev.monotable.processor.diag.Reporter;
import dev.monotable.processor.model.DocumentModel;
import dev.monotable.processor.model.EntityModel;
import dev.monotable.processor.model.FieldModel;
import dev.monotable.processor.model.ValueType;
import dev.monotable.processor.read.EntityReader;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.TypeElement;

/**
 * The {@code @Document} stage of each round: read, check and generate every nested value type, and
 * remember the ones that failed, so that entities nesting them generate nothing either.
 */
final class Documents {
  private final Deferrals deferrals;
  private final Generators generators;
  private final GeneratedTypeChecker generatedTypes;
  private final Set<String> failed = new HashSet<>();

  Documents(Deferrals deferrals, Generators generators, GeneratedTypeChecker generatedTypes) {
    this.deferrals = deferrals;
    this.generators = generators;
    this.generatedTypes = generatedTypes;
  }

  void process(List<TypeElement> documents, EntityReader reader, Reporter reporter) {
    for (TypeElement element : documents) {
      try {
        if (reader.isEntity(element)) {
          failed.add(element.getQualifiedName().toString());
          reporter.report(element, Message.ENTITY_AND_DOCUMENT, element.getSimpleName());
          continue;
        }
        DocumentModel document = reader.readDocument(element);
        if (FieldModel.firstAwaitingGeneration(document.fields()).isPresent()) {
          deferrals.deferForFields(Deferrals.Kind.DOCUMENT, element, document.fields());
          continue;
        }
        Report report = new EntityChecker().checkDocument(document);
        reporter.report(report.diagnostics());
        Report names = generatedTypes.checkDocument(document);
        reporter.report(names.diagnostics());
        if (report.isClean() && names.isClean()) {
          generators.document(document, element);
        } else {
          failed.add(document.type().canonicalName());
        }
      } catch (RuntimeException e) {
        failed.add(element.getQualifiedName().toString());
        reporter.report(element, Message.INTERNAL, element.getSimpleName(), e);
      }
    }
  }

  /** Whether the entity stores, at any depth, a document that failed its checks. */
  boolean nestedFailureIn(EntityModel entity) {
    return entity.storedFields().stream().anyMatch(field -> field.valueType().find(part ->
        part instanceof ValueType.DocumentValue document
            && failed.contains(document.type().canonicalName())).isPresent());
  }
}
