package dev.monotable.runtime;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A batch request that DynamoDB still left partly unprocessed after every retry. It carries exactly
 * the keys that were not processed, so nothing is lost silently.
 */
public class BatchIncompleteException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<Map<String, AttributeValue>> unprocessedKeys;

  public BatchIncompleteException(String table, List<Map<String, AttributeValue>> unprocessedKeys, int attempts) {
    super(unprocessedKeys.size() + " keys of table " + table + " were still unprocessed after " + attempts + " attempts");
    this.unprocessedKeys = List.copyOf(unprocessedKeys);
  }

  /** The keys DynamoDB did not process. */
  public List<Map<String, AttributeValue>> unprocessedKeys() {
    return unprocessedKeys;
  }
}
