package dev.monotable.it.stream;

import dev.monotable.annotation.StreamView;
import dev.monotable.annotation.Table;

/** A table whose stream records carry KEYS_ONLY. */
@Table(name = "StreamKeysOnly", partitionKey = "PK", sortKey = "SK", stream = StreamView.KEYS_ONLY)
public interface KeysOnly {}
