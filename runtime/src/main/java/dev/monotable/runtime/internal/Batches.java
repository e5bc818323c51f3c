package dev.monotable.runtime.internal;

import dev.monotable.runtime.BatchIncompleteException;
import dev.monotable.runtime.Read;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Batch reads and writes of one entity type: chunked to DynamoDB's limits (100 keys a read, 25
 * writes and 16 MB a write), with what DynamoDB leaves unprocessed retried after capped exponential
 * backoff with full jitter, and a {@link BatchIncompleteException} carrying exactly the rest once
 * the attempts run out.
 */
public final class Batches {
  public static final int MAX_GET_KEYS = 100;
  public static final int MAX_WRITES = 25;
  public static final long MAX_WRITE_BYTES = 16L * 1024 * 1024;
  public static final int ATTEMPTS = 8;

  private Batches() {}

  /** The items of {@code keys}, in the order asked (absent ones empty); duplicate keys are read once. */
  public static <T> List<Optional<T>> get(EntityStore<T> store, List<Map<String, AttributeValue>> keys) {
    return get(store, keys, Read.eventual());
  }

  /**
   * The items of {@code keys} read as {@code read} says (strongly consistent, some attributes only),
   * in the order asked; duplicate keys are read once.
   */
  public static <T> List<Optional<T>> get(EntityStore<T> store, List<Map<String, AttributeValue>> keys, Read read) {
    KeyMaps.checkBatch(store.schema().entityType(), keys);
    Map<String, String> names = new HashMap<>();
    String projection = read.projection().isEmpty() ? null
        : Projections.render(read.projection(), store.readAlways(), names);
    return results(store, keys, fetch(store.schema().entityType(), "batchGet", store.table(),
        store.schema().keyAttributes(), keys, read.isConsistent(), projection, names));
  }

  /** {@link #get(EntityStore, List, Read)} through the async client. */
  static <T> CompletableFuture<List<Optional<T>>> getAsync(EntityStore<T> store, List<Map<String, AttributeValue>> keys,
      Read read) {
    KeyMaps.checkBatch(store.schema().entityType(), keys);
    Map<String, String> names = new HashMap<>();
    String projection = read.projection().isEmpty() ? null
        : Projections.render(read.projection(), store.readAlways(), names);
    return fetchAsync(store.schema().entityType(), "batchGet", store.table(), store.schema().keyAttributes(), keys,
        read.isConsistent(), projection, names).thenApply(found -> results(store, keys, found));
  }

  /** The entities found for {@code keys}, in their order. */
  private static <T> List<Optional<T>> results(EntityStore<T> store, List<Map<String, AttributeValue>> keys,
      Map<Map<String, AttributeValue>, Map<String, AttributeValue>> found) {
    List<Optional<T>> results = new ArrayList<>(keys.size());
    for (Map<String, AttributeValue> key : keys) {
      Map<String, AttributeValue> item = found.get(key);
      results.add(item == null || store.expired(item) ? Optional.empty() : Optional.of(store.readAt(key, item)));
    }
    return results;
  }

  /**
   * The items found for {@code keys}, by key: read in chunks of 100 with unprocessed keys retried;
   * every chunk is tried, then a {@link BatchIncompleteException} names the keys still unread.
   */
  public static Map<Map<String, AttributeValue>, Map<String, AttributeValue>> fetch(
      DynamoTable dynamoTable, List<String> keyAttributes, List<Map<String, AttributeValue>> keys,
      boolean consistentRead) {
    return fetch(dynamoTable, keyAttributes, keys, consistentRead, null, Map.of());
  }

  /**
   * {@link #fetch(DynamoTable, List, List, boolean)} reading only the attributes of
   * {@code projection} (null: whole items), whose name placeholders are {@code names}; the
   * projection must hold the key attributes.
   */
  public static Map<Map<String, AttributeValue>, Map<String, AttributeValue>> fetch(
      DynamoTable dynamoTable, List<String> keyAttributes, List<Map<String, AttributeValue>> keys,
      boolean consistentRead, String projection, Map<String, String> names) {
    return fetch(null, "batchGet", dynamoTable, keyAttributes, keys, consistentRead, projection, names);
  }

