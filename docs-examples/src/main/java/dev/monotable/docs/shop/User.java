package dev.monotable.docs.shop;

import dev.monotable.annotation.Entity;
import dev.monotable.annotation.PartitionKey;
import dev.monotable.annotation.SortKey;
import java.time.Instant;

/** A customer's profile, at the top of the customer's partition. */
// region user
@Entity(table = AppData.class)                      // type name "User"
@PartitionKey(value = "USER#<id>", collection = "customer")
@SortKey("PROFILE")
public record User(String id, String email, String name, Instant createdAt) {}
// endregion
