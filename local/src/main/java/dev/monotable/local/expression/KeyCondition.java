package dev.monotable.local.expression;

import dev.monotable.local.value.Value;
import java.util.Optional;

/** A parsed key condition: the partition key's value and, optionally, a condition on the sort key. */
public record KeyCondition(String partitionKey, Value partitionValue, Optional<SortKeyCondition> sortKey) {}
