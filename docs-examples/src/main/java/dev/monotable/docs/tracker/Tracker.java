package dev.monotable.docs.tracker;

import dev.monotable.annotation.LocalIndex;
import dev.monotable.annotation.Table;

/** Projects and their issues, with a local index that sorts a project's issues by their last update. */
// region tracker
@Table(name = "Tracker", partitionKey = "PK", sortKey = "SK",
       localIndexes = @LocalIndex(name = "ByUpdate", sortKey = "LSI1SK"))
public interface Tracker {}
// endregion
