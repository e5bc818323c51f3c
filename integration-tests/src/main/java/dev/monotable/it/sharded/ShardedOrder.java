package dev.monotable.it.sharded;

import dev.monotable.annotation.AccessPattern;
import dev.monotable.annotation.Entity;
import dev.monotable.annotation.IndexKey;
import dev.monotable.annotation.PartitionKey;
import dev.monotable.annotation.SortKey;
import java.math.BigDecimal;
import java.time.Instant;

/** An order whose index-by-status key is spread over eight shards. */
@Entity(table = ShardedOrders.class, type = "Order")
@PartitionKey("ORDER#<orderId>")
@SortKey("ORDER")
@IndexKey(index = "ByStatus", partitionKey = "STATUS#<status>", sortKey = "<orderDate>#<orderId>", shards = 8)
@AccessPattern(name = "ordersByStatus", index = "ByStatus")
public record ShardedOrder(String orderId, Status status, Instant orderDate, BigDecimal total) {}
