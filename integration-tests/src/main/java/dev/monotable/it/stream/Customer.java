package dev.monotable.it.stream;

import dev.monotable.annotation.Entity;
import dev.monotable.annotation.PartitionKey;
import dev.monotable.annotation.SortKey;

/** A customer's profile, in the partition of their orders. */
@Entity(table = Shop.class)
@PartitionKey("CUSTOMER#<customerId>")
@SortKey("PROFILE")
public record Customer(String customerId, String name) {}
