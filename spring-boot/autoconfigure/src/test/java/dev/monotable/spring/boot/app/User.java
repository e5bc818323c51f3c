package dev.monotable.spring.boot.app;

import dev.monotable.annotation.Entity;
import dev.monotable.annotation.PartitionKey;
import dev.monotable.annotation.SortKey;

/** A user's profile, one item in its own partition. */
@Entity(table = AppData.class)
@PartitionKey("USER#<id>")
@SortKey("PROFILE")
public record User(String id, String name) {
}
