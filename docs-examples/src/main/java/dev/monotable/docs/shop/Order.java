package dev.monotable.docs.shop;

import dev.monotable.annotation.AccessPattern;
import dev.monotable.annotation.Entity;
import dev.monotable.annotation.IndexKey;
import dev.monotable.annotation.PartitionKey;
import dev.monotable.annotation.SortKey;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An order in its customer's partition, by id through GSI1 and by status through ByStatus. */
// region order
@Entity(table = AppData.class)
@PartitionKey(value = "USER#<userId>", collection = "customer")
@SortKey("ORDER#<orderDate>#<orderId>")
@IndexKey(index = "GSI1", partitionKey = "ORDER#<orderId>", sortKey = "ORDER")
@AccessPattern(name = "ordersOfUser")
@AccessPattern(name = "orderById", index = "GSI1")
@AccessPattern(name = "ordersByStatus", index = "ByStatus")
public record Order(String userId, String orderId, Instant orderDate, OrderStatus status,
                    BigDecimal total, List<OrderLine> lines) {}
// endregion
