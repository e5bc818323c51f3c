package dev.monotable.benchmarks;

import dev.monotable.annotation.Table;

/** The benchmarks' table. */
@Table(name = "Bench", partitionKey = "PK", sortKey = "SK")
public interface Bench {}
