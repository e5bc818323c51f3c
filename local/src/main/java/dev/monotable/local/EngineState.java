package dev.monotable.local;

import dev.monotable.local.value.DynamoError;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the engine's operations share: the tables, the streams, the change log (which holds the
 * clock), the injected faults and the transactions' client request tokens. The engine makes one and
 * hands it to each operation class ({@link Operations}); they read and change it only under the
 * engine's lock, so nothing here is thread-safe by itself ({@link Faults} is). A snapshot of the
 * durable engine ({@link DurableEngineState}) is this state written out.
 */
final class EngineState {
  /** The region and account that the engine's ARNs name. */
  static final String REGION = "us-east-1";
  static final String ACCOUNT = "000000000000";

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

  /** The table called by the request's {@code TableName}, or ResourceNotFoundException. */
  Table table(String name) {
    Table table = tables.get(name);
    if (table == null) {
      throw DynamoError.notFound("Requested resource not found: Table: " + name + " not found");
    }
    return table;
  }
}
