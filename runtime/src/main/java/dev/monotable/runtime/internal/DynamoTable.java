package dev.monotable.runtime.internal;

import dev.monotable.runtime.Condition;
import dev.monotable.runtime.Path;
import dev.monotable.runtime.TableBatch;
import dev.monotable.runtime.TableBatchGet;
import dev.monotable.runtime.TableMismatchException;
import dev.monotable.runtime.TableOptions;
import dev.monotable.runtime.Transaction;
import dev.monotable.runtime.TransactionRead;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputDescription;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * One physical table reached through one SDK client: the name requests are sent to, and the
 * operations that do not depend on an entity type. Generated {@code <Table>Table} classes hold one.
 * Thread-safe, as the client is.
 */
public final class DynamoTable {
  private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");

  private final DynamoDbClient client;
  private final String name;
  private final TableOptions options;
  private final String timeToLiveAttribute;
  private final Metering metering;

  private DynamoTable(DynamoDbClient client, String name, TableOptions options, String timeToLiveAttribute) {
    this.client = client;
    this.name = name;
    this.options = options;
    this.timeToLiveAttribute = timeToLiveAttribute;
    this.metering = new Metering(client, name, options.capacityListener());
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
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(name, "name");
    if (!TABLE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("\"" + name + "\" is not a DynamoDB table name: use 3 to 255"
          + " characters of a-z, A-Z, 0-9, '_', '-' and '.'");
    }
    return new DynamoTable(client, name, options, null);
  }

  /**
   * This table, whose items expire at the epoch second held in {@code attribute} (the table's
   * time-to-live attribute): items past it are hidden from every read unless the options show them.
   */
  public DynamoTable withTimeToLive(String attribute) {
    return new DynamoTable(client, name, options, Objects.requireNonNull(attribute, "attribute"));
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
    return client;
  }

  /** Where item requests are sent: one method per DynamoDB operation, metered when a listener is set. */
  public Metering metering() {
    return metering;
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
      compareStream(existing, request.streamSpecification());
      compareBilling(existing, request);
      compareDeletionProtection(existing, request.deletionProtectionEnabled());
      if (existing.tableStatus() == TableStatus.ACTIVE) {
        return false;
      }
    } else {
      try {
        client.createTable(request.toBuilder().tableName(name).build());
        created = true;
      } catch (ResourceInUseException alreadyBeingCreated) {
        // another caller won the race; wait for its table below
      }
    }
    try (DynamoDbWaiter waiter = DynamoDbWaiter.builder().client(client).build()) {
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
   * {@link #createIfNotExists(CreateTableRequest)}, then enables time to live on
   * {@code timeToLiveAttribute} unless it is enabled already.
   */
  public boolean createIfNotExists(CreateTableRequest request, String timeToLiveAttribute) {
    boolean created = createIfNotExists(request);
    TimeToLiveStatus status = client.describeTimeToLive(b -> b.tableName(name)).timeToLiveDescription()
        .timeToLiveStatus();
    if (status != TimeToLiveStatus.ENABLED && status != TimeToLiveStatus.ENABLING) {
      client.updateTimeToLive(b -> b.tableName(name).timeToLiveSpecification(
          TimeToLiveSpecification.builder().attributeName(timeToLiveAttribute).enabled(true).build()));
    }
    return created;
  }

  private TableDescription describe() {
    try {
      return client.describeTable(DescribeTableRequest.builder().tableName(name).build()).table();
    } catch (ResourceNotFoundException absent) {
      return null;
    }
  }

  /** Refuses an existing table whose stream is not the designed one: that is changed with UpdateTable, by choice. */
  private void compareStream(TableDescription existing, StreamSpecification designed) {
    String has = streamSetting(existing.streamSpecification());
    String wanted = streamSetting(designed);
    if (!has.equals(wanted)) {
      throw new TableMismatchException(name, "stream", has, wanted);
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
  private void compareBilling(TableDescription existing, CreateTableRequest designed) {
    // DescribeTable may leave BillingModeSummary out for a table that was never on demand; CreateTable
    // without BillingMode is provisioned
    String has = existing.billingModeSummary() == null || existing.billingModeSummary().billingMode() == null
        ? BillingMode.PROVISIONED.toString() : existing.billingModeSummary().billingModeAsString();
    String wanted = designed.billingMode() == null ? BillingMode.PROVISIONED.toString()
        : designed.billingModeAsString();
    if (!has.equals(wanted)) {
      throw new TableMismatchException(name, "billing mode", has, wanted);
    }
    if (!wanted.equals(BillingMode.PROVISIONED.toString())) {
      return;
    }
    compareThroughput("provisioned throughput", existing.provisionedThroughput(), designed.provisionedThroughput());
    Map<String, ProvisionedThroughputDescription> indexes = new HashMap<>();
    existing.globalSecondaryIndexes().forEach(index -> indexes.put(index.indexName(), index.provisionedThroughput()));
    for (GlobalSecondaryIndex index : designed.globalSecondaryIndexes()) {
      if (indexes.containsKey(index.indexName())) {
        compareThroughput("provisioned throughput of index " + index.indexName(), indexes.get(index.indexName()),
            index.provisionedThroughput());
      }
    }
  }

  private void compareThroughput(String setting, ProvisionedThroughputDescription has, ProvisionedThroughput wanted) {
    String actual = has == null ? "none" : units(has.readCapacityUnits(), has.writeCapacityUnits());
    String designed = wanted == null ? "none" : units(wanted.readCapacityUnits(), wanted.writeCapacityUnits());
    if (!actual.equals(designed)) {
      throw new TableMismatchException(name, setting, actual, designed);
    }
  }

  private static String units(Long read, Long write) {
    return read + " read and " + write + " write units";
  }

  /** Refuses an existing table whose deletion protection is not the designed one (UpdateTable turns it on or off). */
  private void compareDeletionProtection(TableDescription existing, Boolean designed) {
    boolean has = Boolean.TRUE.equals(existing.deletionProtectionEnabled());
    boolean wanted = Boolean.TRUE.equals(designed);
    if (has != wanted) {
      throw new TableMismatchException(name, "deletion protection", has ? "enabled" : "disabled",
          wanted ? "enabled" : "disabled");
    }
  }

  /**
   * The ARN of the table's latest stream, to read it.
   *
   * @throws IllegalStateException when the table has no stream enabled
   */
  public String streamArn() {
    TableDescription description = client.describeTable(b -> b.tableName(name)).table();
    if (description.latestStreamArn() == null || "NONE".equals(streamSetting(description.streamSpecification()))) {
      throw new IllegalStateException("table " + name + " has no stream enabled");
    }
    return description.latestStreamArn();
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
    return metering.query(null, collection, QueryRequest.builder()
        .tableName(name)
        .keyConditionExpression("#pk = :pk")
        .expressionAttributeNames(Map.of("#pk", partitionAttribute))
        .expressionAttributeValues(Map.of(":pk", partitionValue))
        .exclusiveStartKey(start)
        .limit(limit)
        .build());
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

  @Override
  public String toString() {
    return "DynamoTable[" + name + "]";
  }
}
