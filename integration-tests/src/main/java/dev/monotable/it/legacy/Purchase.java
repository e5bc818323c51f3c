package dev.monotable.it.legacy;

import dev.monotable.annotation.AccessPattern;
import dev.monotable.annotation.Entity;
import dev.monotable.annotation.PartitionKey;
import dev.monotable.annotation.SortKey;
import java.math.BigDecimal;

/**
 * An item of the {@code Orders} table: the user's id and the epoch-millisecond time of the order,
 * stored as a number, are its key.
 */
@Entity(table = Orders.class)
@AccessPattern(name = "purchasesOfUser")
@AccessPattern(name = "purchasesByStatus", index = "ByStatus")
public record Purchase(@PartitionKey String userId, @SortKey long timestamp, String status, BigDecimal total) {}
