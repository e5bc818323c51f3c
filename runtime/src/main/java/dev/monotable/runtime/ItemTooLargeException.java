package dev.monotable.runtime;

/**
 * An item over DynamoDB's 400 KB limit. Either Monotable counted it before sending, as DynamoDB
 * counts it, and sent nothing; or DynamoDB refused the write (an update that would grow an item
 * past the limit, say), and wrote nothing of it — then {@link #size()} is not known.
 *
 * <pre>{@code
 * try {
 *   table.orders().update("ada", date, "o-1").append(OrderFields.LINES, moreLines).execute();
 * } catch (ItemTooLargeException tooLarge) {
 *   // keep what grows without bound out of the item: in items of its own, or in S3
 * }
 * }</pre>
 */
public class ItemTooLargeException extends MonotableException {
  private static final long serialVersionUID = 1L;

  /** DynamoDB's limit on an item: 400 KB, attribute names and values counted in UTF-8. */
  public static final int MAX_BYTES = 400 * 1024;

  private final String entity;
  private final long size;

  /** An item of {@code size} bytes, counted before sending; nothing was sent. */
  public ItemTooLargeException(String entity, long size) {
    super("the " + entity + " item is " + size + " bytes; DynamoDB stores items of at most "
        + MAX_BYTES + " bytes (400 KB), names and values counted in UTF-8");
    this.entity = entity;
    this.size = size;
  }

  /**
   * An item DynamoDB refused as over its limit in answer to {@code operation}; nothing of that
   * request was written (of a batch sent in several requests, the others may have been).
   *
   * @param entity the entity type, or {@code null} when the request is across types and DynamoDB
   *     does not say which item it refused
   * @param operation the DynamoDB operation, such as {@code UpdateItem}
   * @param cause DynamoDB's answer
   */
  public ItemTooLargeException(String entity, String operation, Throwable cause) {
    super("DynamoDB refused a " + operation + " request, and wrote nothing of it: "
        + (entity == null ? "an item" : "the " + entity + " item") + " would be over " + MAX_BYTES
        + " bytes (400 KB, names and values counted in UTF-8); keep values that grow without bound out of the item"
        + " (in items of their own, or in S3)", cause);
    this.entity = entity;
    this.size = -1;
  }

  /** The entity type name, or {@code null} when DynamoDB refused an item of a request across types. */
  public String entity() {
    return entity;
  }

  /** The item's size in bytes, or -1 when DynamoDB refused it (it does not say the size). */
  public long size() {
    return size;
  }
}
