package dev.monotable.it.ranking;

import dev.monotable.annotation.GlobalIndex;
import dev.monotable.annotation.Table;

/**
 * A leaderboard table whose indexes sort by a number ({@code points}, N) and by bytes ({@code badge},
 * B), so that queries narrow sort keys of each DynamoDB key type.
 */
@Table(name = "Ranking", partitionKey = "PK", sortKey = "SK",
    globalIndexes = {
        @GlobalIndex(name = "ByPoints", partitionKey = "board", sortKey = "points"),
        @GlobalIndex(name = "ByBadge", partitionKey = "board", sortKey = "badge")})
public interface Ranking {}
