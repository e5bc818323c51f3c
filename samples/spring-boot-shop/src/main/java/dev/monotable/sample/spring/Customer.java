package dev.monotable.sample.spring;

import dev.monotable.annotation.Entity;
import dev.monotable.annotation.PartitionKey;
import dev.monotable.annotation.SortKey;

/** A customer's profile: one item at the top of the customer's partition. */
@Entity(table = AppData.class)
@PartitionKey(value = "USER#<customerId>", collection = "customer")
@SortKey("PROFILE")
public record Customer(String customerId, String name, String email) {}
