package dev.monotable.docs.sharding;

import dev.monotable.annotation.GlobalIndex;
import dev.monotable.annotation.Table;

/** Orders by id, and by status in a sharded index. */
@Table(name = "Sales", partitionKey = "PK", sortKey = "SK",
    globalIndexes = @GlobalIndex(name = "ByStatus", partitionKey = "GSI1PK", sortKey = "GSI1SK"))
public interface Sales {}
