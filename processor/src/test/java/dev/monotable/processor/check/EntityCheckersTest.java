package dev.monotable.processor.check;

import static dev.monotable.processor.check.Designs.entity;
import static dev.monotable.processor.check.Designs.field;
import static dev.monotable.processor.check.Designs.global;
import static dev.monotable.processor.check.Designs.table;
import static dev.monotable.processor.check.Designs.tags;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monotable.processor.model.EntityModel;
import dev.monotable.processor.model.FieldModel.Role;
import dev.monotable.processor.model.ScalarKind;
import dev.monotable.processor.model.TableModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each checker of one entity, on models built without javac: what it finds on a design made wrong
 * for its subject, and that a right design is clean.
 */
class EntityCheckersTest {
  private final TableModel table = table(global("GSI1"));

  private static Designs.Entity order() {
    return entity("Order")
        .field(field("userId", ScalarKind.STRING))
        .field(field("orderId", ScalarKind.STRING))
        .field(field("status", ScalarKind.STRING))
        .keys("USER#<userId>", "ORDER#<orderId>");
  }

  @Test
  void aRightDesign_isCleanForEveryChecker() {
    EntityModel model = order().indexKey("GSI1", "STATUS#<status>", "ORDER#<orderId>")
        .accessPattern("ordersByStatus", "GSI1").model();
    Report report = new EntityChecker().check(model, table);
    assertTrue(report.isClean(), report.diagnostics().toString());
  }

  @Test
  void fieldChecker_findsAVersionThatIsNoInteger_andASecondUpdateTime() {
    EntityModel model = order().field(field("version", ScalarKind.STRING, Role.VERSION))
        .field(field("changed", ScalarKind.INSTANT, Role.UPDATED_AT))
        .field(field("touched", ScalarKind.INSTANT, Role.UPDATED_AT)).model();
    Report report = Report.about(model.sources().element());
    new FieldChecker().checkVersion(model, report);
    new FieldChecker().checkTimestamps(model, report);
    assertEquals(List.of("MT-VERSION", "MT-TIMESTAMP"), tags(report));
  }

  @Test
  void keyTemplateChecker_suggestsTheNearestField_andRefusesAnUpdateTimeInThePrimaryKey() {
    EntityModel misspelt = order().keys("USER#<userld>", "ORDER#<orderId>").model();
    Report report = Report.about(misspelt.sources().element());
    new KeyTemplateChecker().checkPrimaryKey(misspelt, table, report);
    assertEquals(List.of("MT-KEY-UNKNOWN-FIELD"), tags(report));
    assertTrue(report.diagnostics().get(0).text().contains("did you mean <userId>"), report.diagnostics().toString());

    EntityModel moving = order().field(field("updatedAt", ScalarKind.INSTANT, Role.UPDATED_AT))
        .keys("USER#<userId>", "ORDER#<updatedAt>#<orderId>").model();
    Report movingReport = Report.about(moving.sources().element());
    new KeyTemplateChecker().checkPrimaryKey(moving, table, movingReport);
    assertEquals(List.of("MT-TIMESTAMP"), tags(movingReport));
  }

  @Test
  void indexKeyChecker_findsAnUndeclaredIndex_andAVersionInAnIndexKey() {
    EntityModel model = order().field(field("version", ScalarKind.LONG, Role.VERSION))
        .indexKey("GSI9", "X#<status>", "Y")
        .indexKey("GSI1", "STATUS#<status>", "V#<version>").model();
    Report report = Report.about(model.sources().element());
    new IndexKeyChecker().checkIndexKeys(model, table, report);
    assertEquals(List.of("MT-INDEX-UNKNOWN", "MT-VERSION"), tags(report));
  }

  @Test
  void accessPatternChecker_findsANameTheRepositoryHas_aDuplicate_andAnIndexTheEntityIsNotIn() {
    EntityModel model = order().accessPattern("upsert", "").accessPattern("mine", "").accessPattern("mine", "")
        .accessPattern("byStatus", "GSI1").model();
    Report report = Report.about(model.sources().element());
    new AccessPatternChecker().checkAccessPatterns(model, table, report);
    assertEquals(List.of("MT-ACCESS-PATTERN-NAME", "MT-ACCESS-PATTERN-DUPLICATE", "MT-ACCESS-PATTERN-NO-KEY"),
        tags(report));
  }

  @Test
  void designWarnings_warnOfAFixedPartition_andOfASortKeyOfOneInstant() {
    EntityModel model = entity("Event").field(field("at", ScalarKind.INSTANT)).keys("EVENTS", "AT#<at>").model();
    Report report = Report.about(model.sources().element());
    DesignWarnings.checkHotPartition(model, model.partitionKey().orElseThrow(), report);
    DesignWarnings.checkInstantOnly(model, model.sortKey().orElseThrow(), report);
    assertEquals(List.of("MT-KEY-HOT-PARTITION", "MT-KEY-INSTANT-ONLY"), tags(report));
  }
}
