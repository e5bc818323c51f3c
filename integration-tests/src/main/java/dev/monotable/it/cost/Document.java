package dev.monotable.it.cost;

import dev.monotable.annotation.AccessPattern;
import dev.monotable.annotation.Entity;
import dev.monotable.annotation.IndexKey;
import dev.monotable.annotation.PartitionKey;
import dev.monotable.annotation.SortKey;

/** A document whose {@code payload} sets the size of its item. */
@Entity(table = Archive.class)
@PartitionKey("FOLDER#<folder>")
@SortKey("DOC#<name>")
@IndexKey(index = "ByTag", partitionKey = "TAG#<tag>", sortKey = "DOC#<name>")
@IndexKey(index = "ByOwner", partitionKey = "OWNER#<owner>", sortKey = "DOC#<name>")
@AccessPattern(name = "documentsOfFolder")
@AccessPattern(name = "documentsByTag", index = "ByTag")
@AccessPattern(name = "documentsByOwner", index = "ByOwner")
public record Document(String folder, String name, String tag, String owner, String payload) {}
