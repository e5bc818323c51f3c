package dev.monotable.it.sharded;

import dev.monotable.annotation.GlobalIndex;
import dev.monotable.annotation.Table;

/** Posts, with an index holding every post in one partition of no placeholder, written in shards. */
@Table(name = "Timeline", partitionKey = "PK", sortKey = "SK",
    globalIndexes = @GlobalIndex(name = "ByTime", partitionKey = "GSI1PK", sortKey = "GSI1SK"))
public interface Timeline {}
