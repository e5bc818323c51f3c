package dev.monotable.it.sharded;

import dev.monotable.annotation.LocalIndex;
import dev.monotable.annotation.Table;

/** Visits by day, a day's partition written in shards; a local index orders a day's visits by visitor. */
@Table(name = "Visits", partitionKey = "PK", sortKey = "SK",
    localIndexes = @LocalIndex(name = "ByVisitor", sortKey = "LSI1SK"))
public interface Visits {}
