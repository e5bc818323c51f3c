package dev.monotable.it.legacy;

import dev.monotable.annotation.Table;

/** A mixed design: a plain numeric partition key, template sort keys, and a type attribute. */
@Table(name = "Devices", partitionKey = "deviceId", sortKey = "SK")
public interface Devices {}
