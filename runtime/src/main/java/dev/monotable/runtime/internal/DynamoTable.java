package dev.monotable.runtime.internal;

import dev.monotable.runtime.Condition;
import dev.monotable.runtime.Path;
import dev.monotable.runtime.TableBatch;
import dev.monotable.runtime.TableBatchGet;
import dev.monotable.runtime.TableMismatchException;
import dev.monotable.runtime.TableOptions;
import dev.monotable.runtime.Transaction;
import dev.monotable.runtime.TransactionRead;
import dev.monotable.runtime.Migrations;
import dev.monotable.runtime.Repository;
import dev.monotable.runtime.TableCheck;
import dev.monotable.runtime.async.AsyncStreamReader;
import dev.monotable.runtime.async.AsyncTableBatch;
import dev.monotable.runtime.async.AsyncTableBatchGet;
import dev.monotable.runtime.async.AsyncTransaction;
import dev.monotable.runtime.async.AsyncTransactionRead;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputDescription;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsAsyncClient;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbAsyncWaiter;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * One physical table reached through one SDK client: the name requests are sent to, and the
 * operations that do not depend on an entity type. Generated {@code <Table>Table} classes hold one.
 * Thread-safe, as the client is.
 */
public final class DynamoTable {
  private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");

  /** The synchronous client, null for a table opened with an async one. */
  private final DynamoDbClient client;
  /** The async client, null for a table opened with a synchronous one. */
  private final DynamoDbAsyncClient asyncClient;
  private final String name;
  private final TableOptions options;
  private final String timeToLiveAttribute;
  private final Metering metering;
  private final AsyncMetering asyncMetering;

  private DynamoTable(DynamoDbClient client, DynamoDbAsyncClient asyncClient, String name, TableOptions options,
      String timeToLiveAttribute) {
    this.client = client;
    this.asyncClient = asyncClient;
    this.name = name;
    this.options = options;
    this.timeToLiveAttribute = timeToLiveAttribute;
    this.metering = client == null ? null : new Metering(client, name, options.capacityListener());
    this.asyncMetering = asyncClient == null ? null : new AsyncMetering(asyncClient, name, options.capacityListener());
  }

  /**
   * A table of the given name.
   *
   * @throws IllegalArgumentException when the name is not a valid DynamoDB table name (3 to 255 of
   *     {@code a-z A-Z 0-9 _ - .})
   */
  public static DynamoTable of(DynamoDbClient client, String name) {
    return of(client, name, TableOptions.defaults());
  }

  /** A table of the given name, with options. */
  public static DynamoTable of(DynamoDbClient client, String name, TableOptions options) {
    Objects.requireNonNull(client, "client");
    return new DynamoTable(client, null, checkedName(name), Objects.requireNonNull(options, "options"), null);
  }

  /**
   * A table of the given name reached through the SDK's async client, for the generated async
   * tables: its item requests go through {@link #asyncMetering()}; {@link #metering()} and
   * {@link #client()} refuse.
   */
  public static DynamoTable ofAsync(DynamoDbAsyncClient client, String name, TableOptions options) {
    Objects.requireNonNull(client, "client");
    return new DynamoTable(null, client, checkedName(name), Objects.requireNonNull(options, "options"), null);
  }

  private static String checkedName(String name) {
    Objects.requireNonNull(name, "name");
    if (!TABLE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("\"" + name + "\" is not a DynamoDB table name: use 3 to 255"
          + " characters of a-z, A-Z, 0-9, '_', '-' and '.'");
    }
    return name;
  }

  /**
   * This table, whose items expire at the epoch second held in {@code attribute} (the table's
   * time-to-live attribute): items past it are hidden from every read unless the options show them.
   */
  public DynamoTable withTimeToLive(String attribute) {
    return new DynamoTable(client, asyncClient, name, options, Objects.requireNonNull(attribute, "attribute"));
  }

