package dev.monotable.local.expression;

import dev.monotable.local.value.Value;
import java.util.List;
import java.util.Map;

/** A parsed condition or filter expression. */
public interface Condition {
  /** Whether {@code item} (the whole current item, an empty map when there is none) satisfies it. */
  boolean test(Map<String, Value> item);

  /**
   * The distinct top-level attribute names the expression reads (placeholders substituted), in
   * the order they first appear; for checks such as "a filter may not use key attributes".
   */
  default List<String> attributeNames() {
    return List.of();
  }

  /**
   * The distinct document paths the expression reads (placeholders substituted), in the order
   * they first appear; for checks such as "key attributes must be scalars".
   */
  default List<DocumentPath> paths() {
    return List.of();
  }
}