  /**
   * {@link #fetch(DynamoTable, List, List, boolean, String, Map)} for the items of {@code entity}
   * (null across entity types) read for {@code pattern}, the names their capacity is reported under.
   */
  public static Map<Map<String, AttributeValue>, Map<String, AttributeValue>> fetch(String entity, String pattern,
      DynamoTable dynamoTable, List<String> keyAttributes, List<Map<String, AttributeValue>> keys,
      boolean consistentRead, String projection, Map<String, String> names) {
    String table = dynamoTable.name();
    KeyMaps.checkKeys("keys read from table " + table, keys);
    List<Map<String, AttributeValue>> distinct = new ArrayList<>(new LinkedHashSet<>(keys));
    Map<Map<String, AttributeValue>, Map<String, AttributeValue>> found = new HashMap<>();
    List<Map<String, AttributeValue>> failed = new ArrayList<>();
    for (int from = 0; from < distinct.size(); from += MAX_GET_KEYS) {
      List<Map<String, AttributeValue>> pending = distinct.subList(from, Math.min(distinct.size(), from + MAX_GET_KEYS));
      for (int attempt = 1; !pending.isEmpty(); attempt++) {
        if (attempt > ATTEMPTS) {
          failed.addAll(pending);  // the other chunks are still read; the exception then names these
          break;
        }
        if (attempt > 1) {
          Backoff.sleep(attempt - 1);
        }
        BatchGetItemResponse response = dynamoTable.metering().batchGetItem(entity, pattern,
            readRequest(table, pending, consistentRead, projection, names));
        pending = received(response, table, keyAttributes, found);
      }
    }
    if (!failed.isEmpty()) {
      throw new BatchIncompleteException("keys", table, failed, ATTEMPTS);
    }
    return found;
  }

  /**
   * {@link #fetch(String, String, DynamoTable, List, List, boolean, String, Map)} through the async
   * client: the chunks one after another, each retry after a scheduled back-off.
   */
  static CompletableFuture<Map<Map<String, AttributeValue>, Map<String, AttributeValue>>> fetchAsync(String entity,
      String pattern, DynamoTable dynamoTable, List<String> keyAttributes, List<Map<String, AttributeValue>> keys,
      boolean consistentRead, String projection, Map<String, String> names) {
    String table = dynamoTable.name();
    KeyMaps.checkKeys("keys read from table " + table, keys);
    List<Map<String, AttributeValue>> distinct = new ArrayList<>(new LinkedHashSet<>(keys));
    Map<Map<String, AttributeValue>, Map<String, AttributeValue>> found = new ConcurrentHashMap<>();
    List<Map<String, AttributeValue>> failed = Collections.synchronizedList(new ArrayList<>());
    CompletableFuture<Void> chunks = CompletableFuture.completedFuture(null);
    for (int from = 0; from < distinct.size(); from += MAX_GET_KEYS) {
      List<Map<String, AttributeValue>> chunk = distinct.subList(from, Math.min(distinct.size(), from + MAX_GET_KEYS));
      chunks = chunks.thenCompose(previous -> retried(chunk, failed, 1, pending -> dynamoTable.asyncMetering()
          .batchGetItem(entity, pattern, readRequest(table, pending, consistentRead, projection, names))
          .thenApply(response -> received(response, table, keyAttributes, found))));
    }
    return chunks.thenApply(done -> {
      if (!failed.isEmpty()) {
        throw new BatchIncompleteException("keys", table, List.copyOf(failed), ATTEMPTS);
      }
      return found;
    });
  }