  /**
   * Whether {@code item} has expired and is to be treated as absent: its time-to-live attribute is
   * at or before the clock's epoch second, and the options hide expired items. Every read (gets,
   * queries, scans, batches, collections) and every "is it absent?" condition asks here.
   */
  public boolean expired(Map<String, AttributeValue> item) {
    if (timeToLiveAttribute == null || !options.hidesExpiredItems() || item == null) {
      return false;
    }
    AttributeValue expiry = item.get(timeToLiveAttribute);
    if (expiry == null || expiry.n() == null) {
      return false;
    }
    try {
      return new java.math.BigDecimal(expiry.n()).compareTo(java.math.BigDecimal.valueOf(now())) <= 0;
    } catch (NumberFormatException notANumber) {
      return false;
    }
  }

  private long now() {
    return options.clock().instant().getEpochSecond();
  }

  /**
   * The condition that an item has not expired, as DynamoDB evaluates it; null when nothing
   * expires here (no time-to-live attribute, or expired items shown).
   */
  public Condition notExpired() {
    if (timeToLiveAttribute == null || !options.hidesExpiredItems()) {
      return null;
    }
    Path<Long> expiry = AttributePaths.of(timeToLiveAttribute, AttributeCodecs.LONG);
    return expiry.notExists().or(expiry.gt(now()));
  }

  /** Leaves out the expired items of {@code items}. */
  public List<Map<String, AttributeValue>> live(List<Map<String, AttributeValue>> items) {
    if (timeToLiveAttribute == null || !options.hidesExpiredItems()) {
      return items;
    }
    List<Map<String, AttributeValue>> live = new ArrayList<>(items.size());
    for (Map<String, AttributeValue> item : items) {
      if (!expired(item)) {
        live.add(item);
      }
    }
    return live;
  }

  /**
   * The time-to-live attribute that hides expired items from reads, which a read of some attributes
   * only must read too; null when nothing is hidden.
   */
  public String timeToLiveAttribute() {
    return timeToLiveAttribute == null || !options.hidesExpiredItems() ? null : timeToLiveAttribute;
  }

  /** The table's options. */
  public TableOptions options() {
    return options;
  }

  /**
   * The SDK client, for table operations (create, describe, time to live). Item requests go through
   * {@link #metering()}, which reports their consumed capacity when the options ask for it.
   */
  public DynamoDbClient client() {
    if (client == null) {
      throw new IllegalStateException("table " + name + " was opened with an async client");
    }
    return client;
  }

  /** Where item requests are sent: one method per DynamoDB operation, metered when a listener is set. */
  public Metering metering() {
    if (metering == null) {
      throw new IllegalStateException("table " + name + " was opened with an async client: use asyncMetering()");
    }
    return metering;
  }

  /** Where the item requests of a table opened with an async client are sent. */
  public AsyncMetering asyncMetering() {
    if (asyncMetering == null) {
      throw new IllegalStateException("table " + name + " was opened with a synchronous client: use metering()");
    }
    return asyncMetering;
  }

  /** The async client, for table operations of a table opened with one. */
  public DynamoDbAsyncClient asyncClient() {
    if (asyncClient == null) {
      throw new IllegalStateException("table " + name + " was opened with a synchronous client");
    }
    return asyncClient;
  }

  /** The table name requests are sent to. */
  public String name() {
    return name;
  }

  /**
   * Creates the table from {@code request} (its table name replaced by this table's) unless it
   * exists, then waits until it is active. Calling it again, or while another process creates the
   * same table, is harmless.
   *
   * @return true when this call created the table
   */
  public boolean createIfNotExists(CreateTableRequest request) {
    boolean created = false;
    TableDescription existing = describe();
    if (existing != null) {
      refuseMismatch(existing, request);
      if (existing.tableStatus() == TableStatus.ACTIVE) {
        return false;
      }
    } else {
      try {
        client().createTable(request.toBuilder().tableName(name).build());
        created = true;
      } catch (ResourceInUseException alreadyBeingCreated) {
        // another caller won the race; wait for its table below
      }
    }
    try (DynamoDbWaiter waiter = DynamoDbWaiter.builder().client(client()).build()) {
      waiter.waitUntilTableExists(DescribeTableRequest.builder().tableName(name).build())
          .matched()
          .exception()
          .ifPresent(e -> {
            throw new IllegalStateException("table " + name + " did not become active", e);
          });
    }
    return created;
  }

