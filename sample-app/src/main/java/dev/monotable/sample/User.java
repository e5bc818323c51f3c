package dev.monotable.sample;

import dev.monotable.annotation.Entity;
import dev.monotable.annotation.PartitionKey;
import dev.monotable.annotation.SortKey;
import java.time.Instant;

/** A customer's profile: one item per user, at the top of the user's partition. */
@Entity(table = AppData.class)
@PartitionKey(value = "USER#<id>", collection = "customer")
@SortKey("PROFILE")
public record User(String id, String email, String name, Instant createdAt) {}
