package dev.monotable.sample;

import dev.monotable.annotation.Table;

/**
 * A table made before Monotable: orders keyed by the user's id and the epoch-millisecond time of the
 * order, a number; no type attribute.
 */
@Table(name = "Orders", partitionKey = "userId", sortKey = "timestamp", typeAttribute = "")
public interface Orders {}
