package dev.monotable.it.lab;

import dev.monotable.annotation.CreatedAt;
import dev.monotable.annotation.Entity;
import dev.monotable.annotation.PartitionKey;
import dev.monotable.annotation.UpdatedAt;
import java.time.Instant;

/** A note with timestamps written from the table's clock. */
@Entity(table = Lab.class)
@PartitionKey("NOTE#<id>")
public record Note(String id, String text, @CreatedAt Instant createdAt, @UpdatedAt Instant updatedAt) {}
