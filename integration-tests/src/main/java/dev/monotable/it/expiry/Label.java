package dev.monotable.it.expiry;

import dev.monotable.annotation.Entity;
import dev.monotable.annotation.PartitionKey;
import dev.monotable.annotation.SortKey;
import dev.monotable.annotation.TimeToLive;
import java.time.Instant;

/** The label of a bucket: the other member of its collection. */
@Entity(table = Cache.class)
@PartitionKey(value = "BUCKET#<bucket>", collection = "bucket")
@SortKey("LABEL")
public record Label(String bucket, String text, @TimeToLive Instant expiresAt) {}
