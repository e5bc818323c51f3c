package dev.monotable.it.ranking;

import dev.monotable.annotation.AccessPattern;
import dev.monotable.annotation.Entity;
import dev.monotable.annotation.PartitionKey;
import dev.monotable.annotation.SortKey;

/** A player's score on a board, read by points (a number) and by badge (bytes, compared unsigned). */
@Entity(table = Ranking.class)
@PartitionKey("BOARD#<board>")
@SortKey("PLAYER#<player>")
@AccessPattern(name = "playersOfBoard")
@AccessPattern(name = "byPoints", index = "ByPoints")
@AccessPattern(name = "byBadge", index = "ByBadge")
public record Score(String board, String player, long points, byte[] badge) {}
