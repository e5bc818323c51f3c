package dev.monotable.it.stream;

import dev.monotable.annotation.StreamView;
import dev.monotable.annotation.Table;

/** A table whose stream records carry OLD_IMAGE. */
@Table(name = "StreamOldImages", partitionKey = "PK", sortKey = "SK", stream = StreamView.OLD_IMAGE)
public interface OldImages {}
