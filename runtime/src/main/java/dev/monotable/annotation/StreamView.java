package dev.monotable.annotation;

/**
 * What a table's DynamoDB stream records carry about each changed item ({@link Table#stream()}).
 * Monotable types a change by the entity type stored in its image, so a change is decoded to an
 * entity only where the view type carries an image: with {@link #KEYS_ONLY} every change stays
 * unknown, with {@link #NEW_IMAGE} removals do, with {@link #OLD_IMAGE} insertions do.
 */
public enum StreamView {
  /** No stream (the default). */
  NONE,
  /** Only the key attributes of the changed item. */
  KEYS_ONLY,
  /** The item as it is after the change. */
  NEW_IMAGE,
  /** The item as it was before the change. */
  OLD_IMAGE,
  /** The item before and after the change: what "if the status changed, notify" needs. */
  NEW_AND_OLD_IMAGES
}
