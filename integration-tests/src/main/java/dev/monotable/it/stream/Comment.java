package dev.monotable.it.stream;

import dev.monotable.annotation.Entity;
import dev.monotable.annotation.PartitionKey;
import dev.monotable.annotation.SortKey;

/** A note of table {@link OldImages}. */
@Entity(table = OldImages.class)
@PartitionKey("COMMENT#<id>")
@SortKey("COMMENT")
public record Comment(String id, String text) {}
