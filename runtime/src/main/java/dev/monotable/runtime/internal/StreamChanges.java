package dev.monotable.runtime.internal;

import dev.monotable.runtime.Change;
import dev.monotable.runtime.ChangeSource;
import dev.monotable.runtime.UnknownChange;
import java.util.Optional;

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
        return Optional.of(new Change.Modified<>(before, after, source));
      default:
        return before.map(image -> new Change.Removed<>(image, source.expired(), source));
    }
  }

  /** {@link #typed}, or the unknown change of {@code source} when it is empty. */
  public static Change<?> decode(ChangeSource source, EntitySchema<?> schema) {
    return typed(source, schema).<Change<?>>map(change -> change).orElseGet(() -> new UnknownChange(source));
  }
}
