package dev.monotable.it.legacy;

import dev.monotable.annotation.GlobalIndex;
import dev.monotable.annotation.Table;

/** A single-entity table keyed by a plain string and a plain number, with no type attribute. */
@Table(name = "Orders", partitionKey = "userId", sortKey = "timestamp", typeAttribute = "",
    globalIndexes = @GlobalIndex(name = "ByStatus", partitionKey = "status", sortKey = "timestamp"))
public interface Orders {}
