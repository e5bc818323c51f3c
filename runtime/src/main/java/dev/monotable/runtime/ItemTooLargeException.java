package dev.monotable.runtime;

import dev.monotable.runtime.internal.ItemSize;

/**
 * An item over DynamoDB's 400 KB limit, counted before sending as DynamoDB counts it. Nothing was
 * sent.
 */
public class ItemTooLargeException extends MonotableException {
  private static final long serialVersionUID = 1L;

  private final String entity;
  private final long size;

  public ItemTooLargeException(String entity, long size) {
    super("the " + entity + " item is " + size + " bytes; DynamoDB stores items of at most "
        + ItemSize.MAX_BYTES + " bytes (400 KB), names and values counted in UTF-8");
    this.entity = entity;
    this.size = size;
  }

  /** The entity type name. */
  public String entity() {
    return entity;
  }

  /** The item's size in bytes. */
  public long size() {
    return size;
  }
}