  /**
   * {@link #createIfNotExists(CreateTableRequest)} through the async client: described, created
   * when absent, and waited for with the SDK's async waiter, without blocking a thread.
   */
  public CompletableFuture<Boolean> createIfNotExistsAsync(CreateTableRequest request) {
    DescribeTableRequest describe = DescribeTableRequest.builder().tableName(name).build();
    CompletableFuture<Boolean> created = asyncClient().describeTable(describe)
        .handle((described, failure) -> {
          if (failure == null) {
            refuseMismatch(described.table(), request);
            return CompletableFuture.completedFuture(false);
          }
          if (!(Futures.cause(failure) instanceof ResourceNotFoundException)) {
            return CompletableFuture.<Boolean>failedFuture(Futures.cause(failure));
          }
          return asyncClient().createTable(request.toBuilder().tableName(name).build())
              .handle((made, refused) -> {
                if (refused != null && !(Futures.cause(refused) instanceof ResourceInUseException)) {
                  throw new CompletionException(Futures.cause(refused));
                }
                return refused == null;
              });
        })
        .thenCompose(next -> next);
    return Futures.unwrapped(created.thenCompose(made -> {
      DynamoDbAsyncWaiter waiter = DynamoDbAsyncWaiter.builder().client(asyncClient()).build();
      return waiter.waitUntilTableExists(describe)
          .whenComplete((done, failure) -> waiter.close())
          .thenApply(done -> {
            done.matched().exception().ifPresent(e -> {
              throw new IllegalStateException("table " + name + " did not become active", e);
            });
            return made;
          });
    }));
  }

  /**
   * {@link #createIfNotExistsAsync(CreateTableRequest)}, then enables time to live on
   * {@code timeToLiveAttribute} unless it is enabled already.
   */
  public CompletableFuture<Boolean> createIfNotExistsAsync(CreateTableRequest request, String timeToLiveAttribute) {
    return Futures.unwrapped(createIfNotExistsAsync(request).thenCompose(created -> asyncClient()
        .describeTimeToLive(b -> b.tableName(name))
        .thenCompose(described -> {
          TimeToLiveStatus status = described.timeToLiveDescription().timeToLiveStatus();
          if (status == TimeToLiveStatus.ENABLED || status == TimeToLiveStatus.ENABLING) {
            return CompletableFuture.completedFuture(created);
          }
          return asyncClient().updateTimeToLive(b -> b.tableName(name).timeToLiveSpecification(
                  TimeToLiveSpecification.builder().attributeName(timeToLiveAttribute).enabled(true).build()))
              .thenApply(updated -> created);
        })));
  }

  /** Throws the first way {@code existing} differs from {@code designed} in what creating it would set. */
  private void refuseMismatch(TableDescription existing, CreateTableRequest designed) {
    List<TableMismatchException> mismatches = new ArrayList<>();
    compareStream(existing, designed.streamSpecification(), mismatches);
    compareBilling(existing, designed, mismatches);
    compareDeletionProtection(existing, designed.deletionProtectionEnabled(), mismatches);
    if (!mismatches.isEmpty()) {
      throw mismatches.get(0);
    }
  }

  /**
   * Describes the table and compares it with {@code designed}, creating and changing nothing: its
   * status ({@link TableCheck#MISSING} when there is none) and every difference: key attributes, a
   * designed index the table lacks, stream, billing, deletion protection.
   */
  public TableCheck check(CreateTableRequest designed) {
    TableDescription existing = describe();
    if (existing == null) {
      return new TableCheck(name, TableCheck.MISSING, List.of());
    }
    return check(existing, designed);
  }

