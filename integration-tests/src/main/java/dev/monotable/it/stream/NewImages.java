package dev.monotable.it.stream;

import dev.monotable.annotation.StreamView;
import dev.monotable.annotation.Table;

/** A table whose stream records carry NEW_IMAGE. */
@Table(name = "StreamNewImages", partitionKey = "PK", sortKey = "SK", stream = StreamView.NEW_IMAGE)
public interface NewImages {}
