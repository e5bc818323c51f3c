package dev.monotable.sample.spring;

import dev.monotable.annotation.GlobalIndex;
import dev.monotable.annotation.Table;

/**
 * The shop's single table: customers and their orders share a partition; GSI1 finds an order by its id,
 * ByStatus lists the orders of a status, oldest first.
 */
@Table(name = "AppData", partitionKey = "PK", sortKey = "SK",
    globalIndexes = {
        @GlobalIndex(name = "GSI1", partitionKey = "GSI1PK", sortKey = "GSI1SK"),
        @GlobalIndex(name = "ByStatus", partitionKey = "status", sortKey = "orderDate")})
public interface AppData {}
