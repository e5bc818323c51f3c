package dev.monotable.runtime.internal;

import dev.monotable.runtime.AccessDeniedException;
import dev.monotable.runtime.CapacityEvent;
import dev.monotable.runtime.CapacityListener;
import dev.monotable.runtime.IdempotencyTokenReusedException;
import dev.monotable.runtime.InvalidKeyException;
import dev.monotable.runtime.ItemTooLargeException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Capacity;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Where the runtime sends its item requests to DynamoDB: one method per operation, each told the
 * entity type (null across types) and what the request is for (the access pattern or method name).
 * Without a {@link CapacityListener} a request goes out as it is. With one, it asks for
 * {@code ReturnConsumedCapacity=INDEXES}, and the listener gets one {@link CapacityEvent} per
 * request answered; what the listener throws is logged and ignored, so it never fails a request that
 * DynamoDB has carried out. Thread-safe, as the client is.
 *
 * <p>DynamoDB's refusals that are Monotable's own exceptions are translated here, for every request
 * that can meet them: a write whose item would be over 400 KB ({@link ItemTooLargeException}), a
 * transaction whose idempotency token came with another one ({@link IdempotencyTokenReusedException}).
 */
public final class Metering {
  private static final System.Logger LOG = System.getLogger(Metering.class.getName());
  private static final ReturnConsumedCapacity INDEXES = ReturnConsumedCapacity.INDEXES;

  private final DynamoDbClient client;
  private final String table;
  private final CapacityListener listener;

  Metering(DynamoDbClient client, String table, CapacityListener listener) {
    this.client = client;
    this.table = table;
    this.listener = listener;
  }

  /**
   * The name events give access pattern {@code qualified}: without its entity prefix
   * ({@code Order.ordersOfUser} is {@code ordersOfUser}) or, when the prefix is not {@code entity}'s,
   * after its last dot.
   */
  public static String patternName(String entity, String qualified) {
    if (entity != null && qualified.length() > entity.length() && qualified.charAt(entity.length()) == '.'
        && qualified.startsWith(entity)) {
      return qualified.substring(entity.length() + 1);
    }
    return qualified.substring(qualified.lastIndexOf('.') + 1);
  }

  /** Whether a listener is told each request's capacity. */
  public boolean isOn() {
    return listener != null;
  }

  /** Sends a GetItem. */
  public GetItemResponse getItem(String entity, String pattern, GetItemRequest request) {
    try {
      if (listener == null) {
        return client().getItem(request);
      }
      return reported(entity, pattern, client().getItem(request.toBuilder().returnConsumedCapacity(INDEXES).build()));
    } catch (DynamoDbException refused) {
      throw refusal(entity, "GetItem", refused);
    }
  }

  /** Sends a PutItem. */
  public PutItemResponse putItem(String entity, String pattern, PutItemRequest request) {
    try {
      if (listener == null) {
        return client().putItem(request);
      }
      return reported(entity, pattern, client().putItem(request.toBuilder().returnConsumedCapacity(INDEXES).build()));
    } catch (DynamoDbException refused) {
      throw refusal(entity, "PutItem", refused);
    }
  }

  /** Sends an UpdateItem. */
  public UpdateItemResponse updateItem(String entity, String pattern, UpdateItemRequest request) {
    try {
      if (listener == null) {
        return client().updateItem(request);
      }
      return reported(entity, pattern,
          client().updateItem(request.toBuilder().returnConsumedCapacity(INDEXES).build()));
    } catch (DynamoDbException refused) {
      throw refusal(entity, "UpdateItem", refused);
    }
  }

  /** Sends a DeleteItem. */
  public DeleteItemResponse deleteItem(String entity, String pattern, DeleteItemRequest request) {
    try {
      if (listener == null) {
        return client().deleteItem(request);
      }
      return reported(entity, pattern,
          client().deleteItem(request.toBuilder().returnConsumedCapacity(INDEXES).build()));
    } catch (DynamoDbException refused) {
      throw refusal(entity, "DeleteItem", refused);
    }
  }

  /** Sends a Query (one page). */
  public QueryResponse query(String entity, String pattern, QueryRequest request) {
    try {
      if (listener == null) {
        return client().query(request);
      }
      return reported(entity, pattern, request,
          client().query(request.toBuilder().returnConsumedCapacity(INDEXES).build()));
    } catch (DynamoDbException refused) {
      throw refusal(entity, "Query", refused);
    }
  }

