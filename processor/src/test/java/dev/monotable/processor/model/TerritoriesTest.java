package dev.monotable.processor.model;

import static dev.monotable.processor.check.Designs.entity;
import static dev.monotable.processor.check.Designs.field;
import static dev.monotable.processor.check.Designs.global;
import static dev.monotable.processor.check.Designs.table;
import static dev.monotable.processor.check.Designs.template;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monotable.processor.check.Designs;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which entities' items lie in an entity's territory, on models built without javac. */
class TerritoriesTest {
  private final TableModel table = table(global("GSI1"));

  /** An entity of the user's partition, {@code USER#<userId>}, with this sort key. */
  private static Designs.Entity ofUser(String name, String sortKey) {
    return entity(name)
        .field(field("userId", ScalarKind.STRING))
        .field(field("id", ScalarKind.STRING))
        .field(field("status", ScalarKind.STRING))
        .keys("USER#<userId>", sortKey);
  }

  @Test
  void liesInside_whenTheKeysPrefixExtendsTheTerritory() {
    assertTrue(Territories.liesInside(template("ORDER#<id>#NOTE#<n>"), template("ORDER#<id>")));
    assertTrue(Territories.liesInside(template("ORDER#A"), template("ORDER#<id>")));
    assertFalse(Territories.liesInside(template("ORDER#<id>"), template("ORDER#NOTE#<n>")));
    assertFalse(Territories.liesInside(template("NOTE#<n>"), template("ORDER#<id>")));
  }

  @Test
  void canLieInside_alsoWhenAPlaceholderCanContinueAShorterPrefix_butNotAFixedKey() {
    assertTrue(Territories.canLieInside(template("ORDER#<id>#NOTE#<n>"), template("ORDER#<id>")));
    assertTrue(Territories.canLieInside(template("ORDER#<day>"), template("ORDER#2024<n>")));
    assertFalse(Territories.canLieInside(template("ORDER"), template("ORDER#<id>")));
    assertFalse(Territories.canLieInside(template("NOTE#<n>"), template("ORDER#<id>")));
  }

  @Test
  void inside_namesTheEntitiesWhoseKeysAllLieInTheTerritory_inAPartitionTheyShare() {
    EntityModel order = ofUser("Order", "ORDER#<id>").model();
    EntityModel note = ofUser("Note", "ORDER#NOTE#<id>").model();
    EntityModel profile = ofUser("Profile", "PROFILE").model();
    EntityModel product = entity("Product").field(field("sku", ScalarKind.STRING)).keys("PRODUCT#<sku>", "ORDER#X")
        .model();
    List<EntityModel> entities = List.of(order, note, profile, product);

    assertEquals(List.of(note), Territories.inside(table, entities, order));
    assertEquals(List.of(), Territories.inside(table, entities, note), "Order's keys only may lie in Note's");
  }

  @Test
  void sharing_onTheTable_namesEveryEntityWhoseItemsCanLieInTheRange_andNoOther() {
    EntityModel order = ofUser("Order", "ORDER#<id>").model();
    EntityModel note = ofUser("Note", "ORDER#NOTE#<id>").model();
    EntityModel profile = ofUser("Profile", "PROFILE").model();
    EntityModel product = entity("Product").field(field("sku", ScalarKind.STRING)).keys("PRODUCT#<sku>", "ORDER#X")
        .model();
    List<EntityModel> entities = List.of(order, note, profile, product);

    assertEquals(List.of(note), Territories.sharing(table, entities, order, Optional.empty()));
    assertEquals(List.of(order), Territories.sharing(table, entities, note, Optional.empty()));
    assertEquals(List.of(), Territories.sharing(table, entities, profile, Optional.empty()));
  }

  @Test
  void sharing_aPlainSortKey_sharesItsWholePartition() {
    EntityModel event = ofUser("Event", null).field(field("at", ScalarKind.INSTANT)).plainSortKey("at").model();
    EntityModel profile = ofUser("Profile", "PROFILE").model();

    assertEquals(List.of(profile), Territories.sharing(table, List.of(event, profile), event, Optional.empty()));
    assertEquals(List.of(event), Territories.sharing(table, List.of(event, profile), profile, Optional.empty()));
  }

  @Test
  void sharing_aPlainPartitionKey_orOneThatDoesNotResolve_isTakenToShareEverything() {
    EntityModel order = ofUser("Order", "ORDER#<id>").model();
    EntityModel visit = ofUser("Visit", "VISIT#<id>").plainPartitionKey("userId").model();
    EntityModel misspelt = entity("Misspelt").field(field("userId", ScalarKind.STRING))
        .field(field("id", ScalarKind.STRING)).keys("USER#<userld>", "NOTE#<id>").model();
    List<EntityModel> entities = List.of(order, visit, misspelt);

    assertEquals(List.of(visit, misspelt), Territories.sharing(table, entities, order, Optional.empty()));
    assertEquals(List.of(order, misspelt), Territories.sharing(table, entities, visit, Optional.empty()));
  }

  @Test
  void sharing_onAnIndex_comparesTheIndexKeys_ofTheEntitiesInTheIndex() {
    EntityModel order = ofUser("Order", "ORDER#<id>").indexKey("GSI1", "STATUS#<status>", "ORDER#<id>").model();
    EntityModel refund = ofUser("Refund", "REFUND#<id>").indexKey("GSI1", "STATUS#<status>", "ORDER#<id>#R").model();
    EntityModel invoice = ofUser("Invoice", "INVOICE#<id>").indexKey("GSI1", "STATUS#<status>", "INVOICE#<id>")
        .model();
    EntityModel note = ofUser("Note", "ORDER#NOTE#<id>").model();
    List<EntityModel> entities = List.of(order, refund, invoice, note);
    Optional<IndexModel> gsi1 = table.index("GSI1");

    assertEquals(List.of(refund), Territories.sharing(table, entities, order, gsi1));
    assertEquals(List.of(note), Territories.sharing(table, entities, order, Optional.empty()));
  }

  @Test
  void sharing_separatesAShardedPartitionKey_fromOneItsShardSuffixCannotMatch() {
    EntityModel order = ofUser("Order", "ORDER#<id>").shards(4).model();
    EntityModel ninth = entity("Ninth").field(field("userId", ScalarKind.STRING)).field(field("id", ScalarKind.STRING))
        .keys("USER#<userId>#9", "ORDER#<id>").model();
    EntityModel second = entity("Second").field(field("userId", ScalarKind.STRING)).field(field("id", ScalarKind.STRING))
        .keys("USER#<userId>#2", "ORDER#<id>").model();

    assertEquals(List.of(second), Territories.sharing(table, List.of(order, ninth, second), order, Optional.empty()));
  }
}
