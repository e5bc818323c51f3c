package dev.monotable.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
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

  private DynamoTable(DynamoDbClient client, String name, TableOptions options) {
    this.client = client;
    this.name = name;
    this.options = options;
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
    return new DynamoTable(client, name, options);
  }

  /** The table's options. */
  public TableOptions options() {
    return options;
  }

  /** The SDK client requests go through. */
  public DynamoDbClient client() {
    return client;
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
    if (status() == null) {
      try {
        client.createTable(request.toBuilder().tableName(name).build());
        created = true;
      } catch (ResourceInUseException alreadyBeingCreated) {
        // another caller won the race; wait for its table below
      }
    }
    if (status() != TableStatus.ACTIVE) {
      try (DynamoDbWaiter waiter = DynamoDbWaiter.builder().client(client).build()) {
        waiter.waitUntilTableExists(DescribeTableRequest.builder().tableName(name).build())
            .matched()
            .exception()
            .ifPresent(e -> {
              throw new IllegalStateException("table " + name + " did not become active", e);
            });
      }
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

  private TableStatus status() {
    try {
      return client.describeTable(DescribeTableRequest.builder().tableName(name).build())
          .table()
          .tableStatus();
    } catch (ResourceNotFoundException absent) {
      return null;
    }
  }

  /**
   * Every item of one partition of the table, in sort-key order, reading page after page: what an
   * item-collection query decodes by the type attribute.
   */
  public List<Map<String, AttributeValue>> partition(String partitionAttribute, AttributeValue partitionValue) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    Map<String, AttributeValue> next = null;
    do {
      QueryResponse response = client.query(QueryRequest.builder()
          .tableName(name)
          .keyConditionExpression("#pk = :pk")
          .expressionAttributeNames(Map.of("#pk", partitionAttribute))
          .expressionAttributeValues(Map.of(":pk", partitionValue))
          .exclusiveStartKey(next)
          .build());
      items.addAll(response.items());
      next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
    } while (next != null);
    return items;
  }

  /** The value of an item's type attribute, or the empty string when it has none. */
  public static String typeOf(Map<String, AttributeValue> item, String typeAttribute) {
    AttributeValue type = item.get(typeAttribute);
    return type == null || type.s() == null ? "" : type.s();
  }

  /** Operations on the items of one entity type in this table. */
  public <T> EntityStore<T> store(EntitySchema<T> schema) {
    return new EntityStore<>(this, schema);
  }

  @Override
  public String toString() {
    return "DynamoTable[" + name + "]";
  }
}
