package dev.monotable.benchmarks;

import dev.monotable.local.MonotableLocal;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Whole-process start-up of monotable-local: each run is a fresh JVM that starts the engine in
 * process, creates a table and puts one item through a {@code DynamoDbClient}. Reports, per run:
 * the engine's start ({@code MonotableLocal.inProcess()}), engine start to the first PutItem
 * answered (client already built), the SDK client's own build, and JVM start to the first PutItem
 * answered; then the medians.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.monotable.benchmarks.EngineStartup 10
 * </pre>
 */
public final class EngineStartup {
  private EngineStartup() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length > 0 && args[0].equals("--once")) {
      once();
      return;
    }
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath = System.getProperty("java.class.path");
    List<List<Double>> columns = new ArrayList<>();
    for (int run = 0; run < runs; run++) {
      Process process = new ProcessBuilder(java, "-cp", classpath, EngineStartup.class.getName(), "--once")
          .redirectErrorStream(true).start();
      String line;
      String result = null;
      try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
        while ((line = out.readLine()) != null) {
          if (line.startsWith("RESULT ")) {
            result = line.substring(7);
          }
        }
      }
      if (process.waitFor() != 0 || result == null) {
        throw new IllegalStateException("run " + run + " failed");
      }
      String[] values = result.split(" ");
      for (int i = 0; i < values.length; i++) {
        if (columns.size() <= i) {
          columns.add(new ArrayList<>());
        }
        columns.get(i).add(Double.parseDouble(values[i]));
      }
      System.out.println("run " + (run + 1) + ": " + describe(values));
    }
    String[] medians = new String[columns.size()];
    for (int i = 0; i < columns.size(); i++) {
      List<Double> column = columns.get(i);
      Collections.sort(column);
      medians[i] = String.format("%.1f", column.get(column.size() / 2));
    }
    System.out.println("median of " + runs + ": " + describe(medians));
  }

  private static String describe(String[] ms) {
    return "engine start " + ms[0] + " ms; engine start to first PutItem answered " + ms[1]
        + " ms; SDK client build " + ms[2] + " ms; JVM start to first PutItem answered " + ms[3] + " ms";
  }

  private static void once() {
    long engineStart = System.nanoTime();
    MonotableLocal started = MonotableLocal.inProcess();
    long engineStarted = System.nanoTime();
    try (MonotableLocal local = started) {
      long buildStart = System.nanoTime();
      DynamoDbClient client = DynamoDbClient.builder()
          .httpClient(local.httpClient())
          .endpointOverride(local.endpoint())
          .region(Region.US_EAST_1)
          .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
          .build();
      long built = System.nanoTime();
      client.createTable(t -> t.tableName("Startup")
          .billingMode(BillingMode.PAY_PER_REQUEST)
          .keySchema(k -> k.attributeName("PK").keyType(KeyType.HASH))
          .attributeDefinitions(a -> a.attributeName("PK").attributeType(ScalarAttributeType.S)));
      client.putItem(p -> p.tableName("Startup").item(Map.of("PK", AttributeValue.fromS("first"))));
      long answered = System.nanoTime();
      long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
      double engineMs = (engineStarted - engineStart) / 1e6;
      // engine start to first answer, without the SDK client's build in between
      double toFirstPut = (answered - engineStart - (built - buildStart)) / 1e6;
      System.out.printf("RESULT %.1f %.1f %.1f %d%n", engineMs, toFirstPut, (built - buildStart) / 1e6, sinceJvmStart);
      client.close();
    }
  }
}
