package dev.monotable.sample.spring;

import dev.monotable.annotation.AccessPattern;
import dev.monotable.annotation.Entity;
import dev.monotable.annotation.IndexKey;
import dev.monotable.annotation.PartitionKey;
import dev.monotable.annotation.SortKey;
import dev.monotable.annotation.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order, in its customer's partition in date order, by id through GSI1 and by status through ByStatus.
 * Versioned: a write of an order read at version 3 fails once someone else has written version 4.
 */
@Entity(table = AppData.class)
@PartitionKey(value = "USER#<customerId>", collection = "customer")
@SortKey("ORDER#<orderDate>#<orderId>")
@IndexKey(index = "GSI1", partitionKey = "ORDER#<orderId>", sortKey = "ORDER")
@AccessPattern(name = "ordersOfCustomer")
@AccessPattern(name = "orderById", index = "GSI1")
@AccessPattern(name = "ordersByStatus", index = "ByStatus")
public record Order(String customerId, String orderId, Instant orderDate, OrderStatus status, BigDecimal total,
                    List<OrderLine> lines, @Version long version) {}
