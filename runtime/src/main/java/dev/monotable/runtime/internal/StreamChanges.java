package dev.monotable.runtime.internal;

import dev.monotable.runtime.Change;
import dev.monotable.runtime.ChangeSource;
import dev.monotable.runtime.UnknownChange;
import java.math.BigDecimal;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Decoding of stream records for the generated {@code <Table>Changes}: which entity type a record's
 * images store, and the typed change of that type.
 */
public final class StreamChanges {
  private StreamChanges() {}

  /**
   * The entity type the record's images store, read from {@code typeAttribute}; empty when no image
   * is carried, an image has no type, or the two images disagree (the item was replaced by one of
   * another type), so that the change stays unknown rather than half-typed.
   */
  public static String typeOf(ChangeSource source, String typeAttribute) {
    Optional<String> before = source.oldImage().map(image -> DynamoTable.typeOf(image, typeAttribute));
    Optional<String> after = source.newImage().map(image -> DynamoTable.typeOf(image, typeAttribute));
    if (before.isPresent() && after.isPresent() && !before.get().equals(after.get())) {
      return "";
    }
    return after.or(() -> before).orElse("");
  }

  /**
   * The change of {@code source} decoded as {@code schema}'s entity, which {@link #typeOf} named;
   * empty when the view type lacks the image that would say what the item is (an insertion without
   * its new image, a removal without its old one).
   *
   * @throws dev.monotable.runtime.MappingException when an image cannot be read as the entity
   */
  public static <T> Optional<Change<T>> typed(ChangeSource source, EntitySchema<T> schema) {
    Optional<T> before = source.oldImage().map(schema::fromItem);
    Optional<T> after = source.newImage().map(schema::fromItem);
    switch (source.event()) {
      case INSERT:
        return after.map(image -> new Change.Inserted<>(image, source));
      case MODIFY:
        if (after.isPresent() && replacedExpired(source, schema)) {
          // every read treated the expired item as absent: writing over it created the item
          return Optional.of(new Change.Inserted<>(after.get(), source));
        }
        return Optional.of(new Change.Modified<>(before, after, source));
      default:
        return before.map(image -> new Change.Removed<>(image, source.expired(), source));
    }
  }

  /**
   * Whether the record's old image is an item whose time to live had passed when the change was
   * made: an item DynamoDB had not deleted yet, which a put or upsert replaced.
   */
  private static boolean replacedExpired(ChangeSource source, EntitySchema<?> schema) {
    String timeToLive = schema.timeToLiveAttribute();
    if (timeToLive == null || source.approximateCreationTime() == null) {
      return false;
    }
    AttributeValue expiry = source.oldImage().map(image -> image.get(timeToLive)).orElse(null);
    if (expiry == null || expiry.n() == null) {
      return false;
    }
    try {
      return new BigDecimal(expiry.n()).compareTo(BigDecimal.valueOf(source.approximateCreationTime().getEpochSecond())) <= 0;
    } catch (NumberFormatException notANumber) {
      return false;
    }
  }

  /** {@link #typed}, or the unknown change of {@code source} when it is empty. */
  public static Change<?> decode(ChangeSource source, EntitySchema<?> schema) {
    return typed(source, schema).<Change<?>>map(change -> change).orElseGet(() -> new UnknownChange(source));
  }
}
