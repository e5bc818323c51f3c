package dev.monotable.processor.model;

import java.util.List;

/**
 * A secondary index of a table. A local index's partition key is the table's.
 *
 * @param sortKey the sort key attribute, empty for none
 * @param partitionKeySource the {@code partitionKey} value; a local index has none of its own
 * @param throughput a global index's {@code read} and {@code write} units; a local index uses the table's
 */
public record IndexModel(
    String name,
    Kind kind,
    String partitionKey,
    String sortKey,
    Projection projection,
    List<String> nonKeyAttributes,
    SourceRef source,
    SourceRef nameSource,
    SourceRef partitionKeySource,
    SourceRef sortKeySource,
    SourceRef projectionSource,
    Throughput throughput,
    SourceRef readSource,
    SourceRef writeSource) {

  public IndexModel {
    nonKeyAttributes = List.copyOf(nonKeyAttributes);
  }

  public enum Kind { GLOBAL, LOCAL }

  public enum Projection { ALL, KEYS_ONLY, INCLUDE }

  public boolean hasSortKey() {
    return !sortKey.isEmpty();
  }
}
