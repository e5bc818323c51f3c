package dev.monotable.it.tracker;

import dev.monotable.annotation.Entity;
import dev.monotable.annotation.PartitionKey;
import dev.monotable.annotation.SortKey;

/** A numbered line of a ledger: both key fields live in the key templates and in attributes. */
@Entity(table = Ledger.class)
@PartitionKey("T#<id>")
@SortKey("I#<n>")
public record LedgerLine(String id, int n, String memo) {}
