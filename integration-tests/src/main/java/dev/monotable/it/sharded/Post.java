package dev.monotable.it.sharded;

import dev.monotable.annotation.AccessPattern;
import dev.monotable.annotation.Entity;
import dev.monotable.annotation.IndexKey;
import dev.monotable.annotation.PartitionKey;
import dev.monotable.annotation.SortKey;
import java.time.Instant;

/**
 * A post, in index partition {@code ALL} with every other post: the fixed partition key the
 * hot-partition warning advises to spread over shards.
 */
@Entity(table = Timeline.class)
@PartitionKey("POST#<id>")
@SortKey("POST")
@IndexKey(index = "ByTime", partitionKey = "ALL", sortKey = "<at>#<id>", shards = 4)
@AccessPattern(name = "everyPost", index = "ByTime")
public record Post(String id, Instant at, String text) {}
