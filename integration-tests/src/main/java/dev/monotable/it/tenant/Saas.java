package dev.monotable.it.tenant;

import dev.monotable.annotation.GlobalIndex;
import dev.monotable.annotation.Table;

/** A table whose partition keys all begin with the tenant: TENANT#<tenantId>#... */
@Table(name = "Saas", partitionKey = "PK", sortKey = "SK", tenant = "tenantId",
    globalIndexes = @GlobalIndex(name = "ByEmail", partitionKey = "GSI1PK", sortKey = "GSI1SK"))
public interface Saas {}
