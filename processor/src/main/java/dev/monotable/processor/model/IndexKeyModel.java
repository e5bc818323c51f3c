package dev.monotable.processor.model;

import java.util.Optional;

/**
 * An entity's {@code @IndexKey}: its templates for one secondary index.
 *
 * @param shards the number of shards of the partition key, 0 when it is not sharded
 */
public record IndexKeyModel(
    String index, Optional<KeyTemplate> partitionKey, Optional<KeyTemplate> sortKey, SourceRef indexSource,
    int shards, SourceRef shardsSource) {

  public boolean sharded() {
    return shards != 0;
  }
}
