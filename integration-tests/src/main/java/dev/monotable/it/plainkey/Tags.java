package dev.monotable.it.plainkey;

import dev.monotable.annotation.Table;

/** A table keyed by a plain string partition key and a plain string sort key. */
@Table(name = "Tags", partitionKey = "owner", sortKey = "name")
public interface Tags {}
