package dev.monotable.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cold start as whole processes: each program is a fresh JVM timed from its launch to its exit
 * (wall clock, in this process), several runs round robin, medians. Programs: an empty main (the
 * JVM's own share), the first item marshalled by Monotable, by the expert hand-written mapping and
 * by the Enhanced Client's {@code fromBean}; the first PutItem answered by a canned-HTTP
 * {@code DynamoDbClient} through Monotable and through the raw client with the hand-written mapping.
 * Then one more run of each with {@code -Xlog:class+load} to say where the time goes: classes
 * loaded, from the JDK's CDS archive, from the JDK, and from the class path by library.
 *
 * <pre>
 * java -cp benchmarks/target/classes:$(cat benchmarks/target/classpath.txt) \
 *     dev.monotable.benchmarks.ColdStart [runs] [ratios file]
 * </pre>
 */
public final class ColdStart {
  private static final Map<String, Class<?>> PROGRAMS = new LinkedHashMap<>();

  static {
    PROGRAMS.put("emptyMain", EmptyMain.class);
    PROGRAMS.put("marshal.monotable", FirstItemMonotable.class);
    PROGRAMS.put("marshal.handWritten", FirstItemHandWritten.class);
    PROGRAMS.put("marshal.enhancedBean", FirstItemEnhanced.class);
    PROGRAMS.put("put.monotable", FirstPutMonotable.class);
    PROGRAMS.put("put.raw", FirstPutRaw.class);
  }

  private ColdStart() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 11;
    Path ratios = args.length > 1 ? Path.of(args[1]) : null;
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath = System.getProperty("java.class.path");

    for (Class<?> program : PROGRAMS.values()) {
      run(List.of(java, "-cp", classpath, program.getName())); // file cache warm, not measured
    }
    Map<String, List<Double>> times = new LinkedHashMap<>();
    for (int i = 0; i < runs; i++) {
      for (Map.Entry<String, Class<?>> program : PROGRAMS.entrySet()) {
        long start = System.nanoTime();
        run(List.of(java, "-cp", classpath, program.getValue().getName()));
        times.computeIfAbsent(program.getKey(), k -> new ArrayList<>()).add((System.nanoTime() - start) / 1e6);
      }
    }
    Map<String, Double> medians = new LinkedHashMap<>();
    PrintStream out = System.out;
    out.printf("Cold start, fresh JVM launch to exit, %d runs each (JDK %s)%n", runs,
        System.getProperty("java.version"));
    out.printf("%-22s %9s %9s %9s %14s%n", "program", "median", "min", "max", "above empty");
    for (Map.Entry<String, List<Double>> entry : times.entrySet()) {
      List<Double> sorted = new ArrayList<>(entry.getValue());
      Collections.sort(sorted);
      double median = median(sorted);
      medians.put(entry.getKey(), median);
      out.printf("%-22s %7.1f ms %6.1f ms %6.1f ms %11.1f ms%n", entry.getKey(), median, sorted.get(0),
          sorted.get(sorted.size() - 1), median - medians.get("emptyMain"));
    }

    out.printf("%nClasses loaded (-Xlog:class+load, one run each)%n");
    out.printf("%-22s %7s %7s %7s %7s %9s %9s %9s %7s%n", "program", "total", "CDS", "JDK", "app",
        "monotable", "aws sdk", "enhanced", "other");
    for (Map.Entry<String, Class<?>> program : PROGRAMS.entrySet()) {
      Path log = Files.createTempFile("class-load", ".log");
      try {
        run(List.of(java, "-Xlog:class+load=info:file=" + log, "-cp", classpath, program.getValue().getName()));
        ClassCounts counts = ClassCounts.of(Files.readAllLines(log, StandardCharsets.UTF_8));
        out.printf("%-22s %7d %7d %7d %7d %9d %9d %9d %7d%n", program.getKey(), counts.total, counts.cds,
            counts.jdk, counts.app, counts.monotable, counts.sdk, counts.enhanced,
            counts.app - counts.monotable - counts.sdk - counts.enhanced);
      } finally {
        Files.deleteIfExists(log);
      }
    }

    List<String> lines = new ArrayList<>();
    lines.add(ratio("coldStart.marshal/handWritten", medians, "marshal.monotable", "marshal.handWritten"));
    lines.add(ratio("coldStart.marshal/enhancedBean", medians, "marshal.monotable", "marshal.enhancedBean"));
    lines.add(ratio("coldStart.put/raw", medians, "put.monotable", "put.raw"));
    lines.add(String.format("coldStart.marshal.ms %.1f", medians.get("marshal.monotable")));
    lines.add(String.format("coldStart.put.ms %.1f", medians.get("put.monotable")));
    out.println();
    lines.forEach(out::println);
    if (ratios != null) {
      Files.write(ratios, lines, StandardCharsets.UTF_8);
    }
  }

  private static String ratio(String name, Map<String, Double> medians, String monotable, String other) {
    return String.format("%s %.2f", name, medians.get(monotable) / medians.get(other));
  }

  private static double median(List<Double> sorted) {
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    if (process.waitFor() != 0) {
      throw new IllegalStateException(command + " failed:\n" + new String(output, StandardCharsets.UTF_8));
    }
  }

  /** Counts of one {@code -Xlog:class+load} log by where each class came from. */
  private static final class ClassCounts {
    int total;
    int cds;
    int jdk;
    int app;
    int monotable;
    int sdk;
    int enhanced;

    static ClassCounts of(List<String> log) {
      ClassCounts counts = new ClassCounts();
      for (String line : log) {
        int source = line.indexOf(" source: ");
        if (source < 0) {
          continue;
        }
        counts.total++;
        String from = line.substring(source + 9);
        String name = line.substring(line.lastIndexOf(']', source) + 2, source);
        if (from.startsWith("shared objects file")) {
          counts.cds++;
        } else if (from.startsWith("jrt:/") || from.startsWith("__JVM") || from.startsWith("java.")
            || from.startsWith("jdk.")) {
          counts.jdk++;
        } else {
          counts.app++;
          if (name.startsWith("dev.monotable.runtime")) {
            counts.monotable++;
          } else if (name.startsWith("software.amazon.awssdk.enhanced")) {
            counts.enhanced++;
          } else if (name.startsWith("software.amazon")) {
            counts.sdk++;
          }
        }
      }
      return counts;
    }
  }
}
