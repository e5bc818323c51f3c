package dev.monotable.sample;

import dev.monotable.annotation.GlobalIndex;
import dev.monotable.annotation.Projection;
import dev.monotable.annotation.StreamView;
import dev.monotable.annotation.Table;

/** The shop's single table, whose changes are streamed with the item before and after. */
@Table(name = "AppData", partitionKey = "PK", sortKey = "SK", stream = StreamView.NEW_AND_OLD_IMAGES,
    globalIndexes = {
        @GlobalIndex(name = "GSI1", partitionKey = "GSI1PK", sortKey = "GSI1SK"),
        @GlobalIndex(name = "ByStatus", partitionKey = "status", sortKey = "orderDate",
            projection = Projection.KEYS_ONLY)})
public interface AppData {}
