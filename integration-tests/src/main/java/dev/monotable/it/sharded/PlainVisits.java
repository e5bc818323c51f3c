package dev.monotable.it.sharded;

import dev.monotable.annotation.LocalIndex;
import dev.monotable.annotation.Table;

/** The same visits, one partition per day, to compare answers with. */
@Table(name = "PlainVisits", partitionKey = "PK", sortKey = "SK",
    localIndexes = @LocalIndex(name = "ByVisitor", sortKey = "LSI1SK"))
public interface PlainVisits {}
