package dev.monotable.docs.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocsCodeTest {
  /** Surefire runs in this module's folder; the docs are in its parent's. */
  private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();

  @Test
  void readmeAndDocs_showOnlyTheCodeOfThisModuleAndTheSpringBootSample() throws IOException {
    // and the Spring Boot sample, whose tests run the code of the Spring pages on a Spring class path
    Examples examples = Examples.load(Path.of("src/main/java"), Path.of("src/test/java"),
        REPOSITORY.resolve("samples/spring-boot-shop/src/main/java"),
        REPOSITORY.resolve("samples/spring-boot-shop/src/test/java"));
    List<DocBlock> blocks = new ArrayList<>();
    for (Path page : DocsCode.pages(REPOSITORY)) {
      blocks.addAll(DocBlock.parse(page.toString(), Files.readString(REPOSITORY.resolve(page))));
    }
    List<String> problems = new DocsCode(REPOSITORY, examples, System.getProperty("monotable.version")).problems(blocks);

    assertTrue(problems.isEmpty(), () -> String.join("\n\n", problems));
    assertTrue(blocks.stream().filter(b -> "java".equals(b.language())).count() > 20, "the docs' java blocks were not found");
  }

  @Test
  void aBlockThatDrifted_isReported() {
    Examples examples = new Examples();
    examples.add("Shop", "package x;\n\nclass Shop {\n  // region put\n  void put() {}\n  // endregion\n}\n");
    String page = "<!-- example: Shop#put -->\n```java\nvoid put(Order order) {}\n```\n";

    List<String> problems = new DocsCode(REPOSITORY, examples, "1").problems(DocBlock.parse("page.md", page));

    assertEquals(List.of("page.md:2: the block differs from Shop#put, which reads:\nvoid put() {}"), problems);
  }

  @Test
  void aRegionShownIndented_matches_andAnUnmarkedOrUnusedOneIsReported() {
    Examples examples = new Examples();
    examples.add("Shop", "package x;\n\nclass Shop {\n  // region put\n  void put() {\n    run();\n  }\n"
        + "  // endregion\n  // region get\n  void get() {}\n  // endregion\n}\n");
    String page = "- a list item:\n  <!-- example: Shop#put -->\n  ```java\n  void put() {\n    run();\n  }\n  ```\n"
        + "```java\nShop shop;\n```\n";

    List<String> problems = new DocsCode(REPOSITORY, examples, "1").problems(DocBlock.parse("page.md", page));

    assertEquals(List.of(
        "page.md:8: a java block without <!-- example: Class#region --> before it",
        "region Shop#get is shown by no page: show it, or remove the region"), problems);
  }

  @Test
  void anExcerpt_mustBeConsecutiveLinesOfItsFile() {
    Examples examples = new Examples();
    String page = "<!-- excerpt: archetype/src/main/resources/archetype-resources/pom.xml -->\n"
        + "```xml\n<dependencies>\n  <dependency>\n    <artifactId>junit-jupiter</artifactId>\n```\n";

    List<String> problems = new DocsCode(REPOSITORY, examples, "1").problems(DocBlock.parse("page.md", page));

    assertEquals(List.of("page.md:2: the block is not a run of lines of "
        + "archetype/src/main/resources/archetype-resources/pom.xml"), problems);
  }
}
