package dev.monotable.it.sharded;

import dev.monotable.annotation.AccessPattern;
import dev.monotable.annotation.Entity;
import dev.monotable.annotation.IndexKey;
import dev.monotable.annotation.PartitionKey;
import dev.monotable.annotation.SortKey;
import java.time.Instant;
import java.time.LocalDate;

/** A visit, in its day's partition (the seed's {@code DATE#...}), spread over four shards. */
@Entity(table = Visits.class)
@PartitionKey(value = "DAY#<day>", shards = 4)
@SortKey("VISIT#<at>#<visitor>")
@IndexKey(index = "ByVisitor", sortKey = "<visitor>#<at>")
@AccessPattern(name = "visitsOfDay")
@AccessPattern(name = "visitsOfDayByVisitor", index = "ByVisitor")
public record Visit(LocalDate day, Instant at, String visitor, int pages) {}
