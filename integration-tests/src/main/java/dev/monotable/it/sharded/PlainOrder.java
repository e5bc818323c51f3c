package dev.monotable.it.sharded;

import dev.monotable.annotation.AccessPattern;
import dev.monotable.annotation.Entity;
import dev.monotable.annotation.IndexKey;
import dev.monotable.annotation.PartitionKey;
import dev.monotable.annotation.SortKey;
import java.math.BigDecimal;
import java.time.Instant;

/** {@link ShardedOrder}'s twin, indexed by status in one partition per status. */
@Entity(table = PlainOrders.class, type = "Order")
@SuppressWarnings("monotable.hot-partition")   // the unsharded twin, on purpose
@PartitionKey("ORDER#<orderId>")
@SortKey("ORDER")
@IndexKey(index = "ByStatus", partitionKey = "STATUS#<status>", sortKey = "<orderDate>#<orderId>")
@AccessPattern(name = "ordersByStatus", index = "ByStatus")
public record PlainOrder(String orderId, Status status, Instant orderDate, BigDecimal total) {}
