package dev.monotable.local;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.monotable.local.durable.Journal;
import dev.monotable.local.durable.LogRecord;
import dev.monotable.local.durable.StateChanges;
import dev.monotable.local.durable.WriteAheadLog;
import dev.monotable.local.protocol.RequestShapes;
import dev.monotable.local.value.DynamoError;
import dev.monotable.local.value.ValueJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The engine: takes an operation name and its JSON request, answers with JSON, as DynamoDB's JSON
 * 1.0 protocol does. One lock serializes every operation, which makes conditional writes,
 * transactions and index maintenance atomic under concurrent clients, as DynamoDB's per-item
 * atomicity promises (and then some).
 */
final class Engine {
  static final String CONTENT_TYPE = "application/x-amz-json-1.0";
  static final String REGION = "us-east-1";
  static final String ACCOUNT = "000000000000";

  /** An answer: HTTP status, JSON body, request id. */
  record Response(int status, byte[] body, String requestId) {}

  private final AtomicLong requests = new AtomicLong();

  final ReentrantLock lock = new ReentrantLock();
  final Map<String, Table> tables = new LinkedHashMap<>();
  /** Every stream ever enabled, by ARN; a deleted table's stream stays readable. */
  final Map<String, Stream> streams = new LinkedHashMap<>();
  final ChangeLog changes;
  final Faults faults;
  /** Where state changes are recorded; guarded by {@link #lock}. */
  private Journal journal = Journal.none();
  /** The id CreateTable gives its table while a replay repeats one; else null, for a random id. */
  String replayedTableId;
  private final TableOperations tableOperations = new TableOperations(this);
  private final ItemOperations itemOperations = new ItemOperations(this);
  private final ReadOperations readOperations = new ReadOperations(this);
  private final BatchOperations batchOperations = new BatchOperations(this);
  private final TransactionOperations transactionOperations = new TransactionOperations(this);
  private final StreamOperations streamOperations = new StreamOperations(this);
  private final TagOperations tagOperations = new TagOperations(this);
  private final PartiqlOperations partiqlOperations =
      new PartiqlOperations(this, itemOperations, readOperations, transactionOperations);

  Engine(Clock clock, Faults faults) {
    this.changes = new ChangeLog(clock);
    this.faults = faults;
  }

  void clock(Clock clock) {
    lock.lock();
    try {
      changes.clock(clock);
    } finally {
      lock.unlock();
    }
  }

  Clock clock() {
    return changes.clock();
  }

  int expireNow() {
    Journal recorded;
    long seen;
    int expired;
    lock.lock();
    try {
      recorded = journal;
      if (!recorded.isDurable()) {
        return tableOperations.expireNow();
      }
      Instant now = changes.clock().instant();
      changes.pin(now);
      try {
        expired = tableOperations.expireNow();
        if (expired > 0) {
          recorded.append(new LogRecord(LogRecord.EXPIRE_NOW, now, null, new byte[] {'{', '}'}));
        }
      } finally {
        changes.pin(null);
      }
      seen = recorded.end();
    } finally {
      lock.unlock();
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
      RequestShapes.load();
    } catch (IOException | RuntimeException e) {
      // only a warm-up: the first real request reports any problem
    }
  }

  /** Answers one request; {@code target} is the X-Amz-Target header, such as {@code DynamoDB_20120810.PutItem}. */
  Response handle(String target, byte[] body) {
    String requestId = requestId(requests.incrementAndGet());
    int dot = target.indexOf('.');
    String service = dot < 0 ? "" : target.substring(0, dot);
    String operation = dot < 0 ? target : target.substring(dot + 1);
    try {
      if (!service.equals("DynamoDB_20120810") && !service.equals("DynamoDBStreams_20120810")) {
        throw new DynamoError("UnknownOperationException", "Unknown service or operation: " + target, 400);
      }
      JsonNode request = parse(body);
      RequestShapes.check(service, operation, request);
      if (faults.takeThrottle(operation)) {
        throw new DynamoError("ProvisionedThroughputExceededException",
            "The level of configured provisioned throughput for the table was exceeded. (injected by MonotableLocal.faults())",
            400);
      }
      ObjectNode answer;
      Journal recorded;
      long seen;
      lock.lock();
      try {
        recorded = journal;
        answer = recorded.isDurable() ? dispatchRecorded(service, operation, request) : dispatch(service, operation, request);
        seen = recorded.end();
      } finally {
        lock.unlock();
      }
      // no answer, not even a read's, leaves before every change it could have seen is on disk
      recorded.awaitDurable(seen);
      return new Response(200, Json.write(answer), requestId);
    } catch (DynamoError e) {
      return error(e, requestId);
    } catch (IOException e) {
      return error(new DynamoError("SerializationException", "Cannot read the request: " + e.getMessage(), 400), requestId);
    } catch (RuntimeException e) {
      return error(new DynamoError("InternalServerError", "Internal error in MonotableLocal: " + e, 500), requestId);
    }
  }

  /** {@code MONOTABLE} and the request's number in 23 digits: String.format costs more than a small request. */
  private static String requestId(long number) {
    String digits = Long.toString(number);
    StringBuilder id = new StringBuilder(32).append("MONOTABLE");
    for (int pad = digits.length(); pad < 23; pad++) {
      id.append('0');
    }
    return id.append(digits).toString();
  }

