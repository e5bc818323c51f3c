package dev.monotable.local;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.monotable.local.durable.Journal;
import dev.monotable.local.durable.LogRecord;
import dev.monotable.local.durable.StateChanges;
import dev.monotable.local.durable.WriteAheadLog;
import dev.monotable.local.iam.AccessControl;
import dev.monotable.local.protocol.RequestShapes;
import dev.monotable.local.value.DynamoError;
import dev.monotable.local.value.ValueJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The engine: takes an operation name and its JSON request, answers with JSON, as DynamoDB's JSON
 * 1.0 protocol does. It checks the request against the service model, consults the injected
 * faults, and runs the operation ({@link Operations}) on its {@link EngineState} under the locks of
 * the tables it names ({@link EngineLocks}), which makes conditional writes, transactions and index
 * maintenance atomic under concurrent clients, as DynamoDB's per-item atomicity promises (and then
 * some), while operations on other tables, and reads of the same one, run beside it; with a data
 * directory it journals every change before it answers.
 */
final class Engine {
  static final String CONTENT_TYPE = "application/x-amz-json-1.0";

  /** An answer: HTTP status, JSON body, request id. */
  record Response(int status, byte[] body, String requestId) {}

  private final AtomicLong requests = new AtomicLong();

  private final EngineState state;
  private final EngineLocks locks;
  private final Operations operations;
  private final TimeToLiveSweeper sweeper;
  private final AccessControl accessControl = new AccessControl(EngineState.ACCOUNT);
  private final AccessRequests accessRequests;
  /** Where state changes are recorded: set once, before the engine serves a request. */
  private volatile Journal journal = Journal.none();

  Engine(Clock clock, Faults faults) {
    this.state = new EngineState(clock, faults);
    this.locks = new EngineLocks(state);
    this.operations = new Operations(state);
    this.sweeper = new TimeToLiveSweeper(state);
    this.accessRequests = new AccessRequests(state);
  }

  /** The principals and identity policies requests are authorized against (none: every request is allowed). */
  AccessControl accessControl() {
    return accessControl;
  }

  /** Sets the clock once no operation runs, so that none sees two clocks. */
  void clock(Clock clock) {
    try (EngineLocks.Held held = locks.exclusive()) {
      state.changes.clock(clock);
    }
  }

  int expireNow() {
    Journal recorded;
    long seen;
    int expired;
    try (EngineLocks.Held held = locks.exclusive()) {
      recorded = journal;
      if (!recorded.isDurable()) {
        return sweeper.sweep();
      }
      Instant now = state.clock().instant();
      state.changes.pin(now);
      try {
        expired = sweeper.sweep();
        if (expired > 0) {
          recorded.append(new LogRecord(LogRecord.EXPIRE_NOW, now, null, new byte[] {'{', '}'}));
        }
      } finally {
        state.changes.pin(null);
      }
      seen = recorded.end();
    }
    recorded.awaitDurable(seen);
    return expired;
  }

  /**
   * Loads and runs once the JSON and attribute-value code every request needs, touching no table
   * and no fault: {@link MonotableLocal} calls it on a background thread at start, so that it
   * overlaps with the caller building its client instead of delaying the first answer.
   */
  static void warmUp() {
    try {
      JsonNode request = Json.read(("{\"TableName\":\"warm-up\",\"Item\":{\"PK\":{\"S\":\"a\"},\"n\":{\"N\":\"1\"},"
          + "\"l\":{\"L\":[{\"BOOL\":true}]},\"m\":{\"M\":{\"b\":{\"B\":\"AQI=\"}}}}}").getBytes(UTF_8));
      Json.write(ValueJson.writeItem(ValueJson.readItem(request.get("Item"))));
    } catch (IOException | RuntimeException e) {
      // only a warm-up: the first real request reports any problem
    }
  }

