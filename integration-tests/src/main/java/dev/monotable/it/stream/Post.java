package dev.monotable.it.stream;

import dev.monotable.annotation.Entity;
import dev.monotable.annotation.PartitionKey;
import dev.monotable.annotation.SortKey;

/** A note of table {@link NewImages}. */
@Entity(table = NewImages.class)
@PartitionKey("POST#<id>")
@SortKey("POST")
public record Post(String id, String text) {}
