package dev.monotable.local;

import dev.monotable.local.iam.PolicyDocument;
import dev.monotable.local.iam.Principal;
import dev.monotable.local.protocol.RequestShapes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;

/**
 * An in-memory DynamoDB that speaks the wire API, for tests and local development: pure Java, no
 * native library, starts in milliseconds.
 *
 * <pre>{@code
 * try (MonotableLocal local = MonotableLocal.start()) {
 *   DynamoDbClient client = DynamoDbClient.builder()
 *       .httpClient(local.httpClient())          // in-process: no socket, no port
 *       .endpointOverride(local.endpoint())
 *       .region(Region.US_EAST_1)
 *       .credentialsProvider(AnonymousCredentialsProvider.create())
 *       .build();
 *   client.listTables();
 * }
 * }</pre>
 *
 * <p>{@link #asyncHttpClient()} does the same for a {@code DynamoDbAsyncClient}, answering on threads
 * of its own. {@link #start()} also serves HTTP on a free loopback port, so any client (the AWS CLI,
 * another SDK, a {@code DynamoDbClient} with its usual HTTP client) can reach {@link #endpoint()};
 * {@link #inProcess()} serves only {@link #httpClient()} and {@link #asyncHttpClient()}. Tables live
 * as long as this object, unless it is {@link #persistent(Path)}. Time to live is swept by {@link
 * #expireNow()} or, when asked, {@link #sweepExpiredEvery(Duration)}.
 *
 * <p>{@link #persistent(Path)} keeps the state in a directory across restarts — tables, items,
 * indexes, time-to-live settings, tags, streams and their records — with a write-ahead log: every
 * change is on disk ({@code FileChannel.force}) before its answer is sent, and no successful answer, not even
 * a read's, shows a change that is not. A transaction is one record, all or nothing after a crash.
 */
public final class MonotableLocal implements AutoCloseable {
  private static final URI IN_PROCESS_ENDPOINT = URI.create("http://monotable-local.invalid");

  private final Engine engine;
  private final Faults faults;
  private final HttpServerFrontEnd server;
  private final SdkHttpClient httpClient;
  /** Made on first use, so that its threads cost nothing to those who never ask for it. */
  private InProcessAsyncHttpClient asyncHttpClient;
  private ScheduledExecutorService sweeper;

  private MonotableLocal(boolean serveHttp, int port) {
    this(serveHttp, port, null);
  }

  private MonotableLocal(boolean serveHttp, int port, Path dataDirectory) {
    // first, so that loading the JSON code and reading the service models overlap with each other and with
    // loading the engine's classes: in a fresh JVM they are most of the time to the first answer
    warmUp("monotable-local-warm-up", Engine::warmUp);
    warmUp("monotable-local-models", RequestShapes::load);
    this.faults = new Faults();
    this.engine = new Engine(Clock.systemUTC(), faults);
    if (dataDirectory != null) {
      try {
        engine.persistIn(dataDirectory);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot open the data directory " + dataDirectory, e);
      }
    }
    this.httpClient = new InProcessHttpClient(engine);
    try {
      this.server = serveHttp ? HttpServerFrontEnd.start(engine, port) : null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on loopback port " + port, e);
    }
  }

  private static void warmUp(String name, Runnable work) {
    Thread thread = new Thread(work, name);
    thread.setDaemon(true);
    thread.start();
  }

  /** The engine and an HTTP server on a free loopback port. */
  public static MonotableLocal start() {
    return new MonotableLocal(true, 0);
  }

  /** The engine and an HTTP server on {@code port} of every address (0 for a free one). */
  public static MonotableLocal start(int port) {
    return new MonotableLocal(true, port);
  }

  /**
   * The engine alone, reached through {@link #httpClient()} or {@link #asyncHttpClient()}: nothing
   * listens on a port.
   */
  public static MonotableLocal inProcess() {
    return new MonotableLocal(false, 0);
  }

  /**
   * The engine alone, as {@link #inProcess()}, with its state kept in {@code dataDirectory} (created
   * when missing): what an earlier engine left there is loaded first, and every change is written
   * there, durably, before its answer. One engine at a time may use a directory.
   */
  public static MonotableLocal persistent(Path dataDirectory) {
    return new MonotableLocal(false, 0, dataDirectory);
  }

