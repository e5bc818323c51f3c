package dev.monotable.it.cost;

import dev.monotable.annotation.GlobalIndex;
import dev.monotable.annotation.Projection;
import dev.monotable.annotation.Table;

/**
 * Documents in folders, read by folder (the table), by tag ({@code ByTag}, whole items projected)
 * and by owner ({@code ByOwner}, keys only: the items are then fetched from the table).
 */
@Table(name = "Archive", partitionKey = "PK", sortKey = "SK",
    globalIndexes = {
        @GlobalIndex(name = "ByTag", partitionKey = "GSI1PK", sortKey = "GSI1SK"),
        @GlobalIndex(name = "ByOwner", partitionKey = "GSI2PK", sortKey = "GSI2SK", projection = Projection.KEYS_ONLY)})
public interface Archive {}
