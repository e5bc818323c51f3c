package dev.monotable.runtime;

/**
 * A write of a {@link dev.monotable.annotation.Version @Version}ed entity whose version is not the
 * stored one: someone else wrote it since it was read. Nothing was written; read it again and retry.
 */
public class OptimisticLockException extends ConditionFailedException {
  private static final long serialVersionUID = 1L;

  public OptimisticLockException(String message, Object current, Throwable cause) {
    super(message, current, cause);
  }
}
