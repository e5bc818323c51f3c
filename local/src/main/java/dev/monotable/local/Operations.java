package dev.monotable.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.monotable.local.value.DynamoError;

/**
 * The operations the engine serves, by name: one object of each operation class, all on the same
 * {@link EngineState}. The engine calls {@link #run} for a request it has checked, under its locks;
 * a replay of the write-ahead log ({@link DurableEngineState}) calls it for a logged one.
 */
final class Operations {
  static final String DYNAMODB = "DynamoDB_20120810";
  static final String STREAMS = "DynamoDBStreams_20120810";

  private final TableOperations tableOperations;
  private final ItemOperations itemOperations;
  private final ReadOperations readOperations;
  private final BatchOperations batchOperations;
  private final TransactionOperations transactionOperations;
  private final StreamOperations streamOperations;
  private final TagOperations tagOperations;
  private final PartiqlOperations partiqlOperations;

  Operations(EngineState state) {
    tableOperations = new TableOperations(state);
    itemOperations = new ItemOperations(state);
    readOperations = new ReadOperations(state);
    batchOperations = new BatchOperations(state);
    transactionOperations = new TransactionOperations(state);
    streamOperations = new StreamOperations(state);
    tagOperations = new TagOperations(state);
    partiqlOperations = new PartiqlOperations(state, itemOperations, readOperations, transactionOperations);
  }

  /**
   * Runs {@code operation} of {@code service} ({@link #DYNAMODB} or {@link #STREAMS}) on {@code
   * request}, which the service model has checked; UnknownOperationException for one not served.
   */
  ObjectNode run(String service, String operation, JsonNode request) {
    if (service.equals(STREAMS)) {
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
}