  /**
   * Where clients send requests: the HTTP server's {@code http://127.0.0.1:<port>}, or with {@link
   * #inProcess()} a placeholder that only {@link #httpClient()} and {@link #asyncHttpClient()} answer.
   */
  public URI endpoint() {
    return server == null ? IN_PROCESS_ENDPOINT : server.endpoint();
  }

  /** An {@code SdkHttpClient} that hands each request to the engine in this JVM, without a socket. */
  public SdkHttpClient httpClient() {
    return httpClient;
  }

  /**
   * An {@code SdkAsyncHttpClient} that hands each request to the engine in this JVM, without a socket,
   * for {@code DynamoDbAsyncClient} and {@code DynamoDbStreamsAsyncClient}. A call returns its future
   * at once: the engine answers on this client's daemon threads ({@code monotable-local-async-N}),
   * never the caller's. The same client every time, made on the first call and shut down by {@link
   * #close()}; closing the SDK clients built on it leaves it running.
   *
   * <pre>{@code
   * DynamoDbAsyncClient client = DynamoDbAsyncClient.builder()
   *     .httpClient(local.asyncHttpClient())
   *     .endpointOverride(local.endpoint())
   *     .region(Region.US_EAST_1)
   *     .credentialsProvider(AnonymousCredentialsProvider.create())
   *     .build();
   * client.listTables().thenAccept(tables -> ...);
   * }</pre>
   */
  public synchronized SdkAsyncHttpClient asyncHttpClient() {
    if (asyncHttpClient == null) {
      asyncHttpClient = new InProcessAsyncHttpClient(engine);
    }
    return asyncHttpClient;
  }

  /**
   * Uses {@code clock} from now on for time to live, stream record times and table creation times.
   * Returns this engine.
   */
  public MonotableLocal withClock(Clock clock) {
    engine.clock(clock);
    return this;
  }

  /**
   * From now on authorizes every request against an IAM identity policy, as AWS does, so that a
   * test can show a tenant-isolation policy keeps tenants apart: {@code policyJson} is the policy of
   * every principal registered by {@link #withPrincipal(String, Map)} (without a policy of its own).
   * A second call replaces the policy; there is one identity policy per principal. Returns this engine.
   *
   * <p>Once this or {@code withPrincipal} has been called, a request must be signed (the SDK signs
   * every request: the engine reads the access key id from the SigV4 {@code Authorization} header's
   * {@code Credential=<access key id>/...}; the signature itself is not checked) by a registered
   * principal; unsigned requests and unknown access key ids are refused. IAM's evaluation: a Deny
   * statement that applies wins, else an Allow statement that applies allows, else the request is
   * denied. A statement applies when its Action (case-insensitive, {@code *} and {@code ?}
   * wildcards; NotAction too) names the action ({@code dynamodb:GetItem}; a transaction's actions
   * as {@code dynamodb:GetItem}, {@code PutItem}, {@code UpdateItem}, {@code DeleteItem}, {@code
   * ConditionCheckItem}), its Resource (or NotResource) the table's ARN {@code
   * arn:aws:dynamodb:us-east-1:000000000000:table/<Name>} or, for a Query or Scan of an index,
   * {@code .../table/<Name>/index/<Index>}, and every Condition holds: the String, Arn, Bool and Null
   * operators, with {@code ForAllValues:}, {@code ForAnyValue:} and {@code IfExists}, on {@code
   * dynamodb:LeadingKeys}, {@code dynamodb:Attributes}, {@code dynamodb:Select}, {@code
   * dynamodb:ReturnValues}, {@code dynamodb:ReturnConsumedCapacity}, {@code
   * dynamodb:EnclosingOperation} and {@code aws:PrincipalTag/<key>}. Under {@code "Version":
   * "2012-10-17"}, {@code ${aws:PrincipalTag/<key>}} is replaced by the principal's tag; a principal
   * without that tag matches no statement that uses it. A refused request is answered, before the
   * engine looks at its tables (a missing table included), with HTTP 400 {@code
   * AccessDeniedException} ({@code DynamoDbException} whose {@code awsErrorDetails().errorCode()} is
   * {@code AccessDeniedException}) and DynamoDB's message, such as {@code User:
   * arn:aws:iam::000000000000:user/<access key id> is not authorized to perform: dynamodb:GetItem on
   * resource: arn:aws:dynamodb:us-east-1:000000000000:table/Orders because no identity-based policy
   * allows the dynamodb:GetItem action}; nothing of it is done, nor of a batch or transaction with
   * one refused key or action.
   *
   * <pre>{@code
   * local.withPrincipal("ADMIN", Map.of(), "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"dynamodb:*\",\"Resource\":\"*\"}]}")
   *     .withPolicy("""
   *         {"Version": "2012-10-17",
   *          "Statement": [{"Effect": "Allow",
   *                         "Action": ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query"],
   *                         "Resource": ["arn:aws:dynamodb:*:*:table/Users", "arn:aws:dynamodb:*:*:table/Users/index/*"],
   *                         "Condition": {"ForAllValues:StringLike":
   *                             {"dynamodb:LeadingKeys": ["TENANT#${aws:PrincipalTag/tenantId}#*"]}}}]}""")
   *     .withPrincipal("TENANT-A", Map.of("tenantId", "A"));
   * DynamoDbClient tenantA = DynamoDbClient.builder()
   *     .httpClient(local.httpClient()).endpointOverride(local.endpoint()).region(Region.US_EAST_1)
   *     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("TENANT-A", "any")))
   *     .build();
   * }</pre>
   *
   * @throws IllegalArgumentException when {@code policyJson} is not an identity policy MonotableLocal
   *     can evaluate (it names what is wrong)
   */
  public MonotableLocal withPolicy(String policyJson) {
    engine.accessControl().defaultPolicy(PolicyDocument.parse(policyJson));
    return this;
  }

