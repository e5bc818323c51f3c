package dev.monotable.docs.existing;

import dev.monotable.annotation.AccessPattern;
import dev.monotable.annotation.Entity;
import dev.monotable.annotation.PartitionKey;
import dev.monotable.annotation.SortKey;
import java.math.BigDecimal;

/** An item of the existing Orders table, keyed by the user's id and a number of milliseconds. */
// region purchase
@Entity(table = Orders.class)
@AccessPattern(name = "purchasesOfUser")
@AccessPattern(name = "purchasesByStatus", index = "ByStatus")
public record Purchase(@PartitionKey String userId, @SortKey long timestamp, String status, BigDecimal total) {}
// endregion
