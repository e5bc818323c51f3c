package dev.monotable.runtime;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;

/**
 * A change that names no entity type of the table: an item written by other code, or a record
 * whose view type carries no image to read the type from (every record of a {@code KEYS_ONLY}
 * stream, removals of a {@code NEW_IMAGE} one). It keeps the raw images; decoding never fails on it.
 *
 * @param source the stream record
 */
public record UnknownChange(ChangeSource source) implements Change<Map<String, AttributeValue>> {
  public UnknownChange {
    Objects.requireNonNull(source, "source");
  }

  /** {@code INSERT}, {@code MODIFY} or {@code REMOVE}. */
  public OperationType event() {
    return source.event();
  }

  /** The raw item before the change, when the record carries it. */
  public Optional<Map<String, AttributeValue>> oldImage() {
    return source.oldImage();
  }

  /** The raw item after the change, when the record carries it. */
  public Optional<Map<String, AttributeValue>> newImage() {
    return source.newImage();
  }
}
