package dev.monotable.sample;

import dev.monotable.annotation.AccessPattern;
import dev.monotable.annotation.Entity;
import dev.monotable.annotation.PartitionKey;
import dev.monotable.annotation.SortKey;
import java.math.BigDecimal;

/** An item of the existing {@code Orders} table: a user's order at {@code timestamp} (epoch milliseconds). */
@Entity(table = Orders.class)
@AccessPattern(name = "purchasesOfUser")
public record Purchase(@PartitionKey String userId, @SortKey long timestamp, String status, BigDecimal total) {}