  /**
   * Registers (or replaces) the principal that signs with {@code accessKeyId}, an IAM user with the
   * principal tags {@code tags} ({@code aws:PrincipalTag/<key>}), authorized by the policy of {@link
   * #withPolicy}; until that is set, it is allowed nothing. From now on every request is authorized
   * (see {@link #withPolicy}). Returns this engine.
   */
  public MonotableLocal withPrincipal(String accessKeyId, Map<String, String> tags) {
    engine.accessControl().principal(new Principal(accessKeyId, tags, null));
    return this;
  }

  /**
   * Registers (or replaces) the principal that signs with {@code accessKeyId}, with principal tags
   * {@code tags} and its own identity policy {@code policyJson}, used instead of the policy of {@link
   * #withPolicy}: an administrator that creates the tables a test needs is {@code
   * withPrincipal("ADMIN", Map.of(), "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"dynamodb:*\",\"Resource\":\"*\"}]}")}.
   * From now on every request is authorized (see {@link #withPolicy}). Returns this engine.
   *
   * @throws IllegalArgumentException when {@code policyJson} is not an identity policy MonotableLocal
   *     can evaluate
   */
  public MonotableLocal withPrincipal(String accessKeyId, Map<String, String> tags, String policyJson) {
    engine.accessControl().principal(new Principal(accessKeyId, tags, PolicyDocument.parse(policyJson)));
    return this;
  }

  /** Faults to inject on the next calls. */
  public Faults faults() {
    return faults;
  }

  /**
   * Deletes now every item whose time-to-live attribute (epoch seconds) has passed on the clock, as
   * DynamoDB's background process does, with a {@code REMOVE} stream record by the service.
   * Returns how many items were deleted.
   */
  public int expireNow() {
    return engine.expireNow();
  }

  /** Runs {@link #expireNow()} every {@code interval} on a daemon thread until {@link #close()}. */
  public synchronized MonotableLocal sweepExpiredEvery(Duration interval) {
    if (sweeper != null) {
      sweeper.shutdownNow();
    }
    sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "monotable-local-ttl");
      thread.setDaemon(true);
      return thread;
    });
    long millis = Math.max(1, interval.toMillis());
    sweeper.scheduleWithFixedDelay(engine::expireNow, millis, millis, TimeUnit.MILLISECONDS);
    return this;
  }

  /**
   * Stops the HTTP server, the sweeper and the threads of {@link #asyncHttpClient()} (requests it has
   * taken are still answered, later ones fail); the tables are dropped with this object, or, when {@link
   * #persistent(Path)}, stay in its directory (and later requests to this object fail).
   */
  @Override
  public synchronized void close() {
    if (sweeper != null) {
      sweeper.shutdownNow();
      sweeper = null;
    }
    if (server != null) {
      server.close();
    }
    if (asyncHttpClient != null) {
      asyncHttpClient.close();
    }
    engine.closeJournal();
  }
}
