package dev.monotable.runtime;

import dev.monotable.runtime.internal.DynamoTable;
import dev.monotable.runtime.internal.EntitySchema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Get;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Reads of up to 100 items, of any entity types, as one snapshot ({@code TransactGetItems}): no
 * write lands between them, and a write in progress on one of them cancels the read. Each
 * {@code get} returns a handle that holds its entity once {@link #execute()} has run.
 *
 * <pre>{@code
 * TransactionRead read = table.transactionRead();
 * TransactionRead.Result<User> user = read.get(table.users(), UserKeys.primaryKey("ada"));
 * TransactionRead.Result<Order> order = read.get(table.orders(), OrderKeys.primaryKey("ada", date, "o-1"));
 * read.execute();
 * user.value();   // Optional<User>
 * }</pre>
 *
 * <p>Costs twice the read units of consistent gets. An absent item, an expired one, and one of
 * another entity type than its repository's read as empty.
 */
public final class TransactionRead {
  static final int MAX_GETS = 100;

  private final DynamoTable table;
  private final List<Result<?>> results = new ArrayList<>();
  private final Set<Map<String, AttributeValue>> keys = new HashSet<>();

  TransactionRead(DynamoTable table) {
    this.table = table;
  }

  /** The entity read for one key, once the transaction has run. */
  public static final class Result<T> {
    private final EntitySchema<T> schema;
    private final Map<String, AttributeValue> key;
    private Optional<T> value;

    private Result(EntitySchema<T> schema, Map<String, AttributeValue> key) {
      this.schema = schema;
      this.key = key;
    }

    /**
     * The entity, empty when there is no item, it has expired, or it is of another type.
     *
     * @throws IllegalStateException before the transaction has run
     */
    public Optional<T> value() {
      if (value == null) {
        throw new IllegalStateException("the read transaction has not run: call execute() first");
      }
      return value;
    }

    private void decode(Map<String, AttributeValue> item, DynamoTable table) {
      value = item == null || item.isEmpty() || table.expired(item)
          || !schema.holds(item)
          ? Optional.empty() : Optional.of(schema.readAt(key, item));
    }
  }

  /**
   * Adds the read of the item of {@code key} (built with {@code <Entity>Keys.primaryKey}).
   *
   * @throws IllegalStateException when the transaction holds 100 gets already, or one of this key
   *     (DynamoDB refuses two operations on one item); nothing is sent
   */
  public <T> Result<T> get(Repository<T> repository, Map<String, AttributeValue> key) {
    EntitySchema<T> schema = repository.store().schema();
    if (results.size() == MAX_GETS) {
      throw new IllegalStateException("a read transaction holds at most " + MAX_GETS + " gets; the "
          + schema.entityType() + " of key " + key + " would be the " + (MAX_GETS + 1) + "th: split the reads"
          + " (or use batchGet() when they need not be one snapshot)");
    }
    Map<String, AttributeValue> copy = Map.copyOf(key);
    if (!keys.add(copy)) {
      throw new IllegalStateException("two gets of one read transaction on the " + schema.entityType() + " item "
          + key + "; DynamoDB refuses that: read it once");
    }
    Result<T> result = new Result<>(schema, copy);
    results.add(result);
    return result;
  }

  /**
   * Reads every item as one snapshot; with no get added, sends nothing.
   *
   * @throws TransactionFailedException when DynamoDB cancels the read (a conflicting write in
   *     progress, say), with one reason per get in the order they were added
   */
  public void execute() {
    if (results.isEmpty()) {
      return;
    }
    List<TransactGetItem> gets = new ArrayList<>(results.size());
    for (Result<?> result : results) {
      gets.add(TransactGetItem.builder().get(Get.builder().tableName(table.name()).key(result.key).build()).build());
    }
    TransactGetItemsResponse response;
    try {
      response = table.metering().transactGetItems(null, "transactionRead",
          TransactGetItemsRequest.builder().transactItems(gets).build());
    } catch (TransactionCanceledException cancelled) {
      List<TransactionFailedException.Reason> reasons = new ArrayList<>();
      List<CancellationReason> given = cancelled.hasCancellationReasons() ? cancelled.cancellationReasons() : List.of();
      for (int i = 0; i < results.size(); i++) {
        CancellationReason reason = i < given.size() ? given.get(i) : null;
        reasons.add(new TransactionFailedException.Reason(reason == null ? "Unknown" : reason.code(),
            reason == null ? null : reason.message(), null));
      }
      throw new TransactionFailedException("the read transaction was cancelled; nothing was read: "
          + reasons.stream().map(TransactionFailedException.Reason::code).toList(), reasons, cancelled);
    }
    List<ItemResponse> items = response.hasResponses() ? response.responses() : List.of();
    for (int i = 0; i < results.size(); i++) {
      ItemResponse item = i < items.size() ? items.get(i) : null;
      results.get(i).decode(item == null || !item.hasItem() ? null : item.item(), table);
    }
  }
}
