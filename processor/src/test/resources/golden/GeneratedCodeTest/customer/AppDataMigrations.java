package shop;

import dev.monotable.runtime.Backfill;
import dev.monotable.runtime.Migrations;
import dev.monotable.runtime.Rekey;
import javax.annotation.processing.Generated;

/**
 * The migrations of table {@code AppData}: backfills and rekeys of its entities' stored items.
 * Get it from {@code AppDataTable.migrations()}.
 */
@Generated("dev.monotable.processor.MonotableProcessor")
public final class AppDataMigrations implements Migrations {
    private final Migrations migrations;

    /** The migrations {@code migrations} run. */
    AppDataMigrations(Migrations migrations) {
        this.migrations = migrations;
    }

    @Override
    public <T> Backfill backfill(Class<T> entity) {
        return migrations.backfill(entity);
    }

    @Override
    public <T> Rekey rekey(Class<T> entity) {
        return migrations.rekey(entity);
    }
}
