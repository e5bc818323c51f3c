package dev.monotable.docs.tenants;

import dev.monotable.annotation.AccessPattern;
import dev.monotable.annotation.Entity;
import dev.monotable.annotation.IndexKey;
import dev.monotable.annotation.PartitionKey;
import dev.monotable.annotation.SortKey;

/** A member of a tenant's workspace. */
// region member
@Entity(table = Workspace.class)
@PartitionKey("TENANT#<tenantId>#MEMBER#<memberId>")
@SortKey("PROFILE")
@IndexKey(index = "ByEmail", partitionKey = "TENANT#<tenantId>#EMAIL#<email>", sortKey = "MEMBER")
@AccessPattern(name = "byEmail", index = "ByEmail")
public record Member(String tenantId, String memberId, String email, String name) {}
// endregion
