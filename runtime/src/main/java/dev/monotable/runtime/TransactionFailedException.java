package dev.monotable.runtime;

import java.util.List;
import java.util.Optional;

/**
 * A transaction DynamoDB cancelled: nothing of it was written. {@link #reasons()} has one entry per
 * action, in the order the actions were added, so a caller knows which condition failed.
 */
public class TransactionFailedException extends MonotableException {
  private static final long serialVersionUID = 1L;

  /**
   * Why one action was cancelled: {@code code} is DynamoDB's ({@code None} for an action that was
   * fine, {@code ConditionalCheckFailed}, {@code TransactionConflict}, ...).
   */
  public record Reason(String code, String message, Object item) {
    /**
     * The item as it is now, decoded as the action's entity, when DynamoDB returned it and it is a
     * {@code type}.
     */
    public <T> Optional<T> current(Class<T> type) {
      return type.isInstance(item) ? Optional.of(type.cast(item)) : Optional.empty();
    }

    /**
     * The item as it is now, decoded as the action's entity, when DynamoDB returned it.
     *
     * @deprecated the type is unchecked: use {@link #current(Class)}
     */
    @Deprecated
    @SuppressWarnings("unchecked")
    public <T> Optional<T> current() {
      return Optional.ofNullable((T) item);
    }

    /** Whether this action was the cause, not merely cancelled along with the others. */
    public boolean failed() {
      return !"None".equals(code);
    }
  }

  private final transient List<Reason> reasons;

  public TransactionFailedException(String message, List<Reason> reasons, Throwable cause) {
    super(message, cause);
    this.reasons = List.copyOf(reasons);
  }

  /** One reason per action, in request order. */
  public List<Reason> reasons() {
    return reasons;
  }
}
