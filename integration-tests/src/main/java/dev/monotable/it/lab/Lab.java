package dev.monotable.it.lab;

import dev.monotable.annotation.Table;

/** A table without a sort key, holding one sample of every supported attribute type. */
@Table(name = "Lab", partitionKey = "id_key", typeAttribute = "kind", timeToLive = "expires_at")
public interface Lab {}
