package dev.monotable.benchmarks;

import dev.monotable.local.MonotableLocal;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Whole-process start-up of monotable-local: each run is a fresh JVM that starts the engine in
 * process, then sends CreateTable and PutItem as raw JSON through its {@code SdkHttpClient} (the
 * engine alone), then builds a {@code DynamoDbClient} and puts a second item through it (what a
 * test pays, most of it the SDK's own cold start). Reports each step per run, then the medians.
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
    return "engine start " + ms[0] + " ms; engine start to first PutItem answered (raw HTTP SPI) " + ms[1]
        + " ms; SDK client build " + ms[2] + " ms; first PutItem through DynamoDbClient " + ms[3]
        + " ms; JVM start to that answer " + ms[4] + " ms";
  }

  private static void once() throws IOException {
    long engineStart = System.nanoTime();
    MonotableLocal started = MonotableLocal.inProcess();
    long engineStarted = System.nanoTime();
    try (MonotableLocal local = started) {
      // the engine alone: the requests a client would send, straight into its SdkHttpClient
      call(local, "CreateTable", "{\"TableName\":\"Raw\",\"BillingMode\":\"PAY_PER_REQUEST\","
          + "\"KeySchema\":[{\"AttributeName\":\"PK\",\"KeyType\":\"HASH\"}],"
          + "\"AttributeDefinitions\":[{\"AttributeName\":\"PK\",\"AttributeType\":\"S\"}]}");
      String answer = call(local, "PutItem", "{\"TableName\":\"Raw\",\"Item\":{\"PK\":{\"S\":\"first\"}}}");
      long rawAnswered = System.nanoTime();
      if (!answer.equals("{}")) {
        throw new IllegalStateException("unexpected PutItem answer " + answer);
      }

      long buildStart = System.nanoTime();
      DynamoDbClient client = DynamoDbClient.builder()
          .httpClient(local.httpClient())
          .endpointOverride(local.endpoint())
          .region(Region.US_EAST_1)
          .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
          .build();
      long built = System.nanoTime();
      client.putItem(p -> p.tableName("Raw").item(Map.of("PK", AttributeValue.fromS("second"))));
      long answered = System.nanoTime();
      long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
      System.out.printf("RESULT %.1f %.1f %.1f %.1f %d%n", (engineStarted - engineStart) / 1e6,
          (rawAnswered - engineStart) / 1e6, (built - buildStart) / 1e6, (answered - built) / 1e6, sinceJvmStart);
      client.close();
    }
  }

  private static String call(MonotableLocal local, String operation, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    SdkHttpFullRequest request = SdkHttpFullRequest.builder()
        .method(SdkHttpMethod.POST)
        .uri(local.endpoint())
        .putHeader("X-Amz-Target", "DynamoDB_20120810." + operation)
        .putHeader("Content-Type", "application/x-amz-json-1.0")
        .build();
    HttpExecuteResponse response = local.httpClient().prepareRequest(HttpExecuteRequest.builder()
        .request(request)
        .contentStreamProvider(() -> new ByteArrayInputStream(body))
        .build()).call();
    try (InputStream in = response.responseBody().orElseThrow()) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      if (response.httpResponse().statusCode() != 200) {
        throw new IllegalStateException(operation + " failed: " + text);
      }
      return text;
    }
  }
}
