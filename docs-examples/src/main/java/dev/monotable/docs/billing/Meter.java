package dev.monotable.docs.billing;

import dev.monotable.annotation.Billing;
import dev.monotable.annotation.BillingMode;
import dev.monotable.annotation.GlobalIndex;
import dev.monotable.annotation.Table;

/** A provisioned table that cannot be deleted by accident. */
// region meter
@Table(name = "Meter", partitionKey = "PK", sortKey = "SK", deletionProtection = true,
       billing = @Billing(mode = BillingMode.PROVISIONED, read = 7, write = 3),
       globalIndexes = @GlobalIndex(name = "BySite", partitionKey = "GSI1PK", read = 4, write = 2))
public interface Meter {}
// endregion
