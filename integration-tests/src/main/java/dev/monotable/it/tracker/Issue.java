package dev.monotable.it.tracker;

import dev.monotable.annotation.AccessPattern;
import dev.monotable.annotation.CreatedAt;
import dev.monotable.annotation.Entity;
import dev.monotable.annotation.IndexKey;
import dev.monotable.annotation.PartitionKey;
import dev.monotable.annotation.SortKey;
import dev.monotable.annotation.TimeToLive;
import dev.monotable.annotation.UpdatedAt;
import dev.monotable.annotation.Version;
import java.time.Instant;
import java.util.Set;

/**
 * An issue of a tenant: "assigned to me, newest first" reads index GSI1, whose sort key is the
 * update time; "by status, oldest first" reads LSI1, whose sort key holds the creation time.
 */
@Entity(table = Tracker.class)
@PartitionKey("TENANT#<tenantId>")
@SortKey("ISSUE#<issueId>")
@IndexKey(index = "GSI1", partitionKey = "TENANT#<tenantId>#ASSIGNEE#<assignee>",
    sortKey = "ISSUE#<updatedAt>#<issueId>")
@IndexKey(index = "LSI1", sortKey = "STATUS#<status>#<createdAt>#<issueId>")
@AccessPattern(name = "assignedTo", index = "GSI1")
@AccessPattern(name = "byStatus", index = "LSI1")
public record Issue(String tenantId, String issueId, String title, String assignee, String status,
    Set<String> labels, Long votes, @CreatedAt Instant createdAt, @UpdatedAt Instant updatedAt,
    @TimeToLive Instant expiresAt, @Version long version) {

  /** A new issue, without stamps or version. */
  public static Issue of(String tenantId, String issueId, String title, String assignee, String status) {
    return new Issue(tenantId, issueId, title, assignee, status, null, null, null, null, null, 0);
  }
}
