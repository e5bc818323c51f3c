package dev.monotable.runtime.internal;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reading query and scan results page after page, lazily, up to an optional limit. */
final class Paging {
  private Paging() {}

  /** One page read: its items and the key to continue from, null after the last page. */
  record Fetched<T>(List<T> items, Map<String, AttributeValue> next) {}

  /** Reads the page starting after {@code start} (null: the first), of at most {@code limit} items. */
  interface Fetcher<T> {
    Fetched<T> fetch(Map<String, AttributeValue> start, Integer limit);
  }

  /** The continuation key of a response, null when there is none. */
  static Map<String, AttributeValue> next(boolean present, Map<String, AttributeValue> lastEvaluatedKey) {
    return present && !lastEvaluatedKey.isEmpty() ? lastEvaluatedKey : null;
  }

  /** Every item from {@code start} on, at most {@code limit} in all when it is not null. */
  static <T> Stream<T> stream(Fetcher<T> fetcher, Map<String, AttributeValue> start, Integer limit) {
    Iterator<T> items = new Iterator<>() {
      private Map<String, AttributeValue> next = start;
      private boolean more = true;
      private Iterator<T> page = Collections.emptyIterator();
      private int returned;

      @Override
      public boolean hasNext() {
        if (limit != null && returned >= limit) {
          return false;
        }
        while (!page.hasNext() && more) {
          Fetched<T> fetched = fetcher.fetch(next, limit == null ? null : limit - returned);
          page = fetched.items().iterator();
          next = fetched.next();
          more = next != null;
        }
        return page.hasNext();
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        returned++;
        return page.next();
      }
    };
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(items, Spliterator.ORDERED), false);
  }

  /** The sum of the per-page counts from {@code start} to the last page. */
  static long count(Fetcher<Integer> counter, Map<String, AttributeValue> start) {
    long count = 0;
    Map<String, AttributeValue> next = start;
    do {
      Fetched<Integer> fetched = counter.fetch(next, null);
      count += fetched.items().get(0);
      next = fetched.next();
    } while (next != null);
    return count;
  }
}
