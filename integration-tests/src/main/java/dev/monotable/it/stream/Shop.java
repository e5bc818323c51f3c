package dev.monotable.it.stream;

import dev.monotable.annotation.StreamView;
import dev.monotable.annotation.Table;

/** Orders and customers whose every change is streamed with both images, and whose orders expire. */
@Table(name = "StreamShop", partitionKey = "PK", sortKey = "SK", timeToLive = "ttl",
    stream = StreamView.NEW_AND_OLD_IMAGES)
public interface Shop {}
