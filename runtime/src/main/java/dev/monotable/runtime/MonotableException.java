package dev.monotable.runtime;

/**
 * The failure of an operation Monotable sent, or tried to: a condition that did not hold, a
 * cancelled transaction, a batch left partly unprocessed, an item that cannot be mapped. Input that
 * is refused before anything is sent is an {@link IllegalArgumentException} instead
 * ({@link InvalidKeyException}, {@link InvalidCursorException}, {@link InvalidUpdateException}).
 *
 * <pre>{@code
 * try {
 *   table.orders().update("ada", date, "o-1").set(OrderFields.TOTAL, total).execute();
 * } catch (MonotableException failed) {
 *   log.warn("order not updated: {}", failed.getMessage());
 * }
 * }</pre>
 */
public class MonotableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MonotableException(String message) {
    super(message);
  }

  public MonotableException(String message, Throwable cause) {
    super(message, cause);
  }
}
