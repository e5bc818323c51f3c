package dev.monotable.sample;

import dev.monotable.annotation.GlobalIndex;
import dev.monotable.annotation.Projection;
import dev.monotable.annotation.Table;

/** The shop's single table. */
@Table(name = "AppData", partitionKey = "PK", sortKey = "SK",
    globalIndexes = {
        @GlobalIndex(name = "GSI1", partitionKey = "GSI1PK", sortKey = "GSI1SK"),
        @GlobalIndex(name = "ByStatus", partitionKey = "status", sortKey = "orderDate",
            projection = Projection.KEYS_ONLY)})
public interface AppData {}
