package dev.monotable.docs.tenants;

import dev.monotable.annotation.GlobalIndex;
import dev.monotable.annotation.Table;

// region table
@Table(name = "Workspace", partitionKey = "PK", sortKey = "SK", tenant = "tenantId",
    globalIndexes = @GlobalIndex(name = "ByEmail", partitionKey = "GSI1PK", sortKey = "GSI1SK"))
public interface Workspace {}
// endregion
