package dev.monotable.it.plainkey;

import dev.monotable.annotation.AccessPattern;
import dev.monotable.annotation.Entity;
import dev.monotable.annotation.PartitionKey;
import dev.monotable.annotation.SortKey;

/** A chunk of a blob, keyed by the blob's digest and the chunk's position, both bytes. */
@Entity(table = Blobs.class)
@AccessPattern(name = "chunksOf")
public record Chunk(@PartitionKey byte[] digest, @SortKey byte[] part, String data) {}
