package dev.monotable.it.legacy;

import dev.monotable.annotation.Table;

/** A single-entity table with a plain string partition key and no type attribute. */
@Table(name = "Users", partitionKey = "userId", typeAttribute = "")
public interface Users {}
