package dev.monotable.it.contract;

import dev.monotable.runtime.Condition;
import dev.monotable.runtime.Path;
import dev.monotable.runtime.Update;
import dev.monotable.runtime.UpdateReturn;
import dev.monotable.runtime.async.AsyncUpdate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** An update of either flavour, in {@link Update}'s terms; {@link #execute()} blocks. */
interface UpdateOps<T> {
  <V> UpdateOps<T> set(Path<V> path, V value);

  <V> UpdateOps<T> setIfAbsent(Path<V> path, V value);

  <N extends Number> UpdateOps<T> add(Path<N> path, N delta);

  UpdateOps<T> increment(Path<? extends Number> path);

  UpdateOps<T> decrement(Path<? extends Number> path);

  <E> UpdateOps<T> addToSet(Path<Set<E>> path, Set<E> elements);

  <E> UpdateOps<T> removeFromSet(Path<Set<E>> path, Set<E> elements);

  <E> UpdateOps<T> append(Path<List<E>> path, List<E> elements);

  <E> UpdateOps<T> prepend(Path<List<E>> path, List<E> elements);

  UpdateOps<T> remove(Path<?> path);

  UpdateOps<T> when(Condition condition);

  UpdateOps<T> expectingVersion(long version);

  UpdateOps<T> returning(UpdateReturn returning);

  Optional<T> execute();

  /** Over {@link Update}. */
  record Sync<T>(Update<T> update) implements UpdateOps<T> {
    @Override
    public <V> UpdateOps<T> set(Path<V> path, V value) {
      return new Sync<>(update.set(path, value));
    }

    @Override
    public <V> UpdateOps<T> setIfAbsent(Path<V> path, V value) {
      return new Sync<>(update.setIfAbsent(path, value));
    }

    @Override
    public <N extends Number> UpdateOps<T> add(Path<N> path, N delta) {
      return new Sync<>(update.add(path, delta));
    }

    @Override
    public UpdateOps<T> increment(Path<? extends Number> path) {
      return new Sync<>(update.increment(path));
    }

    @Override
    public UpdateOps<T> decrement(Path<? extends Number> path) {
      return new Sync<>(update.decrement(path));
    }

    @Override
    public <E> UpdateOps<T> addToSet(Path<Set<E>> path, Set<E> elements) {
      return new Sync<>(update.addToSet(path, elements));
    }

    @Override
    public <E> UpdateOps<T> removeFromSet(Path<Set<E>> path, Set<E> elements) {
      return new Sync<>(update.removeFromSet(path, elements));
    }

    @Override
    public <E> UpdateOps<T> append(Path<List<E>> path, List<E> elements) {
      return new Sync<>(update.append(path, elements));
    }

    @Override
    public <E> UpdateOps<T> prepend(Path<List<E>> path, List<E> elements) {
      return new Sync<>(update.prepend(path, elements));
    }

    @Override
    public UpdateOps<T> remove(Path<?> path) {
      return new Sync<>(update.remove(path));
    }

    @Override
    public UpdateOps<T> when(Condition condition) {
      return new Sync<>(update.when(condition));
    }

    @Override
    public UpdateOps<T> expectingVersion(long version) {
      return new Sync<>(update.expectingVersion(version));
    }

    @Override
    public UpdateOps<T> returning(UpdateReturn returning) {
      return new Sync<>(update.returning(returning));
    }

    @Override
    public Optional<T> execute() {
      return update.execute();
    }
  }

  /** Over {@link AsyncUpdate}, {@code execute()} awaited. */
  record Async<T>(AsyncUpdate<T> update) implements UpdateOps<T> {
    @Override
    public <V> UpdateOps<T> set(Path<V> path, V value) {
      return new Async<>(update.set(path, value));
    }

    @Override
    public <V> UpdateOps<T> setIfAbsent(Path<V> path, V value) {
      return new Async<>(update.setIfAbsent(path, value));
    }

    @Override
    public <N extends Number> UpdateOps<T> add(Path<N> path, N delta) {
      return new Async<>(update.add(path, delta));
    }

    @Override
    public UpdateOps<T> increment(Path<? extends Number> path) {
      return new Async<>(update.increment(path));
    }

    @Override
    public UpdateOps<T> decrement(Path<? extends Number> path) {
      return new Async<>(update.decrement(path));
    }

    @Override
    public <E> UpdateOps<T> addToSet(Path<Set<E>> path, Set<E> elements) {
      return new Async<>(update.addToSet(path, elements));
    }

    @Override
    public <E> UpdateOps<T> removeFromSet(Path<Set<E>> path, Set<E> elements) {
      return new Async<>(update.removeFromSet(path, elements));
    }

    @Override
    public <E> UpdateOps<T> append(Path<List<E>> path, List<E> elements) {
      return new Async<>(update.append(path, elements));
    }

    @Override
    public <E> UpdateOps<T> prepend(Path<List<E>> path, List<E> elements) {
      return new Async<>(update.prepend(path, elements));
    }

    @Override
    public UpdateOps<T> remove(Path<?> path) {
      return new Async<>(update.remove(path));
    }

    @Override
    public UpdateOps<T> when(Condition condition) {
      return new Async<>(update.when(condition));
    }

    @Override
    public UpdateOps<T> expectingVersion(long version) {
      return new Async<>(update.expectingVersion(version));
    }

    @Override
    public UpdateOps<T> returning(UpdateReturn returning) {
      return new Async<>(update.returning(returning));
    }

    @Override
    public Optional<T> execute() {
      return Await.result(update.execute());
    }
  }
}