  private TableCheck check(TableDescription existing, CreateTableRequest designed) {
    List<String> differences = new ArrayList<>();
    if (!keys(existing.keySchema()).equals(keys(designed.keySchema()))) {
      differences.add("key schema " + keys(existing.keySchema()) + ", designed " + keys(designed.keySchema()));
    }
    Set<String> indexes = new HashSet<>();
    existing.globalSecondaryIndexes().forEach(index -> indexes.add(index.indexName()));
    existing.localSecondaryIndexes().forEach(index -> indexes.add(index.indexName()));
    designed.globalSecondaryIndexes().stream().map(GlobalSecondaryIndex::indexName).filter(i -> !indexes.contains(i))
        .forEach(missing -> differences.add("no global secondary index " + missing));
    designed.localSecondaryIndexes().stream().map(LocalSecondaryIndex::indexName).filter(i -> !indexes.contains(i))
        .forEach(missing -> differences.add("no local secondary index " + missing));
    List<TableMismatchException> mismatches = new ArrayList<>();
    compareStream(existing, designed.streamSpecification(), mismatches);
    compareBilling(existing, designed, mismatches);
    compareDeletionProtection(existing, designed.deletionProtectionEnabled(), mismatches);
    for (TableMismatchException mismatch : mismatches) {
      differences.add(mismatch.setting() + " " + mismatch.actual() + ", designed " + mismatch.designed());
    }
    return new TableCheck(name, existing.tableStatusAsString(), differences);
  }

  private static List<String> keys(List<KeySchemaElement> schema) {
    return schema.stream().map(key -> key.attributeName() + " " + key.keyTypeAsString()).toList();
  }

  /**
   * {@link #createIfNotExists(CreateTableRequest)}, then enables time to live on
   * {@code timeToLiveAttribute} unless it is enabled already.
   */
  public boolean createIfNotExists(CreateTableRequest request, String timeToLiveAttribute) {
    boolean created = createIfNotExists(request);
    TimeToLiveStatus status = client().describeTimeToLive(b -> b.tableName(name)).timeToLiveDescription()
        .timeToLiveStatus();
    if (status != TimeToLiveStatus.ENABLED && status != TimeToLiveStatus.ENABLING) {
      client().updateTimeToLive(b -> b.tableName(name).timeToLiveSpecification(
          TimeToLiveSpecification.builder().attributeName(timeToLiveAttribute).enabled(true).build()));
    }
    return created;
  }

  private TableDescription describe() {
    try {
      return client().describeTable(DescribeTableRequest.builder().tableName(name).build()).table();
    } catch (ResourceNotFoundException absent) {
      return null;
    }
  }

  /** Refuses an existing table whose stream is not the designed one: that is changed with UpdateTable, by choice. */
  private void compareStream(TableDescription existing, StreamSpecification designed,
      List<TableMismatchException> mismatches) {
    String has = streamSetting(existing.streamSpecification());
    String wanted = streamSetting(designed);
    if (!has.equals(wanted)) {
      mismatches.add(new TableMismatchException(name, "stream", has, wanted));
    }
  }

  private static String streamSetting(StreamSpecification stream) {
    return stream == null || !Boolean.TRUE.equals(stream.streamEnabled()) ? "NONE" : stream.streamViewTypeAsString();
  }

