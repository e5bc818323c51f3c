package dev.monotable.it.legacy;

import dev.monotable.annotation.Entity;
import dev.monotable.annotation.PartitionKey;
import dev.monotable.annotation.SortKey;

/** A device's own item: partition {@code deviceId} (a number), sort key {@code META}. */
@Entity(table = Devices.class)
@SortKey("META")
public record Device(@PartitionKey(collection = "device") long deviceId, String model) {}
