package dev.monotable.spring.boot.app;

import dev.monotable.annotation.StreamView;
import dev.monotable.annotation.Table;

/**
 * The tests' table, with a stream so that a table created without one differs from its design. The
 * processor generates {@code AppDataTable}, {@code AppDataAsyncTable} and the list of tables the
 * auto-configuration reads.
 */
@Table(name = "AppData", partitionKey = "PK", sortKey = "SK", stream = StreamView.NEW_AND_OLD_IMAGES)
interface AppData {
}
