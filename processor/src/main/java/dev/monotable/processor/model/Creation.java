package dev.monotable.processor.model;

import java.util.Optional;

/**
 * How generated code builds an instance: through the canonical constructor (records, immutable
 * classes; parameters in field order) or a no-argument constructor and setters (beans).
 * {@code problem} says why neither is possible.
 */
public record Creation(Kind kind, Optional<String> problem) {
  public enum Kind { CONSTRUCTOR, SETTERS, NONE }

  public static Creation constructor() {
    return new Creation(Kind.CONSTRUCTOR, Optional.empty());
  }

  public static Creation setters() {
    return new Creation(Kind.SETTERS, Optional.empty());
  }

  public static Creation impossible(String problem) {
    return new Creation(Kind.NONE, Optional.of(problem));
  }
}
