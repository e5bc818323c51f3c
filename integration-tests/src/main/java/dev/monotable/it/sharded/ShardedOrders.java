package dev.monotable.it.sharded;

import dev.monotable.annotation.GlobalIndex;
import dev.monotable.annotation.Table;

/** Orders, with an index by status whose partitions are written in shards. */
@Table(name = "ShardedOrders", partitionKey = "PK", sortKey = "SK",
    globalIndexes = @GlobalIndex(name = "ByStatus", partitionKey = "GSI1PK", sortKey = "GSI1SK"))
public interface ShardedOrders {}
