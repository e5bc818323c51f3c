package dev.monotable.runtime;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A change to one item of a table, read from its DynamoDB stream and decoded by the entity type
 * its image stores: {@link Inserted}, {@link Modified}, {@link Removed}, or an {@link
 * UnknownChange} when no image names a known entity type. An image the table's view type does not
 * carry is absent, never a half-filled entity.
 *
 * <pre>{@code
 * Change<?> change = table.changes().decode(record);
 * if (change instanceof Change.Modified<?> modified && modified.changed(OrderFields.STATUS)) {
 *   notifyCustomer(modified);
 * }
 * }</pre>
 *
 * @param <T> the entity type, or the raw item map for an unknown change
 */
public sealed interface Change<T> permits Change.Inserted, Change.Modified, Change.Removed, UnknownChange {
  /** The stream record this change was decoded from. */
  ChangeSource source();

  /** The key attributes of the changed item, as stored. */
  default Map<String, AttributeValue> keys() {
    return source().keys();
  }

  /** The record's sequence number: its position in the stream's shard. */
  default String sequenceNumber() {
    return source().sequenceNumber();
  }

  /** When DynamoDB recorded the change. */
  default Instant approximateCreationTime() {
    return source().approximateCreationTime();
  }

  /**
   * Whether the value at {@code path} differs between the item before and after the change:
   * {@code change.changed(OrderFields.STATUS)}. An insertion changes each field it stores, a
   * removal each field the item had.
   *
   * @throws IllegalStateException for a modification when the view type is not
   *     {@code NEW_AND_OLD_IMAGES}: one image is missing, so nothing can be compared
   */
  default boolean changed(Path<?> path) {
    return source().changed(Objects.requireNonNull(path, "path"));
  }

  /**
   * A new item: a put or an update where there was none — or where there was only an item whose time
   * to live had passed and that DynamoDB had not deleted yet, which every read already treated as
   * absent ({@link #replacedExpired()}).
   *
   * @param newImage the item as written
   * @param source the stream record
   */
  record Inserted<T>(T newImage, ChangeSource source) implements Change<T> {
    public Inserted {
      Objects.requireNonNull(newImage, "newImage");
      Objects.requireNonNull(source, "source");
    }

    /**
     * Whether the write replaced an expired item that DynamoDB had not deleted yet (no removal of it
     * will follow); {@code source().oldImage()} holds that item when the view type carries it.
     */
    public boolean replacedExpired() {
      return source.event() == software.amazon.awssdk.services.dynamodb.model.OperationType.MODIFY;
    }
  }

  /**
   * A changed item: a put over it or an update. Each image is present when the view type carries it:
   * both with {@code NEW_AND_OLD_IMAGES}.
   *
   * @param oldImage the item before the change
   * @param newImage the item after the change
   * @param source the stream record
   */
  record Modified<T>(Optional<T> oldImage, Optional<T> newImage, ChangeSource source) implements Change<T> {
    public Modified {
      Objects.requireNonNull(oldImage, "oldImage");
      Objects.requireNonNull(newImage, "newImage");
      Objects.requireNonNull(source, "source");
    }
  }

  /**
   * A deleted item.
   *
   * @param oldImage the item as it was
   * @param expired whether DynamoDB's time to live deleted it, rather than a request
   * @param source the stream record
   */
  record Removed<T>(T oldImage, boolean expired, ChangeSource source) implements Change<T> {
    public Removed {
      Objects.requireNonNull(oldImage, "oldImage");
      Objects.requireNonNull(source, "source");
    }
  }
}
