package dev.monotable.runtime;

/**
 * An update refused before anything was sent: it sets a field of a primary-key template, changes
 * nothing, or changes a field an index key is built from without giving what the index key needs.
 *
 * <pre>{@code
 * table.orders().update("ada", date, "o-1").set(OrderFields.ORDER_ID, "o-2");   // throws: it would move the item
 * }</pre>
 */
public class InvalidUpdateException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidUpdateException(String message) {
    super(message);
  }
}
