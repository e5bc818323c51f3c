package dev.monotable.docs.billing;

import dev.monotable.annotation.Entity;
import dev.monotable.annotation.IndexKey;
import dev.monotable.annotation.PartitionKey;
import dev.monotable.annotation.SortKey;
import java.time.Instant;

/** A meter reading, also found by site. */
@Entity(table = Meter.class)
@PartitionKey("METER#<meterId>")
@SortKey("READING#<at>#<readingId>")
@IndexKey(index = "BySite", partitionKey = "SITE#<site>")
public record Reading(String meterId, Instant at, String readingId, String site, long kilowattHours) {}
