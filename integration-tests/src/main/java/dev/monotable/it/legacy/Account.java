package dev.monotable.it.legacy;

import dev.monotable.annotation.Attribute;
import dev.monotable.annotation.Entity;
import dev.monotable.annotation.PartitionKey;

/** An item of the {@code Users} table: {@code userId} is the partition key as it is. */
@Entity(table = Users.class)
public record Account(@PartitionKey String userId, String name, @Attribute("emailAddress") String email) {}
