package com.example.notes;

import dev.monotable.annotation.AccessPattern;
import dev.monotable.annotation.Entity;
import dev.monotable.annotation.PartitionKey;
import dev.monotable.annotation.SortKey;
import java.time.Instant;

/** A note of an author, its sort key ordered by the time it was written. */
@Entity(table = Notebook.class)
@PartitionKey("AUTHOR#<author>")
@SortKey("NOTE#<writtenAt>#<id>")
@AccessPattern(name = "notesOfAuthor")
public record Note(String author, Instant writtenAt, String id, String text) {}
