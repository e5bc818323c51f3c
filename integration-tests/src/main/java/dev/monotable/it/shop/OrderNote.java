package dev.monotable.it.shop;

import dev.monotable.annotation.Entity;
import dev.monotable.annotation.PartitionKey;
import dev.monotable.annotation.SortKey;
import java.time.Instant;

/** A note filed under an order: its sort keys lie inside the orders' territory {@code ORDER#}. */
@SuppressWarnings("monotable.territory-overlap") // on purpose: AccessPatternTest checks queries stay exact
@Entity(table = Shop.class)
@PartitionKey("USER#<userId>")
@SortKey("ORDER#<orderDate>#<orderId>#NOTE#<noteId>")
public record OrderNote(String userId, Instant orderDate, String orderId, String noteId, String text) {}
