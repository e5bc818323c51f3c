package dev.monotable.it.contract;

import dev.monotable.runtime.Condition;
import dev.monotable.runtime.Page;
import dev.monotable.runtime.ParallelScan;
import dev.monotable.runtime.Path;
import dev.monotable.runtime.Scan;
import dev.monotable.runtime.async.AsyncParallelScan;
import dev.monotable.runtime.async.AsyncScan;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A scan of either flavour, in sync terms: {@link Scan}'s modifiers and blocking terminals. */
interface ScanOps<T> {
  ScanOps<T> limit(int n);

  ScanOps<T> filter(Condition condition);

  ScanOps<T> project(Path<?>... paths);

  ScanOps<T> consistentRead();

  ScanOps<T> after(String cursor);

  List<T> list();

  Page<T> page();

  long count();

  /** Every item, through {@code stream()} (sync) or {@code publisher()} (async). */
  List<T> streamed();

  ParallelOps<T> segments(int totalSegments);

  static <T> ScanOps<T> sync(Scan<T> scan) {
    return new Sync<>(scan);
  }

  static <T> ScanOps<T> async(AsyncScan<T> scan) {
    return new Async<>(scan);
  }

  /** A parallel scan of either flavour. */
  interface ParallelOps<T> {
    int totalSegments();

    ScanOps<T> segment(int segment);

    List<T> list();

    /** Every item handed to {@code forEach}. */
    List<T> forEach();
  }

  /** Over {@link Scan}. */
  record Sync<T>(Scan<T> scan) implements ScanOps<T> {
    @Override
    public ScanOps<T> limit(int n) {
      return new Sync<>(scan.limit(n));
    }

    @Override
    public ScanOps<T> filter(Condition condition) {
      return new Sync<>(scan.filter(condition));
    }

    @Override
    public ScanOps<T> project(Path<?>... paths) {
      return new Sync<>(scan.project(paths));
    }

    @Override
    public ScanOps<T> consistentRead() {
      return new Sync<>(scan.consistentRead());
    }

    @Override
    public ScanOps<T> after(String cursor) {
      return new Sync<>(scan.after(cursor));
    }

    @Override
    public List<T> list() {
      return scan.list();
    }

    @Override
    public Page<T> page() {
      return scan.page();
    }

    @Override
    public long count() {
      return scan.count();
    }

    @Override
    public List<T> streamed() {
      try (var stream = scan.stream()) {
        return stream.toList();
      }
    }

    @Override
    public ParallelOps<T> segments(int totalSegments) {
      ParallelScan<T> parallel = scan.segments(totalSegments);
      return new ParallelOps<>() {
        @Override
        public int totalSegments() {
          return parallel.totalSegments();
        }

        @Override
        public ScanOps<T> segment(int segment) {
          return new Sync<>(parallel.segment(segment));
        }

        @Override
        public List<T> list() {
          return parallel.list();
        }

        @Override
        public List<T> forEach() {
          List<T> items = Collections.synchronizedList(new ArrayList<>());
          parallel.forEach(items::add);
          return List.copyOf(items);
        }
      };
    }
  }

  /** Over {@link AsyncScan}, each terminal awaited. */
  record Async<T>(AsyncScan<T> scan) implements ScanOps<T> {
    @Override
    public ScanOps<T> limit(int n) {
      return new Async<>(scan.limit(n));
    }

    @Override
    public ScanOps<T> filter(Condition condition) {
      return new Async<>(scan.filter(condition));
    }

    @Override
    public ScanOps<T> project(Path<?>... paths) {
      return new Async<>(scan.project(paths));
    }

    @Override
    public ScanOps<T> consistentRead() {
      return new Async<>(scan.consistentRead());
    }

    @Override
    public ScanOps<T> after(String cursor) {
      return new Async<>(scan.after(cursor));
    }

    @Override
    public List<T> list() {
      return Await.result(scan.list());
    }

    @Override
    public Page<T> page() {
      return Await.result(scan.page());
    }

    @Override
    public long count() {
      return Await.result(scan.count());
    }

    @Override
    public List<T> streamed() {
      List<T> items = Collections.synchronizedList(new ArrayList<>());
      Await.result(scan.publisher().subscribe(items::add));
      return List.copyOf(items);
    }

    @Override
    public ParallelOps<T> segments(int totalSegments) {
      AsyncParallelScan<T> parallel = scan.segments(totalSegments);
      return new ParallelOps<>() {
        @Override
        public int totalSegments() {
          return parallel.totalSegments();
        }

        @Override
        public ScanOps<T> segment(int segment) {
          return new Async<>(parallel.segment(segment));
        }

        @Override
        public List<T> list() {
          return Await.result(parallel.list());
        }

        @Override
        public List<T> forEach() {
          List<T> items = Collections.synchronizedList(new ArrayList<>());
          Await.result(parallel.forEach(items::add));
          return List.copyOf(items);
        }
      };
    }
  }
}
