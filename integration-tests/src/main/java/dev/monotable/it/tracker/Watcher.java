package dev.monotable.it.tracker;

import dev.monotable.annotation.CreatedAt;
import dev.monotable.annotation.Entity;
import dev.monotable.annotation.IndexKey;
import dev.monotable.annotation.PartitionKey;
import dev.monotable.annotation.SortKey;
import java.time.Instant;

/**
 * A watcher of an issue, a bean built with setters and unversioned: index GSI1 lists a user's
 * watches by the time they started.
 */
@Entity(table = Tracker.class)
@PartitionKey("TENANT#<tenantId>")
@SortKey("WATCH#<issueId>#<user>")
@IndexKey(index = "GSI1", partitionKey = "USER#<user>", sortKey = "WATCH#<since>")
public class Watcher {
  private String tenantId;
  private String issueId;
  private String user;
  private Instant since;

  public String getTenantId() {
    return tenantId;
  }

  public void setTenantId(String tenantId) {
    this.tenantId = tenantId;
  }

  public String getIssueId() {
    return issueId;
  }

  public void setIssueId(String issueId) {
    this.issueId = issueId;
  }

  public String getUser() {
    return user;
  }

  public void setUser(String user) {
    this.user = user;
  }

  @CreatedAt
  public Instant getSince() {
    return since;
  }

  public void setSince(Instant since) {
    this.since = since;
  }
}
