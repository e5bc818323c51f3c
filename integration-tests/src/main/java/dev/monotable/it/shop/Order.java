package dev.monotable.it.shop;

import dev.monotable.annotation.AccessPattern;
import dev.monotable.annotation.Entity;
import dev.monotable.annotation.IndexKey;
import dev.monotable.annotation.PartitionKey;
import dev.monotable.annotation.SortKey;
import java.math.BigDecimal;
import java.time.Instant;

@SuppressWarnings("monotable.territory-overlap") // on purpose: AccessPatternTest checks queries stay exact
@Entity(table = Shop.class)
@PartitionKey(value = "USER#<userId>", collection = "customer")
@SortKey("ORDER#<orderDate>#<orderId>")
@IndexKey(index = "GSI1", partitionKey = "ORDER#<orderId>", sortKey = "ORDER")
@IndexKey(index = "LSI1", sortKey = "TOTAL#<total>")
@AccessPattern(name = "ordersOfUser")
@AccessPattern(name = "orderById", index = "GSI1")
@AccessPattern(name = "ordersByStatus", index = "ByStatus")
@AccessPattern(name = "ordersByTotal", index = "LSI1")
public record Order(String userId, String orderId, Instant orderDate, OrderStatus status, BigDecimal total) {}
