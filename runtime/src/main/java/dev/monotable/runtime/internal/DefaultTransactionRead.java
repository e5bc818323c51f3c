package dev.monotable.runtime.internal;

import dev.monotable.runtime.TransactionRead.Result;
import dev.monotable.runtime.Repository;
import dev.monotable.runtime.TransactionFailedException;
import dev.monotable.runtime.TransactionRead;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Get;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The implementation of {@link TransactionRead}.
 */
public final class DefaultTransactionRead implements TransactionRead {
  static final int MAX_GETS = 100;

  private final DynamoTable table;
  private final List<ReadHandle<?>> results = new ArrayList<>();
  private final Set<Map<String, AttributeValue>> keys = new HashSet<>();

  DefaultTransactionRead(DynamoTable table) {
    this.table = table;
  }

  @Override
  public <T> Result<T> get(Repository<T> repository, Map<String, AttributeValue> key) {
    return get(AbstractRepository.storeOf(repository).schema(), key);
  }

  /** Adds the read of the item of {@code key}, decoded with {@code schema}. */
  <T> Result<T> get(EntitySchema<T> schema, Map<String, AttributeValue> key) {
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
    ReadHandle<T> result = new ReadHandle<>(schema, copy, "the read transaction");
    results.add(result);
    return result;
  }

  @Override
  public void execute() {
    if (results.isEmpty()) {
      return;
    }
    TransactGetItemsResponse response;
    try {
      response = table.metering().transactGetItems(null, "transactionRead", request());
    } catch (TransactionCanceledException cancelled) {
      throw failed(cancelled);
    }
    received(response);
  }

  /** {@link #execute()} through the async client. */
  CompletableFuture<Void> executeAsync() {
    if (results.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    return Futures.mapFailure(table.asyncMetering().transactGetItems(null, "transactionRead", request()),
            failure -> failure instanceof TransactionCanceledException cancelled ? failed(cancelled) : failure)
        .thenAccept(this::received);
  }

  private TransactGetItemsRequest request() {
    List<TransactGetItem> gets = new ArrayList<>(results.size());
    for (ReadHandle<?> result : results) {
      gets.add(TransactGetItem.builder().get(Get.builder().tableName(table.name()).key(result.key()).build()).build());
    }
    return TransactGetItemsRequest.builder().transactItems(gets).build();
  }

  private TransactionFailedException failed(TransactionCanceledException cancelled) {
    List<TransactionFailedException.Reason> reasons = new ArrayList<>();
    List<CancellationReason> given = cancelled.hasCancellationReasons() ? cancelled.cancellationReasons() : List.of();
    for (int i = 0; i < results.size(); i++) {
      CancellationReason reason = i < given.size() ? given.get(i) : null;
      reasons.add(new TransactionFailedException.Reason(reason == null ? "Unknown" : reason.code(),
          reason == null ? null : reason.message(), null));
    }
    return new TransactionFailedException("the read transaction was cancelled; nothing was read: "
        + reasons.stream().map(TransactionFailedException.Reason::code).toList(), reasons, cancelled);
  }

  private void received(TransactGetItemsResponse response) {
    List<ItemResponse> items = response.hasResponses() ? response.responses() : List.of();
    for (int i = 0; i < results.size(); i++) {
      ItemResponse item = i < items.size() ? items.get(i) : null;
      results.get(i).decode(item == null || !item.hasItem() ? null : item.item(), table);
    }
  }
}
