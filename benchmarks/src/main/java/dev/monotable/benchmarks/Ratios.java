package dev.monotable.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns one run of the suite into {@code ratios.txt}, one {@code name value} line per ratio,
 * Monotable ÷ other (time for marshalling, so lower is better; throughput for client calls, so
 * higher is better; bytes per operation for allocation), then the goals, each said to hold
 * or not. Reads JMH's JSON results ({@code -rf json}) and the harnesses' {@code name value} files.
 * Also writes {@code figures.md}: every JMH score with its error and bytes per operation.
 *
 * <pre>
 * java -cp ... dev.monotable.benchmarks.Ratios target/ratios.txt target/figures.md \
 *     target/marshalling.json target/client.json target/coldstart.txt target/build.txt
 * </pre>
 */
public final class Ratios {
  /** One JMH score: the primary metric with its error, and bytes per operation if profiled. */
  record Score(double score, double error, String unit, double bytes) {}

  private Ratios() {}

  public static void main(String[] args) throws IOException {
    Locale.setDefault(Locale.ROOT);
    Path ratiosFile = Path.of(args[0]);
    Path figuresFile = Path.of(args[1]);
    Map<String, Score> scores = new LinkedHashMap<>();
    Map<String, Double> values = new LinkedHashMap<>();
    List<String> lines = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      Path input = Path.of(args[i]);
      if (!Files.exists(input)) {
        System.err.println("missing, skipped: " + input);
      } else if (input.toString().endsWith(".json")) {
        readJmh(input, scores);
      } else {
        for (String line : Files.readAllLines(input, StandardCharsets.UTF_8)) {
          if (!line.isBlank()) {
            lines.add(line);
          }
        }
      }
    }

    List<String> jmhLines = new ArrayList<>();
    for (String op : List.of("toItem", "fromItem")) {
      for (String other : List.of("handWritten", "enhancedBean", "enhancedStatic")) {
        ratio(jmhLines, op + "/" + other, scores.get(op + ".monotable"), scores.get(op + "." + other));
      }
      for (String other : List.of("handWritten", "enhancedBean")) {
        bytes(jmhLines, op, other, scores.get(op + ".monotable"), scores.get(op + "." + other));
      }
    }
    for (String op : List.of("get", "put", "query")) {
      for (String other : List.of("raw", "enhanced")) {
        ratio(jmhLines, op + ".throughput/" + other, scores.get(op + ".monotable"), scores.get(op + "." + other));
        bytes(jmhLines, op, other, scores.get(op + ".monotable"), scores.get(op + "." + other));
      }
    }
    for (String op : List.of("asyncGet", "asyncPut", "asyncQuery")) {
      ratio(jmhLines, op + ".throughput/raw", scores.get(op + ".monotable"), scores.get(op + ".raw"));
      bytes(jmhLines, op, "raw", scores.get(op + ".monotable"), scores.get(op + ".raw"));
    }
    lines.addAll(0, jmhLines);
    for (String line : lines) {
      String[] parts = line.trim().split("\\s+");
      values.put(parts[0], Double.parseDouble(parts[1]));
    }
    Files.write(ratiosFile, lines, StandardCharsets.UTF_8);
    Files.write(figuresFile, figures(scores), StandardCharsets.UTF_8);

    PrintStream out = System.out;
    lines.forEach(out::println);
    out.println();
    out.println("Goals of issue 12 in this run:");
    goal(out, values, "toItem/handWritten", "<=", 1.05);
    goal(out, values, "fromItem/handWritten", "<=", 1.15);
    goal(out, values, "fromItem/enhancedBean", "<=", 0.25);
    for (String op : List.of("get", "put", "query", "asyncGet", "asyncPut", "asyncQuery")) {
      goal(out, values, op + ".bytesOver/raw", "<=", 512);
      goal(out, values, op + ".throughput/raw", ">=", 0.95);
    }
    goal(out, values, "coldStart.marshal/handWritten", "<=", 1.15);
    goal(out, values, "coldStart.put/raw", "<=", 1.15);
    goal(out, values, "linesPerEntity", "<=", 300);
    goal(out, values, "build200/plainJavac", "<=", 2.5);
    goal(out, values, "build200.peakMB", "<=", 600);
  }

  private static void readJmh(Path json, Map<String, Score> scores) throws IOException {
    for (JsonNode result : new ObjectMapper().readTree(json.toFile())) {
      String method = result.get("benchmark").asText();
      method = method.substring(method.lastIndexOf('.') + 1);
      JsonNode primary = result.get("primaryMetric");
      JsonNode norm = result.path("secondaryMetrics").path("gc.alloc.rate.norm");
      scores.put(method.replace('_', '.'), new Score(primary.get("score").asDouble(),
          primary.get("scoreError").asDouble(Double.NaN), primary.get("scoreUnit").asText(),
          norm.isMissingNode() ? Double.NaN : norm.get("score").asDouble()));
    }
  }

  private static void ratio(List<String> lines, String name, Score monotable, Score other) {
    if (monotable != null && other != null) {
      lines.add(String.format("%s %.2f", name, monotable.score() / other.score()));
    }
  }

  private static void bytes(List<String> lines, String op, String other, Score monotable, Score floor) {
    if (monotable != null && floor != null && !Double.isNaN(monotable.bytes()) && !Double.isNaN(floor.bytes())) {
      lines.add(String.format("%s.bytes/%s %.2f", op, other, monotable.bytes() / floor.bytes()));
      lines.add(String.format("%s.bytesOver/%s %.0f", op, other, monotable.bytes() - floor.bytes()));
    }
  }

  private static List<String> figures(Map<String, Score> scores) {
    List<String> table = new ArrayList<>();
    table.add("| benchmark | score ± error (99.9 %) | B/op |");
    table.add("|---|---|---|");
    scores.forEach((name, score) -> table.add(String.format("| `%s` | %s ± %s %s | %s |", name,
        round(score.score()), round(score.error()), score.unit(),
        Double.isNaN(score.bytes()) ? "" : String.format("%.0f", score.bytes()))));
    return table;
  }

  private static String round(double value) {
    if (Double.isNaN(value)) {
      return "?";
    }
    return value >= 100 ? String.format("%,.0f", value) : String.format("%.1f", value);
  }

  private static void goal(PrintStream out, Map<String, Double> values, String name, String relation, double bound) {
    Double value = values.get(name);
    String verdict;
    if (value == null) {
      verdict = "NOT MEASURED";
    } else {
      boolean holds = relation.equals("<=") ? value <= bound : value >= bound;
      verdict = holds ? "holds" : "DOES NOT HOLD";
    }
    out.printf("  %-32s %-10s goal %s %s: %s%n", name, value == null ? "-" : String.format("%.2f", value), relation,
        bound == Math.rint(bound) ? String.format("%.0f", bound) : String.valueOf(bound), verdict);
  }
}
