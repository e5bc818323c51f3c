package dev.monotable.it.sharded;

import dev.monotable.annotation.AccessPattern;
import dev.monotable.annotation.Entity;
import dev.monotable.annotation.IndexKey;
import dev.monotable.annotation.PartitionKey;
import dev.monotable.annotation.SortKey;
import java.time.Instant;
import java.time.LocalDate;

/** {@link Visit}'s twin, one partition per day. */
@Entity(table = PlainVisits.class, type = "Visit")
@SuppressWarnings("monotable.hot-partition")   // the unsharded twin, on purpose
@PartitionKey("DAY#<day>")
@SortKey("VISIT#<at>#<visitor>")
@IndexKey(index = "ByVisitor", sortKey = "<visitor>#<at>")
@AccessPattern(name = "visitsOfDay")
@AccessPattern(name = "visitsOfDayByVisitor", index = "ByVisitor")
public record PlainVisit(LocalDate day, Instant at, String visitor, int pages) {}
