package dev.monotable.it.lab;

import dev.monotable.annotation.AccessPattern;
import dev.monotable.annotation.Entity;
import dev.monotable.annotation.PartitionKey;
import dev.monotable.annotation.TimeToLive;
import java.time.Instant;

/** A login session that expires. */
@Entity(table = Lab.class)
@PartitionKey("SESSION#<token>")
@AccessPattern(name = "session")
public record Session(String token, String userId, @TimeToLive Instant expiresAt) {}
