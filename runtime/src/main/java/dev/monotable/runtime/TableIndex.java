package dev.monotable.runtime;

import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

/**
 * A key of a table — its primary key or one of its secondary indexes — as the design declares it:
 * the index's name, its key attributes, what it projects, and the access patterns that query it.
 * The generated {@code <Table>Table} class holds one constant per key ({@code AppDataTable.PRIMARY_KEY},
 * {@code AppDataTable.GSI1}), which its repositories query by.
 *
 * <pre>{@code
 * TableIndex byStatus = AppDataTable.BY_STATUS;
 * byStatus.partitionKey();      // "status"
 * byStatus.accessPatterns();    // [Order.ordersByStatus]
 * }</pre>
 *
 * @param indexName the index's name, null for the table's primary key
 * @param kind the primary key, a global or a local secondary index
 * @param partitionKey the partition key attribute
 * @param sortKey the sort key attribute, null when the key has none
 * @param projection what the index holds of each item ({@code ALL} for the primary key)
 * @param accessPatterns the access patterns ({@code Entity.pattern}) that query it, in the design's order
 */
public record TableIndex(String indexName, Kind kind, String partitionKey, String sortKey,
    ProjectionType projection, List<String> accessPatterns) {
  /** Which key of the table an index is. */
  public enum Kind {
    /** The table's own key. */
    PRIMARY_KEY,
    /** A global secondary index: its own partitions, read eventually consistent only. */
    GLOBAL,
    /** A local secondary index: the table's partitions, sorted by another attribute. */
    LOCAL
  }

  public TableIndex {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(partitionKey, "partitionKey");
    Objects.requireNonNull(projection, "projection");
    if ((indexName == null) != (kind == Kind.PRIMARY_KEY)) {
      throw new IllegalArgumentException("a secondary index has a name and the primary key has none: "
          + indexName + ", " + kind);
    }
    accessPatterns = List.copyOf(accessPatterns);
  }

  /** The table's primary key of {@code partitionKey} and {@code sortKey} (null for none). */
  public static TableIndex primaryKey(String partitionKey, String sortKey, List<String> accessPatterns) {
    return new TableIndex(null, Kind.PRIMARY_KEY, partitionKey, sortKey, ProjectionType.ALL, accessPatterns);
  }

  /** Global secondary index {@code name}. */
  public static TableIndex global(String name, String partitionKey, String sortKey, ProjectionType projection,
      List<String> accessPatterns) {
    return new TableIndex(name, Kind.GLOBAL, partitionKey, sortKey, projection, accessPatterns);
  }

  /** Local secondary index {@code name}: the table's partition key, sorted by {@code sortKey}. */
  public static TableIndex local(String name, String partitionKey, String sortKey, ProjectionType projection,
      List<String> accessPatterns) {
    return new TableIndex(name, Kind.LOCAL, partitionKey, sortKey, projection, accessPatterns);
  }

  /** Whether a read of the index sees whole items: the primary key, or an index projecting {@code ALL}. */
  public boolean holdsWholeItems() {
    return projection == ProjectionType.ALL;
  }
}
