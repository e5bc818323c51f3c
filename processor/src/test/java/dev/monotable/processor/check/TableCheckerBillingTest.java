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
 * A billing mode the processor does not know: with the annotation's enum a misspelt constant is
 * javac's own error, so this is the processor reading a constant of another (newer) annotations jar.
 */
class TableCheckerBillingTest {
  private static TableModel meter(String mode, Throughput throughput) {
    SourceRef none = SourceRef.NONE;
    return new TableModel(TypeRef.of("test", "Meter"), "Meter", "PK", "SK", List.of(), "_type", "#", "", "NONE",
        mode, throughput, false, "", "interface",
        new TableModel.Sources(none, none, none, none, none, none, none, none, none, none, none, none, none, none));
  }

  @Test
  void anUnknownBillingMode_isAnError_namingTheModesThereAre_andNothingElseIsChecked() {
    Report report = new TableChecker().check(meter("AUTOSCALED", new Throughput(5, 0)));
    assertEquals(1, report.diagnostics().size());
    String message = report.diagnostics().get(0).text();
    assertTrue(message.startsWith("[MT-TABLE-BILLING] billing mode AUTOSCALED of table Meter is not a billing mode;"
        + " use ON_DEMAND or PROVISIONED"), message);
  }

  @Test
  void knownModes_areClean_withTheUnitsEachAllows() {
    assertTrue(new TableChecker().check(meter("ON_DEMAND", Throughput.NONE)).diagnostics().isEmpty());
    assertTrue(new TableChecker().check(meter("PROVISIONED", new Throughput(1, 1))).diagnostics().isEmpty());
    assertEquals(2, new TableChecker().check(meter("PROVISIONED", new Throughput(0, -1))).diagnostics().size());
    assertEquals(1, new TableChecker().check(meter("ON_DEMAND", new Throughput(0, 3))).diagnostics().size());
  }
}
