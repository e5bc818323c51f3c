package dev.monotable.it.tracker;

import dev.monotable.annotation.Table;

/** A table of one entity type without a type attribute, whose keys are templates. */
@Table(name = "Ledger", partitionKey = "PK", sortKey = "SK", typeAttribute = "")
public interface Ledger {}
