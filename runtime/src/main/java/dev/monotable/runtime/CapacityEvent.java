package dev.monotable.runtime;

import java.util.List;
import java.util.Objects;

/**
 * The capacity one request to DynamoDB consumed, and what the request was for. One event is given
 * per request: a query read page by page gives one event per page, and a batch whose unprocessed
 * items are retried gives one per attempt.
 *
 * <pre>{@code
 * CapacityEvent[table=AppData, entity=Order, operation=Query, pattern=ordersOfUser, index=null,
 *               readUnits=9.5, writeUnits=0.0, items=25, pages=1, byIndex=[IndexUnits[index=null, ...]]]
 * }</pre>
 *
 * @param table the table name the request was sent to
 * @param entity the entity type (its type-attribute value, such as {@code Order}); null for a
 *     request across entity types: an item collection, a table batch, a transaction
 * @param operation the DynamoDB operation: {@code GetItem}, {@code PutItem}, {@code UpdateItem},
 *     {@code DeleteItem}, {@code Query}, {@code Scan}, {@code BatchGetItem}, {@code BatchWriteItem},
 *     {@code TransactWriteItems} or {@code TransactGetItems}
 * @param pattern what the request was for: the access-pattern name for queries ({@code ordersOfUser});
 *     the collection name for an item collection; otherwise the repository or table method:
 *     {@code get}, {@code put}, {@code update}, {@code upsert}, {@code delete}, {@code batchGet},
 *     {@code batchPut}, {@code batchDelete}, {@code batchWrite}, {@code scanAll}, {@code transaction}
 * @param index the secondary index the request read (a query or scan of an index); null for the table
 * @param readUnits the read capacity units consumed, on the table and its indexes together (on-demand
 *     tables bill as many read request units)
 * @param writeUnits the write capacity units consumed, on the table and every index the write
 *     changed (write request units, on demand)
 * @param items the items a read returned (for a query or scan, after its filter); for a write,
 *     the items it wrote or deleted (a delete of an absent item counts: it is billed)
 * @param pages the pages read: 1, as every event is one request
 * @param byIndex where the units were consumed: the table (index null) and each secondary index,
 *     leaving out those that consumed nothing
 */
public record CapacityEvent(String table, String entity, String operation, String pattern, String index,
    double readUnits, double writeUnits, int items, int pages, List<IndexUnits> byIndex) {

  /** Checks the names and copies {@code byIndex}. */
  public CapacityEvent {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(pattern, "pattern");
    byIndex = List.copyOf(byIndex);
  }

  /**
   * The units one request consumed on the table itself or on one of its secondary indexes.
   *
   * @param index the secondary index; null for the table
   * @param readUnits read capacity units
   * @param writeUnits write capacity units
   */
  public record IndexUnits(String index, double readUnits, double writeUnits) {}
}
