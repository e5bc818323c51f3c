package dev.monotable.docs.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Holds the docs to their compiled examples. Every {@code ```java} block must be marked {@code <!--
 * example: Class -->} or {@code <!-- example: Class#region -->} on the line before it and be exactly
 * that text, modulo the indentation of the whole; a block of another language may be marked {@code
 * <!-- excerpt: path -->} (from the repository's root), and is then a run of that file's lines; every
 * region of the examples is shown somewhere.
 */
final class DocsCode {
  private final Path repository;
  private final Examples examples;
  private final String monotableVersion;

  DocsCode(Path repository, Examples examples, String monotableVersion) {
    this.repository = repository;
    this.examples = examples;
    this.monotableVersion = monotableVersion;
  }

  /** README.md and docs/*.md, by their path from the repository's root. */
  static List<Path> pages(Path repository) {
    try (Stream<Path> docs = Files.list(repository.resolve("docs"))) {
      List<Path> pages = new ArrayList<>();
      pages.add(Path.of("README.md"));
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(p -> pages.add(repository.relativize(p)));
      return pages;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every way the pages' blocks and the examples disagree, one line each; empty when they agree. */
  List<String> problems(List<DocBlock> blocks) {
    List<String> problems = new ArrayList<>(examples.problems());
    Set<String> shown = new HashSet<>();
    for (DocBlock block : blocks) {
      if (block.lines() == null) {
        problems.add(block.where() + ": <!-- " + block.marker() + " --> is not on the line before a code block");
      } else if (block.marker() == null) {
        if (block.language().equals("java")) {
          problems.add(block.where() + ": a java block without <!-- example: Class#region --> before it");
        }
      } else if (block.marker().startsWith("example:")) {
        String reference = block.marker().substring("example:".length()).strip();
        shown.add(reference);
        problems.addAll(exampleProblems(block, reference));
      } else {
        problems.addAll(excerptProblems(block, block.marker().substring("excerpt:".length()).strip()));
      }
    }
    for (String region : examples.regionNames()) {
      if (!shown.contains(region)) {
        problems.add("region " + region + " is shown by no page: show it, or remove the region");
      }
    }
    return problems;
  }

  private List<String> exampleProblems(DocBlock block, String reference) {
    if (!block.language().equals("java")) {
      return List.of(block.where() + ": an example is a java block, not " + block.language());
    }
    if (examples.ambiguous(reference)) {
      return List.of(block.where() + ": several sources end in " + reference + ".java; name more of their path, as in quickstart/Order");
    }
    List<String> expected = examples.text(reference);
    if (expected == null) {
      return List.of(block.where() + ": there is no example " + reference);
    }
    if (!Text.dedent(block.lines()).equals(Text.dedent(expected))) {
      return List.of(block.where() + ": the block differs from " + reference + ", which reads:\n"
          + String.join("\n", Text.dedent(expected)));
    }
    return List.of();
  }

  private List<String> excerptProblems(DocBlock block, String path) {
    Path file = repository.resolve(path);
    if (!Files.isRegularFile(file)) {
      return List.of(block.where() + ": there is no file " + path);
    }
    try {
      List<String> lines = Files.readString(file).replace("@project.version@", monotableVersion).lines().toList();
      if (!Text.containsRun(lines, block.lines())) {
        return List.of(block.where() + ": the block is not a run of lines of " + path);
      }
      return List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
