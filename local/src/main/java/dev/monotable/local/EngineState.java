package dev.monotable.local;

import dev.monotable.local.partiql.Planner;
import dev.monotable.local.value.DynamoError;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * What the engine's operations share: the tables, the streams, the change log (which holds the
 * clock), the injected faults and the transactions' client request tokens. The engine makes one and
 * hands it to each operation class ({@link Operations}); they run under the locks {@link
 * EngineLocks} takes: the set of tables and the streams change only while {@link #catalog} is held
 * exclusively, a table only while its own lock is held exclusively (or the catalog is). The change
 * log, the faults and the client request tokens are shared by operations on different tables and
 * are thread-safe. A snapshot of the durable engine ({@link DurableEngineState}) is this state
 * written out.
 */
final class EngineState {
  /** The region and account that the engine's ARNs name. */
  static final String REGION = "us-east-1";
  static final String ACCOUNT = "000000000000";

  /** Held shared by an operation on some tables, exclusively by one that may change any of the state. */
  final ReentrantReadWriteLock catalog = new ReentrantReadWriteLock();
  final Map<String, Table> tables = new LinkedHashMap<>();
  /** Every stream ever enabled, by ARN; a deleted table's stream stays readable. */
  final Map<String, Stream> streams = new LinkedHashMap<>();
  final ChangeLog changes;
  final Faults faults;
  final ClientRequestTokens clientRequestTokens = new ClientRequestTokens();
  /** The id CreateTable gives its table while a replay repeats one; else null, for a random id. */
  String replayedTableId;

  EngineState(Clock clock, Faults faults) {
    this.changes = new ChangeLog(clock);
    this.faults = faults;
  }

  /** The engine's clock; fixed while the durable engine runs or replays an operation. */
  Clock clock() {
    return changes.clock();
  }

  /**
   * The table called by the request's {@code TableName}, or ResourceNotFoundException. The caller
   * must hold the table's lock or the catalog exclusively: an operation that reaches a table its
   * locks do not cover fails rather than race.
   */
  Table table(String name) {
    return table(name, "Requested resource not found");
  }

  /**
   * {@link #table(String)} for the operations on a table itself (DescribeTable, UpdateTable,
   * DeleteTable), whose ResourceNotFoundException names the table, as DynamoDB's does; the item
   * operations' does not.
   */
  Table namedTable(String name) {
    return table(name, "Requested resource not found: Table: " + name + " not found");
  }

  private Table table(String name, String notFound) {
    Table table = tables.get(name);
    if (table == null) {
      throw DynamoError.notFound(notFound);
    }
    if (!catalog.isWriteLockedByCurrentThread() && !table.lock.isWriteLockedByCurrentThread()
        && table.lock.getReadHoldCount() == 0) {
      throw new IllegalStateException("table " + name + " used without its lock");
    }
    return table;
  }

  /**
   * The keys of table {@code tableName}, or of its index {@code indexName} unless null, as the PartiQL
   * planner reads them ({@link Planner.Schema}); DynamoDB's error when the table is missing.
   */
  Planner.KeyShape keyShape(String tableName, String indexName) {
    Table table = tables.get(tableName);
    if (table == null) {
      throw DynamoError.notFound("Requested resource not found");
    }
    KeySchema key = indexName == null ? table.key : table.index(indexName).key;
    return new Planner.KeyShape(key.partitionKey(), key.partitionType(), key.sortKey(), key.sortType());
  }
}