  /**
   * Answers one request; {@code target} is the X-Amz-Target header, such as {@code
   * DynamoDB_20120810.PutItem}, {@code authorization} its Authorization header (null when unsigned),
   * whose access key id names the principal that {@link #accessControl()} authorizes, once the
   * request has passed the service model and before the operation looks at any table.
   */
  Response handle(String target, String authorization, byte[] body) {
    String requestId = requestId(requests.incrementAndGet());
    int dot = target.indexOf('.');
    String service = dot < 0 ? "" : target.substring(0, dot);
    String operation = dot < 0 ? target : target.substring(dot + 1);
    try {
      if (!service.equals(Operations.DYNAMODB) && !service.equals(Operations.STREAMS)
          || !RequestShapes.hasOperation(service, operation)) {
        // a target DynamoDB does not know: its answer has no message, before the body is read
        throw new DynamoError("UnknownOperationException", null, 400);
      }
      JsonNode request = parse(body);
      RequestShapes.check(service, operation, request);
      if (state.faults.takeThrottle(operation)) {
        throw new DynamoError("ProvisionedThroughputExceededException",
            "The level of configured provisioned throughput for the table was exceeded. (injected by MonotableLocal.faults())",
            400);
      }
      ObjectNode answer;
      Journal recorded = journal;
      long seen;
      boolean changesState = service.equals(Operations.DYNAMODB) && StateChanges.changesState(operation, request);
      try (EngineLocks.Held held = locks.lockFor(service, operation, request, changesState, recorded.isDurable())) {
        // under the locks, so that the key schemas the contexts are built from hold still; before the operation
        // looks at any table, as IAM comes before DynamoDB's own checks
        if (accessControl.enforcing()) {
          accessControl.authorize(authorization, accessRequests.of(service, operation, request));
        }
        answer = recorded.isDurable() ? runRecorded(service, operation, request, changesState)
            : operations.run(service, operation, request);
        seen = recorded.end();
      }
      // no answer, not even a read's, leaves before every change it could have seen is on disk
      recorded.awaitDurable(seen);
      return new Response(200, Json.write(answer), requestId);
    } catch (DynamoError e) {
      return error(e, requestId);
    } catch (IOException e) {
      return error(RequestShapes.unreadableBody(), requestId);
    } catch (RuntimeException e) {
      return error(new DynamoError("InternalServerError", "Internal error in MonotableLocal: " + e, 500), requestId);
    }
  }

  /** {@code MONOTABLE} and the request's number in 23 digits: String.format costs more than a small request. */
  private static String requestId(long number) {
    String digits = Long.toString(number);
    // 52 upper-case letters and digits, as DynamoDB's request ids are
    StringBuilder id = new StringBuilder(52).append("MONOTABLE");
    for (int pad = digits.length(); pad < 43; pad++) {
      id.append('0');
    }
    return id.append(digits).toString();
  }

  /**
   * Runs the operation with the clock fixed while it runs and, when it changed the state, appends it
   * to the journal, with the time and the new table's id, so that a replay decides nothing anew.
   */
  private ObjectNode runRecorded(String service, String operation, JsonNode request, boolean changesState)
      throws IOException {
    Instant now = state.clock().instant();
    state.changes.pin(now);
    try {
      ObjectNode answer = operations.run(service, operation, request);
      if (changesState) {
        JsonNode applied = StateChanges.applied(operation, request, answer);
        if (applied != null) {
          String tableId = operation.equals("CreateTable") ? state.table(Requests.tableName(request)).id : null;
          journal.append(new LogRecord(operation, now, tableId, Json.write(applied)));
        }
      }
      return answer;
    } finally {
      state.changes.pin(null);
    }
  }

  /**
   * Rebuilds the state from the snapshot and write-ahead log in {@code directory} (created when
   * missing) and records every later change there; compacts the log into a snapshot whenever it
   * holds {@code monotable.local.compactAbove} records (system property; 50,000 unless set).
   * Called once, before the engine serves a request.
   */
  void persistIn(Path directory) throws IOException {
    try (EngineLocks.Held held = locks.exclusive()) {
      long compactAbove = Long.getLong("monotable.local.compactAbove", WriteAheadLog.DEFAULT_COMPACT_ABOVE);
      journal = WriteAheadLog.open(directory, new DurableEngineState(state, operations, sweeper), compactAbove);
    }
  }

  /** Closes the journal: later requests fail rather than change what no log keeps. */
  void closeJournal() {
    try (EngineLocks.Held held = locks.exclusive()) {
      journal.close();
    }
  }

  private static JsonNode parse(byte[] body) throws IOException {
    if (body.length == 0) {
      throw RequestShapes.unreadableBody();
    }
    JsonNode node = Json.read(body);
    if (node == null || !node.isObject()) {
      throw new DynamoError("SerializationException", "The request body is not a JSON object", 400);
    }
    return node;
  }

  private static Response error(DynamoError e, String requestId) {
    ObjectNode body = e instanceof DetailedError detailed ? detailed.details() : Json.object();
    body.put("__type", e.qualifiedType());
    // the service framework's errors (SerializationException, AccessDeniedException) spell it "Message"
    if (e.getMessage() != null) {
      body.put(e.qualifiedType().startsWith("com.amazon.coral.service#") ? "Message" : "message", e.getMessage());
    }
    try {
      return new Response(e.status(), Json.write(body), requestId);
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible);
    }
  }
}
