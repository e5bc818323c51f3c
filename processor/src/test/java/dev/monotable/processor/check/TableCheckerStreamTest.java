package dev.monotable.processor.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monotable.processor.model.SourceRef;
import dev.monotable.processor.model.TableModel;
import dev.monotable.processor.model.Throughput;
import dev.monotable.processor.model.TypeRef;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A stream setting the processor does not know: with the annotation's enum a misspelt constant is
 * javac's own error, so this is the processor reading a constant of another (newer) annotations jar.
 */
class TableCheckerStreamTest {
  private static TableModel feed(String stream) {
    SourceRef none = SourceRef.NONE;
    return new TableModel(TypeRef.of("test", "Feed"), "Feed", "PK", "SK", List.of(), "_type", "#", "", stream,
        "ON_DEMAND", Throughput.NONE, false, "", "interface",
        new TableModel.Sources(none, none, none, none, none, none, none, none, none, none, none, none, none, none));
  }

  @Test
  void anUnknownStreamSetting_isAnError_namingTheSettingsThereAre() {
    Report report = new TableChecker().check(feed("FULL_IMAGES"));
    assertEquals(1, report.diagnostics().size());
    String message = report.diagnostics().get(0).text();
    assertTrue(message.startsWith("[MT-TABLE-STREAM] stream FULL_IMAGES of table Feed is not a stream view type;"
        + " use NONE, KEYS_ONLY, NEW_IMAGE, OLD_IMAGE or NEW_AND_OLD_IMAGES"), message);
  }

  @Test
  void everyKnownSetting_isClean_butKeysOnlyWarns() {
    for (String view : List.of("NONE", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES")) {
      assertTrue(new TableChecker().check(feed(view)).diagnostics().isEmpty(), view);
    }
    Report keysOnly = new TableChecker().check(feed("KEYS_ONLY"));
    assertTrue(keysOnly.isClean(), "a warning only");
    assertEquals(1, keysOnly.diagnostics().size());
  }
}
