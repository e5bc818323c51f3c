package dev.monotable.docs.existing;

import dev.monotable.annotation.GlobalIndex;
import dev.monotable.annotation.Table;

/** A table made before Monotable: plain key attributes, no type attribute. */
// region orders
@Table(name = "Orders", partitionKey = "userId", sortKey = "timestamp", typeAttribute = "",
    globalIndexes = @GlobalIndex(name = "ByStatus", partitionKey = "status", sortKey = "timestamp"))
public interface Orders {}
// endregion
