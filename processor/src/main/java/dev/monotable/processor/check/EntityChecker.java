package dev.monotable.processor.check;

import dev.monotable.processor.diag.Message;
import dev.monotable.processor.model.DocumentModel;
import dev.monotable.processor.model.EntityModel;
import dev.monotable.processor.model.TableModel;

/**
 * Checks one entity against its table, subject by subject: its fields ({@link FieldChecker}), its
 * key templates ({@link KeyTemplateChecker}), its index keys ({@link IndexKeyChecker}), its access
 * patterns ({@link AccessPatternChecker}); the warnings on its design are {@link DesignWarnings}.
 */
public final class EntityChecker {
  private final FieldChecker fields = new FieldChecker();
  private final KeyTemplateChecker keys = new KeyTemplateChecker();
  private final IndexKeyChecker indexKeys = new IndexKeyChecker();
  private final AccessPatternChecker accessPatterns = new AccessPatternChecker();

  /** Every finding on {@code entity}, a member of {@code table}. */
  public Report check(EntityModel entity, TableModel table) {
    Report report = Report.about(entity.sources().element());
    fields.checkShape(entity, report);
    fields.checkFields(entity, table, report);
    keys.checkPrimaryKey(entity, table, report);
    indexKeys.checkIndexKeys(entity, table, report);
    accessPatterns.checkAccessPatterns(entity, table, report);
    fields.checkVersion(entity, report);
    fields.checkTimeToLive(entity, table, report);
    fields.checkTimestamps(entity, report);
    return report;
  }

  /** The finding on an entity whose {@code @Entity(table = ...)} names a type not annotated {@code @Table}. */
  public Report tableNotAnnotated(EntityModel entity) {
    Report report = Report.about(entity.sources().element());
    report.on(entity.sources().table()).add(Message.ENTITY_TABLE, entity.type().simpleName(),
        entity.table().simpleName());
    return report;
  }

  /** Checks a {@code @Document} type's fields and construction (no keys). */
  public Report checkDocument(DocumentModel document) {
    return fields.checkDocument(document);
  }
}
