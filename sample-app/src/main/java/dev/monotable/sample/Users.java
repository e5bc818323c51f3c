package dev.monotable.sample;

import dev.monotable.annotation.Table;

/** A table made before Monotable: users keyed by a plain string {@code userId}, no type attribute. */
@Table(name = "Users", partitionKey = "userId", typeAttribute = "")
public interface Users {}
