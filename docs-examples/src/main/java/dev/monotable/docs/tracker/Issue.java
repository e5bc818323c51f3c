package dev.monotable.docs.tracker;

import dev.monotable.annotation.AccessPattern;
import dev.monotable.annotation.Entity;
import dev.monotable.annotation.IndexKey;
import dev.monotable.annotation.PartitionKey;
import dev.monotable.annotation.SortKey;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** An issue of a project, watched by users known by their UUIDs. */
// region issue
@Entity(table = Tracker.class)
@PartitionKey("PROJECT#<projectId>")
@SortKey("ISSUE#<issueId>")
@IndexKey(index = "ByUpdate", sortKey = "UPDATED#<updatedAt>#<issueId>")   // local: the sort key only
@AccessPattern(name = "issuesOfProject")
@AccessPattern(name = "recentlyUpdated", index = "ByUpdate")
public record Issue(String projectId, String issueId, String title, Instant updatedAt, Set<UUID> watchers) {}
// endregion
