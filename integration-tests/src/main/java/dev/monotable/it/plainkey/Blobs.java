package dev.monotable.it.plainkey;

import dev.monotable.annotation.Table;

/** A table keyed by a plain binary partition key and a plain binary sort key. */
@Table(name = "Blobs", partitionKey = "digest", sortKey = "part")
public interface Blobs {}
