package dev.monotable.testing;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * DynamoDB Local running in this JVM, in memory, over HTTP on a free loopback port. Nothing needs
 * installing: the SQLite native library DynamoDB Local uses travels inside this jar.
 *
 * <pre>{@code
 * try (LocalDynamoDb dynamo = LocalDynamoDb.start()) {
 *   DynamoDbClient client = dynamo.newClient();
 *   ...
 * }
 * }</pre>
 *
 * <p>Starting takes a few seconds, so tests share one server per JVM through {@link #shared()}
 * (which {@link DynamoDbLocalExtension} uses). The server's threads are not daemons: close it, or
 * the JVM does not exit.
 */
public final class LocalDynamoDb implements AutoCloseable {
  private static final String NATIVE_RESOURCES = "/dev/monotable/testing/native/";
  private static final List<String> NATIVE_LIBRARIES = List.of(
      "libsqlite4java-linux-amd64.so", "libsqlite4java-osx.dylib", "sqlite4java-win32-x64.dll");
  private static final AtomicInteger TABLE_COUNTER = new AtomicInteger();
  private static LocalDynamoDb shared;

  private final DynamoDBProxyServer server;
  private final URI endpoint;
  private volatile boolean stopped;

  private LocalDynamoDb(DynamoDBProxyServer server, int port) {
    this.server = server;
    this.endpoint = URI.create("http://127.0.0.1:" + port);
  }

  /** Starts a new server; the caller closes it. */
  public static LocalDynamoDb start() {
    prepareNativeLibraries();
    Exception last = null;
    for (int attempt = 0; attempt < 5; attempt++) {
      int port = freePort();
      try {
        DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(
            new String[] {"-inMemory", "-disableTelemetry", "-port", Integer.toString(port)});
        server.start();
        return new LocalDynamoDb(server, port);
      } catch (Exception e) {
        last = e; // most likely the port was taken between choosing and binding it: try another
      }
    }
    throw new IllegalStateException("DynamoDB Local did not start", last);
  }

  /**
   * The server this JVM's tests share, started on first use and stopped when the JVM exits (or
   * earlier by {@link DynamoDbLocalExtension}, after which the next call starts a new one).
   */
  public static synchronized LocalDynamoDb shared() {
    if (shared == null || shared.stopped) {
      LocalDynamoDb started = start();
      Runtime.getRuntime().addShutdownHook(new Thread(started::close, "dynamodb-local-stop"));
      shared = started;
    }
    return shared;
  }

  /** The HTTP endpoint, {@code http://127.0.0.1:<port>}. */
  public URI endpoint() {
    return endpoint;
  }

  /** A client of this server with dummy credentials. */
  public DynamoDbClient newClient() {
    return newClient(builder -> { });
  }

  /**
   * A client of this server, after {@code customizer} has adjusted the builder: add an
   * {@code ExecutionInterceptor} or another HTTP client to inject faults on the real request path.
   */
  public DynamoDbClient newClient(Consumer<DynamoDbClientBuilder> customizer) {
    DynamoDbClientBuilder builder = DynamoDbClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.builder().build());
    customizer.accept(builder);
    return builder.build();
  }

  /** A table name not used before in this JVM: {@code prefix-<n>}. */
  public static String uniqueTableName(String prefix) {
    return prefix + "-" + TABLE_COUNTER.incrementAndGet();
  }

  /** Stops the server; calling it again does nothing. */
  @Override
  public synchronized void close() {
    if (stopped) {
      return;
    }
    stopped = true;
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("DynamoDB Local did not stop", e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Unpacks the SQLite native libraries once per JVM and points sqlite4java at them. */
  private static synchronized void prepareNativeLibraries() {
    if (System.getProperty("sqlite4java.library.path") != null) {
      return;
    }
    try {
      Path directory = Files.createTempDirectory("monotable-sqlite4java");
      directory.toFile().deleteOnExit();
      for (String library : NATIVE_LIBRARIES) {
        try (InputStream in = LocalDynamoDb.class.getResourceAsStream(NATIVE_RESOURCES + library)) {
          if (in != null) {
            Path target = directory.resolve(library);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            target.toFile().deleteOnExit();
          }
        }
      }
      System.setProperty("sqlite4java.library.path", directory.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack the SQLite native library for DynamoDB Local", e);
    }
  }
}
