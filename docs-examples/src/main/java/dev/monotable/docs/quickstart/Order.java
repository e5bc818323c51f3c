package dev.monotable.docs.quickstart;

import dev.monotable.annotation.AccessPattern;
import dev.monotable.annotation.Entity;
import dev.monotable.annotation.PartitionKey;
import dev.monotable.annotation.SortKey;
import java.math.BigDecimal;
import java.time.Instant;

/** An order, in its customer's partition, sorted by the time it was placed. */
@Entity(table = Shop.class)
@PartitionKey(value = "CUSTOMER#<customerId>", collection = "account")
@SortKey("ORDER#<placedAt>#<orderId>")
@AccessPattern(name = "ordersOfCustomer")
public record Order(String customerId, Instant placedAt, String orderId, BigDecimal total) {}
