package dev.monotable.docs.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * No Gradle runs here, so docs/gradle.md's build file is not built; what it says of this repository
 * is checked: the version it names, and the processor's declaration as an aggregating processor.
 */
class GradlePageTest {
  private static final Path PAGE = Path.of("../docs/gradle.md");
  private static final Path INCREMENTAL =
      Path.of("../processor/src/main/resources/META-INF/gradle/incremental.annotation.processors");

  @Test
  void gradlePage_namesThisVersion_andTheProcessorIsAggregating() throws IOException {
    String page = Files.readString(PAGE);

    assertTrue(page.contains("val monotableVersion = \"" + System.getProperty("monotable.version") + "\""), page);
    assertTrue(page.contains("an aggregating processor"), page);
    assertEquals("dev.monotable.processor.MonotableProcessor,aggregating", Files.readString(INCREMENTAL).strip());
  }
}
