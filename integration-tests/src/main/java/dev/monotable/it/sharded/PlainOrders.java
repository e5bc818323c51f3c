package dev.monotable.it.sharded;

import dev.monotable.annotation.GlobalIndex;
import dev.monotable.annotation.Table;

/** The same orders with an index by status that is not sharded, to compare answers with. */
@Table(name = "PlainOrders", partitionKey = "PK", sortKey = "SK",
    globalIndexes = @GlobalIndex(name = "ByStatus", partitionKey = "GSI1PK", sortKey = "GSI1SK"))
public interface PlainOrders {}
