package dev.monotable.runtime;

/**
 * A cursor that this query cannot continue from: malformed or altered, made by another access
 * pattern, pointing into another partition or outside the query's sort-key condition, or made by a
 * query of the other direction, or of shards when this one reads a single partition (or the other
 * way round). Thrown before anything is sent.
 */
public class InvalidCursorException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidCursorException(String message) {
    super(message);
  }
}
