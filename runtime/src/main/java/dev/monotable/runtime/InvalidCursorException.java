package dev.monotable.runtime;

/**
 * A cursor that this query cannot continue from: malformed or altered, made by another access
 * pattern, or pointing into another partition. Thrown before anything is sent.
 */
public class InvalidCursorException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidCursorException(String message) {
    super(message);
  }
}
