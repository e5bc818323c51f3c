package dev.monotable.sample;

import dev.monotable.annotation.Entity;
import dev.monotable.annotation.PartitionKey;

/** An item of the existing {@code Users} table: {@code userId} is its key as it is. */
@Entity(table = Users.class)
public record Account(@PartitionKey String userId, String name, String email) {}
