package dev.monotable.processor.report;

import static dev.monotable.processor.check.Designs.entity;
import static dev.monotable.processor.check.Designs.field;
import static dev.monotable.processor.check.Designs.table;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monotable.processor.check.Designs;
import dev.monotable.processor.model.ScalarKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The design report's page, rendered from models built without javac. */
class HtmlReportTest {

  /** An entity of the user's partition, {@code USER#<userId>}, with this sort key and one access pattern. */
  private static Designs.Entity ofUser(String name, String sortKey, String pattern) {
    return entity(name)
        .field(field("userId", ScalarKind.STRING))
        .field(field("id", ScalarKind.STRING))
        .keys("USER#<userId>", sortKey)
        .accessPattern(pattern, "");
  }

  /** The row of the access-pattern matrix of {@code pattern}. */
  private static String patternRow(String html, String pattern) {
    int start = html.indexOf("<tr data-pattern=\"" + pattern + "\">");
    assertTrue(start >= 0, pattern + " has no row");
    return html.substring(start, html.indexOf("</tr>", start));
  }

  @Test
  void accessPatternMatrix_namesTheEntitiesWhoseItemsAQuerySkips_inItsTerritoryOnly() {
    DesignReport report = new DesignReport(table(), List.of(
        ofUser("Order", "ORDER#<id>", "ordersOfUser").model(),
        ofUser("Note", "ORDER#NOTE#<id>", "notesOfUser").model(),
        ofUser("Profile", "PROFILE", "profileOfUser").model()), List.of());

    String html = HtmlReport.render(report);

    assertTrue(patternRow(html, "ordersOfUser").contains("skips Note items in range by _type"), html);
    assertTrue(patternRow(html, "notesOfUser").contains("skips Order items in range by _type"), html);
    assertFalse(patternRow(html, "profileOfUser").contains("skips"), html);
  }
}
