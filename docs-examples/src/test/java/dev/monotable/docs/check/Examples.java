package dev.monotable.docs.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The sources the docs quote (this module's, and the Spring Boot sample's) as they quote them: each
 * file from the line after its {@code package} declaration, named by the end of its path that fits it
 * alone ({@code ShopTest}, or {@code quickstart/Order} beside other {@code Order.java} files), and each
 * {@code // region name} … {@code // endregion} of it as {@code ShopTest#name}. Region comments never
 * show in what is quoted, so regions may nest.
 */
final class Examples {
  private static final Pattern REGION = Pattern.compile("^\\s*// region (\\S+)\\s*$");
  private static final Pattern END_REGION = Pattern.compile("^\\s*// endregion\\s*$");

  private final Map<String, List<String>> files = new LinkedHashMap<>();
  private final Map<String, List<String>> regions = new LinkedHashMap<>();
  private final List<String> problems = new ArrayList<>();

  /** The {@code .java} files under {@code roots}. */
  static Examples load(Path... roots) {
    Examples examples = new Examples();
    for (Path root : roots) {
      try (Stream<Path> paths = Files.walk(root)) {
        for (Path path : paths.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
          String name = root.relativize(path).toString().replace('\\', '/').replaceFirst("\\.java$", "");
          examples.add(name, Files.readString(path));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return examples;
  }

  /** Adds the source at {@code path}: its path from a source root, without {@code .java}. */
  void add(String path, String source) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    List<String> lines = source.lines().toList();
    files.put("/" + path, bodyAfterPackage(lines));
    Map<String, Integer> open = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher region = REGION.matcher(lines.get(i));
      if (region.matches()) {
        if (open.put(region.group(1), i) != null) {
          problems.add(path + ".java:" + (i + 1) + " opens region " + region.group(1) + " inside itself");
        }
      } else if (END_REGION.matcher(lines.get(i)).matches()) {
        if (open.isEmpty()) {
          problems.add(path + ".java:" + (i + 1) + " ends a region that was never opened");
        } else {
          String last = List.copyOf(open.keySet()).get(open.size() - 1);
          int start = open.remove(last);
          if (regions.put(name + "#" + last, withoutMarkers(lines.subList(start + 1, i))) != null) {
            problems.add("two regions are named " + name + "#" + last + "; rename one");
          }
        }
      }
    }
    open.forEach((region, line) -> problems.add(path + ".java:" + (line + 1) + " never ends region " + region));
  }

  /** The text {@code reference} names, a file or {@code Class#region}; null when there is none or several. */
  List<String> text(String reference) {
    if (reference.contains("#")) {
      return regions.get(reference);
    }
    List<String> paths = filesNamed(reference);
    return paths.size() == 1 ? files.get(paths.get(0)) : null;
  }

  /** Whether {@code reference} names a whole file, and several files' paths end so. */
  boolean ambiguous(String reference) {
    return !reference.contains("#") && filesNamed(reference).size() > 1;
  }

  /** Every region, as {@code Class#region}. */
  List<String> regionNames() {
    return List.copyOf(regions.keySet());
  }

  /** Sources that cannot be quoted as they are: unbalanced or repeated regions. */
  List<String> problems() {
    return List.copyOf(problems);
  }

  private List<String> filesNamed(String reference) {
    return files.keySet().stream().filter(path -> path.endsWith("/" + reference)).toList();
  }

  private static List<String> bodyAfterPackage(List<String> lines) {
    int start = 0;
    while (start < lines.size() && !lines.get(start).startsWith("package ")) {
      start++;
    }
    start++;
    while (start < lines.size() && lines.get(start).isBlank()) {
      start++;
    }
    return withoutMarkers(lines.subList(Math.min(start, lines.size()), lines.size()));
  }

  private static List<String> withoutMarkers(List<String> lines) {
    return lines.stream()
        .filter(line -> !REGION.matcher(line).matches() && !END_REGION.matcher(line).matches())
        .toList();
  }
}