  /** Sends a Scan (one page). */
  public ScanResponse scan(String entity, String pattern, ScanRequest request) {
    try {
      if (listener == null) {
        return client().scan(request);
      }
      return reported(entity, pattern, request,
          client().scan(request.toBuilder().returnConsumedCapacity(INDEXES).build()));
    } catch (DynamoDbException refused) {
      throw refusal(entity, "Scan", refused);
    }
  }

  /** Sends a BatchGetItem (one attempt). */
  public BatchGetItemResponse batchGetItem(String entity, String pattern, BatchGetItemRequest request) {
    try {
      if (listener == null) {
        return client().batchGetItem(request);
      }
      return reported(entity, pattern,
          client().batchGetItem(request.toBuilder().returnConsumedCapacity(INDEXES).build()));
    } catch (DynamoDbException refused) {
      throw refusal(entity, "BatchGetItem", refused);
    }
  }

  /** Sends a BatchWriteItem (one attempt). */
  public BatchWriteItemResponse batchWriteItem(String entity, String pattern, BatchWriteItemRequest request) {
    try {
      if (listener == null) {
        return client().batchWriteItem(request);
      }
      return reported(entity, pattern, request,
          client().batchWriteItem(request.toBuilder().returnConsumedCapacity(INDEXES).build()));
    } catch (DynamoDbException refused) {
      throw refusal(entity, "BatchWriteItem", refused);
    }
  }

  /** Sends a TransactWriteItems. */
  public TransactWriteItemsResponse transactWriteItems(String entity, String pattern,
      TransactWriteItemsRequest request) {
    try {
      if (listener == null) {
        return client().transactWriteItems(request);
      }
      return reported(entity, pattern, request,
          client().transactWriteItems(request.toBuilder().returnConsumedCapacity(INDEXES).build()));
    } catch (DynamoDbException refused) {
      throw transactionRefusal(entity, request, refused);
    }
  }

  /** Sends a TransactGetItems. */
  public TransactGetItemsResponse transactGetItems(String entity, String pattern, TransactGetItemsRequest request) {
    try {
      if (listener == null) {
        return client().transactGetItems(request);
      }
      return reported(entity, pattern,
          client().transactGetItems(request.toBuilder().returnConsumedCapacity(INDEXES).build()));
    } catch (DynamoDbException refused) {
      throw refusal(entity, "TransactGetItems", refused);
    }
  }

  private DynamoDbClient client() {
    if (client == null) {
      throw new IllegalStateException("table " + table + " was opened with an async client: it sends through"
          + " AsyncMetering");
    }
    return client;
  }

  // what a response reports, shared with AsyncMetering: the listener is told, and the response handed back

  GetItemResponse reported(String entity, String pattern, GetItemResponse response) {
    int items = response.hasItem() && !response.item().isEmpty() ? 1 : 0;
    report(entity, "GetItem", pattern, null, one(response.consumedCapacity()), items);
    return response;
  }

  PutItemResponse reported(String entity, String pattern, PutItemResponse response) {
    report(entity, "PutItem", pattern, null, one(response.consumedCapacity()), 1);
    return response;
  }

  UpdateItemResponse reported(String entity, String pattern, UpdateItemResponse response) {
    report(entity, "UpdateItem", pattern, null, one(response.consumedCapacity()), 1);
    return response;
  }

  DeleteItemResponse reported(String entity, String pattern, DeleteItemResponse response) {
    report(entity, "DeleteItem", pattern, null, one(response.consumedCapacity()), 1);
    return response;
  }

  QueryResponse reported(String entity, String pattern, QueryRequest request, QueryResponse response) {
    report(entity, "Query", pattern, request.indexName(), one(response.consumedCapacity()), count(response.count()));
    return response;
  }

  ScanResponse reported(String entity, String pattern, ScanRequest request, ScanResponse response) {
    report(entity, "Scan", pattern, request.indexName(), one(response.consumedCapacity()), count(response.count()));
    return response;
  }

  BatchGetItemResponse reported(String entity, String pattern, BatchGetItemResponse response) {
    int items = 0;
    for (var read : response.responses().values()) {
      items += read.size();
    }
    report(entity, "BatchGetItem", pattern, null, response.consumedCapacity(), items);
    return response;
  }

