package dev.monotable.docs.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The archetype generates the README's quick start: its Java files are this module's quick-start
 * sources (compiled and tested here) with {@code ${package}} for their package.
 */
class ArchetypeSourcesTest {
  private static final Path ARCHETYPE = Path.of("../archetype/src/main/resources/archetype-resources");
  private static final String PACKAGE = "dev/monotable/docs/quickstart";

  @Test
  void archetypeJavaFiles_areTheQuickStartWithThePackageLeftOpen() throws IOException {
    for (String root : List.of("src/main/java", "src/test/java")) {
      List<String> archetypeFiles = javaFiles(ARCHETYPE.resolve(root));
      assertEquals(javaFiles(Path.of(root, PACKAGE)), archetypeFiles, "the files of " + root);
      for (String name : archetypeFiles) {
        String quickStart = Files.readString(Path.of(root, PACKAGE, name));
        assertEquals(quickStart.replaceFirst("(?m)^package .*;$", "package \\${package};"),
            Files.readString(ARCHETYPE.resolve(root).resolve(name)), name);
      }
    }
  }

  private static List<String> javaFiles(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".java")).sorted().toList();
    }
  }
}
