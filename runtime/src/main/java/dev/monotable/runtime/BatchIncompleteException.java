package dev.monotable.runtime;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A batch that DynamoDB still left partly unprocessed after every retry. It carries exactly what
 * was not processed — the keys of unread or undeleted items, the items not written (also as
 * entities, typed) — so nothing is lost silently; everything else of the batch was processed.
 *
 * <pre>{@code
 * try {
 *   table.orders().batchPut(orders);
 * } catch (BatchIncompleteException incomplete) {
 *   List<Order> notWritten = incomplete.unprocessed(Order.class);
 * }
 * }</pre>
 */
public class BatchIncompleteException extends MonotableException {
  private static final long serialVersionUID = 1L;

  private final transient List<Map<String, AttributeValue>> unprocessed;
  private final transient List<Object> entities;

  public BatchIncompleteException(String what, String table, List<Map<String, AttributeValue>> unprocessed, int attempts) {
    this(what, table, unprocessed, List.of(), attempts);
  }

  /** With the entities of the unprocessed puts, decoded. */
  public BatchIncompleteException(String what, String table, List<Map<String, AttributeValue>> unprocessed,
      List<?> entities, int attempts) {
    super(unprocessed.size() + " " + what + " of table " + table + " were still unprocessed after " + attempts
        + " attempts");
    this.unprocessed = List.copyOf(unprocessed);
    this.entities = List.copyOf(entities);
  }

  /**
   * The same incomplete batch, handing back what was not processed as the caller's own values: the
   * generated {@code Key} records of a repository's batch get or delete.
   */
  public BatchIncompleteException(BatchIncompleteException incomplete, List<?> typed) {
    super(incomplete.getMessage(), incomplete);
    this.unprocessed = incomplete.unprocessed;
    this.entities = List.copyOf(typed);
  }

  /**
   * What DynamoDB did not process, typed, in the order given: the entities of unwritten puts
   * ({@code unprocessed(Order.class)}), or for a repository's batch get or delete its unread or
   * undeleted keys ({@code unprocessed(OrderRepository.Key.class)}).
   */
  public <T> List<T> unprocessed(Class<T> type) {
    return entities.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /**
   * What DynamoDB did not process: keys for gets and deletes, whole items for puts, in the order
   * they were asked for.
   */
  public List<Map<String, AttributeValue>> unprocessed() {
    return unprocessed;
  }
}
