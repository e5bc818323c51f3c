package dev.monotable.processor.check;

import static dev.monotable.processor.check.Designs.entity;
import static dev.monotable.processor.check.Designs.field;
import static dev.monotable.processor.check.Designs.table;
import static dev.monotable.processor.check.Designs.tags;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monotable.processor.model.EntityModel;
import dev.monotable.processor.model.ScalarKind;
import dev.monotable.processor.model.TableModel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checks of a table's entities together, on models built without javac. */
class DesignCheckerTest {
  private final TableModel table = table();

  /** An entity of the user's partition, {@code USER#<userId>}, with this sort key. */
  private static Designs.Entity ofUser(String name, String sortKey) {
    return entity(name)
        .field(field("userId", ScalarKind.STRING))
        .field(field("id", ScalarKind.STRING))
        .keys("USER#<userId>", sortKey);
  }

  @Test
  void distinctTerritoriesInOnePartition_areClean_andEachOwnsItsTerritory() {
    EntityModel order = ofUser("Order", "ORDER#<id>").model();
    EntityModel profile = ofUser("Profile", "PROFILE").model();
    List<EntityModel> entities = List.of(order, profile);

    Map<EntityModel, Report> reports = new DesignChecker().check(table, entities);

    assertEquals(List.of(), tags(reports.get(order)));
    assertEquals(List.of(), tags(reports.get(profile)));
    assertTrue(DesignChecker.ownsTerritory(table, entities, order));
    assertTrue(DesignChecker.ownsTerritory(table, entities, profile));
  }

  @Test
  void twoEntitiesWhoseKeysCanBeEqual_areACollision_reportedOnBoth_besideTheirOverlappingTerritories() {
    EntityModel order = ofUser("Order", "ORDER#<id>").model();
    EntityModel refund = ofUser("Refund", "ORDER#<id>").model();

    Map<EntityModel, Report> reports = new DesignChecker().check(table, List.of(order, refund));

    assertEquals(List.of("MT-KEY-COLLISION", "MT-KEY-TERRITORY-OVERLAP"), tags(reports.get(order)));
    assertEquals(List.of("MT-KEY-COLLISION", "MT-KEY-TERRITORY-OVERLAP"), tags(reports.get(refund)));
    assertFalse(reports.get(order).isClean());
  }

  @Test
  void sortKeysInsideAnotherEntitysTerritory_warnTheOwner_andNeitherOwnsItsTerritory() {
    EntityModel order = ofUser("Order", "ORDER#<id>").model();
    EntityModel note = ofUser("Note", "ORDER#NOTE#<id>").model();
    List<EntityModel> entities = List.of(order, note);

    Map<EntityModel, Report> reports = new DesignChecker().check(table, entities);

    assertEquals(List.of("MT-KEY-TERRITORY-OVERLAP"), tags(reports.get(order)));
    assertTrue(reports.get(order).isClean(), "a warning only");
    assertTrue(reports.get(order).diagnostics().get(0).text().contains(
        "the sort keys of Note (\"ORDER#NOTE#<id>\") lie inside the territory of Order (\"ORDER#<id>\")"),
        reports.get(order).diagnostics().toString());
    // Order's keys are only taken to possibly lie in Note's territory: no warning, but no ownership
    assertEquals(List.of(), tags(reports.get(note)));
    assertFalse(DesignChecker.ownsTerritory(table, entities, order));
    assertFalse(DesignChecker.ownsTerritory(table, entities, note));
  }

  @Test
  void territoryOverlap_suppressedOnTheEntity_isNotReported() {
    EntityModel order = ofUser("Order", "ORDER#<id>").suppress("territory-overlap").model();
    EntityModel note = ofUser("Note", "ORDER#NOTE#<id>").model();

    Map<EntityModel, Report> reports = new DesignChecker().check(table, List.of(order, note));

    assertEquals(List.of(), tags(reports.get(order)));
  }

  @Test
  void ownsTerritory_aPlainSortKey_neverOwnsOne_evenAlone() {
    EntityModel event = ofUser("Event", null).field(field("at", ScalarKind.INSTANT)).plainSortKey("at").model();

    assertFalse(DesignChecker.ownsTerritory(table, List.of(event), event));
  }
}
