package dev.monotable.it.lab;

import dev.monotable.annotation.Entity;
import dev.monotable.annotation.PartitionKey;
import java.time.Instant;

/** Keys of several types in one template, to check their encodings end to end. */
@Entity(table = Lab.class)
@PartitionKey("READING#<sensor>#<at>#<seq>#<level>#<on>")
public record Reading(String sensor, Instant at, long seq, Color level, boolean on, double value) {}