  /**
   * Dispatches with the clock fixed for the whole operation and, when it changed the state, appends
   * it to the journal, with the time and the new table's id, so that a replay decides nothing anew.
   */
  private ObjectNode dispatchRecorded(String service, String operation, JsonNode request) throws IOException {
    Instant now = changes.clock().instant();
    changes.pin(now);
    try {
      ObjectNode answer = dispatch(service, operation, request);
      if (service.equals("DynamoDB_20120810") && StateChanges.changesState(operation, request)) {
        JsonNode applied = StateChanges.applied(operation, request, answer);
        if (applied != null) {
          String tableId = operation.equals("CreateTable") ? table(Requests.tableName(request)).id : null;
          journal.append(new LogRecord(operation, now, tableId, Json.write(applied)));
        }
      }
      return answer;
    } finally {
      changes.pin(null);
    }
  }

  /**
   * Rebuilds the state from the snapshot and write-ahead log in {@code directory} (created when
   * missing) and records every later change there; compacts the log into a snapshot whenever it
   * holds {@code monotable.local.compactAbove} records (system property; 50,000 unless set).
   * Called once, before the engine serves a request.
   */
  void persistIn(Path directory) throws IOException {
    lock.lock();
    try {
      long compactAbove = Long.getLong("monotable.local.compactAbove", WriteAheadLog.DEFAULT_COMPACT_ABOVE);
      journal = WriteAheadLog.open(directory, new DurableEngineState(this, transactionOperations), compactAbove);
    } finally {
      lock.unlock();
    }
  }

  /** Closes the journal: later requests fail rather than change what no log keeps. */
  void closeJournal() {
    lock.lock();
    try {
      journal.close();
    } finally {
      lock.unlock();
    }
  }

  /** Applies a logged change again, at its logged time and with its logged table id. */
  void replay(LogRecord record) {
    changes.pin(record.time());
    replayedTableId = record.tableId();
    try {
      if (record.operation().equals(LogRecord.EXPIRE_NOW)) {
        tableOperations.expireNow();
      } else {
        dispatch("DynamoDB_20120810", record.operation(), Json.read(record.request()));
      }
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("cannot replay the logged " + record + ": " + e.getMessage(), e);
    } finally {
      changes.pin(null);
      replayedTableId = null;
    }
  }

  private ObjectNode dispatch(String service, String operation, JsonNode request) {
    if (service.equals("DynamoDBStreams_20120810")) {
      return switch (operation) {
        case "ListStreams" -> streamOperations.listStreams(request);
        case "DescribeStream" -> streamOperations.describeStream(request);
        case "GetShardIterator" -> streamOperations.getShardIterator(request);
        case "GetRecords" -> streamOperations.getRecords(request);
        default -> throw unknown(operation);
      };
    }
    return switch (operation) {
      case "CreateTable" -> tableOperations.createTable(request);
      case "DescribeTable" -> tableOperations.describeTable(request);
      case "ListTables" -> tableOperations.listTables(request);
      case "DeleteTable" -> tableOperations.deleteTable(request);
      case "UpdateTable" -> tableOperations.updateTable(request);
      case "UpdateTimeToLive" -> tableOperations.updateTimeToLive(request);
      case "DescribeTimeToLive" -> tableOperations.describeTimeToLive(request);
      case "DescribeEndpoints" -> tableOperations.describeEndpoints();
      case "DescribeLimits" -> tableOperations.describeLimits();
      case "TagResource" -> tagOperations.tagResource(request);
      case "UntagResource" -> tagOperations.untagResource(request);
      case "ListTagsOfResource" -> tagOperations.listTagsOfResource(request);
      case "PutItem" -> itemOperations.putItem(request);
      case "GetItem" -> itemOperations.getItem(request);
      case "DeleteItem" -> itemOperations.deleteItem(request);
      case "UpdateItem" -> itemOperations.updateItem(request);
      case "Query" -> readOperations.query(request);
      case "Scan" -> readOperations.scan(request);
      case "BatchGetItem" -> batchOperations.batchGetItem(request);
      case "BatchWriteItem" -> batchOperations.batchWriteItem(request);
      case "TransactWriteItems" -> transactionOperations.transactWriteItems(request);
      case "TransactGetItems" -> transactionOperations.transactGetItems(request);
      case "ExecuteStatement" -> partiqlOperations.executeStatement(request);
      case "BatchExecuteStatement" -> partiqlOperations.batchExecuteStatement(request);
      case "ExecuteTransaction" -> partiqlOperations.executeTransaction(request);
      default -> throw unknown(operation);
    };
  }

  private static DynamoError unknown(String operation) {
    return new DynamoError("UnknownOperationException",
        "MonotableLocal does not implement the operation " + operation
            + " (backups, exports, imports, global tables and resource policies are not implemented)",
        400);
  }

  private static JsonNode parse(byte[] body) throws IOException {
    JsonNode node = Json.read(body);
    if (node == null || !node.isObject()) {
      throw new DynamoError("SerializationException", "The request body is not a JSON object", 400);
    }
    return node;
  }

  private static Response error(DynamoError e, String requestId) {
    ObjectNode body = e instanceof DetailedError detailed ? detailed.details() : Json.object();
    body.put("__type", e.qualifiedType());
    body.put("message", e.getMessage());
    try {
      return new Response(e.status(), Json.write(body), requestId);
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible);
    }
  }

  /** The table called by the request's {@code TableName}, or ResourceNotFoundException. */
  Table table(String name) {
    Table table = tables.get(name);
    if (table == null) {
      throw DynamoError.notFound("Requested resource not found: Table: " + name + " not found");
    }
    return table;
  }

  /** An error whose body carries more than the message: an Item, CancellationReasons. */
  static final class DetailedError extends DynamoError {
    private static final long serialVersionUID = 1L;
    private final transient ObjectNode details;

    DetailedError(String type, String message, ObjectNode details) {
      super(type, message, 400);
      this.details = details;
    }

    ObjectNode details() {
      return details.deepCopy();
    }
  }

  static ObjectNode object() {
    return Json.object();
  }
}
