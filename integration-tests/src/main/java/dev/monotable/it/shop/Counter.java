package dev.monotable.it.shop;

import dev.monotable.annotation.Entity;
import dev.monotable.annotation.PartitionKey;
import dev.monotable.annotation.SortKey;
import dev.monotable.annotation.Version;

/** A versioned counter, for optimistic locking. */
@Entity(table = Shop.class)
@PartitionKey("COUNTER#<name>")
@SortKey("COUNTER")
public record Counter(String name, long value, @Version long version) {}
