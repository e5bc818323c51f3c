package dev.monotable.it.shop;

import dev.monotable.annotation.GlobalIndex;
import dev.monotable.annotation.LocalIndex;
import dev.monotable.annotation.Projection;
import dev.monotable.annotation.Table;

/** The shop's one table: users, their orders and order items, products. */
@Table(name = "Shop", partitionKey = "PK", sortKey = "SK",
    globalIndexes = {
        @GlobalIndex(name = "GSI1", partitionKey = "GSI1PK", sortKey = "GSI1SK"),
        @GlobalIndex(name = "ByStatus", partitionKey = "status", sortKey = "orderDate",
            projection = Projection.KEYS_ONLY),
        @GlobalIndex(name = "ByPrice", partitionKey = "category", sortKey = "priceCents",
            projection = Projection.INCLUDE, nonKeyAttributes = {"name"})},
    localIndexes = @LocalIndex(name = "LSI1", sortKey = "LSI1SK"))
public interface Shop {}