  BatchWriteItemResponse reported(String entity, String pattern, BatchWriteItemRequest request,
      BatchWriteItemResponse response) {
    report(entity, "BatchWriteItem", pattern, null, response.consumedCapacity(),
        writes(request.requestItems()) - writes(response.unprocessedItems()));
    return response;
  }

  TransactWriteItemsResponse reported(String entity, String pattern, TransactWriteItemsRequest request,
      TransactWriteItemsResponse response) {
    int written = 0;
    for (var action : request.transactItems()) {
      if (action.conditionCheck() == null) {
        written++;
      }
    }
    report(entity, "TransactWriteItems", pattern, null, response.consumedCapacity(), written);
    return response;
  }

  TransactGetItemsResponse reported(String entity, String pattern, TransactGetItemsResponse response) {
    int items = 0;
    for (var read : response.responses()) {
      if (read.hasItem() && !read.item().isEmpty()) {
        items++;
      }
    }
    report(entity, "TransactGetItems", pattern, null, response.consumedCapacity(), items);
    return response;
  }

  /** What to throw for DynamoDB's refusal of a transaction: a reused token is Monotable's own exception. */
  static RuntimeException transactionRefusal(String entity, TransactWriteItemsRequest request,
      DynamoDbException refused) {
    if (refused instanceof IdempotentParameterMismatchException reused) {
      return new IdempotencyTokenReusedException(request.clientRequestToken(), reused);
    }
    return refusal(entity, "TransactWriteItems", refused);
  }

  /**
   * What to throw for DynamoDB's refusal of a write: {@link ItemTooLargeException} when it says
   * that an item would be over 400 KB (a {@code ValidationException}: "Item size has exceeded the
   * maximum allowed size", or "Item size to update has ..."), the refusal itself otherwise.
   */
  static RuntimeException refusal(String entity, String operation, DynamoDbException refused) {
    AwsErrorDetails details = refused.awsErrorDetails();
    if (details != null && "AccessDeniedException".equals(details.errorCode())) {
      return new AccessDeniedException(entity, operation, details.errorMessage(), refused);
    }
    if (details != null && "ValidationException".equals(details.errorCode())
        && saysItemTooLarge(details.errorMessage())) {
      return new ItemTooLargeException(entity, operation, refused);
    }
    if (details != null && "ValidationException".equals(details.errorCode()) && saysBadIndexKey(details.errorMessage())) {
      // a raw attribute that is an index's key: empty, of another type, or too long for a key
      String message = details.errorMessage();
      String attribute = attributeNamed(message, "IndexKey: ", "Index Key ");
      InvalidKeyException invalid = new InvalidKeyException(entity == null ? "the item" : entity, attribute,
          "a secondary index key", "DynamoDB refused the " + operation + ", nothing was written: " + message);
      invalid.initCause(refused);
      return invalid;
    }
    return refused;
  }

  /** The attribute a refusal names after one of {@code markers} ("IndexKey: status"), or null. */
  private static String attributeNamed(String message, String... markers) {
    for (String marker : markers) {
      int at = message.indexOf(marker);
      if (at >= 0) {
        String rest = message.substring(at + marker.length()).trim();
        int end = rest.indexOf(' ');
        return end < 0 ? rest : rest.substring(0, end);
      }
    }
    return null;
  }

  /** Whether DynamoDB's message says a key attribute's value cannot be a key: empty, mistyped or too long. */
  private static boolean saysBadIndexKey(String message) {
    return message != null && (message.contains("A value specified for a secondary index key is not supported")
        || message.contains("Type mismatch for Index Key")
        || message.contains("Size of hashkey has exceeded")
        || message.contains("Aggregated size of all range keys has exceeded")
        || message.contains("Size limit exceeded for Index Key"));
  }

  /**
   * The position of the first action DynamoDB cancelled a transaction for because it would make its
   * item over 400 KB (reason {@code ValidationError}, "Item size ... has exceeded the maximum allowed
   * size"), or -1.
   */
  public static int itemTooLarge(TransactionCanceledException cancelled) {
    if (!cancelled.hasCancellationReasons()) {
      return -1;
    }
    List<CancellationReason> reasons = cancelled.cancellationReasons();
    for (int i = 0; i < reasons.size(); i++) {
      if ("ValidationError".equals(reasons.get(i).code()) && saysItemTooLarge(reasons.get(i).message())) {
        return i;
      }
    }
    return -1;
  }

