package dev.monotable.docs.shop;

import dev.monotable.annotation.GlobalIndex;
import dev.monotable.annotation.Projection;
import dev.monotable.annotation.StreamView;
import dev.monotable.annotation.Table;

/** The table of the docs' shop: users, their orders, products and stores. */
// region table
@Table(name = "AppData", partitionKey = "PK", sortKey = "SK",
       globalIndexes = {
         @GlobalIndex(name = "GSI1", partitionKey = "GSI1PK", sortKey = "GSI1SK"),
         @GlobalIndex(name = "ByStatus", partitionKey = "status", sortKey = "orderDate",
                      projection = Projection.KEYS_ONLY) },
       stream = StreamView.NEW_AND_OLD_IMAGES)
public interface AppData {}
// endregion
