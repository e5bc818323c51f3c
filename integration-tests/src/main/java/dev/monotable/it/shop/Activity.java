package dev.monotable.it.shop;

import dev.monotable.annotation.AccessPattern;
import dev.monotable.annotation.Document;
import dev.monotable.annotation.Entity;
import dev.monotable.annotation.PartitionKey;
import dev.monotable.annotation.SortKey;
import java.time.Instant;
import java.util.Map;

/**
 * What a user did, keyed by the instant alone: two activities in one millisecond must be two items.
 * Its tags and its trail of steps (a document that nests itself) are where DynamoDB's limits on map
 * keys and nesting are met.
 */
@Entity(table = Shop.class)
@SuppressWarnings("monotable.instant-key")   // instants keep their nanoseconds: InputSafetyTest writes three in one millisecond
@PartitionKey("ACTIVITY#<userId>")
@SortKey("AT#<occurredAt>")
@AccessPattern(name = "activitiesOfUser")
public record Activity(String userId, Instant occurredAt, String action, Map<String, String> tags, Step trail) {
  /** One page of a visit, and the page visited after it. */
  @Document
  public record Step(String page, Step next) {}
}
