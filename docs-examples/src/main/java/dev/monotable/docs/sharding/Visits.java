package dev.monotable.docs.sharding;

import dev.monotable.annotation.Table;

/** Visits by day: a whole day's visits in one partition, unless it is sharded. */
@Table(name = "Visits", partitionKey = "PK", sortKey = "SK")
public interface Visits {}