  /**
   * Refuses an existing table billed otherwise than designed: its billing mode and, when both are
   * provisioned, the capacity units of the table and of each designed global index it has. Changing
   * them costs money and is limited per day, so that is UpdateTable's job, by choice.
   */
  private void compareBilling(TableDescription existing, CreateTableRequest designed,
      List<TableMismatchException> mismatches) {
    // DescribeTable may leave BillingModeSummary out for a table that was never on demand; CreateTable
    // without BillingMode is provisioned
    String has = existing.billingModeSummary() == null || existing.billingModeSummary().billingMode() == null
        ? BillingMode.PROVISIONED.toString() : existing.billingModeSummary().billingModeAsString();
    String wanted = designed.billingMode() == null ? BillingMode.PROVISIONED.toString()
        : designed.billingModeAsString();
    if (!has.equals(wanted)) {
      mismatches.add(new TableMismatchException(name, "billing mode", has, wanted));
      return;
    }
    if (!wanted.equals(BillingMode.PROVISIONED.toString())) {
      return;
    }
    compareThroughput("provisioned throughput", existing.provisionedThroughput(), designed.provisionedThroughput(),
        mismatches);
    Map<String, ProvisionedThroughputDescription> indexes = new HashMap<>();
    existing.globalSecondaryIndexes().forEach(index -> indexes.put(index.indexName(), index.provisionedThroughput()));
    for (GlobalSecondaryIndex index : designed.globalSecondaryIndexes()) {
      if (indexes.containsKey(index.indexName())) {
        compareThroughput("provisioned throughput of index " + index.indexName(), indexes.get(index.indexName()),
            index.provisionedThroughput(), mismatches);
      }
    }
  }

  private void compareThroughput(String setting, ProvisionedThroughputDescription has, ProvisionedThroughput wanted,
      List<TableMismatchException> mismatches) {
    String actual = has == null ? "none" : units(has.readCapacityUnits(), has.writeCapacityUnits());
    String designed = wanted == null ? "none" : units(wanted.readCapacityUnits(), wanted.writeCapacityUnits());
    if (!actual.equals(designed)) {
      mismatches.add(new TableMismatchException(name, setting, actual, designed));
    }
  }

  private static String units(Long read, Long write) {
    return read + " read and " + write + " write units";
  }

  /** Refuses an existing table whose deletion protection is not the designed one (UpdateTable turns it on or off). */
  private void compareDeletionProtection(TableDescription existing, Boolean designed,
      List<TableMismatchException> mismatches) {
    boolean has = Boolean.TRUE.equals(existing.deletionProtectionEnabled());
    boolean wanted = Boolean.TRUE.equals(designed);
    if (has != wanted) {
      mismatches.add(new TableMismatchException(name, "deletion protection", has ? "enabled" : "disabled",
          wanted ? "enabled" : "disabled"));
    }
  }

  /**
   * The ARN of the table's latest stream, to read it.
   *
   * @throws IllegalStateException when the table has no stream enabled
   */
  public String streamArn() {
    TableDescription description = client().describeTable(b -> b.tableName(name)).table();
    if (description.latestStreamArn() == null || "NONE".equals(streamSetting(description.streamSpecification()))) {
      throw new IllegalStateException("table " + name + " has no stream enabled");
    }
    return description.latestStreamArn();
  }

  /** {@link #streamArn()} through the async client; the future fails with IllegalStateException without a stream. */
  public CompletableFuture<String> streamArnAsync() {
    return Futures.unwrapped(asyncClient().describeTable(b -> b.tableName(name)).thenApply(described -> {
      TableDescription description = described.table();
      if (description.latestStreamArn() == null || "NONE".equals(streamSetting(description.streamSpecification()))) {
        throw new IllegalStateException("table " + name + " has no stream enabled");
      }
      return description.latestStreamArn();
    }));
  }

  /** A reader of this table's stream through {@code streams}, from {@code start}. */
  public CompletableFuture<AsyncStreamReader> pollAsync(DynamoDbStreamsAsyncClient streams, ShardIteratorType start) {
    return streamArnAsync().thenCompose(arn -> AsyncStreamReader.of(streams, arn, start));
  }

