package dev.monotable.runtime.internal;

import dev.monotable.runtime.Backfill;
import dev.monotable.runtime.Migrations;
import dev.monotable.runtime.Rekey;
import dev.monotable.runtime.Repository;
import java.util.Map;

/** The implementation of {@link Migrations}: the table's repositories by entity class. */
final class DefaultMigrations implements Migrations {
  private final Map<Class<?>, Repository<?>> repositories;

  DefaultMigrations(Map<Class<?>, Repository<?>> repositories) {
    this.repositories = Map.copyOf(repositories);
  }

  @Override
  public <T> Backfill backfill(Class<T> entity) {
    return DefaultMigration.backfill(store(entity));
  }

  @Override
  public <T> Rekey rekey(Class<T> entity) {
    return DefaultMigration.rekey(store(entity));
  }

  @SuppressWarnings("unchecked")
  private <T> EntityStore<T> store(Class<T> entity) {
    Repository<?> repository = repositories.get(entity);
    if (repository == null) {
      throw new IllegalArgumentException(entity.getName() + " is not an entity of this table: migrate one of "
          + repositories.keySet().stream().map(Class::getSimpleName).sorted().toList());
    }
    return AbstractRepository.storeOf((Repository<T>) repository);
  }
}
