package dev.monotable.runtime;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A batch that DynamoDB still left partly unprocessed after every retry. It carries exactly what
 * was not processed — the keys of unread or undeleted items, the items not written — so nothing
 * is lost silently; everything else of the batch was processed.
 */
public class BatchIncompleteException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<Map<String, AttributeValue>> unprocessed;

  public BatchIncompleteException(String what, String table, List<Map<String, AttributeValue>> unprocessed, int attempts) {
    super(unprocessed.size() + " " + what + " of table " + table + " were still unprocessed after " + attempts
        + " attempts");
    this.unprocessed = List.copyOf(unprocessed);
  }

  /**
   * What DynamoDB did not process: keys for gets and deletes, whole items for puts, in the order
   * they were asked for.
   */
  public List<Map<String, AttributeValue>> unprocessed() {
    return unprocessed;
  }
}
