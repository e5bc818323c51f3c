package dev.monotable.runtime.internal;

import dev.monotable.runtime.CapacityListener;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
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
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * {@link Metering} over the SDK's async client: the same requests, the same capacity events and the
 * same translation of DynamoDB's refusals, each answer a future. What fails is read with {@link Futures#cause}:
 * an SDK exception, or Monotable's own for the refusals {@code Metering} translates. Thread-safe,
 * as the client is.
 */
public final class AsyncMetering {
  private static final ReturnConsumedCapacity INDEXES = ReturnConsumedCapacity.INDEXES;

  private final DynamoDbAsyncClient client;
  /** Reports the events; it sends nothing. */
  private final Metering reports;

  AsyncMetering(DynamoDbAsyncClient client, String table, CapacityListener listener) {
    this.client = client;
    this.reports = new Metering(null, table, listener);
  }

  /** Whether a listener is told each request's capacity. */
  public boolean isOn() {
    return reports.isOn();
  }

  /** Sends a GetItem. */
  public CompletableFuture<GetItemResponse> getItem(String entity, String pattern, GetItemRequest request) {
    CompletableFuture<GetItemResponse> sent = !isOn() ? client.getItem(request)
        : client.getItem(request.toBuilder().returnConsumedCapacity(INDEXES).build())
            .thenApply(response -> reports.reported(entity, pattern, response));
    return refused(sent, refusal -> Metering.refusal(entity, "GetItem", refusal));
  }

  /** Sends a PutItem. */
  public CompletableFuture<PutItemResponse> putItem(String entity, String pattern, PutItemRequest request) {
    CompletableFuture<PutItemResponse> sent = !isOn() ? client.putItem(request)
        : client.putItem(request.toBuilder().returnConsumedCapacity(INDEXES).build())
            .thenApply(response -> reports.reported(entity, pattern, response));
    return refused(sent, refusal -> Metering.refusal(entity, "PutItem", refusal));
  }

  /** Sends an UpdateItem. */
  public CompletableFuture<UpdateItemResponse> updateItem(String entity, String pattern, UpdateItemRequest request) {
    CompletableFuture<UpdateItemResponse> sent = !isOn() ? client.updateItem(request)
        : client.updateItem(request.toBuilder().returnConsumedCapacity(INDEXES).build())
            .thenApply(response -> reports.reported(entity, pattern, response));
    return refused(sent, refusal -> Metering.refusal(entity, "UpdateItem", refusal));
  }

  /** Sends a DeleteItem. */
  public CompletableFuture<DeleteItemResponse> deleteItem(String entity, String pattern, DeleteItemRequest request) {
    CompletableFuture<DeleteItemResponse> sent = !isOn() ? client.deleteItem(request)
        : client.deleteItem(request.toBuilder().returnConsumedCapacity(INDEXES).build())
            .thenApply(response -> reports.reported(entity, pattern, response));
    return refused(sent, refusal -> Metering.refusal(entity, "DeleteItem", refusal));
  }

  /** Sends a Query (one page). */
  public CompletableFuture<QueryResponse> query(String entity, String pattern, QueryRequest request) {
    CompletableFuture<QueryResponse> sent = !isOn() ? client.query(request)
        : client.query(request.toBuilder().returnConsumedCapacity(INDEXES).build())
            .thenApply(response -> reports.reported(entity, pattern, request, response));
    return refused(sent, refusal -> Metering.refusal(entity, "Query", refusal));
  }

  /** Sends a Scan (one page). */
  public CompletableFuture<ScanResponse> scan(String entity, String pattern, ScanRequest request) {
    CompletableFuture<ScanResponse> sent = !isOn() ? client.scan(request)
        : client.scan(request.toBuilder().returnConsumedCapacity(INDEXES).build())
            .thenApply(response -> reports.reported(entity, pattern, request, response));
    return refused(sent, refusal -> Metering.refusal(entity, "Scan", refusal));
  }

  /** Sends a BatchGetItem (one attempt). */
  public CompletableFuture<BatchGetItemResponse> batchGetItem(String entity, String pattern,
      BatchGetItemRequest request) {
    CompletableFuture<BatchGetItemResponse> sent = !isOn() ? client.batchGetItem(request)
        : client.batchGetItem(request.toBuilder().returnConsumedCapacity(INDEXES).build())
            .thenApply(response -> reports.reported(entity, pattern, response));
    return refused(sent, refusal -> Metering.refusal(entity, "BatchGetItem", refusal));
  }

  /** Sends a BatchWriteItem (one attempt). */
  public CompletableFuture<BatchWriteItemResponse> batchWriteItem(String entity, String pattern,
      BatchWriteItemRequest request) {
    CompletableFuture<BatchWriteItemResponse> sent = !isOn() ? client.batchWriteItem(request)
        : client.batchWriteItem(request.toBuilder().returnConsumedCapacity(INDEXES).build())
            .thenApply(response -> reports.reported(entity, pattern, request, response));
    return refused(sent, refusal -> Metering.refusal(entity, "BatchWriteItem", refusal));
  }

  /** Sends a TransactWriteItems. */
  public CompletableFuture<TransactWriteItemsResponse> transactWriteItems(String entity, String pattern,
      TransactWriteItemsRequest request) {
    CompletableFuture<TransactWriteItemsResponse> sent = !isOn() ? client.transactWriteItems(request)
        : client.transactWriteItems(request.toBuilder().returnConsumedCapacity(INDEXES).build())
            .thenApply(response -> reports.reported(entity, pattern, request, response));
    return refused(sent, refusal -> Metering.transactionRefusal(entity, request, refusal));
  }

  /** Sends a TransactGetItems. */
  public CompletableFuture<TransactGetItemsResponse> transactGetItems(String entity, String pattern,
      TransactGetItemsRequest request) {
    CompletableFuture<TransactGetItemsResponse> sent = !isOn() ? client.transactGetItems(request)
        : client.transactGetItems(request.toBuilder().returnConsumedCapacity(INDEXES).build())
            .thenApply(response -> reports.reported(entity, pattern, response));
    return refused(sent, refusal -> Metering.refusal(entity, "TransactGetItems", refusal));
  }

  /** {@code sent}, failing with what {@code translation} makes of DynamoDB's refusal. */
  private static <R> CompletableFuture<R> refused(CompletableFuture<R> sent,
      Function<DynamoDbException, RuntimeException> translation) {
    return Futures.mapFailure(sent, failure -> failure instanceof DynamoDbException refusal
        ? translation.apply(refusal) : failure);
  }
}
