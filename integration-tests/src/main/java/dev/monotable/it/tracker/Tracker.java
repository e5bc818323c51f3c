package dev.monotable.it.tracker;

import dev.monotable.annotation.GlobalIndex;
import dev.monotable.annotation.LocalIndex;
import dev.monotable.annotation.StreamView;
import dev.monotable.annotation.Table;

/**
 * A multi-tenant issue tracker: index keys built from the stamped {@code @CreatedAt} and
 * {@code @UpdatedAt} fields, items that expire, and a stream.
 */
@Table(name = "Tracker", partitionKey = "PK", sortKey = "SK", timeToLive = "ttl",
    stream = StreamView.NEW_AND_OLD_IMAGES,
    globalIndexes = @GlobalIndex(name = "GSI1", partitionKey = "GSI1PK", sortKey = "GSI1SK"),
    localIndexes = @LocalIndex(name = "LSI1", sortKey = "LSI1SK"))
public interface Tracker {}
