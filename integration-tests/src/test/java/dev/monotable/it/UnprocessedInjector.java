package dev.monotable.it;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Makes DynamoDB Local behave as DynamoDB under pressure: for the next {@code rounds} batch calls it
 * withholds the second half of each request from the server (so those writes or reads really do not
 * happen) and returns them as {@code UnprocessedItems}/{@code UnprocessedKeys}, as DynamoDB does.
 */
final class UnprocessedInjector implements ExecutionInterceptor {
  private static final ExecutionAttribute<Map<String, List<WriteRequest>>> HELD_WRITES =
      new ExecutionAttribute<>("monotable.heldWrites");
  private static final ExecutionAttribute<Map<String, List<Map<String, AttributeValue>>>> HELD_KEYS =
      new ExecutionAttribute<>("monotable.heldKeys");

  final AtomicInteger rounds = new AtomicInteger();
  /** Withhold every request item (a sentinel item stands in for them, as a request cannot be empty). */
  volatile boolean withholdAll;
  final AtomicInteger batchCalls = new AtomicInteger();

  /** The stand-in item of a withheld request: a partition of its own, of no entity type. */
  static final Map<String, AttributeValue> SENTINEL = Map.of(
      "PK", AttributeValue.fromS("INJECTOR"), "SK", AttributeValue.fromS("SENTINEL"));

  @Override
  public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
    SdkRequest request = context.request();
    if (request instanceof BatchWriteItemRequest write) {
      batchCalls.incrementAndGet();
      if (rounds.getAndDecrement() <= 0) {
        return request;
      }
      Map<String, List<WriteRequest>> kept = new HashMap<>();
      Map<String, List<WriteRequest>> held = new HashMap<>();
      write.requestItems().forEach((table, writes) -> {
        if (withholdAll) {
          kept.put(table, List.of(WriteRequest.builder().putRequest(p -> p.item(SENTINEL)).build()));
          held.put(table, new ArrayList<>(writes));
          return;
        }
        int keep = Math.max(1, writes.size() / 2);
        kept.put(table, writes.subList(0, keep));
        if (keep < writes.size()) {
          held.put(table, new ArrayList<>(writes.subList(keep, writes.size())));
        }
      });
      attributes.putAttribute(HELD_WRITES, held);
      return write.toBuilder().requestItems(kept).build();
    }
    if (request instanceof BatchGetItemRequest get) {
      batchCalls.incrementAndGet();
      if (rounds.getAndDecrement() <= 0) {
        return request;
      }
      Map<String, KeysAndAttributes> kept = new HashMap<>();
      Map<String, List<Map<String, AttributeValue>>> held = new HashMap<>();
      get.requestItems().forEach((table, keys) -> {
        int keep = Math.max(1, keys.keys().size() / 2);
        kept.put(table, keys.toBuilder().keys(keys.keys().subList(0, keep)).build());
        if (keep < keys.keys().size()) {
          held.put(table, new ArrayList<>(keys.keys().subList(keep, keys.keys().size())));
        }
      });
      attributes.putAttribute(HELD_KEYS, held);
      return get.toBuilder().requestItems(kept).build();
    }
    return request;
  }

  @Override
  public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
    SdkResponse response = context.response();
    Map<String, List<WriteRequest>> heldWrites = attributes.getAttribute(HELD_WRITES);
    if (response instanceof BatchWriteItemResponse write && heldWrites != null && !heldWrites.isEmpty()) {
      Map<String, List<WriteRequest>> unprocessed = new HashMap<>(write.unprocessedItems());
      heldWrites.forEach((table, writes) -> unprocessed.merge(table, writes, (a, b) -> {
        List<WriteRequest> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
      }));
      return write.toBuilder().unprocessedItems(unprocessed).build();
    }
    Map<String, List<Map<String, AttributeValue>>> heldKeys = attributes.getAttribute(HELD_KEYS);
    if (response instanceof BatchGetItemResponse get && heldKeys != null && !heldKeys.isEmpty()) {
      Map<String, KeysAndAttributes> unprocessed = new HashMap<>(get.unprocessedKeys());
      heldKeys.forEach((table, keys) -> unprocessed.put(table, KeysAndAttributes.builder().keys(keys).build()));
      return get.toBuilder().unprocessedKeys(unprocessed).build();
    }
    return response;
  }
}
