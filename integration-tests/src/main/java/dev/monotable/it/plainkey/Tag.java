package dev.monotable.it.plainkey;

import dev.monotable.annotation.AccessPattern;
import dev.monotable.annotation.Entity;
import dev.monotable.annotation.PartitionKey;
import dev.monotable.annotation.SortKey;

/** A tag of an owner, keyed by the owner and the tag's name as they are. */
@Entity(table = Tags.class)
@AccessPattern(name = "tagsOfOwner")
public record Tag(@PartitionKey String owner, @SortKey String name, int uses) {}
