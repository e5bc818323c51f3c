package dev.monotable.runtime;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Identity;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/**
 * The DynamoDB stream record a {@link Change} was decoded from: its event, the changed item's key
 * attributes, the raw images the table's view type carries, its sequence number and time.
 *
 * <pre>{@code
 * ChangeSource source = ChangeSource.of(record);   // a DynamoDB Streams record of the SDK
 * source.sequenceNumber();
 * }</pre>
 */
public final class ChangeSource {
  /** Who deletes expired items: a removal by this service principal is a time-to-live expiry. */
  private static final String TIME_TO_LIVE_PRINCIPAL = "dynamodb.amazonaws.com";

  private final OperationType event;
  private final Map<String, AttributeValue> keys;
  private final Map<String, AttributeValue> oldImage;
  private final Map<String, AttributeValue> newImage;
  private final String sequenceNumber;
  private final Instant approximateCreationTime;
  private final boolean expired;

  private ChangeSource(OperationType event, StreamRecord change, boolean expired) {
    this.event = event;
    this.keys = Map.copyOf(change.keys());
    this.oldImage = change.hasOldImage() ? Map.copyOf(change.oldImage()) : null;
    this.newImage = change.hasNewImage() ? Map.copyOf(change.newImage()) : null;
    this.sequenceNumber = change.sequenceNumber();
    this.approximateCreationTime = change.approximateCreationDateTime();
    this.expired = expired;
  }

  /**
   * The source of a record read with the SDK's {@code DynamoDbStreamsClient} (or converted from
   * another model of the same record).
   *
   * @throws IllegalArgumentException when the record is not a DynamoDB item change: no event name
   *     or no {@code dynamodb} part
   */
  public static ChangeSource of(Record record) {
    Objects.requireNonNull(record, "record");
    OperationType event = record.eventName();
    if (event == null || event == OperationType.UNKNOWN_TO_SDK_VERSION || record.dynamodb() == null) {
      throw new IllegalArgumentException("not a DynamoDB item change: event " + record.eventNameAsString()
          + ", record " + record.eventID());
    }
    Identity identity = record.userIdentity();
    boolean expired = event == OperationType.REMOVE && identity != null
        && "Service".equals(identity.type()) && TIME_TO_LIVE_PRINCIPAL.equals(identity.principalId());
    return new ChangeSource(event, record.dynamodb(), expired);
  }

  /** {@code INSERT}, {@code MODIFY} or {@code REMOVE}. */
  public OperationType event() {
    return event;
  }

  /** The key attributes of the changed item, as stored. */
  public Map<String, AttributeValue> keys() {
    return keys;
  }

  /** The item before the change, when the view type carries it and there was one. */
  public Optional<Map<String, AttributeValue>> oldImage() {
    return Optional.ofNullable(oldImage);
  }

  /** The item after the change, when the view type carries it and there is one. */
  public Optional<Map<String, AttributeValue>> newImage() {
    return Optional.ofNullable(newImage);
  }

  /** The record's position in its shard: ordered within the item's partition. */
  public String sequenceNumber() {
    return sequenceNumber;
  }

  /** When the change was made, to the second or better, as DynamoDB recorded it. */
  public Instant approximateCreationTime() {
    return approximateCreationTime;
  }

  /** Whether this is a removal made by DynamoDB's time to live, not by a request. */
  public boolean expired() {
    return expired;
  }

  /**
   * Whether the value at {@code path} differs between the images. An insertion changes each
   * attribute it stores, a removal each attribute the item had.
   *
   * @throws IllegalStateException when a modification's record lacks an image (the table's view
   *     type is not {@code NEW_AND_OLD_IMAGES}), so nothing can be compared
   */
  boolean changed(Path<?> path) {
    if (event == OperationType.MODIFY && (oldImage == null || newImage == null)) {
      throw new IllegalStateException("record " + sequenceNumber + " does not carry both images of the item,"
          + " so whether " + path.segments() + " changed is unknown; give the table stream NEW_AND_OLD_IMAGES");
    }
    return !Objects.equals(valueAt(oldImage, path.segments()), valueAt(newImage, path.segments()));
  }

  private static AttributeValue valueAt(Map<String, AttributeValue> image, List<Object> segments) {
    AttributeValue value = image == null ? null : image.get((String) segments.get(0));
    for (Object segment : segments.subList(1, segments.size())) {
      if (value == null) {
        return null;
      }
      if (segment instanceof Integer position) {
        value = value.hasL() && position < value.l().size() ? value.l().get(position) : null;
      } else {
        value = value.hasM() ? value.m().get((String) segment) : null;
      }
    }
    return value;
  }

  @Override
  public String toString() {
    return event + " " + keys + " at " + sequenceNumber;
  }
}
