package dev.monotable.it.shop;

import dev.monotable.annotation.AccessPattern;
import dev.monotable.annotation.Entity;
import dev.monotable.annotation.PartitionKey;
import dev.monotable.annotation.SortKey;
import java.time.Instant;

/** Large entries of one log stream: enough of them fill several 1 MB query pages. */
@Entity(table = Shop.class)
@PartitionKey("LOG#<stream>")
@SortKey("AT#<at>#<seq>")
@AccessPattern(name = "entriesOfStream")
public record LogEntry(String stream, Instant at, long seq, String payload) {}