  /**
   * Every item of one partition of the table, in sort-key order, reading page after page: what an
   * item-collection query decodes by the type attribute. Expired items are left out.
   */
  public List<Map<String, AttributeValue>> partition(String partitionAttribute, AttributeValue partitionValue) {
    return partition("collection", partitionAttribute, partitionValue);
  }

  /**
   * Every item of one partition of the table, as {@link #partition(String, AttributeValue)}, for
   * item collection {@code collection} (the name its capacity is reported under).
   */
  public List<Map<String, AttributeValue>> partition(String collection, String partitionAttribute,
      AttributeValue partitionValue) {
    List<Map<String, AttributeValue>> items = Paging.stream((start, unlimited) -> {
      QueryResponse response = queryPartition(collection, partitionAttribute, partitionValue, start, null);
      return new Paging.Fetched<>(response.items(), Paging.next(response.hasLastEvaluatedKey(), response.lastEvaluatedKey()));
    }, null, null).toList();
    return live(items);
  }

  /**
   * One page of an item collection: at most {@code limit} items of one partition in sort-key order
   * (expired ones left out, so a page may hold fewer), from the start or after {@code cursor}, and
   * the cursor of the next page (null after the last). Cursors are bound to {@code pattern} (the
   * collection) and to the partition, and checked as query cursors are.
   *
   * @throws IllegalArgumentException when {@code limit} is below 1
   * @throws dev.monotable.runtime.InvalidCursorException when the cursor is altered, or continues
   *     another collection or partition; nothing is sent
   */
  public PartitionPage partitionPage(String pattern, String partitionAttribute, AttributeValue partitionValue,
      int limit, String cursor) {
    if (limit < 1) {
      throw new IllegalArgumentException("a page of " + pattern + " holds at least 1 item, not " + limit);
    }
    Map<String, AttributeValue> start = cursor == null ? null
        : Cursors.decodePartition(options, pattern, partitionAttribute, partitionValue, cursor);
    QueryResponse response = queryPartition(Metering.patternName(null, pattern), partitionAttribute, partitionValue,
        start, limit);
    Map<String, AttributeValue> next = Paging.next(response.hasLastEvaluatedKey(), response.lastEvaluatedKey());
    return new PartitionPage(live(response.items()), next == null ? null : Cursors.encode(options, pattern, next));
  }

  /** One page of {@link #partitionPage}: the items, and the cursor of the next page (null after the last). */
  public record PartitionPage(List<Map<String, AttributeValue>> items, String cursor) {}

  /** The one query of a whole partition, whatever reads it: collections, whole or by the page. */
  private QueryResponse queryPartition(String collection, String partitionAttribute, AttributeValue partitionValue,
      Map<String, AttributeValue> start, Integer limit) {
    return metering().query(null, collection, partitionRequest(partitionAttribute, partitionValue, start, limit));
  }

  private QueryRequest partitionRequest(String partitionAttribute, AttributeValue partitionValue,
      Map<String, AttributeValue> start, Integer limit) {
    return QueryRequest.builder()
        .tableName(name)
        .keyConditionExpression("#pk = :pk")
        .expressionAttributeNames(Map.of("#pk", partitionAttribute))
        .expressionAttributeValues(Map.of(":pk", partitionValue))
        .exclusiveStartKey(start)
        .limit(limit)
        .build();
  }

