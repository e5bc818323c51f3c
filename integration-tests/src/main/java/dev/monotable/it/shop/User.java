package dev.monotable.it.shop;

import dev.monotable.annotation.Attribute;
import dev.monotable.annotation.Entity;
import dev.monotable.annotation.PartitionKey;
import dev.monotable.annotation.SortKey;
import java.time.Instant;

@Entity(table = Shop.class)
@PartitionKey(value = "USER#<id>", collection = "customer")
@SortKey("PROFILE")
public record User(String id, @Attribute("mail") String email, String name, Instant createdAt) {}
