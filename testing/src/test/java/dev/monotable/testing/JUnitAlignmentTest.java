package dev.monotable.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * monotable-bom pins JUnit at the release monotable-testing is built and tested with, so that a
 * user's test class path holds one JUnit: the release this module runs on here.
 */
class JUnitAlignmentTest {
  private static final Path BOM = Path.of("../bom/pom.xml");

  private static String junitVersionOf(Path pom) throws IOException {
    Matcher version = Pattern.compile("<junit\\.version>([^<]+)</junit\\.version>").matcher(Files.readString(pom));
    return version.find() ? version.group(1) : "none";
  }

  @Test
  void monotableBom_pinsTheJUnitThisModuleRunsOn() throws IOException {
    assumeTrue(Files.exists(BOM), "run from the source tree, beside bom/");
    String running = org.junit.jupiter.api.Test.class.getPackage().getImplementationVersion();
    assertEquals(running, junitVersionOf(BOM));
    String engine = org.junit.jupiter.engine.JupiterTestEngine.class.getPackage().getImplementationVersion();
    assertEquals(running, engine, "the engine monotable-testing brings is of the API's release");
  }
}