  /**
   * {@link #partition(String, String, AttributeValue)} through the async client, page after page, the
   * items handed to {@code collect} (a generated collection's decoder): the future fails with what it
   * throws, as with what DynamoDB answers, unwrapped.
   */
  public <R> CompletableFuture<R> partitionAsync(String collection, String partitionAttribute,
      AttributeValue partitionValue, Function<List<Map<String, AttributeValue>>, R> collect) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    return Futures.mapped(partitionPages(collection, partitionAttribute, partitionValue, null, items),
        done -> collect.apply(live(items)));
  }

  private CompletableFuture<Void> partitionPages(String collection, String partitionAttribute,
      AttributeValue partitionValue, Map<String, AttributeValue> start, List<Map<String, AttributeValue>> items) {
    return asyncMetering().query(null, collection, partitionRequest(partitionAttribute, partitionValue, start, null))
        .thenCompose(response -> {
          items.addAll(response.items());
          Map<String, AttributeValue> next = Paging.next(response.hasLastEvaluatedKey(), response.lastEvaluatedKey());
          return next == null ? CompletableFuture.completedFuture(null)
              : partitionPages(collection, partitionAttribute, partitionValue, next, items);
        });
  }

  /**
   * {@link #partitionPage} through the async client, the page handed to {@code collect}; a bad limit or
   * cursor is refused at once.
   */
  public <R> CompletableFuture<R> partitionPageAsync(String pattern, String partitionAttribute,
      AttributeValue partitionValue, int limit, String cursor, Function<PartitionPage, R> collect) {
    if (limit < 1) {
      throw new IllegalArgumentException("a page of " + pattern + " holds at least 1 item, not " + limit);
    }
    Map<String, AttributeValue> start = cursor == null ? null
        : Cursors.decodePartition(options, pattern, partitionAttribute, partitionValue, cursor);
    return Futures.mapped(asyncMetering().query(null, Metering.patternName(null, pattern),
            partitionRequest(partitionAttribute, partitionValue, start, limit)), response -> {
          Map<String, AttributeValue> next = Paging.next(response.hasLastEvaluatedKey(), response.lastEvaluatedKey());
          return collect.apply(new PartitionPage(live(response.items()),
              next == null ? null : Cursors.encode(options, pattern, next)));
        });
  }

  /** The value of an item's type attribute, or the empty string when it has none. */
  public static String typeOf(Map<String, AttributeValue> item, String typeAttribute) {
    AttributeValue type = item.get(typeAttribute);
    return type == null || type.s() == null ? "" : type.s();
  }

  /** The operations on the items of one entity type in this table, for its generated repository. */
  public <T> EntityStore<T> store(EntitySchema<T> schema) {
    return store(schema, List.of());
  }

  /**
   * The operations on the items of one entity type in this table whose index keys follow
   * {@code indexKeyRules} when updated, for its generated repository.
   */
  public <T> EntityStore<T> store(EntitySchema<T> schema, List<IndexKeyRule> indexKeyRules) {
    return new EntityStore<>(this, schema, indexKeyRules);
  }

  /** A transaction on this table, of up to 100 actions. */
  public Transaction transaction() {
    return new DefaultTransaction(this);
  }

  /** A batch write of items of any entity type of this table. */
  public TableBatch batchWrite() {
    return new DefaultTableBatch(this);
  }

  /** A batch get of items of any entity type of this table. */
  public TableBatchGet batchGet() {
    return new DefaultTableBatchGet(this);
  }

  /** A read transaction on this table, of up to 100 gets. */
  public TransactionRead transactionRead() {
    return new DefaultTransactionRead(this);
  }

  /**
   * What carries this table's items across changes of its design, for the entities of
   * {@code repositories} (the generated table's, by entity class).
   */
  public Migrations migrations(Map<Class<?>, Repository<?>> repositories) {
    return new DefaultMigrations(repositories);
  }

  /** A transaction on this table through the async client. */
  public AsyncTransaction asyncTransaction() {
    return new DefaultAsyncTransaction(this);
  }

  /** A batch write through the async client. */
  public AsyncTableBatch asyncBatchWrite() {
    return new DefaultAsyncTableBatch(this);
  }

  /** A batch get through the async client. */
  public AsyncTableBatchGet asyncBatchGet() {
    return new DefaultAsyncTableBatchGet(this);
  }

  /** A read transaction through the async client. */
  public AsyncTransactionRead asyncTransactionRead() {
    return new DefaultAsyncTransactionRead(this);
  }

  @Override
  public String toString() {
    return "DynamoTable[" + name + "]";
  }
}
