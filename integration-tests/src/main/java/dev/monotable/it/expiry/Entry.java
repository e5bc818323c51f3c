package dev.monotable.it.expiry;

import dev.monotable.annotation.AccessPattern;
import dev.monotable.annotation.Entity;
import dev.monotable.annotation.IndexKey;
import dev.monotable.annotation.PartitionKey;
import dev.monotable.annotation.SortKey;
import dev.monotable.annotation.TimeToLive;
import dev.monotable.annotation.Version;
import java.time.Instant;

/** A cached entry of a bucket, versioned, that expires. */
@Entity(table = Cache.class)
@PartitionKey(value = "BUCKET#<bucket>", collection = "bucket")
@SortKey("ENTRY#<key>")
@IndexKey(index = "ByOwner", partitionKey = "OWNER#<owner>", sortKey = "ENTRY#<key>")
@AccessPattern(name = "entriesOfBucket")
@AccessPattern(name = "entriesOfOwner", index = "ByOwner")
public record Entry(String bucket, String key, String owner, String value, @TimeToLive Instant expiresAt,
    @Version long version) {}
