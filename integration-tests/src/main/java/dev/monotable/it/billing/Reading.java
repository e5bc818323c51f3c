package dev.monotable.it.billing;

import dev.monotable.annotation.AccessPattern;
import dev.monotable.annotation.Entity;
import dev.monotable.annotation.IndexKey;
import dev.monotable.annotation.PartitionKey;
import dev.monotable.annotation.SortKey;

/** One reading of a meter, found by meter, by site ({@code BySite}) and by status ({@code ByStatus}). */
@Entity(table = Meter.class)
@PartitionKey("METER#<meterId>")
@SortKey("READING#<at>")
@IndexKey(index = "BySite", partitionKey = "SITE#<site>", sortKey = "READING#<at>")
@AccessPattern(name = "readingsOfSite", index = "BySite")
@AccessPattern(name = "readingsByStatus", index = "ByStatus")
public record Reading(String meterId, long at, String site, String status, long value) {}
