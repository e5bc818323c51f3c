package dev.monotable.it.billing;

import dev.monotable.annotation.Billing;
import dev.monotable.annotation.BillingMode;
import dev.monotable.annotation.GlobalIndex;
import dev.monotable.annotation.Projection;
import dev.monotable.annotation.Table;

/**
 * Meter readings on provisioned capacity, each global index with units of its own, in a table
 * DynamoDB refuses to delete.
 */
@Table(name = "Meter", partitionKey = "PK", sortKey = "SK",
    billing = @Billing(mode = BillingMode.PROVISIONED, read = 7, write = 3),
    deletionProtection = true,
    globalIndexes = {
        @GlobalIndex(name = "BySite", partitionKey = "GSI1PK", sortKey = "GSI1SK", read = 4, write = 2),
        @GlobalIndex(name = "ByStatus", partitionKey = "status", projection = Projection.KEYS_ONLY,
            read = 2, write = 1)})
public interface Meter {}
