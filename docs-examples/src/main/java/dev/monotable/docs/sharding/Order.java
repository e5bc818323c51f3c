package dev.monotable.docs.sharding;

import dev.monotable.annotation.AccessPattern;
import dev.monotable.annotation.Entity;
import dev.monotable.annotation.IndexKey;
import dev.monotable.annotation.PartitionKey;
import dev.monotable.annotation.SortKey;
import java.math.BigDecimal;
import java.time.Instant;

/** An order, in an index by status spread over eight partitions. */
// region sharded-order
@Entity(table = Sales.class)
@PartitionKey("ORDER#<orderId>")
@SortKey("ORDER")
@IndexKey(index = "ByStatus", partitionKey = "STATUS#<status>", sortKey = "<orderDate>#<orderId>", shards = 8)
@AccessPattern(name = "ordersByStatus", index = "ByStatus")
public record Order(String orderId, Status status, Instant orderDate, BigDecimal total) {}
// endregion
