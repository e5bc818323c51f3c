package dev.monotable.docs.quickstart;

import dev.monotable.annotation.Entity;
import dev.monotable.annotation.PartitionKey;
import dev.monotable.annotation.SortKey;

/** A customer's profile: one item at the top of the customer's partition. */
@Entity(table = Shop.class)
@PartitionKey(value = "CUSTOMER#<id>", collection = "account")
@SortKey("PROFILE")
public record Customer(String id, String name, String email) {}
