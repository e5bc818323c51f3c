package dev.monotable.benchmarks;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Build scaling: writes N entities of one fixed shape into a temporary source tree and compiles
 * them with {@code javac} as a separate process three ways: with Monotable's processor, without any
 * processing ({@code -proc:none}, the plain-javac floor: the entities reference nothing generated),
 * and processing alone ({@code -proc:only}). Reports wall time, peak resident memory of the javac
 * process ({@code /usr/bin/time}'s maximum RSS, else the highest {@code VmHWM} seen), and the lines
 * of generated Java per entity, by kind of generated class.
 *
 * <p>The shape, per entity: a partition-key template, a sort-key template with a timestamp, a GSI
 * key ({@code @IndexKey}), two access patterns (one on the table, one on the GSI), and eight fields:
 * strings, an {@code Instant}, an enum, a {@code BigDecimal}, an {@code int} and a {@code @Document}
 * record. Ten entities share one table (a package of its own, with its document and enum).
 *
 * <pre>
 * java -cp benchmarks/target/classes:$(cat benchmarks/target/classpath.txt) \
 *     dev.monotable.benchmarks.BuildScaling [runs] [ratios file] N...
 * </pre>
 */
public final class BuildScaling {
  private static final int ENTITIES_PER_TABLE = 10;
  private static final String PROCESSOR = "dev.monotable.processor.MonotableProcessor";

  private BuildScaling() {}

  /** One compile: its wall time and peak resident memory. */
  record Compile(double seconds, long peakKb) {}

  public static void main(String[] args) throws IOException, InterruptedException {
    int runs = Integer.parseInt(args[0]);
    Path ratios = args[1].equals("-") ? null : Path.of(args[1]);
    List<Integer> sizes = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      sizes.add(Integer.parseInt(args[i]));
    }
    String classpath = System.getProperty("java.class.path");
    PrintStream out = System.out;
    out.printf("Build scaling: javac (JDK %s) as a process, median of %d run(s)%n", System.getProperty("java.version"),
        runs);
    out.printf("%6s %-12s %9s %9s %s%n", "N", "mode", "wall", "peak RSS", "generated lines per entity");
    List<String> lines = new ArrayList<>();
    for (int n : sizes) {
      Path root = Files.createTempDirectory("monotable-build-" + n + "-");
      try {
        Path sources = root.resolve("src");
        List<Path> files = generate(sources, n);
        Path argFile = root.resolve("sources.txt");
        List<String> names = new ArrayList<>();
        for (Path file : files) {
          names.add(file.toString());
        }
        Files.write(argFile, names, StandardCharsets.UTF_8);

        Map<String, Compile> results = new LinkedHashMap<>();
        String generatedSummary = "";
        for (String mode : List.of("plainJavac", "processor", "procOnly")) {
          List<Compile> compiles = new ArrayList<>();
          for (int run = 0; run < runs; run++) {
            Path classes = clean(root.resolve("classes"));
            Path generated = clean(root.resolve("generated"));
            List<String> command = new ArrayList<>(List.of(javac(), "-d", classes.toString(), "-s",
                generated.toString(), "-cp", classpath, "-encoding", "UTF-8", "-nowarn", "-implicit:none"));
            switch (mode) {
              case "plainJavac" -> command.add("-proc:none");
              case "processor" -> command.addAll(List.of("-processorpath", classpath, "-processor", PROCESSOR));
              default -> command.addAll(List.of("-proc:only", "-processorpath", classpath, "-processor", PROCESSOR));
            }
            command.add("@" + argFile);
            compiles.add(compile(command, root));
            if (mode.equals("processor") && run == 0) {
              Map<String, Long> generatedLines = countLines(generated);
              if (generatedLines.isEmpty()) {
                throw new IllegalStateException("the processor generated nothing for N=" + n);
              }
              long total = generatedLines.values().stream().mapToLong(Long::longValue).sum();
              StringBuilder summary = new StringBuilder(String.format("%.0f (", (double) total / n));
              generatedLines.forEach((kind, count) -> summary.append(kind).append(' ')
                  .append(String.format("%.0f", (double) count / n)).append(", "));
              generatedSummary = summary.substring(0, summary.length() - 2) + ")";
              if (n == 200 || n == sizes.get(sizes.size() - 1)) {
                lines.removeIf(line -> line.startsWith("linesPerEntity "));
                lines.add(String.format("linesPerEntity %.0f", (double) total / n));
              }
            }
          }
          compiles.sort(Comparator.comparingDouble(Compile::seconds));
          Compile median = compiles.get(compiles.size() / 2);
          results.put(mode, median);
          out.printf("%6d %-12s %7.2f s %6d MB %s%n", n, mode, median.seconds(), median.peakKb() / 1024,
              mode.equals("processor") ? generatedSummary : "");
        }
        double plain = results.get("plainJavac").seconds();
        lines.add(String.format("build%d/plainJavac %.2f", n, results.get("processor").seconds() / plain));
        lines.add(String.format("build%d.procOnly/plainJavac %.2f", n, results.get("procOnly").seconds() / plain));
        lines.add(String.format("build%d.peakMB %d", n, results.get("processor").peakKb() / 1024));
        lines.add(String.format("build%d.plainJavac.peakMB %d", n, results.get("plainJavac").peakKb() / 1024));
      } finally {
        delete(root);
      }
    }
    out.println();
    lines.forEach(out::println);
    if (ratios != null) {
      Files.write(ratios, lines, StandardCharsets.UTF_8);
    }
  }

  /** Writes the n entities, their tables, documents and enums; returns every source file. */
  static List<Path> generate(Path sources, int n) throws IOException {
    List<Path> files = new ArrayList<>();
    int tables = (n + ENTITIES_PER_TABLE - 1) / ENTITIES_PER_TABLE;
    for (int t = 0; t < tables; t++) {
      String pkg = String.format("bench.gen.t%03d", t);
      Path dir = sources.resolve(pkg.replace('.', File.separatorChar));
      Files.createDirectories(dir);
      String table = String.format("Shop%03d", t);
      files.add(write(dir, table, "package " + pkg + ";\n\n"
          + "import dev.monotable.annotation.GlobalIndex;\n"
          + "import dev.monotable.annotation.Table;\n\n"
          + "@Table(name = \"" + table + "\", partitionKey = \"PK\", sortKey = \"SK\",\n"
          + "       globalIndexes = {\n"
          + "         @GlobalIndex(name = \"GSI1\", partitionKey = \"GSI1PK\", sortKey = \"GSI1SK\"),\n"
          + "         @GlobalIndex(name = \"GSI2\", partitionKey = \"GSI2PK\", sortKey = \"GSI2SK\") })\n"
          + "public interface " + table + " {}\n"));
      files.add(write(dir, "Address", "package " + pkg + ";\n\n"
          + "import dev.monotable.annotation.Document;\n\n"
          + "@Document\n"
          + "public record Address(String street, String city, String postcode) {}\n"));
      files.add(write(dir, "State", "package " + pkg + ";\n\n"
          + "public enum State { NEW, ACTIVE, CLOSED }\n"));
      for (int e = t * ENTITIES_PER_TABLE; e < Math.min(n, (t + 1) * ENTITIES_PER_TABLE); e++) {
        String entity = String.format("E%04d", e);
        String prefix = entity.toUpperCase();
        String pattern = entity.toLowerCase();
        files.add(write(dir, entity, "package " + pkg + ";\n\n"
            + "import dev.monotable.annotation.AccessPattern;\n"
            + "import dev.monotable.annotation.Entity;\n"
            + "import dev.monotable.annotation.IndexKey;\n"
            + "import dev.monotable.annotation.PartitionKey;\n"
            + "import dev.monotable.annotation.SortKey;\n"
            + "import java.math.BigDecimal;\n"
            + "import java.time.Instant;\n\n"
            + "@Entity(table = " + table + ".class)\n"
            + "@PartitionKey(\"" + prefix + "#<tenantId>\")\n"
            + "@SortKey(\"ITEM#<createdAt>#<id>\")\n"
            + "@IndexKey(index = \"GSI" + (e % 2 + 1) + "\", partitionKey = \"" + prefix + "#<ownerId>\",\n"
            + "          sortKey = \"ITEM#<createdAt>#<id>\")\n"
            + "@AccessPattern(name = \"" + pattern + "OfTenant\")\n"
            + "@AccessPattern(name = \"" + pattern + "OfOwner\", index = \"GSI" + (e % 2 + 1) + "\")\n"
            + "public record " + entity + "(String tenantId, String id, Instant createdAt, String ownerId,\n"
            + "    State state, BigDecimal amount, int quantity, Address address) {}\n"));
      }
    }
    return files;
  }

  private static Path write(Path dir, String type, String source) throws IOException {
    return Files.writeString(dir.resolve(type + ".java"), source, StandardCharsets.UTF_8);
  }

  private static Compile compile(List<String> javacCommand, Path root) throws IOException, InterruptedException {
    Path time = Path.of("/usr/bin/time");
    Path timeOutput = root.resolve("time.txt");
    List<String> command = new ArrayList<>();
    boolean timed = Files.isExecutable(time);
    if (timed) {
      command.addAll(List.of(time.toString(), "-f", "%M", "-o", timeOutput.toString()));
    }
    command.addAll(javacCommand);
    Path log = root.resolve("javac.log");
    long start = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long peakKb = 0;
    while (!process.waitFor(20, java.util.concurrent.TimeUnit.MILLISECONDS)) {
      if (!timed) {
        peakKb = Math.max(peakKb, highWaterMark(process.pid()));
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (process.exitValue() != 0) {
      throw new IllegalStateException("javac failed: " + command + "\n" + Files.readString(log));
    }
    if (timed) {
      List<String> reported = Files.readAllLines(timeOutput);
      peakKb = Long.parseLong(reported.get(reported.size() - 1).trim());
    }
    return new Compile(seconds, peakKb);
  }

  private static long highWaterMark(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // the process ended between two looks
    }
    return 0;
  }

  /** Lines of generated Java by kind (the suffix after the entity or table name). */
  private static Map<String, Long> countLines(Path generated) throws IOException {
    Map<String, Long> counts = new LinkedHashMap<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(generated)) {
      files = walk.filter(path -> path.toString().endsWith(".java")).sorted().toList();
    }
    for (String kind : List.of("Schema", "Keys", "Repository", "Fields", "Table")) {
      counts.put(kind, 0L);
    }
    counts.put("other", 0L);
    for (Path file : files) {
      String name = file.getFileName().toString().replace(".java", "");
      String kind = counts.keySet().stream().filter(k -> !k.equals("other") && name.endsWith(k)).findFirst()
          .orElse("other");
      long count;
      try (Stream<String> lines = Files.lines(file)) {
        count = lines.count();
      }
      counts.merge(kind, count, Long::sum);
    }
    counts.values().removeIf(count -> count == 0);
    return counts;
  }

  private static String javac() {
    return Path.of(System.getProperty("java.home"), "bin", "javac").toString();
  }

  private static Path clean(Path dir) throws IOException {
    delete(dir);
    return Files.createDirectories(dir);
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path path : walk.sorted(Collections.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
