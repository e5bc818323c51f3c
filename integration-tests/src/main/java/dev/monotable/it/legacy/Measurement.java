package dev.monotable.it.legacy;

import dev.monotable.annotation.AccessPattern;
import dev.monotable.annotation.Entity;
import dev.monotable.annotation.PartitionKey;
import dev.monotable.annotation.SortKey;
import java.time.Instant;

/** A reading of a device, in the device's partition under sort keys {@code READING#<at>}. */
@Entity(table = Devices.class)
@SuppressWarnings("monotable.instant-key")   // a device reports at most once per instant
@SortKey("READING#<at>")
@AccessPattern(name = "measurementsOfDevice")
public record Measurement(@PartitionKey(collection = "device") long deviceId, Instant at, double value) {}
