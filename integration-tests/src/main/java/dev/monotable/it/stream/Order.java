package dev.monotable.it.stream;

import dev.monotable.annotation.AccessPattern;
import dev.monotable.annotation.Entity;
import dev.monotable.annotation.PartitionKey;
import dev.monotable.annotation.SortKey;
import dev.monotable.annotation.TimeToLive;
import java.time.Instant;

/** An order of a customer; it expires when {@code expiresAt} is set. */
@Entity(table = Shop.class)
@PartitionKey("CUSTOMER#<customerId>")
@SortKey("ORDER#<orderId>")
@AccessPattern(name = "ordersOfCustomer")
public record Order(String customerId, String orderId, Status status, long total,
    @TimeToLive Instant expiresAt) {
  /** Where an order is. */
  public enum Status { PENDING, PAID, SHIPPED }
}