  /** DynamoDB's words for an item over its size limit, in any of the forms it gives them. */
  private static boolean saysItemTooLarge(String message) {
    return message != null && message.contains("Item size") && message.contains("exceeded the maximum allowed size");
  }

  private static List<ConsumedCapacity> one(ConsumedCapacity consumed) {
    return consumed == null ? List.of() : List.of(consumed);
  }

  private static int count(Integer count) {
    return count == null ? 0 : count;
  }

  private static int writes(Map<String, List<WriteRequest>> requests) {
    int writes = 0;
    for (List<WriteRequest> forTable : requests.values()) {
      writes += forTable.size();
    }
    return writes;
  }

  private void report(String entity, String operation, String pattern, String index,
      List<ConsumedCapacity> consumed, int items) {
    CapacityEvent event;
    try {
      event = event(table, entity, operation, pattern, index, consumed, items);
    } catch (RuntimeException unreadable) {
      LOG.log(Level.WARNING, "the consumed capacity of a " + operation + " on " + table + " could not be read",
          unreadable);
      return;
    }
    try {
      listener.consumed(event);
    } catch (RuntimeException failure) {
      // the request has been carried out: failing it now would make the caller repeat a done write
      LOG.log(Level.WARNING, "the capacity listener " + listener + " failed on " + event + "; ignored", failure);
    }
  }

  /**
   * The event of a request to {@code table}: its units are what DynamoDB reports for that table,
   * by table and index ({@code INDEXES}), or in total only when the answer has no breakdown.
   */
  static CapacityEvent event(String table, String entity, String operation, String pattern, String index,
      List<ConsumedCapacity> consumed, int items) {
    boolean reads = operation.equals("GetItem") || operation.equals("Query") || operation.equals("Scan")
        || operation.equals("BatchGetItem") || operation.equals("TransactGetItems");
    List<CapacityEvent.IndexUnits> byIndex = new ArrayList<>();
    for (ConsumedCapacity capacity : consumed) {
      if (capacity == null || (capacity.tableName() != null && !capacity.tableName().equals(table))) {
        continue;
      }
      boolean brokenDown = capacity.table() != null || capacity.hasGlobalSecondaryIndexes()
          || capacity.hasLocalSecondaryIndexes();
      if (!brokenDown) {
        add(byIndex, null,
            split(capacity.readCapacityUnits(), capacity.writeCapacityUnits(), capacity.capacityUnits(), reads));
        continue;
      }
      if (capacity.table() != null) {
        add(byIndex, null, split(capacity.table(), reads));
      }
      if (capacity.hasGlobalSecondaryIndexes()) {
        capacity.globalSecondaryIndexes().forEach((name, units) -> add(byIndex, name, split(units, reads)));
      }
      if (capacity.hasLocalSecondaryIndexes()) {
        capacity.localSecondaryIndexes().forEach((name, units) -> add(byIndex, name, split(units, reads)));
      }
    }
    double read = 0;
    double write = 0;
    for (CapacityEvent.IndexUnits units : byIndex) {
      read += units.readUnits();
      write += units.writeUnits();
    }
    return new CapacityEvent(table, entity, operation, pattern, index, read, write, items, 1, byIndex);
  }

  private static double[] split(Capacity capacity, boolean reads) {
    return split(capacity.readCapacityUnits(), capacity.writeCapacityUnits(), capacity.capacityUnits(), reads);
  }

  /** Read and write units; a total without them is counted as the operation's kind. */
  private static double[] split(Double read, Double write, Double total, boolean reads) {
    if (read == null && write == null) {
      double units = total == null ? 0 : total;
      return reads ? new double[] {units, 0} : new double[] {0, units};
    }
    return new double[] {read == null ? 0 : read, write == null ? 0 : write};
  }

  /** Adds the units of one index (null: the table), merging those reported twice. */
  private static void add(List<CapacityEvent.IndexUnits> byIndex, String index, double[] units) {
    if (units[0] == 0 && units[1] == 0) {
      return;
    }
    for (int i = 0; i < byIndex.size(); i++) {
      CapacityEvent.IndexUnits known = byIndex.get(i);
      if (Objects.equals(known.index(), index)) {
        byIndex.set(i, new CapacityEvent.IndexUnits(index, known.readUnits() + units[0],
            known.writeUnits() + units[1]));
        return;
      }
    }
    byIndex.add(new CapacityEvent.IndexUnits(index, units[0], units[1]));
  }
}
