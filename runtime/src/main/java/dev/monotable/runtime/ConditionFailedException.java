package dev.monotable.runtime;

import java.util.Optional;

/**
 * A write whose condition did not hold: nothing was written. When DynamoDB returned the item as it
 * is now, {@link #current()} holds it, decoded as the entity.
 */
public class ConditionFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Object current;

  public ConditionFailedException(String message, Object current, Throwable cause) {
    super(message, cause);
    this.current = current;
  }

  /**
   * The item as it is in the table, decoded as the entity written; empty when there is no item or
   * DynamoDB did not return it.
   */
  @SuppressWarnings("unchecked")
  public <T> Optional<T> current() {
    return Optional.ofNullable((T) current);
  }
}
