package dev.monotable.runtime;

import java.util.Optional;

/**
 * A write whose condition did not hold: nothing was written. When DynamoDB returned the item as it
 * is now, {@link #current(Class)} holds it, decoded as the entity.
 *
 * <pre>{@code
 * try {
 *   table.users().putIfAbsent(user);
 * } catch (ConditionFailedException taken) {
 *   Optional<User> stored = taken.current(User.class);
 * }
 * }</pre>
 */
public class ConditionFailedException extends MonotableException {
  private static final long serialVersionUID = 1L;

  private final transient Object current;

  public ConditionFailedException(String message, Object current, Throwable cause) {
    super(message, cause);
    this.current = current;
  }

  /**
   * The item as it is in the table, decoded as the entity written; empty when there is no item, it
   * is not a {@code type}, or DynamoDB did not return it.
   */
  public <T> Optional<T> current(Class<T> type) {
    return type.isInstance(current) ? Optional.of(type.cast(current)) : Optional.empty();
  }

  /**
   * The item as it is in the table, decoded as the entity written; empty when there is no item or
   * DynamoDB did not return it.
   *
   * @deprecated the type is unchecked: use {@link #current(Class)}
   */
  @Deprecated
  @SuppressWarnings("unchecked")
  public <T> Optional<T> current() {
    return Optional.ofNullable((T) current);
  }
}
