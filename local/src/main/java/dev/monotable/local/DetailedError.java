package dev.monotable.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.monotable.local.value.DynamoError;

/** An error whose body carries more than the message: an Item, CancellationReasons. */
final class DetailedError extends DynamoError {
  private static final long serialVersionUID = 1L;
  private final transient ObjectNode details;

  DetailedError(String type, String message, ObjectNode details) {
    super(type, message, 400);
    this.details = details;
  }

  ObjectNode details() {
    return details.deepCopy();
  }
}
