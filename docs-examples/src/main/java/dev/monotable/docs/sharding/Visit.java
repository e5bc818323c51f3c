package dev.monotable.docs.sharding;

import dev.monotable.annotation.AccessPattern;
import dev.monotable.annotation.Entity;
import dev.monotable.annotation.PartitionKey;
import dev.monotable.annotation.SortKey;
import java.time.Instant;
import java.time.LocalDate;

/** A visit, in its day's partition, spread over four. */
// region visit
@Entity(table = Visits.class)
@PartitionKey(value = "DAY#<day>", shards = 4)   // the table's own partition key
@SortKey("VISIT#<at>#<visitor>")
@AccessPattern(name = "visitsOfDay")
public record Visit(LocalDate day, Instant at, String visitor) {}
// endregion
