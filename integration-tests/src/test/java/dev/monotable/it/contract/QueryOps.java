package dev.monotable.it.contract;

import dev.monotable.runtime.Condition;
import dev.monotable.runtime.ConsistentQuery;
import dev.monotable.runtime.Page;
import dev.monotable.runtime.Path;
import dev.monotable.runtime.Query;
import dev.monotable.runtime.SortKeyRange;
import dev.monotable.runtime.TextSortKeyRange;
import dev.monotable.runtime.async.AsyncConsistentQuery;
import dev.monotable.runtime.async.AsyncQuery;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * An access-pattern query of either flavour, in sync terms: the modifiers of {@link Query} and its
 * terminals, blocking. {@link #streamed()} reads it through {@code stream()} or {@code publisher()}.
 */
interface QueryOps<T> {
  QueryOps<T> filter(Condition condition);

  QueryOps<T> project(Path<?>... paths);

  QueryOps<T> descending();

  QueryOps<T> limit(int n);

  QueryOps<T> after(String cursor);

  /** {@code consistentRead()} of a query of the table or of a local index. */
  QueryOps<T> consistentRead();

  List<T> list();

  Optional<T> first();

  Page<T> page();

  long count();

  /** Every item, read with {@code stream()} (sync) or through {@code publisher()} (async). */
  List<T> streamed();

  /**
   * The first {@code n} items, read lazily: {@code stream().limit(n)} (sync), or a subscriber of
   * {@code publisher()} that requests {@code n} and then cancels (async).
   */
  List<T> streamedFirst(int n);

  static <T> QueryOps<T> sync(Query<T, ?> query) {
    return new Sync<>(query);
  }

  static <T> QueryOps<T> async(AsyncQuery<T, ?> query) {
    return new Async<>(query);
  }

  /** A narrowing of either flavour whose query is wrapped by {@code wrap}. */
  static <V, N, T> SortKeyRange<V, QueryOps<T>> range(SortKeyRange<V, N> range, Function<N, QueryOps<T>> wrap) {
    return new SortKeyRange<>() {
      @Override
      public QueryOps<T> lessThan(V value) {
        return wrap.apply(range.lessThan(value));
      }

      @Override
      public QueryOps<T> atMost(V value) {
        return wrap.apply(range.atMost(value));
      }

      @Override
      public QueryOps<T> greaterThan(V value) {
        return wrap.apply(range.greaterThan(value));
      }

      @Override
      public QueryOps<T> atLeast(V value) {
        return wrap.apply(range.atLeast(value));
      }

      @Override
      public QueryOps<T> between(V low, V high) {
        return wrap.apply(range.between(low, high));
      }
    };
  }

  /** A text narrowing of either flavour, with {@code beginsWith}. */
  static <N, T> TextSortKeyRange<QueryOps<T>> textRange(TextSortKeyRange<N> range, Function<N, QueryOps<T>> wrap) {
    SortKeyRange<String, QueryOps<T>> mapped = range(range, wrap);
    return new TextSortKeyRange<>() {
      @Override
      public QueryOps<T> beginsWith(String start) {
        return wrap.apply(range.beginsWith(start));
      }

      @Override
      public QueryOps<T> lessThan(String value) {
        return mapped.lessThan(value);
      }

      @Override
      public QueryOps<T> atMost(String value) {
        return mapped.atMost(value);
      }

      @Override
      public QueryOps<T> greaterThan(String value) {
        return mapped.greaterThan(value);
      }

      @Override
      public QueryOps<T> atLeast(String value) {
        return mapped.atLeast(value);
      }

      @Override
      public QueryOps<T> between(String low, String high) {
        return mapped.between(low, high);
      }
    };
  }

  /** Over {@link Query}. */
  record Sync<T>(Query<T, ?> query) implements QueryOps<T> {
    @Override
    public QueryOps<T> filter(Condition condition) {
      return new Sync<>(query.filter(condition));
    }

    @Override
    public QueryOps<T> project(Path<?>... paths) {
      return new Sync<>(query.project(paths));
    }

    @Override
    public QueryOps<T> descending() {
      return new Sync<>(query.descending());
    }

    @Override
    public QueryOps<T> limit(int n) {
      return new Sync<>(query.limit(n));
    }

    @Override
    public QueryOps<T> after(String cursor) {
      return new Sync<>(query.after(cursor));
    }

    @Override
    @SuppressWarnings("unchecked")
    public QueryOps<T> consistentRead() {
      return new Sync<>((Query<T, ?>) ((ConsistentQuery<T, ?>) query).consistentRead());
    }

    @Override
    public List<T> list() {
      return query.list();
    }

    @Override
    public Optional<T> first() {
      return query.first();
    }

    @Override
    public Page<T> page() {
      return query.page();
    }

    @Override
    public long count() {
      return query.count();
    }

    @Override
    public List<T> streamed() {
      try (var stream = query.stream()) {
        return stream.toList();
      }
    }

    @Override
    public List<T> streamedFirst(int n) {
      try (var stream = query.stream()) {
        return stream.limit(n).toList();
      }
    }
  }

  /** Over {@link AsyncQuery}, each terminal awaited. */
  record Async<T>(AsyncQuery<T, ?> query) implements QueryOps<T> {
    @Override
    public QueryOps<T> filter(Condition condition) {
      return new Async<>(query.filter(condition));
    }

    @Override
    public QueryOps<T> project(Path<?>... paths) {
      return new Async<>(query.project(paths));
    }

    @Override
    public QueryOps<T> descending() {
      return new Async<>(query.descending());
    }

    @Override
    public QueryOps<T> limit(int n) {
      return new Async<>(query.limit(n));
    }

    @Override
    public QueryOps<T> after(String cursor) {
      return new Async<>(query.after(cursor));
    }

    @Override
    @SuppressWarnings("unchecked")
    public QueryOps<T> consistentRead() {
      return new Async<>((AsyncQuery<T, ?>) ((AsyncConsistentQuery<T, ?>) query).consistentRead());
    }

    @Override
    public List<T> list() {
      return Await.result(query.list());
    }

    @Override
    public Optional<T> first() {
      return Await.result(query.first());
    }

    @Override
    public Page<T> page() {
      return Await.result(query.page());
    }

    @Override
    public long count() {
      return Await.result(query.count());
    }

    @Override
    public List<T> streamed() {
      List<T> items = Collections.synchronizedList(new ArrayList<>());
      Await.result(query.publisher().subscribe(items::add));
      return List.copyOf(items);
    }

    @Override
    public List<T> streamedFirst(int n) {
      CompletableFuture<List<T>> first = new CompletableFuture<>();
      query.publisher().subscribe(new Subscriber<T>() {
        private final List<T> items = new ArrayList<>();
        private Subscription subscription;

        @Override
        public void onSubscribe(Subscription given) {
          subscription = given;
          given.request(n);
        }

        @Override
        public void onNext(T item) {
          items.add(item);
          if (items.size() == n) {
            subscription.cancel();
            first.complete(List.copyOf(items));
          }
        }

        @Override
        public void onError(Throwable failure) {
          first.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
          first.complete(List.copyOf(items));
        }
      });
      return Await.result(first);
    }
  }
}
