package dev.monotable.it.stream;

import dev.monotable.annotation.Entity;
import dev.monotable.annotation.PartitionKey;
import dev.monotable.annotation.SortKey;

/** A note of table {@link KeysOnly}. */
@Entity(table = KeysOnly.class)
@PartitionKey("LIKE#<id>")
@SortKey("LIKE")
public record Like(String id, String text) {}
