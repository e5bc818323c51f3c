package dev.monotable.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.Lock;

/**
 * Which locks an operation takes, and taking them. The engine has a catalog lock ({@link
 * EngineState#catalog}, over the set of tables and streams) and a read-write lock per table ({@link
 * Table#lock}):
 *
 * <ul>
 *   <li>an item operation holds the catalog shared and the lock of each table it names, shared to
 *       read (GetItem, Query, Scan, BatchGetItem, TransactGetItems, DescribeTable,
 *       DescribeTimeToLive), exclusive to write (PutItem, UpdateItem, DeleteItem, BatchWriteItem,
 *       TransactWriteItems, UpdateTimeToLive): writes to different tables run in parallel, reads of
 *       one table too, and a conditional write or a transaction sees no other write to its tables
 *       between its test and its change;
 *   <li>ListTables, DescribeLimits and DescribeEndpoints hold only the catalog, shared;
 *   <li>every other operation — creating, updating and deleting tables, tags, PartiQL (whose tables
 *       are only known once its statements are parsed), the Streams API — holds the catalog
 *       exclusively, and so does the time-to-live sweep.
 * </ul>
 *
 * <p>A transaction or batch takes its tables' locks in the order of their names, so two of them
 * naming the same tables in opposite orders cannot deadlock; the catalog is always taken first.
 * With a data directory every write holds the catalog exclusively: the log's order is then the
 * order of the changes, a stream's sequence numbers come out the same on replay, and a compaction
 * at an append sees no operation half done. Forcing the log to disk, which is what a durable write
 * waits for, happens after the locks are released.
 */
final class EngineLocks {
  private static final Set<String> TABLE_READS = Set.of("GetItem", "Query", "Scan", "BatchGetItem", "TransactGetItems",
      "DescribeTable", "DescribeTimeToLive");
  private static final Set<String> TABLE_WRITES = Set.of("PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem",
      "TransactWriteItems", "UpdateTimeToLive");
  private static final Set<String> CATALOG_READS = Set.of("ListTables", "DescribeLimits", "DescribeEndpoints");
  /** The members of a TransactWriteItems action that name a table. */
  private static final List<String> TRANSACT_WRITE_ACTIONS = List.of("Put", "Update", "Delete", "ConditionCheck");

  private final EngineState state;

  EngineLocks(EngineState state) {
    this.state = state;
  }

  /** Locks held by one operation; {@link #close} releases them, the last taken first. */
  static final class Held implements AutoCloseable {
    private final List<Lock> locks = new ArrayList<>(3);

    private void take(Lock lock) {
      lock.lock();
      locks.add(lock);
    }

    @Override
    public void close() {
      for (int i = locks.size() - 1; i >= 0; i--) {
        locks.get(i).unlock();
      }
      locks.clear();
    }
  }

  /** Holds the catalog exclusively: no other operation runs meanwhile. */
  Held exclusive() {
    Held held = new Held();
    held.take(state.catalog.writeLock());
    return held;
  }

  /**
   * Takes the locks {@code operation} of {@code service} needs for {@code request} (checked against
   * the service model); with {@code writesExclusive}, a DynamoDB operation that {@code changesState}
   * holds the catalog exclusively instead.
   */
  Held lockFor(String service, String operation, JsonNode request, boolean changesState, boolean writesExclusive) {
    boolean dynamoDb = service.equals(Operations.DYNAMODB);
    boolean reads = dynamoDb && TABLE_READS.contains(operation);
    boolean writes = dynamoDb && TABLE_WRITES.contains(operation);
    if (!(reads || writes || dynamoDb && CATALOG_READS.contains(operation)) || changesState && writesExclusive) {
      return exclusive();
    }
    Held held = new Held();
    try {
      held.take(state.catalog.readLock());
      if (reads || writes) {
        // by name: the one order every operation takes them in
        TreeMap<String, Table> tables = new TreeMap<>();
        for (String name : tableNames(operation, request)) {
          Table table = state.tables.get(name);
          if (table != null) {
            tables.put(name, table);
          }
        }
        for (Table table : tables.values()) {
          held.take(writes ? table.lock.writeLock() : table.lock.readLock());
        }
      }
      return held;
    } catch (RuntimeException e) {
      held.close();
      throw e;
    }
  }

  /** The names of the tables {@code request} names; a missing one is the operation's to report. */
  private static List<String> tableNames(String operation, JsonNode request) {
    List<String> names = new ArrayList<>();
    switch (operation) {
      case "BatchGetItem", "BatchWriteItem" -> {
        JsonNode items = request.get("RequestItems");
        if (items != null) {
          for (Iterator<Map.Entry<String, JsonNode>> tables = items.fields(); tables.hasNext(); ) {
            names.add(tables.next().getKey());
          }
        }
      }
      case "TransactGetItems", "TransactWriteItems" -> {
        JsonNode actions = request.get("TransactItems");
        if (actions != null) {
          for (JsonNode action : actions) {
            for (String member : operation.equals("TransactGetItems") ? List.of("Get") : TRANSACT_WRITE_ACTIONS) {
              addName(names, action.get(member));
            }
          }
        }
      }
      default -> addName(names, request);
    }
    return names;
  }

  private static void addName(List<String> names, JsonNode holder) {
    JsonNode name = holder == null ? null : holder.get("TableName");
    if (name != null && name.isTextual()) {
      names.add(name.textValue());
    }
  }
}