  /**
   * Sends {@code pending} by {@code attempt} and what it leaves unprocessed again, after a scheduled
   * back-off, until nothing is left or the attempts run out; what is then left joins {@code failed}.
   */
  private static <W> CompletableFuture<Void> retried(List<W> pending, List<W> failed, int attempt,
      Function<List<W>, CompletableFuture<List<W>>> send) {
    if (pending.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    if (attempt > ATTEMPTS) {
      failed.addAll(pending);
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<Void> wait = attempt > 1 ? Backoff.after(attempt - 1) : CompletableFuture.completedFuture(null);
    return wait.thenCompose(waited -> send.apply(pending))
        .thenCompose(unprocessed -> retried(unprocessed, failed, attempt + 1, send));
  }

  private static BatchGetItemRequest readRequest(String table, List<Map<String, AttributeValue>> keys,
      boolean consistentRead, String projection, Map<String, String> names) {
    KeysAndAttributes.Builder read = KeysAndAttributes.builder().keys(keys).consistentRead(consistentRead);
    if (projection != null) {
      read.projectionExpression(projection).expressionAttributeNames(names);
    }
    return BatchGetItemRequest.builder().requestItems(Map.of(table, read.build())).build();
  }

  /** Adds the items read to {@code found}, by key; returns the keys left unprocessed. */
  private static List<Map<String, AttributeValue>> received(BatchGetItemResponse response, String table,
      List<String> keyAttributes, Map<Map<String, AttributeValue>, Map<String, AttributeValue>> found) {
    for (Map<String, AttributeValue> item : response.responses().getOrDefault(table, List.of())) {
      found.put(keyOf(item, keyAttributes), item);
    }
    KeysAndAttributes unprocessed = response.unprocessedKeys().get(table);
    return unprocessed == null ? List.of() : unprocessed.keys();
  }

  /**
   * Writes every item; two items with one key in a batch are refused before anything is sent, as
   * DynamoDB would refuse them, and it could not tell which one was meant.
   */
  public static <T> void put(EntityStore<T> store, List<Map<String, AttributeValue>> items) {
    write(store.schema().entityType(), "batchPut", store.table(), putWrites(store, items), "items",
        item -> store.schema().fromItem(item));
  }

  /** {@link #put(EntityStore, List)} through the async client. */
  static <T> CompletableFuture<Void> putAsync(EntityStore<T> store, List<Map<String, AttributeValue>> items) {
    return writeAsync(store.schema().entityType(), "batchPut", store.table(), putWrites(store, items), "items",
        item -> store.schema().fromItem(item));
  }

  private static <T> List<WriteRequest> putWrites(EntityStore<T> store, List<Map<String, AttributeValue>> items) {
    List<String> keyAttributes = store.schema().keyAttributes();
    Set<Map<String, AttributeValue>> seen = new LinkedHashSet<>();
    List<WriteRequest> writes = new ArrayList<>();
    for (Map<String, AttributeValue> item : items) {
      Map<String, AttributeValue> key = keyOf(item, keyAttributes);
      if (!seen.add(key)) {
        throw new IllegalArgumentException("two " + store.schema().entityType() + " items of one batch have the key "
            + key + "; nothing was sent");
      }
      writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
    }
    return writes;
  }

  /** Deletes every key; a key given twice is deleted once. */
  public static <T> void delete(EntityStore<T> store, List<Map<String, AttributeValue>> keys) {
    write(store.schema().entityType(), "batchDelete", store.table(), deleteWrites(store, keys), "deletes", null);
  }

  /** {@link #delete(EntityStore, List)} through the async client. */
  static <T> CompletableFuture<Void> deleteAsync(EntityStore<T> store, List<Map<String, AttributeValue>> keys) {
    return writeAsync(store.schema().entityType(), "batchDelete", store.table(), deleteWrites(store, keys), "deletes",
        null);
  }

  private static <T> List<WriteRequest> deleteWrites(EntityStore<T> store, List<Map<String, AttributeValue>> keys) {
    KeyMaps.checkBatch(store.schema().entityType(), keys);
    List<WriteRequest> writes = new ArrayList<>();
    for (Map<String, AttributeValue> key : new LinkedHashSet<>(keys)) {
      writes.add(WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key).build()).build());
    }
    return writes;
  }

  /**
   * Writes the requests in chunks, retrying what is unprocessed; every chunk is tried. The puts
   * still unprocessed at the end are handed back decoded by {@code decoder} (when given).
   */
  public static void write(DynamoTable dynamoTable, List<WriteRequest> writes, String what,
      Function<Map<String, AttributeValue>, Object> decoder) {
    write(null, "batchWrite", dynamoTable, writes, what, decoder);
  }

