package dev.monotable.it.expiry;

import dev.monotable.annotation.GlobalIndex;
import dev.monotable.annotation.Table;

/** A table whose items expire, with an item collection: time to live seen by every kind of read. */
@Table(name = "Cache", partitionKey = "PK", sortKey = "SK", timeToLive = "ttl",
    globalIndexes = @GlobalIndex(name = "ByOwner", partitionKey = "GSI1PK", sortKey = "GSI1SK"))
public interface Cache {}
