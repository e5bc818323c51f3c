package dev.monotable.runtime.internal;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** Short builders for the parts of a {@code CreateTableRequest}, as generated table classes use them. */
public final class TableDefinitions {
  private TableDefinitions() {}

  /** A key schema: the partition (HASH) key and, when {@code sortKey} is not null, the sort (RANGE) key. */
  public static List<KeySchemaElement> keySchema(String partitionKey, String sortKey) {
    List<KeySchemaElement> keys = new ArrayList<>(2);
    keys.add(KeySchemaElement.builder().attributeName(partitionKey).keyType(KeyType.HASH).build());
    if (sortKey != null) {
      keys.add(KeySchemaElement.builder().attributeName(sortKey).keyType(KeyType.RANGE).build());
    }
    return keys;
  }

  /** An attribute definition. */
  public static AttributeDefinition attribute(String name, ScalarAttributeType type) {
    return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
  }

  /** A projection; {@code nonKeyAttributes} only with {@link ProjectionType#INCLUDE}. */
  public static Projection projection(ProjectionType type, String... nonKeyAttributes) {
    Projection.Builder projection = Projection.builder().projectionType(type);
    if (nonKeyAttributes.length > 0) {
      projection.nonKeyAttributes(nonKeyAttributes);
    }
    return projection.build();
  }

  /** A global secondary index; {@code sortKey} may be null. */
  public static GlobalSecondaryIndex globalIndex(
      String name, String partitionKey, String sortKey, Projection projection) {
    return GlobalSecondaryIndex.builder()
        .indexName(name)
        .keySchema(keySchema(partitionKey, sortKey))
        .projection(projection)
        .build();
  }

  /** A global secondary index of a provisioned table, with its own {@code throughput}; {@code sortKey} may be null. */
  public static GlobalSecondaryIndex globalIndex(
      String name, String partitionKey, String sortKey, Projection projection, ProvisionedThroughput throughput) {
    return globalIndex(name, partitionKey, sortKey, projection).toBuilder().provisionedThroughput(throughput).build();
  }

  /** Provisioned read and write capacity units of a table or global index. */
  public static ProvisionedThroughput throughput(long readCapacityUnits, long writeCapacityUnits) {
    return ProvisionedThroughput.builder()
        .readCapacityUnits(readCapacityUnits)
        .writeCapacityUnits(writeCapacityUnits)
        .build();
  }

  /** A local secondary index on the table's partition key. */
  public static LocalSecondaryIndex localIndex(
      String name, String partitionKey, String sortKey, Projection projection) {
    return LocalSecondaryIndex.builder()
        .indexName(name)
        .keySchema(keySchema(partitionKey, sortKey))
        .projection(projection)
        .build();
  }

  /** An enabled stream whose records carry {@code view}. */
  public static StreamSpecification stream(StreamViewType view) {
    return StreamSpecification.builder().streamEnabled(true).streamViewType(view).build();
  }
}