  /**
   * {@link #write(DynamoTable, List, String, Function)} of the items of
   * {@code entity} (null across entity types) for {@code pattern}, the names their capacity is
   * reported under.
   */
  public static void write(String entity, String pattern, DynamoTable dynamoTable, List<WriteRequest> writes,
      String what, Function<Map<String, AttributeValue>, Object> decoder) {
    String table = dynamoTable.name();
    List<WriteRequest> failed = new ArrayList<>();
    for (List<WriteRequest> chunk : chunks(writes)) {
      List<WriteRequest> pending = chunk;
      for (int attempt = 1; !pending.isEmpty(); attempt++) {
        if (attempt > ATTEMPTS) {
          failed.addAll(pending);  // the other chunks are still written; the exception then names these
          break;
        }
        if (attempt > 1) {
          Backoff.sleep(attempt - 1);
        }
        BatchWriteItemResponse response = dynamoTable.metering().batchWriteItem(entity, pattern,
            BatchWriteItemRequest.builder().requestItems(Map.of(table, pending)).build());
        pending = response.unprocessedItems().getOrDefault(table, List.of());
      }
    }
    if (!failed.isEmpty()) {
      throw incomplete(table, failed, what, decoder);
    }
  }

  /**
   * {@link #write(String, String, DynamoTable, List, String, Function)} through the async client: the
   * chunks one after another, each retry after a scheduled back-off.
   */
  static CompletableFuture<Void> writeAsync(String entity, String pattern, DynamoTable dynamoTable,
      List<WriteRequest> writes, String what, Function<Map<String, AttributeValue>, Object> decoder) {
    String table = dynamoTable.name();
    List<WriteRequest> failed = Collections.synchronizedList(new ArrayList<>());
    CompletableFuture<Void> chunks = CompletableFuture.completedFuture(null);
    for (List<WriteRequest> chunk : chunks(writes)) {
      chunks = chunks.thenCompose(previous -> retried(chunk, failed, 1, pending -> dynamoTable.asyncMetering()
          .batchWriteItem(entity, pattern, BatchWriteItemRequest.builder().requestItems(Map.of(table, pending)).build())
          .thenApply(response -> response.unprocessedItems().getOrDefault(table, List.of()))));
    }
    return chunks.thenApply(done -> {
      if (!failed.isEmpty()) {
        throw incomplete(table, List.copyOf(failed), what, decoder);
      }
      return null;
    });
  }

  /** The writes in requests of at most 25 writes and 16 MB. */
  private static List<List<WriteRequest>> chunks(List<WriteRequest> writes) {
    List<List<WriteRequest>> chunks = new ArrayList<>();
    int from = 0;
    while (from < writes.size()) {
      int to = from;
      long bytes = 0;
      while (to < writes.size() && to - from < MAX_WRITES) {
        long size = size(writes.get(to));
        if (to > from && bytes + size > MAX_WRITE_BYTES) {
          break;
        }
        bytes += size;
        to++;
      }
      chunks.add(writes.subList(from, to));
      from = to;
    }
    return chunks;
  }

  /** The exception naming the writes still unprocessed, the puts' items decoded by {@code decoder} (when given). */
  private static BatchIncompleteException incomplete(String table, List<WriteRequest> failed, String what,
      Function<Map<String, AttributeValue>, Object> decoder) {
    List<Object> entities = new ArrayList<>();
    for (WriteRequest write : failed) {
      if (write.putRequest() != null && decoder != null) {
        entities.add(decoder.apply(write.putRequest().item()));
      }
    }
    return new BatchIncompleteException(what, table, contents(failed), entities, ATTEMPTS);
  }

  private static long size(WriteRequest write) {
    return write.putRequest() != null ? ItemSize.of(write.putRequest().item()) : ItemSize.of(write.deleteRequest().key());
  }

  private static List<Map<String, AttributeValue>> contents(List<WriteRequest> writes) {
    List<Map<String, AttributeValue>> contents = new ArrayList<>();
    for (WriteRequest write : writes) {
      contents.add(write.putRequest() != null ? write.putRequest().item() : write.deleteRequest().key());
    }
    return contents;
  }

  private static Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item, List<String> attributes) {
    Map<String, AttributeValue> key = new LinkedHashMap<>();
    for (String attribute : attributes) {
      key.put(attribute, item.get(attribute));
    }
    return key;
  }
}
